// measure/interval_tracker.cpp - see interval_tracker.hpp.
#include "measure/interval_tracker.hpp"

#include <algorithm>
#include <map>

namespace psem::bench {

void interval_tracker::start(std::uint64_t start_ns, std::uint64_t interval_ns) {
    start_ns_ = start_ns;
    interval_ns_ = interval_ns;
    current_ = 0;
    intervals_.clear();
    if (interval_ns == 0) {
        next_ns_ = UINT64_MAX;
        previous_.clear();
        return;
    }
    next_ns_ = start_ns + interval_ns;
    previous_.assign(latency_histogram::bucket_count, 0);
}

void interval_tracker::close(const latency_histogram& total, std::uint64_t now_ns) {
    latency_interval closed{current_, {}};
    const auto counts = total.counts();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == previous_[i]) continue;
        closed.counts.emplace_back(static_cast<std::uint32_t>(i), counts[i] - previous_[i]);
        previous_[i] = counts[i];
    }
    intervals_.push_back(std::move(closed));
    // An op that spanned several boundaries leaves the intervals between empty: absent here,
    // written as empty histograms in the log.
    current_ = (now_ns - start_ns_) / interval_ns_;
    next_ns_ = start_ns_ + (current_ + 1) * interval_ns_;
}

void interval_tracker::finish(const latency_histogram& total) {
    if (interval_ns_ == 0) return;
    close(total, next_ns_);
    next_ns_ = UINT64_MAX;
}

void merge_intervals(std::vector<latency_interval>& into, const std::vector<latency_interval>& from) {
    std::map<std::uint64_t, std::map<std::uint32_t, std::uint64_t>> all;
    const std::vector<latency_interval>* lists[] = {&into, &from};
    for (const auto* list : lists)
        for (const latency_interval& iv : *list) {
            auto& counts = all[iv.index];  // an interval with no counts still marks its time
            for (const auto& [bucket, count] : iv.counts) counts[bucket] += count;
        }
    into.clear();
    for (const auto& [index, counts] : all) into.push_back({index, {counts.begin(), counts.end()}});
}

bool to_histogram(const latency_interval& in, latency_histogram& out) {
    out.reset();
    std::vector<std::uint64_t> counts(latency_histogram::bucket_count, 0);
    std::uint64_t min = UINT64_MAX, max = 0;
    for (const auto& [bucket, count] : in.counts) {
        if (bucket >= counts.size()) return false;
        counts[bucket] += count;
        if (count == 0) continue;
        min = std::min<std::uint64_t>(min, latency_histogram::lower_bound(bucket));
        max = std::max<std::uint64_t>(max, latency_histogram::upper_bound(bucket));
    }
    if (in.counts.empty()) return true;
    return out.merge_counts(counts, min, max);
}

}  // namespace psem::bench
