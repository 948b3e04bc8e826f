#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "model_samples.hpp"
#include "run_cli.hpp"

using namespace sw::test;

namespace {
std::string RunCheck(const std::string& args, int& status) { return RunCli("check " + args, status); }
}  // namespace

TEST_CASE("check prints a summary of a good backup and exits 0", "[cli-check]") {
  int status = -1;
  std::string path = FixturePath("schema_v4.json");
  CHECK(RunCheck(path, status) == path +
                                      ": OK, a Stridewise backup\nschema: 4 (current)\n3 runs, 2 shoes, 1 pain entry, "
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
  CHECK(RunCheck(FixturePath("backup_newer.json"), status).find("newer version of Stridewise (schema 5") !=
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

TEST_CASE("check says a directory is not a file and names where a backup is not UTF-8", "[cli-check]") {
  int status = -1;
  const std::string folder = std::string(STRIDEWISE_SOURCE_DIR) + "/tests/unit/fixtures";
  CHECK(RunCheck(folder, status) == folder + ": is a directory, not a file\n");
  CHECK(status == 1);
  // The good fixture with one stray byte on its second line: the app's import refuses it the same way.
  std::string text = ReadFixture("schema_v3.json");
  const std::size_t second_line = text.find('\n') + 1;
  text.insert(second_line, "\xFF");
  const std::string path = "/tmp/stridewise_" + std::to_string(getpid()) + "_not_utf8.json";
  std::ofstream(path, std::ios::binary) << text;
  CHECK(RunCheck(path, status) == path + ": NOT a usable Stridewise backup\n  This file is not valid UTF-8 text (the "
                                         "first bad byte is at byte offset " + std::to_string(second_line) +
                                         ", line 2), so nothing was imported.\n");
  CHECK(status == 1);
  std::remove(path.c_str());
}
