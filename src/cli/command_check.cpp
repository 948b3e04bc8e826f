// stridewise check FILE.json: is this a backup the app would import? Prints a summary and exits 0,
// or prints the problem and exits 1 (2 for a usage mistake).
#include <cstdio>
#include <optional>
#include <string>

#include "core/storage/backup.hpp"
#include "core/model/model_json.hpp"
#include "read_file.hpp"

namespace sw {

int CommandCheck(int argc, char** argv) {
  if (argc != 1) {
    std::fprintf(stderr, "usage: stridewise check FILE.json\n");
    return 2;
  }
  const char* path = argv[0];
  std::string error;
  std::optional<std::string> text = ReadWholeFile(path, error);
  if (!text) {
    std::fprintf(stderr, "%s: %s\n", path, error.c_str());
    return 1;
  }
  ParsedBackup backup = ParseBackup(*text);
  if (!backup.ok) {
    std::fprintf(stderr, "%s: NOT a usable Stridewise backup\n  %s\n", path, backup.error.c_str());
    return 1;
  }
  std::string schema = std::to_string(backup.schema) +
                       (backup.schema == kCurrentSchema ? " (current)" : " (older; imports through a migration)");
  std::printf("%s: OK, a Stridewise backup\nschema: %s\n%s", path, schema.c_str(),
              DescribeSummary(backup.summary).c_str());
  return 0;
}

}  // namespace sw
