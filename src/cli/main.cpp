// stridewise: the command-line tool over core.
#include <cstdio>
#include <cstring>
#include <string>

#include "core/model/version.hpp"

namespace sw {
int CommandCadence(int argc, char** argv);  // command_cadence.cpp
int CommandCheck(int argc, char** argv);    // command_check.cpp
int CommandImport(int argc, char** argv);   // command_import.cpp
}

namespace {

void PrintHelp() {
  std::printf(
      "stridewise %s - running companion tools\n"
      "\n"
      "Usage:\n"
      "  stridewise --help       show this help\n"
      "  stridewise --version    print the version\n"
      "  stridewise cadence FILE.csv   cadence (steps/min), steps and per-second series of a\n"
      "                                t,ax,ay,az recording, as JSON\n"
      "  stridewise check FILE.json    validate a backup file: a summary and exit 0, or the\n"
      "                                problem and exit 1\n"
      "  stridewise import FILE...     activities found in FIT, GPX, TCX (plain or .gz), Strava\n"
      "                                or Garmin CSV files and Strava export zips: one JSON\n"
      "                                object per line; files holding nothing usable on stderr\n",
      sw::kVersion);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    PrintHelp();
    return argc < 2 ? 1 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("stridewise %s\n", sw::kVersion);
    return 0;
  }
  if (!std::strcmp(argv[1], "cadence")) return sw::CommandCadence(argc - 2, argv + 2);
  if (!std::strcmp(argv[1], "check")) return sw::CommandCheck(argc - 2, argv + 2);
  if (!std::strcmp(argv[1], "import")) return sw::CommandImport(argc - 2, argv + 2);
  std::fprintf(stderr, "stridewise: unknown command '%s' (try --help)\n", argv[1]);
  return 2;
}
