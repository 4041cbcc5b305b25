// run/protocol.hpp - what the parent tells a worker process (one JSON argument)
// and what the worker sends back (one JSON document on its result pipe, fd 3).
#pragma once

#include "scenario/scenario.hpp"
#include "workloads/workload.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace psem::bench {

/// The file descriptor a worker writes its results to.
inline constexpr int result_fd = 3;

struct worker_request {
    scenario config;                       // the run point, as validated
    std::string role;
    int process_index = 0;
    int role_index = 0;
    std::vector<std::string> sem_names;    // in the workload's semaphore_spec order
    std::string ready_name;                // the start barrier's two semaphores
    std::string start_name;
    std::string control_name;              // the shared control block
    std::vector<int> cpus;                 // one per thread, -1 = no pinning
    std::string fault;                     // test-only fault injection, see worker_main.cpp
    std::uint64_t hlog_interval_ns = 0;    // latency intervals for `run --hlog`; 0: none
    int sysv_id = -1;                      // backend sysv: the run's SysV set
    std::vector<int> fds;                  // backends eventfd and pipe: inherited descriptors
};

/// At most this many descriptors are handed to a worker (pipe: two per semaphore).
inline constexpr std::size_t max_inherited_fds = 2 * max_primitive_slots;

[[nodiscard]] std::string encode_request(const worker_request& req);
/// Throws std::runtime_error (or nlohmann::json::exception) on a malformed request.
[[nodiscard]] worker_request decode_request(const std::string& text);

[[nodiscard]] std::string encode_results(const std::vector<worker_result>& results);
/// Throws std::runtime_error on malformed data (a worker that died mid-write).
[[nodiscard]] std::vector<worker_result> decode_results(const std::string& text);

}  // namespace psem::bench
