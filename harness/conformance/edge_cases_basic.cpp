// The checks that need no timing: try-wait, overflow, the ways in (create, open,
// unlink) and name and value validation. Where the error arises between processes in
// real use (one takes the unit another sees gone, one creates what another finds taken),
// a forked child plays the other process and reports its errno through the pipe.
#include "conformance/edge_checks.hpp"
#include "conformance/edge_errno.hpp"

#include <psem/semaphore.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <climits>
#include <cerrno>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace psem::bench::edge {
namespace {

using psem::semaphore;

// Several calls that must all give the same error: collects each outcome for the
// observed cell and each deviation for the reason.
class call_log {
public:
    explicit call_log(std::errc expected) : expected_(expected) {}
    void add(const std::string& call, std::error_code ec) {
        outcomes_.push_back(code_name(ec));
        if (ec != expected_) wrong_.push_back(call + " gave " + code_name(ec));
    }
    void finish(check_record& row) const {
        row.observed = describe_outcomes(outcomes_);
        row.passed = wrong_.empty();
        for (const auto& w : wrong_) add_note(row, w);
    }

private:
    std::errc expected_;  // compared as a condition: matches system and generic codes alike
    std::vector<std::string> outcomes_;
    std::vector<std::string> wrong_;
};

// A name as it appears in a reason: quoted, and shortened when it is one of the long ones.
std::string shown(std::string_view name) {
    std::string out(1, '"');  // appended piecewise: GCC 12 warns falsely on "x" + string&&
    if (name.size() <= 40) return out.append(name).append(1, '"');
    return out.append(name.substr(0, 20)).append("...\" (").append(std::to_string(name.size())).append(" chars)");
}

check_record run_try_wait_zero(const context& cx) {
    auto row = make_row("try_wait_zero", "EAGAIN");
    const name_guard name(cx.names.make("try_wait_zero"));
    auto sem = create_or_fail(row, name.str(), 0);
    if (!sem) return row;
    const std::error_code ec = sem.try_wait();
    row.observed = code_name(ec);
    row.passed = ec == psem::eagain;
    std::error_code vec;
    if (const int v = sem.value(vec); vec || v != 0) {
        row.passed = false;
        add_note(row, "value after the try-wait is " + std::to_string(v) + ", not 0");
    }
    // And only at zero: with one unit there, the same call takes it.
    if (const auto posted = sem.post()) {
        setup_failed(row, "post", posted);
    } else if (const auto took = sem.try_wait()) {
        row.passed = false;
        add_note(row, "try-wait with one unit there gave " + code_name(took) + ", not OK");
    }
    return row;
}

check_record run_try_wait_after_take(const context& cx) {
    auto row = make_row("try_wait_after_take", "EAGAIN");
    const name_guard name(cx.names.make("try_wait_after_take"));
    auto sem = create_or_fail(row, name.str(), 1);
    if (!sem) return row;
    // The other process opens the name itself, as an unrelated program would, and takes
    // the last unit.
    child_process child([&](child_channel& ch) {
        std::error_code ec;
        auto mine = semaphore::open(name.str(), ec);
        if (ec) return ch.send({ec.value(), 0}) ? 0 : 3;
        return ch.send({0, mine.try_wait().value()}) ? 0 : 3;
    });
    if (!started_or_fail(child, row)) return row;
    std::array<std::int64_t, 2> got{};
    if (!receive_or_fail(child, got, row, "result")) return row;
    if (got[0] != 0) {
        setup_failed(row, "the other process cannot open the name", errno_code(got[0]));
        finish_or_fail(child, row);
        return row;
    }
    if (got[1] != 0) {
        setup_failed(row, "the other process cannot take the unit", errno_code(got[1]));
        finish_or_fail(child, row);
        return row;
    }
    const std::error_code ec = sem.try_wait();
    row.observed = code_name(ec);
    row.passed = ec == psem::eagain;
    finish_or_fail(child, row);
    return row;
}

check_record run_post_overflow(const context& cx) {
    auto row = make_row("post_overflow", "EOVERFLOW");
    const name_guard name(cx.names.make("post_overflow"));
    // Another process creates it full, so this one meets SEM_VALUE_MAX as a user of
    // someone else's semaphore would.
    child_process child([&](child_channel& ch) {
        std::error_code ec;
        auto full = semaphore::create(name.str(), psem::value_max, owner_only, ec);
        return ch.send({ec.value()}) ? 0 : 3;
    });
    if (!started_or_fail(child, row)) return row;
    std::array<std::int64_t, 1> created{};
    if (!receive_or_fail(child, created, row, "result")) return row;
    if (!finish_or_fail(child, row)) return row;
    if (created[0] != 0) {
        setup_failed(row, "the other process cannot create it at SEM_VALUE_MAX", errno_code(created[0]));
        return row;
    }
    std::error_code ec;
    auto sem = semaphore::open(name.str(), ec);
    if (ec) {
        setup_failed(row, "cannot open it", ec);
        return row;
    }
    std::error_code vec;
    const int before = sem.value(vec);
    const std::error_code posted = sem.post();
    const int after = sem.value(vec);
    row.observed = code_name(posted);
    row.passed = posted == psem::eoverflow;
    row.extra["value_max"] = static_cast<double>(psem::value_max);
    if (vec) {
        row.passed = false;
        add_note(row, "cannot read the value: " + code_name(vec));
    } else if (before != static_cast<int>(psem::value_max) || after != before) {
        row.passed = false;
        add_note(row, "value went from " + std::to_string(before) + " to " + std::to_string(after) +
                          "; expected SEM_VALUE_MAX (" + std::to_string(psem::value_max) + ") unchanged");
    } else {
        add_note(row, "value stays at SEM_VALUE_MAX (" + std::to_string(psem::value_max) + ")");
    }
    return row;
}

check_record run_create_value_too_large(const context& cx) {
    auto row = make_row("create_value_too_large", "EINVAL");
    const name_guard name(cx.names.make("create_value_too_large"));
    call_log log(psem::einval);
    std::error_code ec;
    for (const unsigned value : {psem::value_max + 1u, UINT_MAX}) {
        (void)semaphore::create(name.str(), value, owner_only, ec);
        log.add("create(value " + std::to_string(value) + ")", ec);
        (void)semaphore::open_or_create(name.str(), value, owner_only, nullptr, ec);
        log.add("open_or_create(value " + std::to_string(value) + ")", ec);
    }
    log.finish(row);
    // Refused before any system call: nothing may have been created on the way.
    (void)semaphore::open(name.str(), ec);
    if (ec != psem::enoent) {
        row.passed = false;
        add_note(row, "the name exists afterwards (open gave " + code_name(ec) + ")");
    }
    return row;
}

check_record run_create_exclusive_exists(const context& cx) {
    auto row = make_row("create_exclusive_exists", "EEXIST");
    const name_guard name(cx.names.make("create_exclusive_exists"));
    auto held = create_or_fail(row, name.str(), 0);
    if (!held) return row;
    child_process child([&](child_channel& ch) {
        std::error_code ec;
        auto again = semaphore::create(name.str(), 0, owner_only, ec);
        return ch.send({ec.value()}) ? 0 : 3;
    });
    if (!started_or_fail(child, row)) return row;
    std::array<std::int64_t, 1> got{};
    if (!receive_or_fail(child, got, row, "result")) return row;
    const std::error_code ec = errno_code(got[0]);
    row.observed = code_name(ec);
    row.passed = ec == psem::eexist;
    finish_or_fail(child, row);
    // The failed create must leave the holder's semaphore alone: still there, still ours.
    std::error_code oec;
    auto reopened = semaphore::open(name.str(), oec);
    if (oec) {
        row.passed = false;
        add_note(row, "the existing semaphore is gone afterwards (open gave " + code_name(oec) + ")");
    }
    return row;
}

check_record run_open_missing(const context& cx) {
    auto row = make_row("open_missing", "ENOENT");
    const name_guard name(cx.names.make("open_missing"));
    call_log log(psem::enoent);
    std::error_code ec;
    (void)semaphore::open(name.str(), ec);
    log.add("open()", ec);
    (void)semaphore::open(name.str(), 0, owner_only, 0, ec);  // the Go package's Open(name, 0, ...)
    log.add("open(flags 0)", ec);
    log.finish(row);
    return row;
}

// A name whose file in /dev/shm is not a semaphore (an empty file, as a tool that creates
// it without sizing it leaves): glibc would map it and the first post would die of
// SIGBUS. The check never posts, so a library that opened it fails the check, not the run.
check_record run_open_not_a_semaphore(const context& cx) {
    auto row = make_row("open_not_a_semaphore", "EINVAL");
    const name_guard name(cx.names.make("open_not_a_semaphore"));
    const std::string file = "/dev/shm/sem." + name.str().substr(1);
    const int fd = ::open(file.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        setup_failed(row, "cannot create an empty " + file, std::error_code(errno, std::system_category()));
        return row;
    }
    ::close(fd);
    call_log log(psem::einval);
    std::error_code ec;
    (void)semaphore::open(name.str(), ec);
    log.add("open()", ec);
    (void)semaphore::open_or_create(name.str(), 0, owner_only, nullptr, ec);
    log.add("open_or_create()", ec);
    log.finish(row);
    return row;
}

check_record run_unlink_missing(const context& cx) {
    auto row = make_row("unlink_missing", "ENOENT");
    const name_guard never(cx.names.make("unlink_missing", "never"));
    const name_guard gone(cx.names.make("unlink_missing", "gone"));
    call_log log(psem::enoent);
    log.add("unlink of a name never created", psem::unlink(never.str()));
    // A name that existed and was unlinked once is missing too.
    {
        auto sem = create_or_fail(row, gone.str(), 0);
        if (!sem) return row;
        if (const auto ec = psem::unlink(gone.str())) {
            setup_failed(row, "first unlink of " + gone.str(), ec);
            return row;
        }
    }
    log.add("second unlink", psem::unlink(gone.str()));
    log.finish(row);
    return row;
}

check_record run_name_invalid(const context& cx) {
    auto row = make_row("name_invalid", "EINVAL");
    // The three, and a name without its leading '/', which glibc would accept
    // on its own: the library must refuse it before any system call. If a create slips
    // through, the guard removes what it made (the slashless name maps to the same file).
    const name_guard slashless(cx.names.make("name_invalid"));
    const std::array<std::string, 4> names = {"/", "/a/b", "", slashless.str().substr(1)};
    call_log log(psem::einval);
    for (const auto& n : names) {
        std::error_code ec;
        auto sem = semaphore::create(n, 0, owner_only, ec);
        log.add("create(" + shown(n) + ")", ec);
        if (sem) (void)sem.close();
        (void)semaphore::open(n, ec);
        log.add("open(" + shown(n) + ")", ec);
        log.add("unlink(" + shown(n) + ")", psem::unlink(n));
    }
    log.finish(row);
    if (row.passed) add_note(row, "\"/\", \"/a/b\", \"\", no leading '/'; create, open, unlink");
    return row;
}

check_record run_name_too_long(const context& cx) {
    auto row = make_row("name_too_long", "ENAMETOOLONG");
    // Our prefix padded out, so a name that were wrongly created would still be ours to
    // clean up. name_max (251) characters after the '/' is the longest valid name; one more
    // is the first too long.
    const auto padded = [&](std::size_t chars_after_slash) {
        std::string n = cx.names.make("name_too_long", std::to_string(chars_after_slash)) + ".";
        n.resize(chars_after_slash + 1, 'x');
        return n;
    };
    const name_guard too_long(padded(psem::name_max + 1));
    const name_guard longest(padded(psem::name_max));
    row.extra["name_chars"] = static_cast<double>(psem::name_max + 1);
    call_log log(psem::enametoolong);
    std::error_code ec;
    auto sem = semaphore::create(too_long.str(), 0, owner_only, ec);
    log.add("create", ec);
    if (sem) (void)sem.close();
    (void)semaphore::open(too_long.str(), ec);
    log.add("open", ec);
    log.add("unlink", psem::unlink(too_long.str()));
    log.finish(row);
    // Only then: one character fewer is fine.
    auto ok = semaphore::create(longest.str(), 0, owner_only, ec);
    if (ec) {
        row.passed = false;
        add_note(row, "the longest valid name (" + std::to_string(psem::name_max) + " chars after '/') gave " +
                          code_name(ec));
    } else {
        add_note(row, std::to_string(psem::name_max + 1) + " chars after '/'; " + std::to_string(psem::name_max) +
                          " accepted");
    }
    return row;
}

}  // namespace

