// conformance/edge_names.hpp - names of the semaphores the checks create, and their removal.
//
// The prefix is every run's, make_run_prefix(), so that `psem-bench cleanup` and the test
// suite's leak check recognise anything a crashed run left behind.
#pragma once

#include "sys/run_prefix.hpp"

#include <string>
#include <string_view>

namespace psem::bench {

/// Hands out "<prefix>.<check>" and "<prefix>.<check>.<role>".
class edge_names {
public:
    explicit edge_names(std::string prefix) : prefix_(std::move(prefix)) {}
    [[nodiscard]] std::string make(std::string_view check, std::string_view role = {}) const;
    [[nodiscard]] const std::string& prefix() const noexcept { return prefix_; }

private:
    std::string prefix_;
};

/// Unlinks its name when it goes out of scope, on every path, whether or not the check
/// managed to create it (ENOENT is the normal case then, and ignored). Every name a check
/// uses lives in one of these, the ones that provoke EEXIST and EACCES included.
class name_guard {
public:
    explicit name_guard(std::string name) : name_(std::move(name)) {}
    ~name_guard();
    name_guard(const name_guard&) = delete;
    name_guard& operator=(const name_guard&) = delete;
    [[nodiscard]] const std::string& str() const noexcept { return name_; }

private:
    std::string name_;
};

}  // namespace psem::bench
