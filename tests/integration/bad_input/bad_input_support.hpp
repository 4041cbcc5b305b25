// Runs psem-bench on bad input: argv as a vector (no shell, so any file name and any
// argument reach it unchanged), stdout and stderr apart, optionally in a given working
// directory, killed after a generous timeout so a hang fails the test, not the suite.
#pragma once

#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#ifndef PSEM_BENCH_EXE
#error "PSEM_BENCH_EXE must name the psem-bench binary"
#endif

namespace bad_input {

namespace fs = std::filesystem;

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A fresh directory under the temp dir, removed with everything in it.
class temp_dir {
public:
    temp_dir() {
        std::string t = (fs::temp_directory_path() / "psem-bad-XXXXXX").string();
        if (::mkdtemp(t.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = t;
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
    /// What is in the directory now (names only).
    [[nodiscard]] std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(path_)) names.push_back(e.path().filename().string());
        return names;
    }

private:
    fs::path path_;
};

struct result {
    int code = -1;  // exit code, or 128 + signal: a crash is never 2
    pid_t pid = -1;
    bool timed_out = false;
    std::string out, err;
};

/// `psem-bench ARGS...`, run in `cwd` (empty: the test's own).
inline result bench(const std::vector<std::string>& args, const std::string& cwd = {}) {
    const temp_dir io;
    const std::string out = io.file("out"), err = io.file("err");
    std::vector<std::string> argv = {PSEM_BENCH_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int in_fd = ::open("/dev/null", O_RDONLY);
        const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in_fd < 0 || out_fd < 0 || err_fd < 0) ::_exit(126);
        ::dup2(in_fd, 0);
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
        ::execv(cargv[0], cargv.data());
        ::_exit(127);
    }
    result r;
    r.pid = pid;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) != pid) {
        if (std::chrono::steady_clock::now() >= until) {
            r.timed_out = true;
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) r.code = 128 + WTERMSIG(status);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

/// /dev/shm entries a psem-bench process `pid` created ("[sem.]psem-bench.<pid>.*").
inline std::vector<std::string> names_of(pid_t pid) {
    const std::string sem = "sem.psem-bench." + std::to_string(pid) + ".";
    const std::string shm = "psem-bench." + std::to_string(pid) + ".";
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/dev/shm", ec)) {
        const std::string n = e.path().filename().string();
        if (n.starts_with(sem) || n.starts_with(shm)) found.push_back(n);
    }
    return found;
}

inline testing::AssertionResult contains(const std::string& haystack, const std::string& needle) {
    if (haystack.find(needle) != std::string::npos) return testing::AssertionSuccess();
    return testing::AssertionFailure() << "expected to contain \"" << needle << "\", got:\n" << haystack;
}

/// The .expected text beside a fixture, without its trailing newline.
inline std::string expected_for(const fs::path& fixture) {
    fs::path p = fixture;
    p.replace_extension(".expected");
    std::string text = read_file(p);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

/// Every *.json in a fixture directory, sorted.
inline std::vector<fs::path> fixtures(const std::string& subdir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(PSEM_FIXTURES_DIR) / subdir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// A gtest parameter name for a fixture file ("ops-1e30.json" -> "ops_1e30").
inline std::string param_name(const testing::TestParamInfo<fs::path>& info) {
    std::string name = info.param.stem().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

}  // namespace bad_input
