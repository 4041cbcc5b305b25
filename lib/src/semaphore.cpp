// Setup, teardown and the slow paths of psem::semaphore. The hot path is inline in the
// header.
#include <psem/semaphore.hpp>
#ifdef PSEM_TESTING
#include <psem/testing.hpp>
#endif

#include <sys/stat.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>

namespace psem {
namespace {

#ifdef PSEM_TESTING
// The test seam (psem/testing.hpp): compiled into the test build of the library only.
std::atomic<int (*)(std::string_view)> g_open_fault{nullptr};
#endif

// glibc keeps named semaphores as files "sem.<name>" in /dev/shm (fixed since 2.34).
std::string shm_path(std::string_view name) {
    std::string path = "/dev/shm/sem.";
    path.append(name.substr(1));
    return path;
}

[[noreturn]] void throw_error(std::error_code ec, std::string_view what, std::string_view name) {
    std::string msg(what);
    msg += " semaphore \"";
    msg += name;
    msg += '"';
    throw std::system_error(ec, msg);
}

// One sem_open call with the name and value already validated. Returns nullptr and fills
// ec on failure.
sem_t* raw_open(const std::string& name, int flags, unsigned mode, unsigned value,
                std::error_code& ec) noexcept {
#ifdef PSEM_TESTING
    if (auto* fault = g_open_fault.load(std::memory_order_relaxed)) {
        if (const int e = fault(name); e != 0) {
            ec = detail::errno_code(e);
            return nullptr;
        }
    }
#endif
    // An existing name must be a semaphore before glibc maps it: an empty file maps fine
    // and the first post dies of SIGBUS. A missing name is sem_open's to report (ENOENT).
    if (!(flags & O_CREAT)) {
        struct stat st {};
        // A symbolic link is left to sem_open, which refuses it (ELOOP).
        if (::lstat(shm_path(name).c_str(), &st) == 0 && !S_ISLNK(st.st_mode) &&
            (!S_ISREG(st.st_mode) || st.st_size < static_cast<off_t>(sizeof(sem_t)))) {
            ec = detail::errno_code(EINVAL);
            return nullptr;
        }
    }
    sem_t* sem = (flags & O_CREAT) ? ::sem_open(name.c_str(), flags, static_cast<mode_t>(mode), value)
                                   : ::sem_open(name.c_str(), flags);
    if (sem == SEM_FAILED) {
        ec = detail::errno_code(errno);
        return nullptr;
    }
    ec.clear();
    return sem;
}

// sem_open applies the umask to the mode; the contract is the mode exactly. The file is
// ours (we just created it with O_EXCL) and the umask only ever removes bits, so the
// short window before the chmod is never more permissive than asked for.
std::error_code apply_exact_mode(const std::string& name, unsigned mode) noexcept {
    try {
        if (::chmod(shm_path(name).c_str(), static_cast<mode_t>(mode & 07777)) != 0)
            return detail::errno_code(errno);
    } catch (const std::bad_alloc&) {
        return detail::errno_code(ENOMEM);
    }
    return {};
}

// File-local so that wait_for_split inlines it: the library is built with -fPIC, and GCC
// never inlines one exported function into another (it could be interposed at load time).
std::error_code sem_clockwait_code(sem_t* sem, clockid_t clock, timespec abs) noexcept {
    if (::sem_clockwait(sem, clock, &abs) == 0) return detail::no_error();
    return detail::errno_code(errno);
}

// Now on the monotonic clock plus a duration split into seconds and nanoseconds (same
// sign, |nsec| < 1e9). File-local so that it inlines into wait_for_split, whose caller
// folds a constant timeout into the two parts: no 64-bit division per call.
timespec monotonic_deadline(std::int64_t sec, std::int64_t nsec) noexcept {
    constexpr std::int64_t giga = 1'000'000'000;
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    // No overflow: saturate_ns bounds |sec| by INT64_MAX / 1e9 (about 9.2e9 s), and the
    // monotonic clock counts from boot. The kernel clamps far deadlines by itself.
    std::int64_t s = static_cast<std::int64_t>(now.tv_sec) + sec;
    std::int64_t n = now.tv_nsec + nsec;  // in (-1e9, 2e9): one carry at most
    if (n >= giga) {
        n -= giga;
        ++s;
    } else if (n < 0) {
        n += giga;
        --s;
    }
    if (s < 0) s = n = 0;  // a negative timeout larger than the uptime: long past
    return timespec{static_cast<time_t>(s), static_cast<long>(n)};
}

std::error_code check_value(unsigned value) noexcept {
    if (value > value_max) return detail::errno_code(EINVAL);
    return {};
}

}  // namespace

#ifdef PSEM_TESTING
namespace testing {
void set_open_fault(int (*fault)(std::string_view name)) noexcept {
    g_open_fault.store(fault, std::memory_order_relaxed);
}
}  // namespace testing
#endif

std::error_code validate_name(std::string_view name) noexcept {
    if (name.size() < 2 || name.front() != '/') return detail::errno_code(EINVAL);
    if (name.find('/', 1) != std::string_view::npos) return detail::errno_code(EINVAL);
    if (name.find('\0') != std::string_view::npos) return detail::errno_code(EINVAL);
    if (name.size() - 1 > name_max) return detail::errno_code(ENAMETOOLONG);
    return {};
}

std::error_code unlink(std::string_view name) noexcept {
    if (auto ec = validate_name(name)) return ec;
    try {
        const std::string n(name);
        if (::sem_unlink(n.c_str()) != 0) return detail::errno_code(errno);
    } catch (const std::bad_alloc&) {
        return detail::errno_code(ENOMEM);
    }
    return {};
}

void unlink_or_throw(std::string_view name) {
    if (auto ec = unlink(name)) throw_error(ec, "cannot unlink", name);
}

semaphore::semaphore(semaphore&& other) noexcept
    : sem_(std::exchange(other.sem_, nullptr)),
      policy_(other.policy_),
      name_(std::move(other.name_)),
      learning_(other.learning_) {
    other.name_.clear();
}

semaphore& semaphore::operator=(semaphore&& other) noexcept {
    if (this != &other) {
        close();
        sem_ = std::exchange(other.sem_, nullptr);
        policy_ = other.policy_;
        name_ = std::move(other.name_);
        learning_ = other.learning_;
        other.name_.clear();
    }
    return *this;
}

semaphore semaphore::open(std::string_view name, int flags, permissions perms, unsigned value,
                          std::error_code& ec) noexcept {
    const unsigned mode = perms.bits;
    if ((ec = validate_name(name))) return {};
    // Exactly the three documented combinations: O_EXCL alone passed a mask test and went
    // to sem_open as a plain open of an existing name, silently ignoring the "exclusive".
    if (flags != 0 && flags != O_CREAT && flags != (O_CREAT | O_EXCL)) {
        ec = detail::errno_code(EINVAL);
        return {};
    }
    // A plain O_CREAT cannot know whether it created the file, so it could not apply the
    // exact mode the contract promises (sem_open alone leaves the umask's mark on it).
    // open_or_create gives the same "open, or create if missing" meaning, race-free, and
    // creates exclusively, so the mode is exact whenever this call is the creator.
    if (flags == O_CREAT) return open_or_create(name, value, perms, nullptr, ec);
    if ((flags & O_CREAT) && (ec = check_value(value))) return {};
    try {
        std::string n(name);
        sem_t* sem = raw_open(n, flags, mode, value, ec);
        if (sem == nullptr) return {};
        // Only an exclusive create knows the file is its own; a plain creat may have
        // opened someone else's semaphore, whose mode is not ours to change.
        if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
            if ((ec = apply_exact_mode(n, mode))) {
                ::sem_close(sem);
                ::sem_unlink(n.c_str());
                return {};
            }
        }
        return semaphore(sem, std::move(n));
    } catch (const std::bad_alloc&) {
        ec = detail::errno_code(ENOMEM);
        return {};
    }
}

