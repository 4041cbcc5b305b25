// psem/errors.hpp - the constants of the original Go package, and psem's error contract.
//
// Error contract (stated once, for every call in psem):
//   * A failure keeps its errno: std::error_code{errno, std::system_category()}, which
//     compares equal to the matching std::errc (e.g. ec == std::errc::timed_out).
//   * Every operation has a noexcept form that returns or fills a std::error_code.
//     Setup calls (open, create, unlink) also have throwing forms that raise
//     std::system_error whose what() names the semaphore.
//   * A try-wait that finds zero (EAGAIN) and a timed wait that times out (ETIMEDOUT)
//     are ordinary outcomes reported as codes, never exceptions.
//   * EINTR policy (the POSIX names): psem never retries behind the caller's back. A blocking wait that a
//     signal handler interrupts returns std::errc::interrupted. This lets a worker notice a
//     stop flag set by its handler. To resume a timed wait, call wait_until() again with
//     the same absolute deadline: the deadline never moves. What the kernel does first
//     (see signal(7)): timed waits (wait_for, wait_until) always fail with EINTR when a
//     handler runs; the untimed wait() does too when the handler was installed without
//     SA_RESTART, but with SA_RESTART the kernel restarts it transparently and psem never
//     sees the signal. A handler meant to stop a wait() must be installed without
//     SA_RESTART. The std::counting_semaphore names keep std's meaning instead: acquire()
//     and the timed try forms resume after EINTR (against the same deadline).
#pragma once

#include <fcntl.h>
#include <semaphore.h>

#include <climits>
#include <system_error>

namespace psem {

// --- open flags (the Go package's Creat and Excl) -------------------------------------

/// Create the semaphore if it does not exist yet (O_CREAT).
inline constexpr int creat = O_CREAT;
/// With creat: fail with EEXIST if the name already exists (O_EXCL).
inline constexpr int excl = O_EXCL;

/// Largest value a semaphore can hold (SEM_VALUE_MAX; INT_MAX on Linux).
inline constexpr unsigned value_max = SEM_VALUE_MAX;
/// Longest name after the leading '/': glibc stores "/dev/shm/sem.<name>" and the file
/// name "sem.<name>" must fit NAME_MAX (255).
inline constexpr std::size_t name_max = NAME_MAX - 4;
/// Permission bits for a new semaphore (the low 12 bits of a mode_t), applied exactly
/// whatever the umask. A type of its own, constructed explicitly, so that an initial value
/// and a mode cannot trade places in a call without the compiler noticing:
/// create("/jobs", 1, psem::permissions{0660}).
struct permissions {
    unsigned bits;
    constexpr explicit permissions(unsigned b) noexcept : bits(b) {}
    friend constexpr bool operator==(permissions, permissions) = default;
};
/// Mode used when the caller gives none: owner read/write only.
inline constexpr permissions default_mode{0600};

// --- the errors (the Go package's EAcces ... ETimedOut), as std::errc -----------------

/// EACCES: the semaphore exists but the caller may not open it (or may not unlink it).
inline constexpr std::errc eacces = std::errc::permission_denied;
/// EEXIST: exclusive create (creat|excl) of a name that already exists.
inline constexpr std::errc eexist = std::errc::file_exists;
/// EINVAL: initial value above value_max, a malformed name ("/", "", "/a/b", no '/'), or
/// an existing name that is not a semaphore: its file in /dev/shm is not a regular file or
/// is smaller than a sem_t (an empty file left by a tool that never sized it). glibc would
/// map such a file and the first post would die of SIGBUS; psem refuses it on open. The
/// check precedes the mapping, so a file truncated after it by someone who may write it
/// can still fault: keep such names out of reach (mode 0600, the default).
inline constexpr std::errc einval = std::errc::invalid_argument;
/// EMFILE: the process has no file descriptor left to open the semaphore with.
inline constexpr std::errc emfile = std::errc::too_many_files_open;
/// ENAMETOOLONG: the name has more than name_max characters after its '/'.
inline constexpr std::errc enametoolong = std::errc::filename_too_long;
/// ENFILE: the system-wide limit on open files is reached (root is exempt).
inline constexpr std::errc enfile = std::errc::too_many_files_open_in_system;
/// ENOENT: open without creat of a missing name, or unlink of a missing name.
inline constexpr std::errc enoent = std::errc::no_such_file_or_directory;
/// ENOMEM: the semaphore could not be mapped (address space exhausted).
inline constexpr std::errc enomem = std::errc::not_enough_memory;
/// EOVERFLOW: a post would take the value past value_max; the value is unchanged.
inline constexpr std::errc eoverflow = std::errc::value_too_large;
/// EINTR: a signal handler interrupted a blocking wait (see the EINTR policy above).
inline constexpr std::errc eintr = std::errc::interrupted;
/// EAGAIN: try_wait() found the value at zero.
inline constexpr std::errc eagain = std::errc::resource_unavailable_try_again;
/// ETIMEDOUT: a timed wait reached its deadline with the value still at zero.
inline constexpr std::errc etimedout = std::errc::timed_out;

namespace detail {
// Resolved once at start-up: std::system_category() is an out-of-line call in libstdc++,
// and the hot path must not pay for it on every successful operation.
inline const std::error_category* const system_category = &std::system_category();

[[nodiscard]] inline std::error_code errno_code(int e) noexcept { return {e, *system_category}; }
[[nodiscard]] inline std::error_code no_error() noexcept { return {0, *system_category}; }
}  // namespace detail

}  // namespace psem
