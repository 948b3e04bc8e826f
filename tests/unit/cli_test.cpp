#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "core/model/version.hpp"
#include "run_cli.hpp"

using sw::test::RunCli;

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