semaphore semaphore::create(std::string_view name, unsigned value, permissions mode,
                            std::error_code& ec) noexcept {
    return open(name, O_CREAT | O_EXCL, mode, value, ec);
}

semaphore semaphore::create(std::string_view name, unsigned value, permissions mode) {
    std::error_code ec;
    auto sem = create(name, value, mode, ec);
    if (ec) throw_error(ec, "cannot create", name);
    return sem;
}

semaphore semaphore::open(std::string_view name, std::error_code& ec) noexcept {
    return open(name, 0, default_mode, 0, ec);
}

semaphore semaphore::open(std::string_view name) {
    std::error_code ec;
    auto sem = open(name, ec);
    if (ec) throw_error(ec, "cannot open", name);
    return sem;
}

semaphore semaphore::open_or_create(std::string_view name, unsigned value, permissions mode,
                                    bool* created, std::error_code& ec) noexcept {
    if ((ec = validate_name(name)) || (ec = check_value(value))) return {};
    // Open first, create exclusively if missing, and go round again if another process
    // created (EEXIST) or unlinked (ENOENT) the name in between. Exclusive creation is what
    // makes `created` truthful and lets the exact mode be applied to our own file only.
    // Every psem code is in the system category, so comparing the value is exact and skips
    // the virtual error_category::equivalent calls of a std::errc comparison.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        auto sem = open(name, 0, mode, 0, ec);
        if (!ec) {
            if (created) *created = false;
            return sem;
        }
        if (ec.value() != ENOENT) return {};
        sem = open(name, O_CREAT | O_EXCL, mode, value, ec);
        if (!ec) {
            if (created) *created = true;
            return sem;
        }
        if (ec.value() != EEXIST) return {};
    }
    return {};  // ec holds the last EEXIST: the name kept flickering
}

