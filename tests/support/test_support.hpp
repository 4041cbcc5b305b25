// Shared helpers for psem's tests: unguessable test names that are always unlinked, and
// running a check in a forked child (for rlimits, dropped privileges and signals that
// must not touch the test runner itself).
#pragma once

#include <psem/semaphore.hpp>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>

namespace psem_test {

/// "/psem-test.<pid>.<16 random hex digits>": the leak check at the end of the suite
/// looks for this prefix.
inline std::string unique_name(const char* tag = "t") {
    static std::mt19937_64 rng{std::random_device{}()};
    char buf[96];
    std::snprintf(buf, sizeof buf, "/psem-test.%d.%016llx.%s", static_cast<int>(::getpid()),
                  static_cast<unsigned long long>(rng()), tag);
    return buf;
}

/// Unlinks its name when it goes out of scope, whatever the test did (ENOENT ignored).
class name_guard {
public:
    explicit name_guard(const char* tag = "t") : name_(unique_name(tag)) {}
    ~name_guard() { (void)psem::unlink(name_); }
    name_guard(const name_guard&) = delete;
    name_guard& operator=(const name_guard&) = delete;
    [[nodiscard]] const std::string& str() const { return name_; }
    [[nodiscard]] const char* c_str() const { return name_.c_str(); }
    operator std::string_view() const { return name_; }  // NOLINT: used as a name everywhere

private:
    std::string name_;
};

/// Runs `body` in a forked child and returns its exit code (or 128+signal). The child
/// leaves with _exit, so no test-framework state is flushed twice.
inline int in_child(const std::function<int()>& body) {
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int rc = 99;
        try {
            rc = body();
        } catch (...) {
            rc = 98;
        }
        ::_exit(rc);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace psem_test
