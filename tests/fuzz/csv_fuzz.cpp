// libFuzzer target over the Strava and Garmin Connect CSV readers and the Strava date parser.
// Invariants checked:
//  - nothing crashes, reads out of bounds, leaks, or trips ASan/UBSan;
//  - an error means no activities, and no error means at least one;
//  - every number is finite and not negative, dates are real dates, every text is valid UTF-8
//    (the activity's JSON can always be written);
//  - reading is deterministic, and ReadAnyFile on a .csv gives what one of the two readers gives.
// Build and run: tests/fuzz/run_fuzz.sh csv [runs]
#include <cstdint>
#include <string_view>

#include "core/import/readers/strava_csv.hpp"
#include "reader_checks.hpp"

namespace {

using namespace sw::fuzz;

void Check(const sw::import::ReadResult& result, std::string_view file, std::string_view format) {
  RequireSaneResult(result);
  std::size_t dumped = 0;
  for (const auto& a : result.activities) {
    Require(a.file == file && a.format == format);
    Require(a.laps.empty());
    RequireSaneActivity(a);
    if (format == "strava_csv") Require(a.start_utc.has_value());
    if (format == "garmin_csv") Require(a.local_start_in_file.has_value() && a.local_date_in_file.has_value());
    // Text is checked on every activity, the whole JSON on the first few: a mutated file of
    // thousands of one-line rows would otherwise spend the run writing JSON.
    for (const std::string* s : {&a.name, &a.sport_in_file, &a.device}) Require(sw::IsValidUtf8(*s));
    if (dumped++ < 16) RequireWritable(a, -18000);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sw::import::Bytes bytes(data, size);
  const sw::import::ReadResult strava = sw::import::ReadStravaCsv(bytes, "activities.csv");
  Check(strava, "activities.csv", "strava_csv");
  Require(sw::import::ReadStravaCsv(bytes, "activities.csv").activities == strava.activities);
  const sw::import::ReadResult garmin = sw::import::ReadGarminCsv(bytes, "activities.csv");
  Check(garmin, "activities.csv", "garmin_csv");
  const sw::import::ReadResult any = sw::import::ReadAnyFile(bytes, "activities.csv");
  Require(any.error.empty() != any.activities.empty());
  if (!any.activities.empty()) {
    Require(any.activities == strava.activities || any.activities == garmin.activities ||
            any.activities.front().format != "strava_csv");
  }
  std::string_view text(reinterpret_cast<const char*>(data), std::min<size_t>(size, 64));
  RequireSaneTime(sw::import::ParseStravaDate(text));
  return 0;
}