semaphore semaphore::open_or_create(std::string_view name, unsigned value, permissions mode, bool* created) {
    std::error_code ec;
    auto sem = open_or_create(name, value, mode, created, ec);
    if (ec) throw_error(ec, "cannot open or create", name);
    return sem;
}

std::error_code semaphore::post(unsigned n, unsigned* posted) noexcept {
    unsigned done = 0;
    std::error_code ec = detail::no_error();
    for (; done < n; ++done)
        if ((ec = post())) break;
    if (posted) *posted = done;
    return ec;
}

void semaphore::release(std::ptrdiff_t update) {
    if (update < 0) throw_error(detail::errno_code(EINVAL), "cannot release a negative count to", name_);
    std::ptrdiff_t done = 0;
    for (; done < update; ++done) {
        if (auto ec = post()) {
            throw release_error(ec, "cannot release semaphore \"" + name_ + "\" after " + std::to_string(done) +
                                        " of " + std::to_string(update) + " posts",
                                done);
        }
    }
}

void semaphore::acquire() { acquire(policy_); }

void semaphore::acquire(wait_policy policy) {
    while (true) {
        const std::error_code ec = wait(policy);
        if (!ec) return;
        if (ec.value() != EINTR) throw_error(ec, "cannot acquire", name_);
    }
}

bool semaphore::acquire_until_abs(clockid_t clock, timespec abs, wait_policy policy) {
    while (true) {
        const std::error_code ec = policy_wait(clock, &abs, policy);
        if (!ec) return true;
        if (ec.value() == ETIMEDOUT) return false;
        if (ec.value() != EINTR) throw_error(ec, "cannot acquire", name_);
    }
}

bool semaphore::acquire_for_split(std::int64_t sec, std::int64_t nsec, wait_policy policy) {
    return acquire_until_abs(CLOCK_MONOTONIC, monotonic_deadline(sec, nsec), policy);
}

timespec semaphore::ns_to_timespec(std::int64_t ns) noexcept {
    // Floor division keeps tv_nsec in [0, 1e9) for negative values too: a malformed
    // nanosecond field is exactly the EINVAL the Go package produced.
    constexpr std::int64_t giga = 1'000'000'000;
    std::int64_t sec = ns / giga;
    std::int64_t rem = ns % giga;
    if (rem < 0) {
        rem += giga;
        --sec;
    }
    if (sec < 0) return timespec{0, 0};  // before the clock's epoch: long past
    return timespec{static_cast<time_t>(sec), static_cast<long>(rem)};
}

std::error_code semaphore::clock_wait(clockid_t clock, timespec abs) noexcept {
    assert(sem_ != nullptr);
    if (!policy_.blocks_at_once()) [[unlikely]] return policy_wait(clock, &abs, policy_);
    return sem_clockwait_code(sem_, clock, abs);
}

// The policy is checked before the deadline is computed, and the spinning path gets its
// own function: a deadline whose address is taken for it lives on the stack, and copying
// it back cost the blocking path a store-forwarding stall (psem-micro's timed wait).
std::error_code semaphore::wait_for_split(std::int64_t sec, std::int64_t nsec) noexcept {
    assert(sem_ != nullptr);
    if (!policy_.blocks_at_once()) [[unlikely]] return wait_for_split(sec, nsec, policy_);
    return sem_clockwait_code(sem_, CLOCK_MONOTONIC, monotonic_deadline(sec, nsec));
}

std::error_code semaphore::wait_for_split(std::int64_t sec, std::int64_t nsec, wait_policy policy) noexcept {
    assert(sem_ != nullptr);
    const timespec abs = monotonic_deadline(sec, nsec);
    if (!policy.blocks_at_once()) return policy_wait(CLOCK_MONOTONIC, &abs, policy);
    return sem_clockwait_code(sem_, CLOCK_MONOTONIC, abs);
}

int semaphore::value(std::error_code& ec) const noexcept {
    assert(sem_ != nullptr);
    int v = 0;
    if (::sem_getvalue(sem_, &v) != 0) {
        ec = detail::errno_code(errno);
        return -1;
    }
    ec.clear();
    return v;
}

int semaphore::value() const {
    std::error_code ec;
    const int v = value(ec);
    if (ec) throw_error(ec, "cannot read the value of", name_);
    return v;
}

std::error_code semaphore::close() noexcept {
    if (sem_ == nullptr) return {};
    sem_t* sem = std::exchange(sem_, nullptr);
    name_.clear();
    if (::sem_close(sem) != 0) return detail::errno_code(errno);
    return {};
}

scoped_acquire::scoped_acquire(semaphore& sem) : sem_(sem) { sem_.acquire(); }

scoped_acquire::~scoped_acquire() {
    if (!held_) return;
    [[maybe_unused]] const std::error_code ec = sem_.post();
    assert(!ec && "psem::scoped_acquire: the unit could not be posted back");
}

std::error_code scoped_acquire::release() noexcept {
    if (!held_) return detail::no_error();
    held_ = false;
    return sem_.post();
}

}  // namespace psem
