#pragma once
// The import readers: one per format, and one entry that picks by name and content. They need
// pugixml (GPX, TCX) and zlib (gzip, zip), so they live in their own library, stridewise_import,
// linked by the CLI, the unit tests and the import worker's WebAssembly - never by the app page,
// which stays small for the first visit.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/import/activity.hpp"

namespace sw::import {

using Bytes = std::span<const std::uint8_t>;

ReadResult ReadFit(Bytes bytes, std::string_view file_name);          // fit_reader.cpp
ReadResult ReadGpx(Bytes bytes, std::string_view file_name);          // gpx_reader.cpp
ReadResult ReadTcx(Bytes bytes, std::string_view file_name);          // tcx_reader.cpp
ReadResult ReadStravaCsv(Bytes bytes, std::string_view file_name);    // strava_csv_reader.cpp
ReadResult ReadGarminCsv(Bytes bytes, std::string_view file_name);    // garmin_csv_reader.cpp

// One file as the runner handed it: .fit/.gpx/.tcx (plain or .gz), a Strava or Garmin CSV, or a
// Strava export .zip (its activities.csv joined with the files in its activities/ folder). The
// format is sniffed from the content when the name does not tell.
ReadResult ReadAnyFile(Bytes bytes, std::string_view file_name);      // read_any_file.cpp

// Several files handed over together (a picked folder, a multi-select): like ReadAnyFile on each,
// but a Strava activities.csv and the activity files named in its Filename column become one
// activity per workout, not two.
struct NamedFile {
  std::string name;
  std::vector<std::uint8_t> bytes;
};
struct ReadManyResult {
  std::vector<ImportedActivity> activities;
  std::vector<FileFailure> failed;
  std::vector<std::string> skipped;  // added: ReadResult::skipped of every file, gathered
};
// `progress`, when given, is called as the reading goes: `done` of `total` files, a zip counting as
// the files inside it (a Strava export is one file holding thousands), ending at done == total.
using ReadProgress = std::function<void(std::size_t done, std::size_t total)>;
ReadManyResult ReadFiles(const std::vector<NamedFile>& files, const ReadProgress& progress = {});  // read_any_file.cpp

}  // namespace sw::import
