// run/worker_main.hpp - the child side: `psem-bench __worker REQUEST-JSON`.
#pragma once

#include <string>

namespace psem::bench {

/// Runs one worker process (all its threads) and returns its exit code: 0 when every
/// thread finished its loop, 1 when one failed (the reason is in the results and on
/// stderr), 2 when the request itself was unusable.
int worker_main(const std::string& request_json);

}  // namespace psem::bench
