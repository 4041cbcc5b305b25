// producer_consumer: producer processes post, consumer processes wait, through one
// semaphore. The run ends when every posted unit is taken; the consumer that takes the
// last one posts one extra unit per other consumer thread, so each of them wakes, sees
// the count is past the total, and leaves: no consumer can sleep through the end.
//
// Wake-up latency: producers stamp the time of the n-th post (in post order) in shared
// memory; the consumer that makes the n-th take measures against it. Units are
// fungible, so this is exactly the queueing delay of a FIFO hand-off.
//
// post_interval_ns paces the producers: each thread's k-th post is due k intervals after
// the start signal, and it sleeps until then (absolute deadlines, so a late post is not
// carried into the next ones: the offered load stays what was asked). Then ns/op is the
// pace, and what the run measures is the consumers' wake-up latency at that load.
//
// idle_ns instead makes each producer thread sleep that long after its previous post
// (its first: after the start signal), so a consumer waits at least about that long for
// each unit: wake-up latency after a known idle time.
#include "stats/descriptive.hpp"
#include "workloads/common.hpp"
#include "workloads/registry.hpp"

namespace psem::bench {
namespace {

// Post times are kept for at most this many units (32 MiB of shared memory); later
// units are still counted, their latency is not sampled.
constexpr std::uint64_t max_stamps = std::uint64_t{1} << 22;

class producer_consumer final : public workload {
public:
    std::string_view name() const override { return "producer_consumer"; }

    std::string validate(const scenario& sc) const override {
        // The end of a run is "every posted unit taken": that needs the total up front.
        if (sc.duration_ms) return "producer_consumer needs ops_per_worker, not duration_ms";
        return {};
    }

    std::vector<semaphore_spec> semaphores(const scenario& sc) const override {
        return {{"items", sc.initial_value}};
    }

    std::vector<std::string> roles(const scenario& sc) const override {
        std::vector<std::string> r(static_cast<std::size_t>(sc.producers), "producer");
        r.insert(r.end(), static_cast<std::size_t>(sc.consumers), "consumer");
        return r;
    }

    std::uint64_t stamp_slots(const scenario& sc) const override {
        return std::min(total_units(sc), max_stamps);
    }

    worker_result run_worker(worker_env& env) const override {
        return detail::with_backend(env, 0, [&](auto sem) {
            if (env.role != "producer") return consume(env, sem);
            // One loop per pacing, so the unpaced one carries no pacing branch.
            if (env.config.post_interval_ns != 0) return produce<pacing::interval>(env, sem);
            if (env.config.idle_ns != 0) return produce<pacing::idle>(env, sem);
            return produce<pacing::none>(env, sem);
        });
    }

    void summarize(const scenario& sc, std::span<const worker_result> results, run_record& rec) const override {
        std::vector<double> taken;
        rec.ops = 0;
        for (const auto& r : results)
            if (r.role == "consumer") {
                taken.push_back(static_cast<double>(r.ops));
                rec.ops += r.ops;
            }
        rec.counters["fairness"] = jain_fairness(taken);
        if (sc.post_interval_ns != 0) paced_counters(sc, results, rec);
    }

    /// Every unit that will ever be available: what producers post plus the initial value.
    std::uint64_t total_units(const scenario& sc) const override {
        return static_cast<std::uint64_t>(sc.producers) * static_cast<std::uint64_t>(sc.threads_per_process) *
                   sc.ops_per_worker.value_or(0) +
               sc.initial_value;
    }

private:
    // What was offered against what was asked: a producer that cannot keep the pace (the
    // host is too slow, or too loaded) posts late, and the achieved rate falls short. A
    // thread's n posts span n - 1 intervals (the first is due at the start signal), so a
    // producer on time reads the offered rate, never more.
    static void paced_counters(const scenario& sc, std::span<const worker_result> results, run_record& rec) {
        double achieved = 0;
        for (const auto& r : results)
            if (r.role == "producer" && r.ops > 1 && r.end_ns > r.start_ns)
                achieved += static_cast<double>(r.ops - 1) * 1e9 / static_cast<double>(r.end_ns - r.start_ns);
        const double threads = static_cast<double>(sc.producers) * static_cast<double>(sc.threads_per_process);
        rec.counters["offered_posts_per_sec"] = threads * 1e9 / static_cast<double>(sc.post_interval_ns);
        rec.counters["posts_per_sec"] = achieved;
    }