void try_wait_zero(const context& cx, std::vector<check_record>& out) { out.push_back(run_try_wait_zero(cx)); }
void try_wait_after_take(const context& cx, std::vector<check_record>& out) {
    out.push_back(run_try_wait_after_take(cx));
}
void post_overflow(const context& cx, std::vector<check_record>& out) { out.push_back(run_post_overflow(cx)); }
void create_value_too_large(const context& cx, std::vector<check_record>& out) {
    out.push_back(run_create_value_too_large(cx));
}
void create_exclusive_exists(const context& cx, std::vector<check_record>& out) {
    out.push_back(run_create_exclusive_exists(cx));
}
void open_missing(const context& cx, std::vector<check_record>& out) { out.push_back(run_open_missing(cx)); }
void open_not_a_semaphore(const context& cx, std::vector<check_record>& out) {
    out.push_back(run_open_not_a_semaphore(cx));
}
void unlink_missing(const context& cx, std::vector<check_record>& out) { out.push_back(run_unlink_missing(cx)); }
void name_invalid(const context& cx, std::vector<check_record>& out) { out.push_back(run_name_invalid(cx)); }
void name_too_long(const context& cx, std::vector<check_record>& out) { out.push_back(run_name_too_long(cx)); }

}  // namespace psem::bench::edge
