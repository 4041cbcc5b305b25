// run/protocol.cpp - the worker request and the worker results on the wire.
#include "run/protocol.hpp"

#include <stdexcept>

namespace psem::bench {

using nlohmann::json;

// The scenario travels in its canonical JSON and is parsed back by the scenario layer's
// own validation: the wire form has no field list of its own to keep in step, and a
// worker accepts only a scenario that would have passed as a file.
std::string encode_request(const worker_request& r) {
    const json j = {
        {"scenario", to_json(r.config)},
        {"role", r.role},
        {"process_index", r.process_index},
        {"role_index", r.role_index},
        {"sem_names", r.sem_names},
        {"ready_name", r.ready_name},
        {"start_name", r.start_name},
        {"control_name", r.control_name},
        {"cpus", r.cpus},
        {"fault", r.fault},
        {"hlog_interval_ns", r.hlog_interval_ns},
        {"sysv_id", r.sysv_id},
        {"fds", r.fds},
    };
    return j.dump();
}

worker_request decode_request(const std::string& text) {
    const json j = json::parse(text);
    if (!j.is_object()) throw std::runtime_error("worker request: expected an object");
    worker_request r;
    parse_result point = parse_point(j.at("scenario"), "worker request");
    if (!point.ok()) throw std::runtime_error(point.errors.front().to_string());
    r.config = std::move(*point.value);
    r.role = j.at("role").get<std::string>();
    r.process_index = j.at("process_index").get<int>();
    r.role_index = j.at("role_index").get<int>();
    r.sem_names = j.at("sem_names").get<std::vector<std::string>>();
    r.ready_name = j.at("ready_name").get<std::string>();
    r.start_name = j.at("start_name").get<std::string>();
    r.control_name = j.at("control_name").get<std::string>();
    r.cpus = j.at("cpus").get<std::vector<int>>();
    r.fault = j.at("fault").get<std::string>();
    r.hlog_interval_ns = j.at("hlog_interval_ns").get<std::uint64_t>();
    r.sysv_id = j.at("sysv_id").get<int>();
    if (r.sysv_id < -1) throw std::runtime_error("worker request: sysv_id must be -1 or an id");
    r.fds = j.at("fds").get<std::vector<int>>();
    if (r.fds.size() > max_inherited_fds) throw std::runtime_error("worker request: too many fds");
    for (const int fd : r.fds)
        if (fd <= result_fd) throw std::runtime_error("worker request: fds must be above the result pipe's (3)");
    if (r.cpus.size() != static_cast<std::size_t>(r.config.threads_per_process))
        throw std::runtime_error("worker request: cpus must list one entry per thread");
    return r;
}

namespace {

// [[index, [[bucket, count], ...]], ...]
json intervals_json(const std::vector<latency_interval>& intervals) {
    json out = json::array();
    for (const latency_interval& iv : intervals) out.push_back({iv.index, iv.counts});
    return out;
}

// A worker's message is not trusted: indices in range, intervals in increasing order, and
// no more of them than the run could have made (one a millisecond for a day).
std::vector<latency_interval> intervals_from(const json& j) {
    constexpr std::size_t max_intervals = 86'400'000;
    if (!j.is_array() || j.size() > max_intervals) throw std::runtime_error("worker results: bad intervals");
    std::vector<latency_interval> out;
    for (const json& iv : j) {
        latency_interval x;
        x.index = iv.at(0).get<std::uint64_t>();
        if (!out.empty() && x.index <= out.back().index) throw std::runtime_error("worker results: intervals out of order");
        for (const json& b : iv.at(1)) {
            const auto bucket = b.at(0).get<std::uint32_t>();
            if (bucket >= latency_histogram::bucket_count)
                throw std::runtime_error("worker results: interval bucket out of range");
            x.counts.emplace_back(bucket, b.at(1).get<std::uint64_t>());
        }
        out.push_back(std::move(x));
    }
    return out;
}

}  // namespace

std::string encode_results(const std::vector<worker_result>& results) {
    json arr = json::array();
    for (const auto& r : results) {
        json buckets = json::array();
        const auto counts = r.latency.counts();
        for (std::size_t i = 0; i < counts.size(); ++i)
            if (counts[i] != 0) buckets.push_back({i, counts[i]});  // sparse: most are empty
        arr.push_back({{"ops", r.ops},
                       {"start_ns", r.start_ns},
                       {"end_ns", r.end_ns},
                       {"cpu_ns", r.cpu_ns},
                       {"voluntary_ctxsw", r.voluntary_ctxsw},
                       {"involuntary_ctxsw", r.involuntary_ctxsw},
                       {"has_latency", r.has_latency},
                       {"latency", {{"min", r.latency.min()}, {"max", r.latency.max()}, {"buckets", buckets}}},
                       {"intervals", intervals_json(r.intervals.intervals())},
                       {"role", r.role},
                       {"error", r.error}});
    }
    return arr.dump();
}

std::vector<worker_result> decode_results(const std::string& text) {
    const json arr = json::parse(text);
    if (!arr.is_array()) throw std::runtime_error("worker results: expected an array");
    std::vector<worker_result> out(arr.size());
    for (std::size_t k = 0; k < arr.size(); ++k) {
        const json& j = arr[k];
        worker_result& r = out[k];
        r.ops = j.at("ops").get<std::uint64_t>();
        r.start_ns = j.at("start_ns").get<std::uint64_t>();
        r.end_ns = j.at("end_ns").get<std::uint64_t>();
        r.cpu_ns = j.at("cpu_ns").get<std::uint64_t>();
        r.voluntary_ctxsw = j.at("voluntary_ctxsw").get<std::uint64_t>();
        r.involuntary_ctxsw = j.at("involuntary_ctxsw").get<std::uint64_t>();
        r.has_latency = j.at("has_latency").get<bool>();
        r.role = j.at("role").get<std::string>();
        r.error = j.at("error").get<std::string>();
        const json& lat = j.at("latency");
        std::vector<std::uint64_t> counts(latency_histogram::bucket_count, 0);
        for (const json& b : lat.at("buckets")) {
            const auto i = b.at(0).get<std::size_t>();
            if (i >= counts.size()) throw std::runtime_error("worker results: bucket index out of range");
            counts[i] = b.at(1).get<std::uint64_t>();
        }
        if (!r.latency.merge_counts(counts, lat.at("min").get<std::uint64_t>(), lat.at("max").get<std::uint64_t>()))
            throw std::runtime_error("worker results: bad histogram");
        r.intervals.intervals() = intervals_from(j.at("intervals"));
    }
    return out;
}

}  // namespace psem::bench
