// context/host_probes.cpp - kernel, libc, host, date, load and build facts.
#include "context/probes.hpp"
#include "context/soft.hpp"

#include <gnu/libc-version.h>
#include <semaphore.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <ctime>
#include <string>

namespace psem::bench {

using context_detail::soft;

std::string kernel_version() {
    return soft(
        []() -> std::string {
            utsname u{};
            if (::uname(&u) != 0) return unknown_value;
            return std::string(u.sysname) + " " + u.release + " " + u.version + " " + u.machine;
        },
        unknown_value);
}

std::string glibc_version() {
    const char* v = ::gnu_get_libc_version();
    return v && *v ? v : unknown_value;
}

std::string host_name() {
    char buf[HOST_NAME_MAX + 1] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0 || buf[0] == '\0') return unknown_value;
    return buf;
}

namespace {

std::string iso8601_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    if (!::localtime_r(&now, &tm)) return unknown_value;
    char stamp[64];
    char zone[16];
    if (std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm) == 0) return unknown_value;
    if (std::strftime(zone, sizeof zone, "%z", &tm) != 5) return std::string(stamp);
    // %z gives +0100; ISO 8601 extended format (and Google Benchmark) write +01:00.
    const std::string z(zone);
    return std::string(stamp) + z.substr(0, 3) + ":" + z.substr(3);
}

}  // namespace

std::string local_date() { return soft(iso8601_now, unknown_value); }

std::vector<double> load_avg() {
    double loads[3] = {};
    if (::getloadavg(loads, 3) != 3) return {};
    return {loads[0], loads[1], loads[2]};
}

long sem_value_max() {
    // The running C library's limit, which is what a semaphore on this host can hold;
    // the compile-time constant if sysconf does not know.
    const long v = ::sysconf(_SC_SEM_VALUE_MAX);
    return v > 0 ? v : static_cast<long>(SEM_VALUE_MAX);
}

std::string build_type() {
#ifdef NDEBUG
    return "release";
#else
    return "debug";
#endif
}

}  // namespace psem::bench
