// psem/testing.hpp - a test seam for errors no test can provoke safely on a shared host.
//
// ENFILE needs the system-wide file table full (and root is exempt from it); filling it
// would starve every other process on the machine. Tests instead install a fault hook
// that makes the next sem_open calls fail with a chosen errno, and check that psem
// reports it unchanged. The hook sits on the setup path only, never on the hot path, and
// only in the test build of the library (the psem_testing target, compiled with
// PSEM_TESTING): the installed library has no hook and this header is not installed.
#pragma once

#include <string_view>

namespace psem::testing {

/// While set, every open/create calls `fault(name)` first; a non-zero return is
/// reported as that errno without calling sem_open. Pass nullptr to remove it.
void set_open_fault(int (*fault)(std::string_view name)) noexcept;

}  // namespace psem::testing
