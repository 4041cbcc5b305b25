#include "context/cacheline_probe.hpp"

#include "measure/clock.hpp"
#include "stats/descriptive.hpp"
#include "sys/cpus.hpp"

#include <atomic>
#include <thread>

namespace psem::bench {
namespace {

inline void pause_cpu() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

// The line both threads write, alone on its cache line (and the next: adjacent-line
// prefetch would otherwise pull a neighbour along).
struct alignas(128) shared_line {
    std::atomic<std::uint64_t> turn{0};
    std::atomic<int> abort{0};
};

constexpr std::uint64_t give_up_ns = 1'000'000'000;

// Waits until line.turn == want; false when the run is given up. The clock is read every
// 4096 spins only: the timeout is a safety net, not part of the figure.
bool wait_turn(shared_line& line, std::uint64_t want, std::uint64_t deadline_ns) {
    for (std::uint32_t spins = 1;; ++spins) {
        if (line.turn.load(std::memory_order_acquire) == want) return true;
        if (line.abort.load(std::memory_order_relaxed) != 0) return false;
        if ((spins & 4095u) == 0 && now_ns() > deadline_ns) {
            line.abort.store(1, std::memory_order_relaxed);
            return false;
        }
        pause_cpu();
    }
}

// One run: the mean round trip in ns, or a negative value when it failed.
double one_run(int cpu_a, int cpu_b, std::uint64_t round_trips) {
    shared_line line;
    std::atomic<int> pinned{0};
    std::atomic<bool> pin_failed{false};
    const std::uint64_t deadline = now_ns() + give_up_ns;
    std::thread echo([&] {
        if (!pin_this_thread(cpu_b)) pin_failed = true;
        pinned.fetch_add(1);
        for (std::uint64_t i = 1; i <= round_trips; ++i) {
            if (!wait_turn(line, 2 * i - 1, deadline)) return;
            line.turn.store(2 * i, std::memory_order_release);
        }
    });
    double result = -1;
    if (!pin_this_thread(cpu_a)) pin_failed = true;
    pinned.fetch_add(1);
    while (pinned.load() < 2) pause_cpu();
    if (!pin_failed) {
        const std::uint64_t t0 = now_ns();
        bool ok = true;
        for (std::uint64_t i = 1; i <= round_trips && ok; ++i) {
            line.turn.store(2 * i - 1, std::memory_order_release);
            ok = wait_turn(line, 2 * i, deadline);
        }
        if (ok) result = static_cast<double>(now_ns() - t0) / static_cast<double>(round_trips);
    } else {
        line.abort.store(1);
    }
    echo.join();
    return result;
}

}  // namespace

std::optional<cacheline_round_trip> measure_cacheline_round_trip(int runs, std::uint64_t round_trips) {
    const std::vector<int> cpus = usable_cpus();
    if (cpus.size() < 2 || runs < 1 || round_trips == 0) return std::nullopt;
    cacheline_round_trip out;
    out.cpu_a = cpus[0];
    out.cpu_b = cpus[1];
    out.round_trips = round_trips;
    // The measuring thread is a fresh one, so pinning it leaves the caller's mask alone.
    std::thread measure([&] {
        for (int r = 0; r < runs; ++r) {
            const double ns = one_run(out.cpu_a, out.cpu_b, round_trips);
            if (ns < 0) {
                out.runs_ns.clear();
                return;
            }
            out.runs_ns.push_back(ns);
        }
    });
    measure.join();
    if (out.runs_ns.empty()) return std::nullopt;
    out.median_ns = median(out.runs_ns);
    return out;
}

}  // namespace psem::bench
