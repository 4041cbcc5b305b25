// Runs a shell command for the compare integration tests: exit code, stdout and stderr
// apart (the gate reads the exit code; people read the text).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace compare_itest {

struct command_result {
    int exit_code = -1;  // 128 + signal when killed
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A fresh directory under the system temp dir, removed when the test is done with it.
class scratch_dir {
public:
    scratch_dir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "psem-cmp-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~scratch_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::string quoted(const std::string& s) {
    std::string q = "'";
    for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline command_result run_shell(const std::string& command) {
    const scratch_dir d;
    const auto out = d.path() / "out";
    const auto err = d.path() / "err";
    const std::string full = command + " >" + quoted(out.string()) + " 2>" + quoted(err.string()) + " </dev/null";
    const int status = std::system(full.c_str());
    command_result r;
    if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    else if (status != -1 && WIFSIGNALED(status)) r.exit_code = 128 + WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

inline std::string fixture(const std::string& name) {
    return std::string(PSEM_FIXTURES_DIR) + "/compare/" + name;
}

/// `psem-bench compare` with these arguments (each one quoted).
template <class... Args>
command_result bench_compare(const Args&... args) {
    std::string cmd = quoted(PSEM_BENCH_EXE) + " compare";
    ((cmd += " " + quoted(std::string(args))), ...);
    return run_shell(cmd);
}

}  // namespace compare_itest
