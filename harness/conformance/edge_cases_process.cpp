// The checks that need a process in a state psem-bench itself must never be in: another
// user's credentials, no file descriptor left. Each changes a forked child only.
#include "conformance/edge_checks.hpp"
#include "conformance/edge_errno.hpp"

#include <psem/semaphore.hpp>

#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <string>
#include <vector>

namespace psem::bench::edge {
namespace {

using psem::semaphore;

// nobody/nogroup on Debian and most distributions: an account that owns nothing.
constexpr uid_t unprivileged_uid = 65534;
constexpr gid_t unprivileged_gid = 65534;

enum stage : std::int64_t { stage_ok = 0, stage_setgroups = 1, stage_setgid = 2, stage_setuid = 3 };

check_record run_open_permission_denied(const context& cx) {
    auto row = make_row("open_permission_denied", "EACCES");
    if (::geteuid() != 0) {
        row.skipped = true;
        row.reason = "needs root: one user creates, another opens (running as uid " + std::to_string(::geteuid()) + ")";
        return row;
    }
    const name_guard name(cx.names.make("open_permission_denied"));
    std::error_code ec;
    auto sem = semaphore::create(name.str(), 0, owner_only, ec);
    if (ec) {
        setup_failed(row, "cannot create " + name.str(), ec);
        return row;
    }
    // Supplementary groups first, then the group, then the user: after setuid the
    // process could no longer change the other two.
    child_process child([&](child_channel& ch) {
        if (::setgroups(0, nullptr) != 0) return ch.send({stage_setgroups, errno, 0}) ? 0 : 3;
        if (::setgid(unprivileged_gid) != 0) return ch.send({stage_setgid, errno, 0}) ? 0 : 3;
        if (::setuid(unprivileged_uid) != 0) return ch.send({stage_setuid, errno, 0}) ? 0 : 3;
        std::error_code oec;
        auto theirs = semaphore::open(name.str(), oec);
        // Unlinking someone else's name in the sticky /dev/shm is refused too (glibc
        // reports the kernel's EPERM as EACCES).
        return ch.send({stage_ok, oec.value(), psem::unlink(name.str()).value()}) ? 0 : 3;
    });
    if (!started_or_fail(child, row)) return row;
    std::array<std::int64_t, 3> got{};
    if (!receive_or_fail(child, got, row, "result")) return row;
    const bool child_ok = finish_or_fail(child, row);
    if (got[0] != stage_ok) {
        // Root without CAP_SETUID/CAP_SETGID (a restricted container) or an unmapped uid
        // in a user namespace: the check cannot be made here, which is not a failure.
        static constexpr std::array<const char*, 4> call = {"", "setgroups", "setgid", "setuid"};
        row.skipped = true;
        add_note(row, std::string("cannot drop to uid/gid 65534: ") + call[static_cast<std::size_t>(got[0]) % 4] +
                          " gave " + errno_name(static_cast<int>(got[1])));
        return row;
    }
    const std::error_code opened = errno_code(got[1]);
    const std::error_code unlinked = errno_code(got[2]);
    row.observed = code_name(opened);
    row.passed = opened == psem::eacces && child_ok;
    if (unlinked != psem::eacces) {
        row.passed = false;
        add_note(row, "unlink by the other user gave " + code_name(unlinked) + ", not EACCES");
    }
    // Only for the other user: the owner still opens it.
    auto mine = semaphore::open(name.str(), ec);
    if (ec) {
        row.passed = false;
        add_note(row, "the owner cannot open it afterwards: " + code_name(ec));
    }
    if (row.passed) add_note(row, "uid 65534 opens root's 0600 semaphore; unlink: EACCES too");
    return row;
}

check_record run_open_no_descriptors(const context& cx) {
    auto row = make_row("open_no_descriptors", "EMFILE");
    const name_guard name(cx.names.make("open_no_descriptors"));
    const name_guard created(cx.names.make("open_no_descriptors", "create"));
    std::error_code ec;
    auto sem = semaphore::create(name.str(), 0, owner_only, ec);
    if (ec) {
        setup_failed(row, "cannot create " + name.str(), ec);
        return row;
    }
    // The lowest free descriptor is the next one the kernel would hand out; with the soft
    // limit set to it, every descriptor the process may have is taken (the pipe back to
    // the parent may lie above the limit: existing descriptors keep working).
    child_process child([&](child_channel& ch) {
        const int probe = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (probe < 0) return ch.send({1, errno, 0, 0}) ? 0 : 3;
        ::close(probe);
        rlimit rl{};
        if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return ch.send({1, errno, 0, 0}) ? 0 : 3;
        const rlimit saved = rl;
        rl.rlim_cur = static_cast<rlim_t>(probe);
        if (::setrlimit(RLIMIT_NOFILE, &rl) != 0) return ch.send({1, errno, 0, 0}) ? 0 : 3;
        std::error_code oec;
        std::error_code cec;
        (void)semaphore::open(name.str(), oec);
        (void)semaphore::create(created.str(), 0, owner_only, cec);
        // Only then: with the limit back, the same open works.
        std::error_code aec;
        if (::setrlimit(RLIMIT_NOFILE, &saved) == 0) (void)semaphore::open(name.str(), aec);
        else aec = {errno, std::system_category()};
        return ch.send({0, oec.value(), cec.value(), aec.value()}) ? 0 : 3;
    });
    if (!started_or_fail(child, row)) return row;
    std::array<std::int64_t, 4> got{};
    if (!receive_or_fail(child, got, row, "result")) return row;
    const bool child_ok = finish_or_fail(child, row);
    if (got[0] != 0) {
        setup_failed(row, "the other process cannot lower its descriptor limit", errno_code(got[1]));
        return row;
    }
    const std::error_code opened = errno_code(got[1]);
    const std::error_code made = errno_code(got[2]);
    const std::error_code after = errno_code(got[3]);
    row.observed = code_name(opened);
    row.passed = opened == psem::emfile && child_ok;
    if (made != psem::emfile) {
        row.passed = false;
        add_note(row, "create with no descriptor left gave " + code_name(made) + ", not EMFILE");
    }
    if (after) {
        row.passed = false;
        add_note(row, "open with the limit restored gave " + code_name(after) + ", not OK");
    }
    if (row.passed) add_note(row, "open and create at RLIMIT_NOFILE; open OK once raised");
    return row;
}

}  // namespace

void open_permission_denied(const context& cx, std::vector<check_record>& out) {
    out.push_back(run_open_permission_denied(cx));
}
void open_no_descriptors(const context& cx, std::vector<check_record>& out) {
    out.push_back(run_open_no_descriptors(cx));
}

}  // namespace psem::bench::edge
