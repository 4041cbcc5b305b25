#include "run/names.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace psem::bench {

namespace {

// "psem-bench.<pid>.<hex>..." -> pid, or -1 when the entry is not one of ours.
long owner_pid(std::string_view entry) {
    constexpr std::string_view sem_prefix = "sem.psem-bench.";
    constexpr std::string_view shm_prefix = "psem-bench.";
    if (entry.starts_with(sem_prefix)) entry.remove_prefix(sem_prefix.size());
    else if (entry.starts_with(shm_prefix)) entry.remove_prefix(shm_prefix.size());
    else return -1;
    long pid = 0;
    std::size_t i = 0;
    for (; i < entry.size() && entry[i] >= '0' && entry[i] <= '9'; ++i) {
        pid = pid * 10 + (entry[i] - '0');
        if (pid > 1'000'000'000) return -1;
    }
    if (i == 0 || i >= entry.size() || entry[i] != '.') return -1;
    return pid;
}

bool process_alive(long pid) {
    if (::kill(static_cast<pid_t>(pid), 0) == 0) return true;
    return errno == EPERM;  // exists, owned by someone else
}

}  // namespace

cleanup_result cleanup_stale_objects() {
    cleanup_result out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/dev/shm", ec)) {
        const std::string name = e.path().filename().string();
        const long pid = owner_pid(name);
        if (pid < 0) continue;
        if (process_alive(pid)) {
            out.kept.push_back(name);
            continue;
        }
        std::error_code rm;
        if (std::filesystem::remove(e.path(), rm)) out.removed.push_back(name);
        else if (rm) out.failed.push_back(name + ": " + rm.message());
    }
    if (ec) out.failed.push_back("/dev/shm: " + ec.message());
    return out;
}

}  // namespace psem::bench
