#include "run/backend_objects.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/sem.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace psem::bench {
namespace {

std::string failure(const char* what, int err) { return fmt::format("cannot create the {}: {}", what, std::strerror(err)); }

// A pipe's read end, pre-filled with `value` bytes (validation keeps it under the pipe's
// capacity, so the writes never block).
bool fill_pipe(int write_fd, unsigned value) {
    char chunk[4096];
    std::memset(chunk, 1, sizeof chunk);
    while (value > 0) {
        const std::size_t n = value < sizeof chunk ? value : sizeof chunk;
        const ssize_t w = ::write(write_fd, chunk, n);
        if (w <= 0) {
            if (w < 0 && errno == EINTR) continue;
            return false;
        }
        value -= static_cast<unsigned>(w);
    }
    return true;
}

}  // namespace

std::optional<std::string> backend_objects::create(const std::string& backend, std::span<const semaphore_spec> specs,
                                                    control_block& control) {
    if (specs.size() > max_primitive_slots) return fmt::format("{} semaphores are more than this run supports", specs.size());
    if (backend == "unnamed") {
        for (std::size_t i = 0; i < specs.size(); ++i)
            if (::sem_init(&control.primitives[i].unnamed, 1, specs[i].initial_value) != 0)
                return failure("process-shared semaphore", errno);
    } else if (backend == "futex") {
        for (std::size_t i = 0; i < specs.size(); ++i) control.primitives[i].futex.value.store(specs[i].initial_value);
    } else if (backend == "sysv") {
        // IPC_PRIVATE: a new set nobody else can name; the mode is taken as given (SysV IPC
        // applies no umask).
        sysv_id_ = ::semget(IPC_PRIVATE, static_cast<int>(specs.size()), IPC_CREAT | IPC_EXCL | 0600);
        if (sysv_id_ < 0) return failure("SysV semaphore set", errno);
        for (std::size_t i = 0; i < specs.size(); ++i)
            if (::semctl(sysv_id_, static_cast<int>(i), SETVAL, static_cast<int>(specs[i].initial_value)) != 0)
                return failure("SysV semaphore set's values", errno);
    } else if (backend == "eventfd") {
        for (const auto& spec : specs) {
            const int fd = ::eventfd(spec.initial_value, EFD_SEMAPHORE | EFD_CLOEXEC);
            if (fd < 0) return failure("eventfd", errno);
            fds_.push_back(fd);
        }
    } else if (backend == "pipe") {
        for (const auto& spec : specs) {
            int p[2];
            if (::pipe2(p, O_CLOEXEC) != 0) return failure("pipe", errno);
            fds_.push_back(p[0]);
            fds_.push_back(p[1]);
            if (!fill_pipe(p[1], spec.initial_value)) return failure("pipe's initial units", errno);
        }
    }
    return std::nullopt;
}

void backend_objects::release() noexcept {
    if (sysv_id_ >= 0) (void)::semctl(sysv_id_, 0, IPC_RMID);
    sysv_id_ = -1;
    for (const int fd : fds_) ::close(fd);
    fds_.clear();
}

}  // namespace psem::bench
