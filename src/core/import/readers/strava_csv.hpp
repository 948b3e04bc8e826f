#pragma once
// Strava's activities.csv, row by row with the activity file each row names, for the join with
// the files of an export (read_any_file.cpp). ReadStravaCsv is this without the file names.
#include <string>
#include <string_view>
#include <vector>

#include "core/import/readers/readers.hpp"

namespace sw::import {

struct StravaCsvRow {
  ImportedActivity activity;
  std::string filename;  // the Filename column as written: "activities/123.fit.gz", or ""
};

struct StravaCsvRows {
  std::vector<StravaCsvRow> rows;
  std::vector<std::string> skipped;  // rows that gave no activity, one sentence each
  std::string error;                 // set when the file is not a Strava CSV or no row was readable
};

StravaCsvRows ReadStravaCsvRows(Bytes bytes, std::string_view file_name);

// "Oct 10, 2016, 8:55:48 PM" (Strava writes UTC), also without AM/PM, day before month, or ISO.
std::optional<std::chrono::sys_seconds> ParseStravaDate(std::string_view text);

}  // namespace sw::import
