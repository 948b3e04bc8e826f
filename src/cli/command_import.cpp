// stridewise import FILE...: what Stridewise would import from activity files and exports.
// Prints one JSON object per activity found (one per line), and for each file that holds nothing
// usable a line on stderr. Exit 0 when at least one activity was found, 1 when none, 2 for usage.
// The files are read together, as the app reads a multi-select: a Strava activities.csv and the
// activity files it names become one activity per workout.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/import/activity.hpp"
#include "core/import/readers/readers.hpp"
#include "read_file.hpp"

namespace sw {

namespace {

// This machine's offset from UTC at an instant (its TZ setting), as the browser's would be.
int MachineOffsetAt(std::chrono::sys_seconds instant) {
  std::time_t t = std::chrono::system_clock::to_time_t(instant);
  std::tm local{};
  localtime_r(&t, &local);
  return int(local.tm_gmtoff);
}

}  // namespace

int CommandImport(int argc, char** argv) {
  if (argc < 1) {
    std::fprintf(stderr, "usage: stridewise import FILE...\n");
    return 2;
  }
  std::vector<import::NamedFile> files;
  bool unreadable = false;
  for (int i = 0; i < argc; ++i) {
    std::string error;
    std::optional<std::string> bytes = ReadWholeFile(argv[i], error);
    if (!bytes) {
      std::fprintf(stderr, "%s: %s\n", argv[i], error.c_str());
      unreadable = true;
      continue;
    }
    files.push_back({std::filesystem::path(argv[i]).filename().string(),
                     std::vector<std::uint8_t>(bytes->begin(), bytes->end())});
  }
  import::ReadManyResult result = import::ReadFiles(files);
  for (const auto& failure : result.failed)
    std::fprintf(stderr, "%s: %s\n", failure.name.c_str(), failure.error.c_str());
  for (const auto& activity : result.activities)
    std::printf("%s\n", import::ActivityToJson(activity, MachineOffsetAt)
                                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                                  .c_str());
  if (result.activities.empty()) return 1;
  return unreadable ? 1 : 0;
}

}  // namespace sw
