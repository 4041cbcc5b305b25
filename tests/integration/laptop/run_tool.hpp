// Runs a program (psem-bench, scripts/plot) from a test: argv without a shell, stdout
// and stderr captured apart, killed after a generous timeout so a hang fails the test.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace laptop_itest {

namespace fs = std::filesystem;

/// A fresh directory under the temp dir, removed with its contents.
class scratch_dir {
public:
    scratch_dir() {
        std::string t = (fs::temp_directory_path() / "psem-itest-laptop-XXXXXX").string();
        if (::mkdtemp(t.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = t;
    }
    ~scratch_dir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct tool_result {
    int exit_code = -1;  // 128 + signal when killed
    pid_t pid = -1;      // psem-bench's pid names every object it makes
    std::string out;
    std::string err;
};

inline tool_result run_tool(const std::vector<std::string>& argv, std::chrono::seconds timeout = std::chrono::seconds(240)) {
    const scratch_dir io;
    const std::string out_path = io.file("out"), err_path = io.file("err");
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
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    tool_result r;
    r.pid = pid;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) != pid) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGKILL);  // psem-bench's workers die with it (parent-death signal)
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

/// What the psem-bench run with this pid left in /dev/shm (only ours: other runs may be
/// going on at the same time on a shared machine).
inline std::vector<std::string> leftovers(pid_t pid) {
    const std::string tag = "psem-bench." + std::to_string(pid) + ".";
    std::vector<std::string> left;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/dev/shm", ec)) {
        const std::string n = e.path().filename().string();
        if (n.rfind("sem." + tag, 0) == 0 || n.rfind(tag, 0) == 0) left.push_back(n);
    }
    return left;
}

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace laptop_itest
