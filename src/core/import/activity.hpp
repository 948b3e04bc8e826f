#pragma once
// What an activity file or export row says about one workout, as the import readers find it.
// Readers (core/import/readers/, built with pugixml and zlib into stridewise_import) fill these;
// the rest of core (review, duplicates, shoe suggestion) and the CLI only read them. Nothing here
// depends on a file format.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/dates.hpp"

namespace sw::import {

// Sports after normalising what each format calls them. A runner's review ticks the first four.
namespace sport {
inline constexpr std::string_view kRun = "run";
inline constexpr std::string_view kTrailRun = "trail_run";
inline constexpr std::string_view kTreadmillRun = "treadmill_run";
inline constexpr std::string_view kTrackRun = "track_run";
inline constexpr std::string_view kRide = "ride";
inline constexpr std::string_view kSwim = "swim";
inline constexpr std::string_view kWalk = "walk";
inline constexpr std::string_view kHike = "hike";
inline constexpr std::string_view kMultisport = "multisport";
inline constexpr std::string_view kOther = "other";
}  // namespace sport

// True for the sports whose distance wears a pair of running shoes.
bool IsRunningSport(std::string_view normalised_sport);

struct ImportedLap {
  std::optional<std::chrono::sys_seconds> start_utc;
  std::optional<double> distance_m;
  std::optional<double> moving_s;   // timer time: pauses excluded
  std::optional<double> elapsed_s;  // wall clock: pauses included
  std::optional<double> cadence_spm;  // steps per minute (both feet)
  bool operator==(const ImportedLap&) const = default;
};

struct ImportedActivity {
  std::string file;            // the file it came from; inside an archive "export.zip/activities/1.fit"
  std::string format;          // "fit", "gpx", "tcx", "strava_csv", "garmin_csv"
  std::string sport;           // one of sport::k*
  std::string sport_in_file;   // as the file wrote it, for the review ("running", "Run", "9")
  std::string name;            // the activity's title when the file has one
  std::optional<std::chrono::sys_seconds> start_utc;
  // A file handed over that held nothing usable, and why in plain words.
struct FileFailure {
  std::string name;
  std::string error;
  bool operator==(const FileFailure&) const = default;
};

// The runner's offset from UTC at the start, when the file itself records it (FIT's
  // activity.local_timestamp). Otherwise the local date comes from the device's time zone.
  std::optional<int> utc_offset_s;
  // A local calendar date written in the file itself (a CSV without a time of day).
  std::optional<Date> local_date_in_file;
  // Added for Garmin Connect's Activities.csv: the start as the runner's wall clock showed it,
  // written without an offset. start_utc stays empty then (the offset is unknown, and guessing
  // would shift the run by hours against the same run's FIT file); local_date_in_file holds its date.
  std::optional<std::chrono::local_seconds> local_start_in_file;
  std::optional<double> distance_m;
  std::optional<double> moving_s;
  std::optional<double> elapsed_s;
  std::optional<double> cadence_spm;  // steps per minute (both feet), whatever unit the file used
  std::vector<ImportedLap> laps;
  std::string device;          // "Garmin fenix 2", "Strava Android app", a GPX creator
  std::vector<std::string> problems;  // plain sentences: what could not be read, and why
  bool operator==(const ImportedActivity&) const = default;
};

// What one reader made of one file. `activities` holds whatever was usable (a damaged file gives
// what it holds, with a sentence in the activity's `problems`); `error` is set, in plain words,
// only when nothing usable was found, and then `activities` is empty.
struct ReadResult {
  std::vector<ImportedActivity> activities;
  std::string error;
  // Added: the parts that gave no activity while others did (a CSV row without a readable date, a
  // zip entry too large to unpack), one plain sentence each. Empty when everything was read.
  std::vector<std::string> skipped;
};

// A file handed over that held nothing usable, and why in plain words.
struct FileFailure {
  std::string name;
  std::string error;
  bool operator==(const FileFailure&) const = default;
};

// The runner's offset from UTC (seconds east) at a UTC instant: the browser's or the machine's
// time zone, supplied by the caller because core has no time-zone database.
using UtcOffsetAt = std::function<int(std::chrono::sys_seconds)>;

// The local calendar date the runner would call this run's date: the file's own date when it has
// one, else the start in the file's offset, else in `offset_at`. nullopt when the file has no date.
std::optional<Date> LocalDate(const ImportedActivity& activity, const UtcOffsetAt& offset_at);

// The CLI's and the worker's JSON for one activity (times as ISO 8601 UTC, absent values omitted,
// `local_date` filled by LocalDate).
nlohmann::json ActivityToJson(const ImportedActivity& activity, const UtcOffsetAt& offset_at);
// Back from that JSON (the worker's answer to the page): nullopt with `error` when a field is
// missing or out of range. `local_date` is read into local_date_in_file, as the worker decided it.
std::optional<ImportedActivity> ActivityFromJson(const nlohmann::json& value, std::string& error);

}  // namespace sw::import
