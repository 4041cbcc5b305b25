// Symbolic errno names. The table holds the macros, not numbers, so each name maps to
// this platform's value. Aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) are left out: a value
// has one name, its primary one.
#include "conformance/edge_errno.hpp"

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <utility>
#include <vector>

namespace psem::bench {
namespace {

// Every errno Linux defines (asm-generic/errno-base.h and errno.h), in numeric order.
constexpr std::pair<int, std::string_view> errno_table[] = {
    {EPERM, "EPERM"}, {ENOENT, "ENOENT"}, {ESRCH, "ESRCH"}, {EINTR, "EINTR"}, {EIO, "EIO"},
    {ENXIO, "ENXIO"}, {E2BIG, "E2BIG"}, {ENOEXEC, "ENOEXEC"}, {EBADF, "EBADF"},
    {ECHILD, "ECHILD"}, {EAGAIN, "EAGAIN"}, {ENOMEM, "ENOMEM"}, {EACCES, "EACCES"},
    {EFAULT, "EFAULT"}, {ENOTBLK, "ENOTBLK"}, {EBUSY, "EBUSY"}, {EEXIST, "EEXIST"},
    {EXDEV, "EXDEV"}, {ENODEV, "ENODEV"}, {ENOTDIR, "ENOTDIR"}, {EISDIR, "EISDIR"},
    {EINVAL, "EINVAL"}, {ENFILE, "ENFILE"}, {EMFILE, "EMFILE"}, {ENOTTY, "ENOTTY"},
    {ETXTBSY, "ETXTBSY"}, {EFBIG, "EFBIG"}, {ENOSPC, "ENOSPC"}, {ESPIPE, "ESPIPE"},
    {EROFS, "EROFS"}, {EMLINK, "EMLINK"}, {EPIPE, "EPIPE"}, {EDOM, "EDOM"}, {ERANGE, "ERANGE"},
    {EDEADLK, "EDEADLK"}, {ENAMETOOLONG, "ENAMETOOLONG"}, {ENOLCK, "ENOLCK"},
    {ENOSYS, "ENOSYS"}, {ENOTEMPTY, "ENOTEMPTY"}, {ELOOP, "ELOOP"}, {ENOMSG, "ENOMSG"},
    {EIDRM, "EIDRM"}, {ECHRNG, "ECHRNG"}, {EL2NSYNC, "EL2NSYNC"}, {EL3HLT, "EL3HLT"},
    {EL3RST, "EL3RST"}, {ELNRNG, "ELNRNG"}, {EUNATCH, "EUNATCH"}, {ENOCSI, "ENOCSI"},
    {EL2HLT, "EL2HLT"}, {EBADE, "EBADE"}, {EBADR, "EBADR"}, {EXFULL, "EXFULL"},
    {ENOANO, "ENOANO"}, {EBADRQC, "EBADRQC"}, {EBADSLT, "EBADSLT"}, {EBFONT, "EBFONT"},
    {ENOSTR, "ENOSTR"}, {ENODATA, "ENODATA"}, {ETIME, "ETIME"}, {ENOSR, "ENOSR"},
    {ENONET, "ENONET"}, {ENOPKG, "ENOPKG"}, {EREMOTE, "EREMOTE"}, {ENOLINK, "ENOLINK"},
    {EADV, "EADV"}, {ESRMNT, "ESRMNT"}, {ECOMM, "ECOMM"}, {EPROTO, "EPROTO"},
    {EMULTIHOP, "EMULTIHOP"}, {EDOTDOT, "EDOTDOT"}, {EBADMSG, "EBADMSG"},
    {EOVERFLOW, "EOVERFLOW"}, {ENOTUNIQ, "ENOTUNIQ"}, {EBADFD, "EBADFD"}, {EREMCHG, "EREMCHG"},
    {ELIBACC, "ELIBACC"}, {ELIBBAD, "ELIBBAD"}, {ELIBSCN, "ELIBSCN"}, {ELIBMAX, "ELIBMAX"},
    {ELIBEXEC, "ELIBEXEC"}, {EILSEQ, "EILSEQ"}, {ERESTART, "ERESTART"}, {ESTRPIPE, "ESTRPIPE"},
    {EUSERS, "EUSERS"}, {ENOTSOCK, "ENOTSOCK"}, {EDESTADDRREQ, "EDESTADDRREQ"},
    {EMSGSIZE, "EMSGSIZE"}, {EPROTOTYPE, "EPROTOTYPE"}, {ENOPROTOOPT, "ENOPROTOOPT"},
    {EPROTONOSUPPORT, "EPROTONOSUPPORT"}, {ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT"},
    {EOPNOTSUPP, "EOPNOTSUPP"}, {EPFNOSUPPORT, "EPFNOSUPPORT"}, {EAFNOSUPPORT, "EAFNOSUPPORT"},
    {EADDRINUSE, "EADDRINUSE"}, {EADDRNOTAVAIL, "EADDRNOTAVAIL"}, {ENETDOWN, "ENETDOWN"},
    {ENETUNREACH, "ENETUNREACH"}, {ENETRESET, "ENETRESET"}, {ECONNABORTED, "ECONNABORTED"},
    {ECONNRESET, "ECONNRESET"}, {ENOBUFS, "ENOBUFS"}, {EISCONN, "EISCONN"},
    {ENOTCONN, "ENOTCONN"}, {ESHUTDOWN, "ESHUTDOWN"}, {ETOOMANYREFS, "ETOOMANYREFS"},
    {ETIMEDOUT, "ETIMEDOUT"}, {ECONNREFUSED, "ECONNREFUSED"}, {EHOSTDOWN, "EHOSTDOWN"},
    {EHOSTUNREACH, "EHOSTUNREACH"}, {EALREADY, "EALREADY"}, {EINPROGRESS, "EINPROGRESS"},
    {ESTALE, "ESTALE"}, {EUCLEAN, "EUCLEAN"}, {ENOTNAM, "ENOTNAM"}, {ENAVAIL, "ENAVAIL"},
    {EISNAM, "EISNAM"}, {EREMOTEIO, "EREMOTEIO"}, {EDQUOT, "EDQUOT"}, {ENOMEDIUM, "ENOMEDIUM"},
    {EMEDIUMTYPE, "EMEDIUMTYPE"}, {ECANCELED, "ECANCELED"}, {ENOKEY, "ENOKEY"},
    {EKEYEXPIRED, "EKEYEXPIRED"}, {EKEYREVOKED, "EKEYREVOKED"}, {EKEYREJECTED, "EKEYREJECTED"},
    {EOWNERDEAD, "EOWNERDEAD"}, {ENOTRECOVERABLE, "ENOTRECOVERABLE"}, {ERFKILL, "ERFKILL"},
    {EHWPOISON, "EHWPOISON"},
};

}  // namespace

std::string errno_name(int value) {
    if (value == 0) return "OK";
    const auto* end = std::end(errno_table);
    const auto* it = std::find_if(std::begin(errno_table), end, [&](const auto& e) { return e.first == value; });
    if (it != end) return std::string(it->second);
    std::string out = "E";  // appended: GCC 12 warns falsely (-Wrestrict) on "E" + string&&
    return out.append(std::to_string(value));
}

std::string code_name(std::error_code ec) {
    if (!ec) return "OK";
    if (ec.category() == std::system_category() || ec.category() == std::generic_category())
        return errno_name(ec.value());
    return std::string(ec.category().name()) + ":" + std::to_string(ec.value());
}

std::string describe_outcomes(std::span<const std::string> outcomes) {
    std::vector<std::pair<std::string, std::size_t>> counts;
    for (const auto& o : outcomes) {
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == o; });
        if (it == counts.end()) counts.emplace_back(o, 1);
        else ++it->second;
    }
    if (counts.size() == 1) return counts.front().first;
    std::string out;
    for (const auto& [name, n] : counts) {
        if (!out.empty()) out += ", ";
        out += name + " x" + std::to_string(n);
    }
    return out;
}

}  // namespace psem::bench
