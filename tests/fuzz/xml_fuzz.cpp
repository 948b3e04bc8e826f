// libFuzzer target over the GPX and TCX readers (pugixml underneath). Invariants checked:
//  - nothing crashes, reads out of bounds, leaks, or trips ASan/UBSan (a document nested a
//    million deep included: the readers walk trees with loops);
//  - an error means no activities, and no error means at least one;
//  - every number an activity or lap carries is finite and not negative, dates are real dates,
//    and every text is valid UTF-8, so the activity's JSON can always be written;
//  - reading is deterministic: the same bytes give the same result.
// Build and run: tests/fuzz/run_fuzz.sh xml [runs]
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "core/import/readers/readers.hpp"
#include "core/model/validation.hpp"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

void RequireSane(const std::optional<double>& value) {
  if (value) Require(std::isfinite(*value) && *value >= 0);
}

void RequireSaneTime(const std::optional<std::chrono::sys_seconds>& t) {
  if (!t) return;
  auto year = int(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(*t)}.year());
  Require(year >= 1900 && year <= 2201);
}

void Check(const sw::import::ReadResult& result, std::string_view file, std::string_view format) {
  Require(result.error.empty() != result.activities.empty());
  Require(sw::IsValidUtf8(result.error));
  for (const auto& a : result.activities) {
    Require(a.file == file && a.format == format && !a.sport.empty());
    RequireSane(a.distance_m);
    RequireSane(a.moving_s);
    RequireSane(a.elapsed_s);
    RequireSane(a.cadence_spm);
    RequireSaneTime(a.start_utc);
    for (const auto& lap : a.laps) {
      RequireSane(lap.distance_m);
      RequireSane(lap.moving_s);
      RequireSane(lap.elapsed_s);
      RequireSane(lap.cadence_spm);
      RequireSaneTime(lap.start_utc);
    }
    // Strict dump: throws (and so aborts the fuzzer) on invalid UTF-8 in any text.
    std::string json = sw::import::ActivityToJson(a, [](std::chrono::sys_seconds) { return 3600; }).dump();
    Require(!json.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sw::import::Bytes bytes(data, size);
  const sw::import::ReadResult gpx = sw::import::ReadGpx(bytes, "fuzz.gpx");
  Check(gpx, "fuzz.gpx", "gpx");
  Require(sw::import::ReadGpx(bytes, "fuzz.gpx").activities == gpx.activities);
  const sw::import::ReadResult tcx = sw::import::ReadTcx(bytes, "fuzz.tcx");
  Check(tcx, "fuzz.tcx", "tcx");
  Require(sw::import::ReadTcx(bytes, "fuzz.tcx").activities == tcx.activities);
  return 0;
}
