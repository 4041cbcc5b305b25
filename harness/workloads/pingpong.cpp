// pingpong: two processes hand a token back and forth over two semaphores. One op is one
// round trip (two hand-offs); the "ping" side times every round trip, since each one
// blocks and costs microseconds, far above a clock read.
//
// idle_ns makes the ping side sleep that long before each round trip (to an absolute
// deadline: idle_ns after the previous round trip ended), so the pong side has been
// blocked at least that long when the token arrives: wake-up latency after a known idle
// time. The sleep is outside the timed span; in duration mode the clock is checked after
// every round trip, not every 256.
//
// background_processes adds load: that many more processes loop post+wait on a semaphore
// of their own, from the start signal until the ping side is done. They compete for the
// CPUs and the kernel's semaphore paths, never for the token, and report no figures, so
// the record is the pair's alone.
#include "workloads/common.hpp"
#include "workloads/registry.hpp"

namespace psem::bench {
namespace {

enum : std::size_t { ping_sem = 0, pong_sem = 1, background_sem = 2 };

class pingpong final : public workload {
public:
    std::string_view name() const override { return "pingpong"; }

    std::vector<semaphore_spec> semaphores(const scenario& sc) const override {
        if (sc.background_processes == 0) return {{"ping", 0}, {"pong", 0}};
        return {{"ping", 0}, {"pong", 0}, {"background", 0}};
    }

    std::vector<std::string> roles(const scenario& sc) const override {
        std::vector<std::string> roles{"ping", "pong"};
        roles.insert(roles.end(), static_cast<std::size_t>(sc.background_processes), "background");
        return roles;
    }

    worker_result run_worker(worker_env& env) const override {
        if (env.role == "background")
            return detail::with_backend(env, background_sem, [&](auto sem) { return load(env, sem); });
        if (env.config.idle_ns != 0) return run_with<true>(env);
        return run_with<false>(env);
    }

    void summarize(const scenario&, std::span<const worker_result> results, run_record& rec) const override {
        // Only the ping side counts round trips; the pong side reports none.
        rec.ops = 0;
        for (const auto& r : results) rec.ops += r.ops;
    }

private:
    template <bool Idle>
    static worker_result run_with(worker_env& env) {
        return detail::with_backend_type(env, [&]<class B>() {
            return run<Idle>(env, B::make(env, ping_sem), B::make(env, pong_sem));
        });
    }

    template <bool Idle, class Sem>
    static worker_result run(worker_env& env, Sem ping, Sem pong) {
        worker_result r;
        const scenario& sc = env.config;
        const bool is_ping = env.role == "ping";
        for (std::uint64_t i = 0; i < sc.warmup_ops; ++i) {
            const bool ok = is_ping ? ping.post() && pong.wait() : ping.wait() && pong.post();
            if (!ok) {
                r.error = detail::op_error("warm-up hand-off", errno);
                return r;
            }
        }
        // Calibrated before the clock starts: the loop only counts iterations.
        const std::uint64_t spin = detail::spin_count(sc);
        if (!detail::pass_start_barrier(env, r)) return r;
        detail::phase_meter meter;
        meter.begin();
        int err = 0;
        if (is_ping) {
            if constexpr (Idle) detail::tight_timer_slack();
            r.intervals.start(meter.start_ns(), env.hlog_interval_ns);
            [[maybe_unused]] std::uint64_t last_end = meter.start_ns();
            const auto round_trip = [&](std::uint64_t) {
                if constexpr (Idle) sleep_until_ns(last_end + sc.idle_ns);
                const std::uint64_t t0 = now_ns();
                if (!ping.post() || !pong.wait()) [[unlikely]] {
                    err = errno;
                    return false;
                }
                const std::uint64_t t1 = now_ns();
                r.latency.record(t1 - t0);
                r.intervals.after_record(r.latency, t1);
                if constexpr (Idle) last_end = t1;
                return true;
            };
            r.ops = detail::drive(sc, meter.start_ns(), round_trip, Idle ? 1 : detail::duration_batch);
            r.has_latency = true;
            if (err == 0) {
                // Done: tell the background load and, when time is up, the pong side, which
                // then needs the token to see it (by count it has already stopped).
                env.control->stop.store(1, std::memory_order_release);
                if (sc.duration_ms && !ping.post()) err = errno;
            }
        } else {
            const std::uint64_t limit = sc.ops_per_worker.value_or(UINT64_MAX);
            for (std::uint64_t i = 0; i < limit; ++i) {
                if (!ping.wait()) {
                    err = errno;
                    break;
                }
                if (env.control->stop.load(std::memory_order_acquire) != 0) break;
                if (spin != 0) spin_iterations(spin);
                if (!pong.post()) {
                    err = errno;
                    break;
                }
            }
        }
        meter.end(r);
        if (err != 0) r.error = detail::op_error(is_ping ? "ping side post/wait" : "pong side wait/post", err);
        return r;
    }

    // Each background process posts before it waits, so the semaphore's value always covers
    // the waiters among them: none sleeps for good, and each sees the stop flag within one
    // op. No clock, no figures: start_ns stays 0, which keeps it out of the wall time.
    template <class Sem>
    static worker_result load(worker_env& env, Sem sem) {
        worker_result r;
        if (!detail::pass_start_barrier(env, r)) return r;
        while (env.control->stop.load(std::memory_order_relaxed) == 0) {
            if (!sem.post() || !sem.wait()) [[unlikely]] {
                r.error = detail::op_error("background post/wait", errno);
                break;
            }
        }
        return r;
    }
};

}  // namespace

std::unique_ptr<workload> make_pingpong() { return std::make_unique<pingpong>(); }

}  // namespace psem::bench
