// A throwaway directory tree standing in for /proc, /sys or / in the probe tests.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace context_test {

class fake_tree {
public:
    fake_tree() {
        std::string pattern = (std::filesystem::temp_directory_path() / "psem-context-test.XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        root_ = pattern;
    }
    ~fake_tree() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    fake_tree(const fake_tree&) = delete;
    fake_tree& operator=(const fake_tree&) = delete;

    /// Writes `content` to root/relative, creating directories on the way.
    void file(const std::string& relative, const std::string& content) const {
        const std::filesystem::path p = root_ / relative;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p) << content;
    }
    [[nodiscard]] const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

}  // namespace context_test
