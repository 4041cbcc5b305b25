// psem-micro: Google Benchmark microbenchmarks of psem's hot path, each next to a "_raw"
// twin that runs the same loop on glibc directly, so the wrapper's cost is a ratio of two
// figures measured in the same run (docs/architecture.md, "Measuring rules").
//
// Every semaphore gets an unguessable name (/psem-micro.<pid>.<random>) and is unlinked
// right after it is opened, as the Go package's PostWait did: nothing is left in /dev/shm
// even if the run is killed, and no other process can open it meanwhile.
#include <benchmark/benchmark.h>
#include <psem/psem.hpp>

#include <fcntl.h>
#include <semaphore.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <system_error>

namespace {

std::string micro_name() {
    static std::mt19937_64 rng{std::random_device{}()};
    char buf[64];
    std::snprintf(buf, sizeof buf, "/psem-micro.%d.%016llx", static_cast<int>(::getpid()),
                  static_cast<unsigned long long>(rng()));
    return buf;
}

// The wrapper loops pin ec.value() with DoNotOptimize, as the raw loops pin their int: a
// whole std::error_code (16 bytes) goes through a memory constraint and would be stored
// to the stack each iteration, a cost of the measurement rather than of psem.

// --- set-up, outside the timed loops ------------------------------------------------------

// Fills `sem` with a fresh unlinked psem semaphore of value 0; false after SkipWithError.
bool open_psem(benchmark::State& state, psem::semaphore& sem) {
    std::error_code ec;
    sem = psem::semaphore::create(micro_name(), 0, psem::default_mode, ec);
    if (!ec) ec = sem.unlink();
    if (ec) {
        state.SkipWithError(("psem create/unlink: " + ec.message()).c_str());
        return false;
    }
    return true;
}

// The same for glibc: nullptr after SkipWithError.
sem_t* open_raw(benchmark::State& state) {
    const std::string name = micro_name();
    sem_t* sem = ::sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, 0u);
    if (sem == SEM_FAILED) {
        state.SkipWithError(("sem_open: " + std::error_code(errno, std::system_category()).message()).c_str());
        return nullptr;
    }
    if (::sem_unlink(name.c_str()) != 0) {
        state.SkipWithError("sem_unlink failed");
        ::sem_close(sem);
        return nullptr;
    }
    return sem;
}

// --- PostWait: one thread, post then wait (the Go package's BenchmarkPostWait) ------------

void BM_PostWait(benchmark::State& state) {
    psem::semaphore sem;
    if (!open_psem(state, sem)) return;
    for (auto _ : state) {
        const auto posted = sem.post();
        const auto waited = sem.wait();
        benchmark::DoNotOptimize(posted.value());
        benchmark::DoNotOptimize(waited.value());
        if (posted || waited) [[unlikely]] {
            state.SkipWithError("post/wait failed");
            break;
        }
    }
}
BENCHMARK(BM_PostWait);

void BM_PostWait_raw(benchmark::State& state) {
    sem_t* sem = open_raw(state);
    if (sem == nullptr) return;
    for (auto _ : state) {
        const int posted = ::sem_post(sem);
        const int waited = ::sem_wait(sem);
        benchmark::DoNotOptimize(posted);
        benchmark::DoNotOptimize(waited);
        if (posted != 0 || waited != 0) [[unlikely]] {
            state.SkipWithError("sem_post/sem_wait failed");
            break;
        }
    }
    ::sem_close(sem);
}
BENCHMARK(BM_PostWait_raw);

// --- PostWaitParallel: every thread posts then waits on one shared semaphore --------------
//
// Thread 0 opens the semaphore before the loop and closes it after: Google Benchmark
// holds all threads at a barrier when the loop starts and again when it ends, so the
// others never see it half set up or already gone. No thread can be left blocked: each
// posts before it waits, so a wait only blocks while another thread's post is pending.
// UseRealTime makes ns/op wall time / total pairs, the Go definition.

psem::semaphore g_shared;
sem_t* g_shared_raw = nullptr;

void BM_PostWaitParallel(benchmark::State& state) {
    if (state.thread_index() == 0) (void)open_psem(state, g_shared);
    for (auto _ : state) {
        if (!g_shared) [[unlikely]] {  // thread 0 failed to set up
            state.SkipWithError("no semaphore");
            break;
        }
        const auto posted = g_shared.post();
        const auto waited = g_shared.wait();
        benchmark::DoNotOptimize(posted.value());
        benchmark::DoNotOptimize(waited.value());
        if (posted || waited) [[unlikely]] {
            state.SkipWithError("post/wait failed");
            break;
        }
    }
    if (state.thread_index() == 0) (void)g_shared.close();
}
BENCHMARK(BM_PostWaitParallel)->Threads(1)->Threads(2)->Threads(4)->Threads(8)->UseRealTime();

