// The worker request: what the parent encodes is what the worker decodes.
#include "run/protocol.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

TEST(Protocol, RequestRoundTripsTheScenarioFieldsAWorkerUses) {
    worker_request r;
    r.config.workload = "postwait";
    r.config.processes = 3;
    r.config.ops_per_worker = 1234;
    r.config.critical_section_ns = 0;
    r.config.critical_section_iterations = 42;
    r.config.post_interval_ns = 50000;
    r.role = "worker";
    r.process_index = 2;
    r.sem_names = {"/a", "/b"};
    r.cpus = {-1};  // one entry per thread (-1: not pinned)
    const worker_request d = decode_request(encode_request(r));
    EXPECT_EQ(d.config.workload, "postwait");
    EXPECT_EQ(d.config.processes, 3);
    EXPECT_EQ(d.config.ops_per_worker, 1234u);
    EXPECT_FALSE(d.config.duration_ms.has_value());
    EXPECT_EQ(d.config.critical_section_iterations, 42u);
    EXPECT_EQ(d.config.post_interval_ns, 50000u);
    EXPECT_EQ(d.role, "worker");
    EXPECT_EQ(d.process_index, 2);
    EXPECT_EQ(d.sem_names, r.sem_names);
}

}  // namespace
}  // namespace psem::bench
