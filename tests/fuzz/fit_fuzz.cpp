// libFuzzer target over the FIT reader (core/import/readers/fit_reader.cpp). Invariants checked:
//  - nothing crashes, reads out of bounds, leaks, or trips ASan/UBSan;
//  - an error means no activities, and no error means at least one;
//  - every number an activity or lap carries is finite and not negative, and every activity says
//    which file and format it came from;
//  - reading is deterministic: the same bytes give the same result.
// Seeds: the shared FIT files (../shared/data/import/*.fit). Build and run, for example:
//   clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -I<build>/layer-roots/core
//     -I<build>/narrow-include tests/fuzz/fit_fuzz.cpp src/core/import/readers/fit_reader.cpp
//     src/core/import/activity.cpp src/core/model/dates.cpp src/core/model/validation.cpp -o /tmp/fit_fuzz
//   (or tests/fuzz/run_fuzz.sh fit [runs])
//   /tmp/fit_fuzz -runs=200000 CORPUS_DIR
#include <cstdint>

#include "reader_checks.hpp"

using namespace sw::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sw::import::Bytes bytes(data, size);
  const sw::import::ReadResult result = sw::import::ReadFit(bytes, "fuzz.fit");
  Require(result.error.empty() != result.activities.empty());
  for (const auto& activity : result.activities) {
    Require(activity.file == "fuzz.fit" && activity.format == "fit");
    RequireSaneActivity(activity);
    if (activity.utc_offset_s) Require(*activity.utc_offset_s >= -12 * 3600 && *activity.utc_offset_s <= 14 * 3600);
    for (const auto& problem : activity.problems) Require(!problem.empty());
  }
  const sw::import::ReadResult again = sw::import::ReadFit(bytes, "fuzz.fit");
  Require(again.error == result.error && again.activities == result.activities);
  return 0;
}
