#include "test_paths.hpp"
#include "fault_support.hpp"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace fault_test {

namespace fs = std::filesystem;

temp_dir::temp_dir() {
    std::string t = (fs::temp_directory_path() / "psem-fault-XXXXXX").string();
    if (::mkdtemp(t.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = t;
    ::chmod(t.c_str(), 0777);  // NOLINT: also written by tests that drop privileges
}

temp_dir::~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string temp_dir::write(const std::string& name, const std::string& text) const {
    const std::string p = file(name);
    std::ofstream(p, std::ios::binary) << text;
    ::chmod(p.c_str(), 0644);
    return p;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

namespace {

// argv of a process from /proc/PID/cmdline (empty for a zombie or a vanished process).
std::vector<std::string> cmdline_of(const std::string& pid) {
    const std::string raw = read_file("/proc/" + pid + "/cmdline");
    std::vector<std::string> args;
    std::size_t start = 0;
    while (start < raw.size()) {
        const std::size_t end = raw.find('\0', start);
        args.push_back(raw.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return args;
}

int status_code(int st) {
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
}

}  // namespace

std::vector<worker_info> run_workers(pid_t bench_pid) {
    // A worker is "psem-bench __worker REQUEST" and its request names the run's objects,
    // "/psem-bench.<pid>.<random>.<role>", so it is found even once its parent is gone.
    const std::string tag = "psem-bench." + std::to_string(bench_pid) + ".";
    std::vector<worker_info> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc", ec)) {
        const std::string name = e.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        const auto args = cmdline_of(name);
        if (args.size() != 3 || args[1] != "__worker" || args[2].find(tag) == std::string::npos) continue;
        worker_info w;
        w.pid = static_cast<pid_t>(std::stol(name));
        const auto req = nlohmann::json::parse(args[2], nullptr, false);
        if (req.is_object()) {
            w.index = req.value("process_index", -1);
            w.role = req.value("role", "");
        }
        found.push_back(std::move(w));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    return found;
}

std::string worker_label(const worker_info& w) {
    return "worker " + std::to_string(w.index) + " (" + w.role + ", pid " + std::to_string(w.pid) + ")";
}

std::vector<std::string> run_names(pid_t bench_pid) {
    const std::string sem = "sem.psem-bench." + std::to_string(bench_pid) + ".";
    const std::string shm = "psem-bench." + std::to_string(bench_pid) + ".";
    std::vector<std::string> left;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/dev/shm", ec)) {
        const std::string n = e.path().filename().string();
        if (n.starts_with(sem) || n.starts_with(shm)) left.push_back(n);
    }
    return left;
}

bool wait_workers_gone(pid_t bench_pid, seconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!run_workers(bench_pid).empty()) {
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

void kill_run_workers(pid_t bench_pid) {
    for (const auto& w : run_workers(bench_pid)) ::kill(w.pid, SIGKILL);
}

void expect_clean_end(pid_t bench_pid, const fs::path& report) {
    EXPECT_TRUE(wait_workers_gone(bench_pid, 10s)) << "workers of psem-bench " << bench_pid << " still running";
    const auto names = run_names(bench_pid);
    EXPECT_TRUE(names.empty()) << "left in /dev/shm: " << testing::PrintToString(names);
    std::error_code ec;
    if (fs::exists(report, ec)) {
        const auto doc = nlohmann::json::parse(read_file(report), nullptr, false);
        ASSERT_FALSE(doc.is_discarded()) << report << " is not valid JSON:\n" << read_file(report);
        EXPECT_TRUE(doc.contains("context")) << report;
        ASSERT_TRUE(doc.contains("benchmarks") && doc["benchmarks"].is_array()) << report;
    }
    // The atomic writer's temporary is a hidden ".NAME.tmp.XXXXXX" beside the report (only
    // this report's: another run sharing the folder may be writing its own right now).
    const std::string temporary = std::string(".").append(report.filename().string()).append(".tmp.");
    for (const auto& e : fs::directory_iterator(report.parent_path(), ec))
        EXPECT_FALSE(e.path().filename().string().starts_with(temporary)) << "temporary left: " << e.path();
}

bench_process::bench_process(std::vector<std::string> args, options opts) {
    const std::string out = io_.file("stdout"), err = io_.file("stderr");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(nullptr);
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int in_fd = ::open("/dev/null", O_RDONLY);
        const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (in_fd < 0 || out_fd < 0 || err_fd < 0) ::_exit(126);
        ::dup2(in_fd, 0);
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        for (const int fd : {in_fd, out_fd, err_fd})
            if (fd > 2) ::close(fd);
        for (const auto& [k, v] : opts.env) ::setenv(k.c_str(), v.c_str(), 1);
        // gtest may have blocked or ignored signals; psem-bench must start as a shell would.
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        for (const int sig : {SIGINT, SIGTERM, SIGPIPE}) ::signal(sig, SIG_DFL);
        if (opts.in_child && !opts.in_child()) ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
}

bench_process::~bench_process() {
    if (!reaped_) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status_, 0);
    }
    kill_run_workers(pid_);  // after a failed test: never leave a worker behind
}

bool bench_process::running() {
    if (reaped_) return false;
    const pid_t w = ::waitpid(pid_, &status_, WNOHANG);
    if (w == pid_) reaped_ = true;
    return !reaped_;
}

bool bench_process::wait_for(const std::function<bool()>& ready, seconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (!running()) return false;
        if (ready()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return false;
}

bool bench_process::wait_until_running(int workers, seconds timeout) {
    return wait_for(
        [&] {
            return static_cast<int>(run_workers(pid_).size()) >= workers && run_names(pid_).empty();
        },
        timeout);
}

bool bench_process::wait_until_warming_up(int workers, seconds timeout) {
    return wait_for(
        [&] {
            return static_cast<int>(run_workers(pid_).size()) >= workers && !run_names(pid_).empty();
        },
        timeout);
}

bench_exit bench_process::wait(seconds timeout) {
    bench_exit r;
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() >= until) {
            r.timed_out = true;
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status_, 0);
            reaped_ = true;
            break;
        }
        std::this_thread::sleep_for(10ms);
    }
    r.code = status_code(status_);
    r.out = read_file(io_.file("stdout"));
    r.err = read_file(io_.file("stderr"));
    return r;
}

std::vector<std::string> run_args(const std::string& scenario, const std::string& report,
                                  const std::vector<std::string>& extra) {
    std::vector<std::string> a = {PSEM_BENCH_EXE, "run", scenario, "--out", report, "--progress", "never"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

std::string long_scenario(const std::string& workload, int processes, int warmup_ops) {
    nlohmann::ordered_json j = {{"schema_version", 1}, {"name", "fault-" + workload}, {"workload", workload}};
    if (workload == "producer_consumer") {
        // Consumers hold each unit 20 us: 10 M units keep them busy for well over a minute.
        j["producers"] = 1;
        j["consumers"] = processes - 1;
        j["ops_per_worker"] = 10'000'000;
        j["critical_section_ns"] = 20'000;
    } else {
        j["processes"] = workload == "pingpong" ? 2 : processes;
        j["duration_ms"] = 120'000;
    }
    if (warmup_ops != 0) j["warmup_ops"] = warmup_ops;
    j["timeout_s"] = 300;
    return j.dump();
}

std::string short_scenario(const std::string& workload) {
    nlohmann::ordered_json j = {{"schema_version", 1}, {"name", "fault-short-" + workload}, {"workload", workload}};
    if (workload == "producer_consumer") {
        j["producers"] = 1;
        j["consumers"] = 1;
        j["ops_per_worker"] = 100'000;
        j["critical_section_ns"] = 20'000;  // about two seconds of consumer work
    } else {
        j["processes"] = 2;
        j["duration_ms"] = 2'000;
    }
    // Long enough to be seen running on a quiet host (workers start in a few ms), short
    // enough to end well before the test's 3 s watchdog if nothing hangs.
    j["timeout_s"] = 120;  // the test lowers it with --set
    return j.dump();
}

int process_count(const std::string& workload, int processes) { return workload == "pingpong" ? 2 : processes; }

testing::AssertionResult contains(const std::string& haystack, const std::string& needle) {
    if (haystack.find(needle) != std::string::npos) return testing::AssertionSuccess();
    return testing::AssertionFailure() << "expected to contain \"" << needle << "\", got:\n" << haystack;
}

}  // namespace fault_test
