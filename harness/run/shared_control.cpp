#include "run/shared_control.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <new>
#include <utility>

namespace psem::bench {
namespace {

std::size_t size_for(std::uint64_t slots) {
    return sizeof(control_block) + static_cast<std::size_t>(slots) * sizeof(std::uint64_t);
}

void* map_fd(int fd, std::size_t size, std::error_code& ec) {
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        ec.assign(errno, std::system_category());
        return nullptr;
    }
    return p;
}

}  // namespace

shared_control::~shared_control() {
    unlink();
    if (block_ != nullptr) ::munmap(block_, size_);
}

shared_control::shared_control(shared_control&& o) noexcept
    : block_(std::exchange(o.block_, nullptr)), size_(std::exchange(o.size_, 0)), name_(std::move(o.name_)) {
    o.name_.clear();
}

shared_control& shared_control::operator=(shared_control&& o) noexcept {
    if (this != &o) {
        this->~shared_control();
        new (this) shared_control(std::move(o));
    }
    return *this;
}

shared_control shared_control::create(const std::string& name, std::uint64_t stamp_slots, std::error_code& ec) {
    shared_control out;
    const int fd = ::shm_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        ec.assign(errno, std::system_category());
        return out;
    }
    out.name_ = name;  // from here on, the destructor unlinks it
    const std::size_t size = size_for(stamp_slots);
    // fchmod: the umask must not change the mode we promise (0600, exactly).
    if (::fchmod(fd, 0600) != 0 || ::ftruncate(fd, static_cast<off_t>(size)) != 0) {
        ec.assign(errno, std::system_category());
        ::close(fd);
        return out;
    }
    void* p = map_fd(fd, size, ec);
    ::close(fd);
    if (p == nullptr) return out;
    out.block_ = new (p) control_block{};  // the fresh object is all zeroes anyway
    out.block_->post_stamps_len = stamp_slots;
    out.size_ = size;
    ec.clear();
    return out;
}

shared_control shared_control::open(const std::string& name, std::error_code& ec) {
    shared_control out;
    const int fd = ::shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0);
    if (fd < 0) {
        ec.assign(errno, std::system_category());
        return out;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || static_cast<std::size_t>(st.st_size) < sizeof(control_block)) {
        ec = std::make_error_code(std::errc::invalid_argument);
        ::close(fd);
        return out;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = map_fd(fd, size, ec);
    ::close(fd);
    if (p == nullptr) return out;
    out.block_ = static_cast<control_block*>(p);
    out.size_ = size;
    ec.clear();
    return out;
}

void shared_control::unlink() noexcept {
    if (!name_.empty()) {
        ::shm_unlink(name_.c_str());
        name_.clear();
    }
}

}  // namespace psem::bench
