// Where worker threads run. "none" leaves it to the scheduler; "spread" deals workers
// round-robin over the CPUs this process may use (one per CPU while they last);
// "compact" puts every worker on the first usable CPU (every hand-off is then a context
// switch on one core); a CPU list "0,2-3" deals round-robin over the listed CPUs.
#include "run/runner.hpp"
#include "sys/cpus.hpp"

#include <charconv>
#include <stdexcept>
#include <string_view>

namespace psem::bench {
namespace {

int parse_int(std::string_view s, const std::string& whole) {
    int v = -1;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v < 0)
        throw std::invalid_argument("affinity \"" + whole + "\": \"" + std::string(s) + "\" is not a CPU number");
    return v;
}

std::vector<int> parse_cpu_list(const std::string& list) {
    std::vector<int> out;
    std::string_view rest = list;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        const auto dash = item.find('-');
        const int lo = parse_int(item.substr(0, dash), list);
        const int hi = dash == std::string_view::npos ? lo : parse_int(item.substr(dash + 1), list);
        if (hi < lo) throw std::invalid_argument("affinity \"" + list + "\": empty range");
        for (int c = lo; c <= hi; ++c) out.push_back(c);
    }
    return out;
}

}  // namespace

std::vector<int> assign_cpus(const std::string& affinity, int workers) {
    std::vector<int> out(static_cast<std::size_t>(workers), -1);
    if (affinity.empty() || affinity == "none") return out;
    const std::vector<int> usable = usable_cpus();
    if (usable.empty()) return out;  // cannot tell: leave it to the scheduler
    std::vector<int> pool;
    if (affinity == "spread") pool = usable;
    else if (affinity == "compact") pool = {usable.front()};
    else {
        for (int c : parse_cpu_list(affinity))
            if (std::find(usable.begin(), usable.end(), c) != usable.end()) pool.push_back(c);
        if (pool.empty())
            throw std::invalid_argument("affinity \"" + affinity + "\" names no CPU this process may run on");
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = pool[i % pool.size()];
    return out;
}

}  // namespace psem::bench
