// render/text_table.cpp - printing a text_table.
#include "render/text_table.hpp"

#include <algorithm>

namespace psem::bench {
namespace {

// Display width, approximated by code points: good enough for names and units.
std::size_t width_of(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<std::size_t> column_widths(const text_table& t) {
    std::vector<std::size_t> w;
    for (const auto& c : t.columns) w.push_back(width_of(c.header));
    for (const auto& row : t.rows) {
        const bool short_row = row.size() < t.columns.size();
        for (std::size_t i = 0; i < row.size() && i < w.size(); ++i) {
            if (short_row && i + 1 == row.size()) break;  // the spanning cell
            w[i] = std::max(w[i], width_of(row[i]));
        }
    }
    return w;
}

void print_line(std::ostream& out, const text_table& t, const std::vector<std::size_t>& w,
                const std::vector<std::string>& cells) {
    std::string line;
    const bool short_row = cells.size() < t.columns.size();
    for (std::size_t i = 0; i < cells.size() && i < w.size(); ++i) {
        if (i > 0) line += "  ";
        const std::string& cell = cells[i];
        if (short_row && i + 1 == cells.size()) {
            line += cell;
            break;
        }
        const std::string pad(w[i] - std::min(w[i], width_of(cell)), ' ');
        line += t.columns[i].alignment == text_table::align::right ? pad + cell : cell + pad;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
}

std::string escape_markdown(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '|') out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

}  // namespace

void print_aligned(std::ostream& out, const text_table& t) {
    const std::vector<std::size_t> w = column_widths(t);
    std::vector<std::string> header;
    std::vector<std::string> rule;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        header.push_back(t.columns[i].header);
        rule.emplace_back(w[i], '-');
    }
    print_line(out, t, w, header);
    print_line(out, t, w, rule);
    for (const auto& row : t.rows) print_line(out, t, w, row);
}

void print_markdown(std::ostream& out, const text_table& t) {
    out << '|';
    for (const auto& c : t.columns) out << ' ' << escape_markdown(c.header) << " |";
    out << "\n|";
    for (const auto& c : t.columns) out << (c.alignment == text_table::align::right ? " --: |" : " --- |");
    out << '\n';
    for (const auto& row : t.rows) {
        out << '|';
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            out << ' ' << (i < row.size() ? escape_markdown(row[i]) : std::string()) << " |";
        out << '\n';
    }
}

}  // namespace psem::bench
