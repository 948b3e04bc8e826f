#pragma once
// Reading a command's input file, shared by the commands so they refuse the same things in the
// same words.
#include <optional>
#include <string>

namespace sw {

// The whole file at `path`, or nullopt with `error` saying why in plain words ("is a directory,
// not a file", "cannot open the file", "cannot read the file").
std::optional<std::string> ReadWholeFile(const char* path, std::string& error);

}  // namespace sw
