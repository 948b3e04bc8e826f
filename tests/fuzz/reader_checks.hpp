#pragma once
// What every import reader promises, checked by each reader's fuzz target (fit, xml, csv, zip):
// an error means no activities and no error means at least one; every figure is finite and not
// negative; every date is a real date; what is written out is valid UTF-8 and its JSON can always
// be written. A broken promise aborts, which libFuzzer reports with the input.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/import/readers/readers.hpp"
#include "core/model/validation.hpp"

namespace sw::fuzz {

inline void Require(bool condition) {
  if (!condition) std::abort();
}

inline void RequireSane(const std::optional<double>& value) {
  if (value) Require(std::isfinite(*value) && *value >= 0);
}

inline void RequireSaneTime(const std::optional<std::chrono::sys_seconds>& t) {
  if (!t) return;
  auto year = int(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(*t)}.year());
  Require(year >= 1900 && year <= 2201);
}

// The result as a whole: error xor activities, and its sentences valid UTF-8.
inline void RequireSaneResult(const import::ReadResult& result) {
  Require(result.error.empty() != result.activities.empty());
  Require(IsValidUtf8(result.error));
  for (const std::string& s : result.skipped) Require(IsValidUtf8(s));
}

// One activity's figures and times, its laps' too.
inline void RequireSaneActivity(const import::ImportedActivity& a) {
  Require(!a.sport.empty());
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
}

// Its JSON, written strictly: nlohmann::json throws (and so aborts the fuzzer) on invalid UTF-8.
inline void RequireWritable(const import::ImportedActivity& a, int utc_offset_s) {
  std::string json = import::ActivityToJson(a, [utc_offset_s](std::chrono::sys_seconds) { return utc_offset_s; }).dump();
  Require(!json.empty());
}

}  // namespace sw::fuzz
