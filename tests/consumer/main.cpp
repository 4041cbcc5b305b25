// A downstream program: built against an installed libpsem, by find_package and by
// pkg-config (tests/scripts/test-consumer.sh). Exits 0 when a post and a try_acquire
// went through a real named semaphore.
#include <psem/psem.hpp>

#include <unistd.h>

#include <cstdio>
#include <string>

int main() {
    const std::string name = "/psem-consumer-" + std::to_string(::getpid());
    auto sem = psem::semaphore::create(name, 0, psem::permissions{0600});
    (void)sem.unlink();
    sem.release();
    const bool took = sem.try_acquire();
    std::printf("psem %s: %s\n", psem::version, took ? "ok" : "try_acquire failed");
    return took ? 0 : 1;
}
