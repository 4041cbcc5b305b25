// render/text_table.hpp - a table of strings and its two printed forms: aligned columns
// for a terminal, and GitHub-flavoured Markdown. Knows nothing about benchmarks.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace psem::bench {

struct text_table {
    enum class align { left, right };
    struct column {
        std::string header;
        align alignment = align::left;
    };
    std::vector<column> columns;
    /// A row may be shorter than the header: its last cell then spans the remaining
    /// columns (used for "ERROR: ..." lines) and does not widen any column.
    std::vector<std::vector<std::string>> rows;
};

/// Columns padded to their widest cell (counted in UTF-8 code points), two spaces apart,
/// a dashed rule under the header, no trailing spaces.
void print_aligned(std::ostream& out, const text_table& t);

/// | a | b | with a |---|--:| alignment row; '|' in cells is escaped.
void print_markdown(std::ostream& out, const text_table& t);

}  // namespace psem::bench
