// Tests of write_report_atomically: complete file or old file, never half of one.
#include "io/atomic_write.hpp"
#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "record_builders.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace psem::bench;

// A fresh directory under the system temp dir, removed with everything in it.
class scratch_dir {
public:
    scratch_dir() {
        std::string pattern = (fs::temp_directory_path() / "psem-report-test.XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~scratch_dir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t entries_in(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

report sample_report(double ns) {
    report rep;
    rep.benchmarks = {report_test::postwait_run(0, ns, 1)};
    return rep;
}

TEST(AtomicWrite, CreatesMissingDirectoriesAndWritesTheReport) {
    scratch_dir dir;
    const fs::path target = dir.path() / "results" / "nested" / "run.json";
    write_report_atomically(target, sample_report(14.5));
    EXPECT_EQ(slurp(target), to_json_string(sample_report(14.5)));
    EXPECT_DOUBLE_EQ(read_report(target).benchmarks.at(0).real_time_ns, 14.5);
    EXPECT_EQ(entries_in(target.parent_path()), 1u);  // no temporary file left
}

TEST(AtomicWrite, ReplacesAnExistingReport) {
    scratch_dir dir;
    const fs::path target = dir.path() / "run.json";
    write_report_atomically(target, sample_report(1));
    write_report_atomically(target, sample_report(2));
    EXPECT_DOUBLE_EQ(read_report(target).benchmarks.at(0).real_time_ns, 2.0);
    EXPECT_EQ(entries_in(dir.path()), 1u);
}

TEST(AtomicWrite, FailedRenameRemovesTheTemporaryFile) {
    scratch_dir dir;
    // A non-empty directory where the report should go: rename(2) must fail.
    const fs::path target = dir.path() / "run.json";
    fs::create_directories(target / "occupied");
    EXPECT_THROW(write_report_atomically(target, sample_report(1)), report_error);
    EXPECT_EQ(entries_in(dir.path()), 1u);  // just the directory, no stray temp file
}

TEST(AtomicWrite, UnwritableDirectoryKeepsTheOldReport) {
    scratch_dir dir;
    const fs::path target = dir.path() / "run.json";
    write_report_atomically(target, sample_report(1));
    const std::string before = slurp(target);
    // The attempt runs in a child: root ignores directory permissions, so there it drops
    // to "nobody" first; either way the test runner keeps its identity.
    const int rc = psem_test::in_child([&] {
        if (::geteuid() == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) return 2;
        } else {
            fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
        }
        try {
            write_report_atomically(target, sample_report(2));
        } catch (const report_error& e) {
            const std::string what = e.what();
            const bool named = what.find("run.json") != std::string::npos;
            return named && what.find("cannot create a temporary file") != std::string::npos ? 0 : 3;
        }
        return 4;  // no exception
    });
    EXPECT_EQ(rc, 0);
    EXPECT_EQ(slurp(target), before);
    EXPECT_EQ(entries_in(dir.path()), 1u);
}

TEST(AtomicWrite, FileModeFollowsTheUmask) {
    scratch_dir dir;
    const fs::path target = dir.path() / "run.json";
    const mode_t old = ::umask(027);
    write_file_atomically(target, "{}\n");
    ::umask(old);
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
    EXPECT_EQ(slurp(target), "{}\n");
}

TEST(AtomicWrite, RelativePathInTheCurrentDirectory) {
    scratch_dir dir;
    const fs::path cwd = fs::current_path();
    fs::current_path(dir.path());
    write_file_atomically("plain.json", "[]");
    fs::current_path(cwd);
    EXPECT_EQ(slurp(dir.path() / "plain.json"), "[]");
}

}  // namespace
