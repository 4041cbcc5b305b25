// analysis/gate_schedule.cpp - see gate_schedule.hpp.
#include "analysis/gate_schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace psem::bench {

std::string gate_report_name(int round, int rounds, const std::string& unit) {
    const std::size_t width = std::max<std::size_t>(3, std::to_string(rounds).size());
    return fmt::format("round-{:0{}}{}{}.json", round, width, unit.empty() ? "" : "-", unit);
}

std::vector<gate_run> gate_schedule(const gate_schedule_spec& spec) {
    if (spec.arms.empty()) throw std::invalid_argument("gate schedule: no arm");
    if (spec.units.empty()) throw std::invalid_argument("gate schedule: no unit");
    if (spec.rounds < 1) throw std::invalid_argument("gate schedule: rounds must be at least 1");
    if (spec.warmup_rounds < 0) throw std::invalid_argument("gate schedule: warm-up rounds must not be negative");
    const long arms = static_cast<long>(spec.arms.size());
    std::vector<gate_run> runs;
    runs.reserve(static_cast<std::size_t>(spec.warmup_rounds + spec.rounds) * spec.units.size() * spec.arms.size());
    // `index` is the round's place in the rotation: 0 for the first recorded round, the
    // warm-up rounds before it -warmup_rounds..-1.
    for (long index = -spec.warmup_rounds; index < spec.rounds; ++index) {
        const bool warmup = index < 0;
        const int round = static_cast<int>(warmup ? index + spec.warmup_rounds + 1 : index + 1);
        const int of = warmup ? spec.warmup_rounds : spec.rounds;
        for (std::size_t unit = 0; unit < spec.units.size(); ++unit) {
            const long first = ((index + static_cast<long>(unit)) % arms + arms) % arms;
            for (long k = 0; k < arms; ++k) {
                gate_run run;
                run.round = round;
                run.warmup = warmup;
                run.unit = unit;
                run.arm = static_cast<std::size_t>((first + k) % arms);
                run.report = fmt::format("{}{}/{}", warmup ? "warmup/" : "", spec.arms[run.arm],
                                         gate_report_name(round, of, spec.units[unit]));
                runs.push_back(std::move(run));
            }
        }
    }
    return runs;
}

}  // namespace psem::bench
