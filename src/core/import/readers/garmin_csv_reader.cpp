// Garmin Connect's Activities.csv (the activity list's "Export CSV"). Headers follow the account's
// language: English names, plus the Danish ones seen in real exports; columns are found by name.
//  - "Date" is the runner's local wall clock ("2024-03-01 07:12:00") with no offset: it fills
//    local_date_in_file and local_start_in_file, and start_utc stays empty.
//  - "Time" is the timer time (moving_s; "Moving Time" when "Time" is missing), "Elapsed Time" the
//    wall clock. "Avg Run Cadence" is already steps per minute (not doubled). "--" means no value.
//  - "Distance" is in the account's unit, km or mi, and the file does not say which. Rule: where
//    rows have "Steps" and "Avg Stride Length", steps x stride / distance is about 1000 for km
//    (stride in m), about 1609 for mi with the stride in m, about 5280 for mi with the stride in
//    ft; the median over those rows decides. Without such rows the distance is read as km and
//    every activity carries a sentence saying so.
//  - Numbers: English headers mean "4,808" is four thousand eight hundred (',' groups digits);
//    other languages write decimal commas ("5,48"), so ',' is the decimal mark there.
#include <algorithm>
#include <string>
#include <vector>

#include "core/import/readers/csv_table.hpp"
#include "core/import/readers/readers.hpp"
#include "core/import/readers/sport_names.hpp"
#include "core/import/readers/text_helpers.hpp"

