// io/atomic_write.cpp - temporary file, fsync, rename (see atomic_write.hpp).
#include "io/atomic_write.hpp"

#include "io/json_writer.hpp"
#include "io/report_error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace psem::bench {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
    throw report_error(path.string(), "", what + ": " + std::strerror(err));
}

// The process umask, read without changing it (umask(2) can only set it, and setting it
// twice to read it races with other threads creating files). Linux >= 4.7.
mode_t current_umask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            try {
                return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
            } catch (const std::exception&) {
                break;
            }
        }
    }
    return 022;
}

// Owns the temporary file until it has been renamed: every early exit removes it.
class temp_file {
public:
    explicit temp_file(const std::filesystem::path& target) {
        const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
        // A hidden name, so a directory listing or a glob over *.json never picks it up.
        std::string leaf = ".";
        leaf += target.filename().string();
        leaf += ".tmp.XXXXXX";
        const std::string pattern = (dir / leaf).string();
        name_.assign(pattern.begin(), pattern.end());
        name_.push_back('\0');
        fd_ = ::mkostemp(name_.data(), O_CLOEXEC);
        if (fd_ < 0) fail(target, "cannot create a temporary file in " + dir.string(), errno);
        // mkstemp creates 0600; a report is an ordinary file: honour the umask like open().
        ::fchmod(fd_, 0666 & ~current_umask());
    }
    ~temp_file() {
        if (fd_ >= 0) ::close(fd_);
        if (!renamed_) ::unlink(name_.data());
    }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;

    [[nodiscard]] int fd() const noexcept { return fd_; }
    [[nodiscard]] const char* name() const noexcept { return name_.data(); }
    /// Closes the descriptor, reporting a deferred write error (NFS reports them here).
    int close() noexcept {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }
    void mark_renamed() noexcept { renamed_ = true; }

private:
    std::vector<char> name_;
    int fd_ = -1;
    bool renamed_ = false;
};

void write_all(int fd, std::string_view content, const std::filesystem::path& path) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(path, "cannot write the temporary file", errno);
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Makes the rename itself durable. Best effort: some file systems refuse fsync on a
// directory, and the report is already complete either way.
void sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    if (path.filename().empty()) throw report_error(path.string(), "", "not a file name");
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw report_error(path.string(), "", "cannot create directory " + dir.string() + ": " + ec.message());

    temp_file tmp(path);
    write_all(tmp.fd(), content, path);
    if (::fsync(tmp.fd()) != 0) fail(path, "cannot flush the temporary file", errno);
    if (tmp.close() != 0) fail(path, "cannot close the temporary file", errno);
    if (::rename(tmp.name(), path.c_str()) != 0) fail(path, "cannot rename the temporary file into place", errno);
    tmp.mark_renamed();
    sync_directory(dir);
}

void write_report_atomically(const std::filesystem::path& path, const report& r) {
    // Serialise first: a report that cannot be written as JSON must not touch the disk.
    write_file_atomically(path, to_json_string(r));
}

}  // namespace psem::bench
