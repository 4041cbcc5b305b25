// scenario/host_limits.cpp - what the host can start, and which files a directory holds.
#include "scenario/scenario.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace psem::bench {
namespace {

// One number from a /proc/sys file, or -1.
long read_proc_number(const char* path) {
    std::ifstream in(path);
    long value = -1;
    in >> value;
    return in ? value : -1;
}

// Tasks (threads) system-wide: the second half of /proc/loadavg's "running/total" field.
long total_tasks() {
    std::ifstream in("/proc/loadavg");
    std::string load1, load5, load15, running_total;
    if (!(in >> load1 >> load5 >> load15 >> running_total)) return -1;
    const auto slash = running_total.find('/');
    return slash == std::string::npos ? -1 : std::stol(running_total.substr(slash + 1));
}

// Threads whose real uid is `uid`: what RLIMIT_NPROC counts (per user, threads included).
long tasks_of_user(uid_t uid) {
    long count = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        std::ifstream status(entry.path() / "status");  // may vanish meanwhile: skipped
        std::string line;
        long real_uid = -1;
        long threads = 0;
        while (std::getline(status, line)) {
            std::istringstream fields(line);
            std::string key;
            fields >> key;
            if (key == "Uid:") fields >> real_uid;
            if (key == "Threads:") fields >> threads;
        }
        if (real_uid == static_cast<long>(uid)) count += threads;
    }
    return count;
}

}  // namespace

// Every limit the kernel checks when a process or thread is created, minus what already
// runs, smallest first. RLIMIT_NPROC does not bind root (the kernel exempts uid 0 and
// CAP_SYS_RESOURCE), but threads-max and pid_max bind everyone, so as root the answer is
// still finite. nullopt only when nothing could be read.
std::optional<long> process_headroom() {
    std::optional<long> room;
    const auto consider = [&](long limit, long used) {
        if (limit < 0 || used < 0) return;
        const long left = std::max(0L, limit - used);
        room = room ? std::min(*room, left) : left;
    };
    const uid_t uid = getuid();
    rlimit limit{};
    if (uid != 0 && getrlimit(RLIMIT_NPROC, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        consider(static_cast<long>(limit.rlim_cur), tasks_of_user(uid));
    }
    const long tasks = total_tasks();
    consider(read_proc_number("/proc/sys/kernel/threads-max"), tasks);
    consider(read_proc_number("/proc/sys/kernel/pid_max"), tasks);
    return room;
}

std::vector<std::filesystem::path> scenario_files(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        if (std::filesystem::exists(path, ec)) return {path};
        return {};
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.filename() < b.filename(); });
    return files;
}

}  // namespace psem::bench
