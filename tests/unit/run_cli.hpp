#pragma once
// Runs the built `stridewise` CLI (STRIDEWISE_CLI, set by CMake) with `args` and returns what it
// printed on stdout and stderr; `status` gets the exit code. Shared by the CLI tests.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace sw::test {

inline std::string RunCli(const std::string& args, int& status) {
  std::string command = std::string(STRIDEWISE_CLI) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  status = WEXITSTATUS(pclose(pipe));
  return out;
}

}  // namespace sw::test
