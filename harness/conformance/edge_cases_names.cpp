#include "conformance/edge_names.hpp"

#include <psem/semaphore.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace psem::bench {

std::string edge_names::make(std::string_view check, std::string_view role) const {
    std::string name = prefix_;
    name += '.';
    name += check;
    if (!role.empty()) {
        name += '.';
        name += role;
    }
    return name;
}

name_guard::~name_guard() { (void)psem::unlink(name_); }

}  // namespace psem::bench
