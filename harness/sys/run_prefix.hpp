// sys/run_prefix.hpp - the prefix of every name a psem-bench run creates.
//
// "/psem-bench.<pid>.<16 random hex>": the pid lets `psem-bench cleanup` tell a live
// run's objects from a dead one's, and the random part (getrandom) makes the names
// unguessable, so nobody can pre-create or squat them. It lives in sys/ because both
// run/ and the conformance checks name objects.
#pragma once

#include <string>

namespace psem::bench {

/// Throws std::system_error if the kernel gives no random bytes.
[[nodiscard]] std::string make_run_prefix();

}  // namespace psem::bench
