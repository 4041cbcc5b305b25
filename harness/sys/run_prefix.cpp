#include "sys/run_prefix.hpp"

#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace psem::bench {

std::string make_run_prefix() {
    std::uint64_t r = 0;
    auto* bytes = reinterpret_cast<unsigned char*>(&r);  // NOLINT: filling raw bytes
    std::size_t got = 0;
    while (got < sizeof r) {
        const ssize_t n = ::getrandom(bytes + got, sizeof r - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::system_category(), "getrandom");
        }
        got += static_cast<std::size_t>(n);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "/psem-bench.%d.%016llx", static_cast<int>(::getpid()),
                  static_cast<unsigned long long>(r));
    return buf;
}

}  // namespace psem::bench