    enum class pacing { none, interval, idle };

    template <pacing Pace, class Sem>
    static worker_result produce(worker_env& env, Sem sem) {
        worker_result r;
        const std::uint64_t interval = env.config.post_interval_ns;
        const std::uint64_t idle = env.config.idle_ns;
        if constexpr (Pace != pacing::none) detail::tight_timer_slack();
        if (!detail::pass_start_barrier(env, r)) return r;
        control_block& ctl = *env.control;
        auto* stamps = ctl.post_stamps();
        const std::uint64_t slots = ctl.post_stamps_len;
        const std::uint64_t initial = env.config.initial_value;
        int err = 0;
        detail::phase_meter meter;
        meter.begin();
        const std::uint64_t start = meter.start_ns();
        [[maybe_unused]] std::uint64_t last_post = start;
        r.ops = detail::drive(env.config, start, [&](std::uint64_t i) {
            if constexpr (Pace == pacing::interval) {
                const std::uint64_t due = start + i * interval;
                if (now_ns() < due) sleep_until_ns(due);  // already due: no system call
            } else if constexpr (Pace == pacing::idle) {
                sleep_until_ns(last_post + idle);
            }
            const std::uint64_t seq = initial + ctl.posted.fetch_add(1, std::memory_order_relaxed);
            if (seq < slots) stamps[seq].store(now_ns(), std::memory_order_relaxed);
            if (!sem.post()) [[unlikely]] {
                err = errno;
                return false;
            }
            if constexpr (Pace == pacing::idle) last_post = now_ns();
            return true;
        });
        meter.end(r);
        if (err != 0) r.error = detail::op_error("producer post", err);
        return r;
    }

    template <class Sem>
    static worker_result consume(worker_env& env, Sem sem) {
        worker_result r;
        r.has_latency = true;
        // Calibrated before the clock starts: the loop only counts iterations.
        const std::uint64_t spin = detail::spin_count(env.config);
        if (!detail::pass_start_barrier(env, r)) return r;
        control_block& ctl = *env.control;
        auto* stamps = ctl.post_stamps();
        const std::uint64_t slots = ctl.post_stamps_len;
        const std::uint64_t total = ctl.total_ops;
        const auto consumer_threads = static_cast<unsigned>(env.config.consumers * env.config.threads_per_process);
        detail::phase_meter meter;
        meter.begin();
        r.intervals.start(meter.start_ns(), env.hlog_interval_ns);
        for (;;) {
            if (!sem.wait()) {
                r.error = detail::op_error("consumer wait", errno);
                break;
            }
            const std::uint64_t n = ctl.taken.fetch_add(1, std::memory_order_acq_rel);
            if (n >= total) break;  // a wake-up unit: everything is taken
            if (n < slots) {
                const std::uint64_t posted_at = stamps[n].load(std::memory_order_relaxed);
                const std::uint64_t now = now_ns();
                if (posted_at != 0 && now >= posted_at) {
                    r.latency.record(now - posted_at);
                    r.intervals.after_record(r.latency, now);
                }
            }
            ++r.ops;
            if (spin != 0) spin_iterations(spin);
            if (n + 1 == total) {
                // The last unit: wake every other consumer thread so it can leave.
                for (unsigned i = 1; i < consumer_threads; ++i)
                    if (!sem.post()) {
                        r.error = detail::op_error("consumer end-of-run post", errno);
                        break;
                    }
                break;
            }
        }
        meter.end(r);
        return r;
    }
};

}  // namespace

std::unique_ptr<workload> make_producer_consumer() { return std::make_unique<producer_consumer>(); }

}  // namespace psem::bench
