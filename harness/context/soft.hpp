// context/soft.hpp - the "never fail" contract of the probes, written once.
#pragma once

#include <utility>

namespace psem::bench::context_detail {

/// fn(), or `fallback` if it throws anything (bad_alloc, a parse error nobody foresaw):
/// a missing fact must never cost a benchmark run.
template <class F, class T>
auto soft(F&& fn, T fallback) -> decltype(fn()) {
    try {
        return std::forward<F>(fn)();
    } catch (...) {
        return fallback;
    }
}

}  // namespace psem::bench::context_detail
