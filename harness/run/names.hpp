// run/names.hpp - names of a run's kernel objects, and removal of leftovers.
//
// Every run's objects share one prefix "/psem-bench.<pid>.<16 random hex>": the pid lets
// `psem-bench cleanup` tell a live run's objects from a dead one's, the random part makes
// the names unguessable (nobody can pre-create or squat them). glibc keeps a semaphore
// "/x" as /dev/shm/sem.x and a shared-memory object "/x" as /dev/shm/x.
#pragma once

#include "sys/run_prefix.hpp"  // make_run_prefix: the names cleanup looks for

#include <string>
#include <vector>

namespace psem::bench {


struct cleanup_result {
    std::vector<std::string> removed;  // /dev/shm entries removed
    std::vector<std::string> kept;     // entries whose run is still alive
    std::vector<std::string> failed;   // "entry: reason"
};

/// Removes /dev/shm/sem.psem-bench.<pid>.* and /dev/shm/psem-bench.<pid>.* whose pid is
/// not a running process; touches nothing else.
[[nodiscard]] cleanup_result cleanup_stale_objects();

}  // namespace psem::bench
