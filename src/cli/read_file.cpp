#include "read_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace sw {

std::optional<std::string> ReadWholeFile(const char* path, std::string& error) {
  // A directory opens like a file on Linux and then reads as empty, which the commands would
  // take for an empty (so invalid) file: say what it is instead.
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    error = "is a directory, not a file";
    return std::nullopt;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = "cannot open the file";
    return std::nullopt;
  }
  std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  if (file.bad()) {
    error = "cannot read the file";
    return std::nullopt;
  }
  return text;
}

}  // namespace sw
