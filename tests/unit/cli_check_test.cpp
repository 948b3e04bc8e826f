#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "model_samples.hpp"
#include "run_cli.hpp"

using namespace sw::test;

namespace {
std::string RunCheck(const std::string& args, int& status) { return RunCli("check " + args, status); }
}  // namespace

TEST_CASE("check prints a summary of a good backup and exits 0", "[cli-check]") {
  int status = -1;
  std::string path = FixturePath("schema_v3.json");
  CHECK(RunCheck(path, status) == path +
                                      ": OK, a Stridewise backup\nschema: 3 (current)\n3 runs, 2 shoes, 1 pain entry, "
                                      "1 strength session, 1 cadence session\ndates: 2026-02-20 to 2026-03-05\n");
  CHECK(status == 0);
  std::string old = RunCheck(FixturePath("schema_v1.json"), status);
  CHECK(status == 0);
  CHECK(old.find("schema: 1 (older; imports through a migration)") != std::string::npos);
}

TEST_CASE("check prints the problem and exits 1", "[cli-check]") {
  int status = -1;
  CHECK(RunCheck(FixturePath("backup_invalid_run.json"), status).find(
            "runs[0]: \"distance_m\" must be more than 0 and at most 300 km") != std::string::npos);
  CHECK(status == 1);
  CHECK(RunCheck(FixturePath("backup_newer.json"), status).find("newer version of Stridewise (schema 4") !=
        std::string::npos);
  CHECK(status == 1);
  CHECK(RunCheck(FixturePath("backup_truncated.json"), status).find("not valid JSON") != std::string::npos);
  CHECK(status == 1);
  CHECK(RunCheck(FixturePath("no_such_file.json"), status).find("cannot open the file") != std::string::npos);
  CHECK(status == 1);
  RunCheck("", status);
  CHECK(status == 2);
  status = -1;
  std::string help = RunCheck("--bogus extra", status);
  CHECK(status == 2);
}
