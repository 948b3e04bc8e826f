// stridewise: the command-line tool over core.
#include <cstdio>
#include <cstring>
#include <string>

#include "core/version.hpp"

namespace {

void PrintHelp() {
  std::printf(
      "stridewise %s - running companion tools\n"
      "\n"
      "Usage:\n"
      "  stridewise --help       show this help\n"
      "  stridewise --version    print the version\n",
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
  std::fprintf(stderr, "stridewise: unknown command '%s' (try --help)\n", argv[1]);
  return 2;
}
