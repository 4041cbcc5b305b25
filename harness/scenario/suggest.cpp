// scenario/suggest.cpp - "did you mean": the closest known name to a misspelt one.
#include "scenario/fields.hpp"

#include <algorithm>

namespace psem::bench::detail {
namespace {

// Optimal string alignment distance: Levenshtein plus adjacent transpositions
// ("porcesses"), the typos a hand-edited file actually contains.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, std::span<const std::string_view> candidates) {
    std::string lower(word.substr(0, 100));  // the distance table is quadratic: bound it
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    // Up to one edit per three characters is a typo; more is a different word.
    const std::size_t allowed = std::max<std::size_t>(1, std::min<std::size_t>(3, lower.size() / 3));
    std::string_view best;
    std::size_t best_distance = allowed + 1;
    for (const auto candidate : candidates) {
        // Also against the candidate's leading words ("threads" of threads_per_process),
        // which is what a writer abbreviating a long name tends to type ("threds").
        std::size_t dist = edit_distance(lower, candidate);
        for (auto cut = candidate.find('_'); cut != std::string_view::npos; cut = candidate.find('_', cut + 1)) {
            if (cut >= 3) dist = std::min(dist, edit_distance(lower, candidate.substr(0, cut)));
        }
        if (dist < best_distance) {
            best = candidate;
            best_distance = dist;
        }
    }
    if (best.empty() && lower.size() >= 3) {  // "threads" for "threads_per_process"
        for (const auto candidate : candidates) {
            if (candidate.starts_with(lower)) return std::string(candidate);
        }
    }
    return std::string(best);
}

}  // namespace psem::bench::detail
