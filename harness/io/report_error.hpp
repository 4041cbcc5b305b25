// io/report_error.hpp - the one exception io/ throws: a report that cannot be
// read or written, naming the file, where in it (a JSON pointer) and what is wrong.
#pragma once

#include <stdexcept>
#include <string>

namespace psem::bench {

class report_error : public std::runtime_error {
public:
    /// what() is "FILE: /json/path: message", or "FILE: message" without a path.
    report_error(std::string file, std::string json_path, std::string message)
        : std::runtime_error(compose(file, json_path, message)),
          file_(std::move(file)),
          json_path_(std::move(json_path)),
          message_(std::move(message)) {}

    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] const std::string& json_path() const noexcept { return json_path_; }
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

private:
    static std::string compose(const std::string& file, const std::string& path, const std::string& message) {
        std::string s = file;
        s += ": ";
        if (!path.empty()) {
            s += path;
            s += ": ";
        }
        s += message;
        return s;
    }

    std::string file_;
    std::string json_path_;
    std::string message_;
};

}  // namespace psem::bench
