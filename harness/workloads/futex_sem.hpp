// workloads/futex_sem.hpp - a counting semaphore on a 32-bit futex word in shared memory,
// the `futex` backend: what a semaphore costs with nothing but the kernel's wait queue.
//
// The algorithm (the shape of glibc's own semaphores, without their 64-bit packing):
//   post: value += 1 (seq_cst); if waiters > 0 (seq_cst load): FUTEX_WAKE one.
//   wait: take a unit by CAS while value > 0; otherwise waiters += 1 (seq_cst),
//         FUTEX_WAIT(&value, expected 0), waiters -= 1, and try again.
// Why no wake-up is lost: a waiter announces itself (waiters += 1) before it sleeps, and
// the kernel sleeps it only if value is still 0, checked under the futex bucket's lock,
// which FUTEX_WAKE takes too. The poster increments value before it reads waiters. Both
// sides are seq_cst, so of "waiter's increment" and "poster's read" one comes first in
// the single total order: either the poster sees the waiter and wakes it (if the waiter
// has not slept yet, its FUTEX_WAIT finds value != 0 and returns at once), or the
// waiter's FUTEX_WAIT sees the poster's unit and does not sleep. A unit is only ever
// taken by a successful CAS from v > 0 to v - 1, so none is taken twice. Spurious
// returns (EAGAIN, EINTR, a wake meant for another) just go round again.
// Process-shared: the word lives in the run's shared control block, and the futex calls
// are the shared (not FUTEX_PRIVATE) forms.
#pragma once

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

namespace psem::bench {

struct futex_words {
    std::atomic<std::uint32_t> value{0};
    std::atomic<std::uint32_t> waiters{0};
};
static_assert(std::atomic<std::uint32_t>::is_always_lock_free && sizeof(std::atomic<std::uint32_t>) == 4);

namespace futex_sem {

inline long futex_call(std::atomic<std::uint32_t>* word, int op, std::uint32_t val) noexcept {
    return ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(word), op, val, nullptr, nullptr, 0);  // NOLINT
}

/// False (errno set) only when the increment would overflow the 32-bit word.
inline bool post(futex_words& f) noexcept {
    std::uint32_t v = f.value.load(std::memory_order_relaxed);
    do {
        if (v == UINT32_MAX) {
            errno = EOVERFLOW;
            return false;
        }
    } while (!f.value.compare_exchange_weak(v, v + 1, std::memory_order_seq_cst, std::memory_order_relaxed));
    if (f.waiters.load(std::memory_order_seq_cst) > 0) (void)futex_call(&f.value, FUTEX_WAKE, 1);
    return true;
}

/// Blocks until a unit is taken; false (errno set) on an error other than a spurious return.
inline bool wait(futex_words& f) noexcept {
    for (;;) {
        std::uint32_t v = f.value.load(std::memory_order_relaxed);
        while (v > 0)
            if (f.value.compare_exchange_weak(v, v - 1, std::memory_order_acquire, std::memory_order_relaxed))
                return true;
        f.waiters.fetch_add(1, std::memory_order_seq_cst);
        const long rc = futex_call(&f.value, FUTEX_WAIT, 0);
        const int err = errno;
        f.waiters.fetch_sub(1, std::memory_order_relaxed);
        if (rc != 0 && err != EAGAIN && err != EINTR) {
            errno = err;
            return false;
        }
    }
}

}  // namespace futex_sem
}  // namespace psem::bench
