// run/launcher.hpp - Boost.Process v2 and the launcher psem-bench starts children with,
// for the two places that start them (spawn.cpp: workers; child.cpp: the gate's runs).
// Include it first among the Boost headers: the diagnostic pragmas below must precede them,
// and they stay in force for the rest of the including file.
#pragma once

// GCC 12's flow analysis reports "potential null pointer dereference" inside Boost.Asio's
// scheduler at -O2 (a false positive in code we do not own): keep -Werror usable.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#if defined(__GNUC__) && !defined(__clang__)
// Under TSan GCC warns that Asio's fences are invisible to it. Nothing here runs Asio's
// executor: the io_context is only there for Boost.Process's fork notifications.
#pragma GCC diagnostic ignored "-Wtsan"
#endif
#include <boost/asio/io_context.hpp>
#include <boost/process/v2.hpp>
#include <boost/process/v2/posix/vfork_launcher.hpp>

namespace psem::bench {

namespace bp = boost::process::v2;

// vfork, not fork: the parent's page tables are not copied and it takes no copy-on-write
// faults afterwards, which on a VM saves a good part of each start (README, "Measured
// figures"). TSan turns vfork into fork, and the vfork launcher learns of a failed exec
// only through the memory a vfork child shares: under TSan, the fork launcher (which uses
// a pipe).
#if defined(__SANITIZE_THREAD__)
using launcher_type = bp::posix::default_launcher;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
using launcher_type = bp::posix::default_launcher;
#else
using launcher_type = bp::posix::vfork_launcher;
#endif
#else
using launcher_type = bp::posix::vfork_launcher;
#endif

}  // namespace psem::bench
