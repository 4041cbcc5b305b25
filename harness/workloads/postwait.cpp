// postwait: every worker thread loops post then wait on one shared semaphore, the Go
// package's PostWait (1 worker) and PostWaitParallel (N workers) benchmarks.
#include "workloads/common.hpp"
#include "workloads/registry.hpp"

namespace psem::bench {
namespace {

// One op in this many is timed on its own, for latency percentiles: two clock reads per
// 256 ops cost ~0.2 ns/op, well under the noise of a 15 ns uncontended op.
constexpr std::uint64_t sample_mask = 255;

class postwait final : public workload {
public:
    std::string_view name() const override { return "postwait"; }

    std::vector<semaphore_spec> semaphores(const scenario& sc) const override {
        return {{"work", sc.initial_value}};
    }

    std::vector<std::string> roles(const scenario& sc) const override {
        return std::vector<std::string>(static_cast<std::size_t>(sc.processes), "worker");
    }

    worker_result run_worker(worker_env& env) const override {
        return detail::with_backend(env, 0, [&](auto sem) { return loop(env, sem); });
    }

    void summarize(const scenario&, std::span<const worker_result>, run_record&) const override {}

private:
    template <class Sem>
    static worker_result loop(worker_env& env, Sem sem) {
        worker_result r;
        const scenario& sc = env.config;
        for (std::uint64_t i = 0; i < sc.warmup_ops; ++i)
            if (!sem.post() || !sem.wait()) {
                r.error = detail::op_error("warm-up post/wait", errno);
                return r;
            }
        // Calibrated before the start barrier: the loop only counts iterations.
        const std::uint64_t spin = detail::spin_count(sc);
        if (!detail::pass_start_barrier(env, r)) return r;
        int err = 0;
        detail::phase_meter meter;
        meter.begin();
        r.intervals.start(meter.start_ns(), env.hlog_interval_ns);
        r.ops = detail::drive(sc, meter.start_ns(), [&](std::uint64_t i) {
            bool ok;
            if ((i & sample_mask) == 0) [[unlikely]] {
                const std::uint64_t t0 = now_ns();
                ok = sem.post() && sem.wait();
                const std::uint64_t t1 = now_ns();
                r.latency.record(t1 - t0);
                r.intervals.after_record(r.latency, t1);
            } else {
                ok = sem.post() && sem.wait();
            }
            if (!ok) [[unlikely]] {
                err = errno;
                return false;
            }
            if (spin != 0) spin_iterations(spin);  // "holding" the unit just taken
            return true;
        });
        meter.end(r);
        r.has_latency = true;
        if (err != 0) r.error = detail::op_error("post/wait", err);
        return r;
    }
};

}  // namespace

std::unique_ptr<workload> make_postwait() { return std::make_unique<postwait>(); }
}  // namespace psem::bench
