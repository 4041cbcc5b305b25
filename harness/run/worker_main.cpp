// The worker process: open the run's objects, run one thread per threads_per_process
// through the workload's loop, and send the figures to the parent over fd 3.
#include "run/worker_main.hpp"

#include "run/protocol.hpp"
#include "run/shared_control.hpp"
#include "sys/cpus.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <thread>

namespace psem::bench {
namespace {

struct barrier_state {
    psem::semaphore* ready;
    psem::semaphore* start;
};

bool ready_and_wait_start(void* p) {
    auto* b = static_cast<barrier_state*>(p);
    if (b->ready->post()) return false;
    for (;;) {
        const auto ec = b->start->wait();
        if (!ec) return true;
        if (ec != std::errc::interrupted) return false;
    }
}

bool write_all(int fd, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// The backend's objects as the request names them: what the backend needs, and open.
const char* bad_backend_handles(const worker_request& req) {
    const std::string& b = req.config.backend;
    const std::size_t n = req.sem_names.size();
    const std::size_t want = b == "eventfd" ? n : b == "pipe" ? 2 * n : 0;
    if (req.fds.size() != want) return "the wrong number of descriptors";
    for (const int fd : req.fds)
        if (::fcntl(fd, F_GETFD) < 0) return "a descriptor that is not open";
    if ((b == "sysv") != (req.sysv_id >= 0)) return "a SysV set id where none belongs, or none";
    if ((b == "unnamed" || b == "futex") && n > max_primitive_slots) return "more semaphores than slots";
    return nullptr;
}

// Test-only faults (PSEM_BENCH_TEST_FAULT in the parent picks the worker): they let the
// integration tests prove that a crashing or hanging worker is noticed and reaped.
void inject_fault(const std::string& fault) {
    if (fault == "abort") std::abort();
    if (fault == "exit") ::_exit(3);
    if (fault == "hang")
        for (;;) ::pause();
}

}  // namespace

int worker_main(const std::string& request_json) {
    worker_request req;
    try {
        req = decode_request(request_json);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "psem-bench worker: bad request: %s\n", e.what());
        return 2;
    }
    const workload* wl = find_workload(req.config.workload);
    if (wl == nullptr) {
        std::fprintf(stderr, "psem-bench worker: unknown workload \"%s\"\n", req.config.workload.c_str());
        return 2;
    }
    std::vector<psem::semaphore> sems;
    psem::semaphore ready, start;
    std::error_code ec;
    for (const auto& n : req.sem_names) {
        sems.push_back(psem::semaphore::open(n, ec));
        if (ec) {
            std::fprintf(stderr, "psem-bench worker %d: cannot open %s: %s\n", req.process_index, n.c_str(),
                         ec.message().c_str());
            return 1;
        }
    }
    // The workload's semaphores wait as the scenario says; the barrier's keep blocking.
    for (auto& s : sems) s.set_wait_policy(wait_policy_of(req.config));
    ready = psem::semaphore::open(req.ready_name, ec);
    if (!ec) start = psem::semaphore::open(req.start_name, ec);
    shared_control control;
    if (!ec) control = shared_control::open(req.control_name, ec);
    if (ec) {
        std::fprintf(stderr, "psem-bench worker %d: cannot open the run's objects: %s\n", req.process_index,
                     ec.message().c_str());
        return 1;
    }

    if (const char* bad = bad_backend_handles(req)) {
        std::fprintf(stderr, "psem-bench worker %d: %s for backend %s\n", req.process_index, bad,
                     req.config.backend.c_str());
        return 2;
    }

    barrier_state barrier{&ready, &start};
    const int threads = req.config.threads_per_process;
    std::vector<worker_result> results(static_cast<std::size_t>(threads));
    auto body = [&](int t) {
        // Best effort: a CPU list the scheduler refuses is reported by the parent's checks.
        if (const int cpu = req.cpus[static_cast<std::size_t>(t)]; cpu >= 0) (void)pin_this_thread(cpu);
        worker_env env{req.config,     req.role,     req.process_index, t,
                       req.process_index * threads + t, req.role_index, sems, control.get(),
                       req.sysv_id,    req.fds,      &ready_and_wait_start, &barrier,
                       req.hlog_interval_ns};
        auto& r = results[static_cast<std::size_t>(t)];
        try {
            r = wl->run_worker(env);
        } catch (const std::exception& e) {
            r.error = e.what();
        }
        r.role = req.role;
    };
    {
        std::vector<std::thread> pool;
        pool.reserve(static_cast<std::size_t>(threads - 1));
        for (int t = 1; t < threads; ++t) pool.emplace_back(body, t);
        if (!req.fault.empty()) {
            (void)ready_and_wait_start(&barrier);  // fail once the run is under way
            inject_fault(req.fault);
        }
        body(0);
        for (auto& th : pool) th.join();
    }

    int rc = 0;
    for (std::size_t t = 0; t < results.size(); ++t)
        if (!results[t].error.empty()) {
            std::fprintf(stderr, "psem-bench worker %d (%s) thread %zu: %s\n", req.process_index, req.role.c_str(), t,
                         results[t].error.c_str());
            rc = 1;
        }
    if (!write_all(result_fd, encode_results(results))) {
        std::fprintf(stderr, "psem-bench worker %d: cannot send results: %s\n", req.process_index,
                     std::strerror(errno));
        rc = 1;
    }
    ::close(result_fd);
    return rc;
}

}  // namespace psem::bench
