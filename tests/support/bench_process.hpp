// Runs psem-bench (or any program) from an integration test: argv as a vector (no
// shell), stdout and stderr captured apart, extra environment variables, and a kill
// after a generous timeout so a hung run fails the test instead of hanging the suite.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace psem_test {

struct process_result {
    int exit_code = -1;  // 128 + signal when killed by one
    std::string out;
    std::string err;
    bool timed_out = false;
    pid_t pid = -1;      // the process that ran: psem-bench names its objects after it
};

/// A fresh directory under the temp dir, removed with everything in it.
class temp_dir {
public:
    temp_dir() {
        std::string t = (std::filesystem::temp_directory_path() / "psem-test-XXXXXX").string();
        if (::mkdtemp(t.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = t;
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Runs `argv` (argv[0] is the program path) and waits for it, at most `timeout`.
inline process_result run_process(const std::vector<std::string>& argv,
                                  const std::vector<std::pair<std::string, std::string>>& env = {},
                                  std::chrono::seconds timeout = std::chrono::seconds(120)) {
    const temp_dir dir;
    const std::string out_path = dir.file("out"), err_path = dir.file("err");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0) ::_exit(126);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    process_result r;
    r.pid = pid;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    for (;;) {
        const pid_t w = ::waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            r.timed_out = true;
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) r.exit_code = 128 + WTERMSIG(status);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

/// What the psem-bench process `pid` left in /dev/shm (semaphores "sem.psem-bench.<pid>.*"
/// and shared memory "psem-bench.<pid>.*"); other runs going on at the same time don't count.
inline std::vector<std::string> bench_leftovers(pid_t pid) {
    const std::string shm = "psem-bench." + std::to_string(pid) + ".";
    const std::string sem = "sem." + shm;
    std::vector<std::string> left;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/dev/shm", ec)) {
        const std::string n = e.path().filename().string();
        if (n.rfind(sem, 0) == 0 || n.rfind(shm, 0) == 0) left.push_back(n);
    }
    return left;
}

}  // namespace psem_test
