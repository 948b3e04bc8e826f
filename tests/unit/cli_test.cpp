#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "core/version.hpp"

namespace {
// Runs the built CLI and returns its output; `status` gets the exit code.
std::string RunCli(const std::string& args, int& status) {
  std::string command = std::string(STRIDEWISE_CLI) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int raw = pclose(pipe);
  status = WEXITSTATUS(raw);
  return out;
}
}  // namespace

TEST_CASE("CLI prints its version and help", "[cli]") {
  int status = -1;
  CHECK(RunCli("--version", status) == std::string("stridewise ") + sw::kVersion + "\n");
  CHECK(status == 0);
  std::string help = RunCli("--help", status);
  CHECK(status == 0);
  CHECK(help.find("Usage:") != std::string::npos);
  RunCli("frobnicate", status);
  CHECK(status == 2);
}