void BM_PostWaitParallel_raw(benchmark::State& state) {
    if (state.thread_index() == 0) g_shared_raw = open_raw(state);
    for (auto _ : state) {
        sem_t* const sem = g_shared_raw;
        if (sem == nullptr) [[unlikely]] {
            state.SkipWithError("no semaphore");
            break;
        }
        const int posted = ::sem_post(sem);
        const int waited = ::sem_wait(sem);
        benchmark::DoNotOptimize(posted);
        benchmark::DoNotOptimize(waited);
        if (posted != 0 || waited != 0) [[unlikely]] {
            state.SkipWithError("sem_post/sem_wait failed");
            break;
        }
    }
    if (state.thread_index() == 0 && g_shared_raw != nullptr) {
        ::sem_close(g_shared_raw);
        g_shared_raw = nullptr;
    }
}
BENCHMARK(BM_PostWaitParallel_raw)->Threads(1)->Threads(2)->Threads(4)->Threads(8)->UseRealTime();

// --- TryWaitEmpty: the EAGAIN path (errno read and turned into a code) --------------------
//
// The check compares ec.value() with EAGAIN, as the raw twin compares errno: comparing a
// std::error_code with a std::errc (ec == psem::eagain) costs two out-of-line libstdc++
// calls (generic_category() and the virtual equivalent()), several ns that are not the
// wrapper's. BM_TryWaitEmptyErrcCompare measures that idiomatic form on its own.

void BM_TryWaitEmpty(benchmark::State& state) {
    psem::semaphore sem;
    if (!open_psem(state, sem)) return;
    for (auto _ : state) {
        const auto ec = sem.try_wait();
        benchmark::DoNotOptimize(ec.value());
        if (ec.value() != EAGAIN) [[unlikely]] {
            state.SkipWithError("try_wait did not report EAGAIN");
            break;
        }
    }
}
BENCHMARK(BM_TryWaitEmpty);

// Same loop, checked with the std::errc comparison; its raw twin is BM_TryWaitEmpty_raw.
void BM_TryWaitEmptyErrcCompare(benchmark::State& state) {
    psem::semaphore sem;
    if (!open_psem(state, sem)) return;
    for (auto _ : state) {
        const auto ec = sem.try_wait();
        benchmark::DoNotOptimize(ec.value());
        if (ec != psem::eagain) [[unlikely]] {
            state.SkipWithError("try_wait did not report EAGAIN");
            break;
        }
    }
}
BENCHMARK(BM_TryWaitEmptyErrcCompare);

void BM_TryWaitEmpty_raw(benchmark::State& state) {
    sem_t* sem = open_raw(state);
    if (sem == nullptr) return;
    for (auto _ : state) {
        const int rc = ::sem_trywait(sem);
        const int err = rc == 0 ? 0 : errno;
        benchmark::DoNotOptimize(err);
        if (err != EAGAIN) [[unlikely]] {
            state.SkipWithError("sem_trywait did not report EAGAIN");
            break;
        }
    }
    ::sem_close(sem);
}
BENCHMARK(BM_TryWaitEmpty_raw);

// --- TimedWaitImmediate: post, then a timed wait that succeeds at once --------------------
// Both sides read CLOCK_MONOTONIC, add one second and call sem_clockwait: the cost is
// the clock read plus the deadline arithmetic plus the fast path.

void BM_TimedWaitImmediate(benchmark::State& state) {
    psem::semaphore sem;
    if (!open_psem(state, sem)) return;
    for (auto _ : state) {
        const auto posted = sem.post();
        const auto waited = sem.wait_for(std::chrono::seconds(1));
        benchmark::DoNotOptimize(posted.value());
        benchmark::DoNotOptimize(waited.value());
        if (posted || waited) [[unlikely]] {
            state.SkipWithError("post/wait_for failed");
            break;
        }
    }
}
BENCHMARK(BM_TimedWaitImmediate);

void BM_TimedWaitImmediate_raw(benchmark::State& state) {
    sem_t* sem = open_raw(state);
    if (sem == nullptr) return;
    for (auto _ : state) {
        const int posted = ::sem_post(sem);
        timespec deadline{};
        ::clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += 1;
        const int waited = ::sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        benchmark::DoNotOptimize(posted);
        benchmark::DoNotOptimize(waited);
        if (posted != 0 || waited != 0) [[unlikely]] {
            state.SkipWithError("sem_post/sem_clockwait failed");
            break;
        }
    }
    ::sem_close(sem);
}
BENCHMARK(BM_TimedWaitImmediate_raw);

}  // namespace

BENCHMARK_MAIN();