namespace sw::import {

namespace {

constexpr double kMileM = 1609.344;

// Garmin Connect's activity types in Danish, as far as they differ from the English words.
std::string GarminSport(std::string_view type) {
  std::string lower = LowerAscii(TrimText(type));
  if (lower == "l\xc3\xb8" "b") return std::string(sport::kRun);                      // Løb
  if (lower == "l\xc3\xb8" "beb\xc3\xa5" "nd") return std::string(sport::kTreadmillRun);  // Løbebånd
  if (lower == "trail-l\xc3\xb8" "b" || lower == "traill\xc3\xb8" "b") return std::string(sport::kTrailRun);
  if (lower == "cykling") return std::string(sport::kRide);
  if (lower == "gang") return std::string(sport::kWalk);
  if (lower == "vandring") return std::string(sport::kHike);
  return NormaliseSport(type);
}

// A number as Garmin writes it: "--" or "" is no value.
std::optional<double> GarminNumber(std::string_view text, bool comma_groups) {
  text = TrimText(text);
  if (text.empty() || text == "--") return std::nullopt;
  std::string clean;
  for (char c : text) {
    if (c == ',') {
      if (!comma_groups) clean += '.';
    } else if (c == '.' && !comma_groups) {
      return std::nullopt;  // "1.234,5": grouping dots are not worth the ambiguity
    } else {
      clean += c;
    }
  }
  auto value = ParseNumber(clean);
  if (!value || *value < 0 || *value >= 1e9) return std::nullopt;
  return value;
}

// "00:31:24", "1:02:03", "00:02:15.3", "31:24" -> seconds.
std::optional<double> GarminDuration(std::string_view text) {
  text = TrimText(text);
  if (text.empty() || text == "--") return std::nullopt;
  double total = 0;
  int parts = 0;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t colon = text.find(':', at);
    std::string_view part = text.substr(at, colon == std::string_view::npos ? std::string_view::npos : colon - at);
    auto value = ParseNumber(part);
    if (!value || *value < 0 || *value >= 1e7 || ++parts > 3) return std::nullopt;
    if (colon != std::string_view::npos && part.find('.') != std::string_view::npos) return std::nullopt;
    total = total * 60 + *value;
    if (colon == std::string_view::npos) break;
    at = colon + 1;
  }
  if (parts < 2) return std::nullopt;
  return total;
}

// "2024-03-01 07:12:00" or "2024-03-01 07:12" or "2024-03-01".
std::optional<std::chrono::local_seconds> GarminDate(std::string_view text) {
  text = TrimText(text);
  std::string full(text);
  if (full.size() == 10) full += " 00:00:00";
  if (full.size() == 16) full += ":00";
  auto parsed = ParseIsoTime(full);
  if (!parsed || full.size() != 19) return std::nullopt;
  return std::chrono::local_seconds{std::chrono::floor<std::chrono::seconds>(*parsed).time_since_epoch()};
}

ReadResult ReadGarminCsvText(Bytes bytes, std::string_view file_name) {
  ReadResult result;
  const std::string name(file_name);
  if (bytes.size() > kMaxCsvBytes) {
    result.error = name + " is larger than " + std::to_string(kMaxCsvBytes >> 20) +
                   " MB, more than any Activities.csv holds, so it was not read.";
    return result;
  }
  CsvTable table = ParseCsv(AsText(bytes));
  const int type_col = FindAnyColumn(table, {"activity type", "aktivitetstype"});
  const int date_col = FindAnyColumn(table, {"date", "dato"});
  if (type_col < 0 || date_col < 0) {
    result.error = name + " is not a Garmin Connect Activities.csv: it has no \"" +
                   (type_col < 0 ? "Activity Type" : "Date") + "\" column.";
    return result;
  }
  const bool english = table.keys[std::size_t(type_col)] == "activity type";
  const int title_col = FindAnyColumn(table, {"title", "titel"});
  const int distance_col = FindAnyColumn(table, {"distance"});
  const int time_col = FindAnyColumn(table, {"time", "tid"});
  const int moving_col = FindAnyColumn(table, {"moving time", "tid i bev\xc3\xa6gelse"});
  const int elapsed_col = FindAnyColumn(table, {"elapsed time", "tidsforbrug"});
  const int cadence_col = FindAnyColumn(table, {"avg run cadence", "gennemsnit kadence l\xc3\xb8" "b"});
  const int steps_col = FindAnyColumn(table, {"steps", "skridt"});
  const int stride_col = FindAnyColumn(table, {"avg stride length", "gennemsnitlig skridtl\xc3\xa6ngde"});

  // The distance unit (see the top of the file).
  std::vector<double> ratios;
  for (const auto& row : table.rows) {
    auto steps = GarminNumber(Field(row, steps_col), english);
    auto stride = GarminNumber(Field(row, stride_col), english);
    auto distance = GarminNumber(Field(row, distance_col), english);
    if (steps && stride && distance && *steps > 0 && *stride > 0 && *distance > 0.2) {
      ratios.push_back(*steps * *stride / *distance);
    }
  }
  double unit_m = 1000;
  bool unit_known = false;
  if (!ratios.empty()) {
    double median = MedianOf(ratios);
    if (median > 750 && median < 1300) {
      unit_known = true;
    } else if ((median >= 1300 && median < 2200) || (median > 4000 && median < 6600)) {
      unit_m = kMileM;
      unit_known = true;
    }
  }

  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<std::string>& row = table.rows[r];
    ImportedActivity a;
    a.file = name;
    a.format = "garmin_csv";
    a.device = "Garmin Connect export";
    a.name = std::string(TrimText(Field(row, title_col)));
    a.sport_in_file = std::string(TrimText(Field(row, type_col)));
    a.sport = GarminSport(a.sport_in_file);
    std::string_view date_text = TrimText(Field(row, date_col));
    a.local_start_in_file = GarminDate(date_text);
    if (!a.local_start_in_file) {
      result.skipped.push_back(UnreadableDateRow(name + ", line " + std::to_string(table.row_lines[r]), date_text));
      continue;
    }
    a.local_date_in_file =
        Date{std::chrono::sys_days{std::chrono::floor<std::chrono::days>(*a.local_start_in_file).time_since_epoch()}};
    if (auto d = GarminNumber(Field(row, distance_col), english); d && *d * unit_m < 1e9) a.distance_m = *d * unit_m;
    a.moving_s = GarminDuration(Field(row, time_col));
    if (!a.moving_s) a.moving_s = GarminDuration(Field(row, moving_col));
    a.elapsed_s = GarminDuration(Field(row, elapsed_col));
    if (auto c = GarminNumber(Field(row, cadence_col), english); c && *c > 0 && *c < 1000 && CountsSteps(a.sport)) {
      a.cadence_spm = *c;
    }
    if (!unit_known && a.distance_m) {
      a.problems.push_back("The file does not say whether its distances are in kilometres or miles; "
                           "they were read as kilometres.");
    }
    result.activities.push_back(std::move(a));
  }
  if (result.activities.empty()) {
    result.error = table.rows.empty() ? name + " lists no activities."
                                      : name + ": none of its " + std::to_string(table.rows.size()) +
                                            (table.rows.size() == 1 ? " row has" : " rows has") +
                                            " a date Stridewise can read, so nothing was imported.";
    result.skipped.clear();
  }
  return result;
}

}  // namespace

ReadResult ReadGarminCsv(Bytes bytes, std::string_view file_name) {
  ReadResult result = ReadGarminCsvText(bytes, file_name);
  MakeTextValid(result);
  return result;
}

}  // namespace sw::import
