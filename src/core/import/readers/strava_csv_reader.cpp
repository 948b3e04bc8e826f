// Strava's bulk export activities.csv. Columns are found by name, never by position (Strava adds
// columns every year); names repeat, so:
//  - the 2nd "Distance" is metres; the 1st is the runner's display unit (km or mi, rounded). A file
//    with one "Distance" column (older or hand-made exports) is metres when its values over the
//    elapsed time give walking-to-riding speeds (median at least 0.1 m/s, i.e. values in the
//    thousands); otherwise km or mi, which the file does not say: read as km, with a sentence;
//  - "Elapsed Time" is the 1st (whole seconds), the 2nd (float) when the 1st is empty;
//  - "Moving Time" is Strava's moving time; "Average Cadence" is per foot, doubled for foot sports.
// "Activity Date" is UTC. A row whose date cannot be read gives no activity and one sentence in
// ReadResult::skipped: an activity without a date cannot be placed in the log.
#include <algorithm>
#include <string>
#include <vector>

#include "core/import/readers/csv_table.hpp"
#include "core/import/readers/readers.hpp"
#include "core/import/readers/sport_names.hpp"
#include "core/import/readers/strava_csv.hpp"
#include "core/import/readers/text_helpers.hpp"

namespace sw::import {

namespace {

int MonthFromName(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  std::string lower = LowerAscii(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();  // "Sept." in some locales' English
  if (lower == "sept") lower = "sep";
  if (lower.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (lower.size() == 3 ? kMonths[m].substr(0, 3) == lower : kMonths[m] == lower) return m + 1;
  }
  return 0;
}

int SmallNumber(std::string_view text) {  // 1-4 digits, else -1
  if (text.empty() || text.size() > 4) return -1;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// A value in seconds, metres or steps per minute: finite, not negative, below a bound no workout
// reaches (so a damaged field cannot overflow sums or durations).
std::optional<double> Amount(std::string_view text, double below = 1e9) {
  auto value = ParseNumber(text);
  if (!value || *value < 0 || *value >= below) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::chrono::sys_seconds> ParseStravaDate(std::string_view text) {
  text = TrimText(text);
  if (auto iso = ParseIsoTime(text)) return std::chrono::floor<std::chrono::seconds>(*iso);
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size() && words.size() < 8) {
    while (at < text.size() && (text[at] == ' ' || text[at] == ',')) ++at;
    std::size_t start = at;
    while (at < text.size() && text[at] != ' ' && text[at] != ',') ++at;
    if (at > start) words.push_back(text.substr(start, at - start));
  }
  if (words.size() < 4 || words.size() > 5) return std::nullopt;
  int month = MonthFromName(words[0]), day = SmallNumber(words[1]);
  if (month == 0) {  // "10 Oct 2016, ..."
    month = MonthFromName(words[1]);
    day = SmallNumber(words[0]);
  }
  int year = SmallNumber(words[2]);
  std::string_view clock = words[3];
  int hour = -1, minute = -1, second = 0;
  std::size_t c1 = clock.find(':');
  if (c1 == std::string_view::npos) return std::nullopt;
  std::size_t c2 = clock.find(':', c1 + 1);
  hour = SmallNumber(clock.substr(0, c1));
  minute = SmallNumber(clock.substr(c1 + 1, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 1));
  if (c2 != std::string_view::npos) second = SmallNumber(clock.substr(c2 + 1));
  if (hour < 0 || minute < 0 || second < 0) return std::nullopt;
  if (words.size() == 5) {
    std::string half = LowerAscii(words[4]);
    if (hour < 1 || hour > 12) return std::nullopt;
    if (half == "am") hour = hour == 12 ? 0 : hour;
    else if (half == "pm") hour = hour == 12 ? 12 : hour + 12;
    else return std::nullopt;
  }
  return MakeTime(year, month, day, hour, minute, second);
}

StravaCsvRows ReadStravaCsvRows(Bytes bytes, std::string_view file_name) {
  StravaCsvRows out;
  const std::string name(file_name);
  if (bytes.size() > kMaxCsvBytes) {
    out.error = name + " is larger than " + std::to_string(kMaxCsvBytes >> 20) +
                " MB, more than any activities.csv holds, so it was not read.";
    return out;
  }
  CsvTable table = ParseCsv(AsText(bytes));
  const int date_col = FindColumn(table, "activity date");
  const int type_col = FindColumn(table, "activity type");
  if (date_col < 0 || type_col < 0) {
    out.error = name + " is not a Strava activities.csv: it has no \"" +
                (date_col < 0 ? "Activity Date" : "Activity Type") + "\" column.";
    return out;
  }
  const int id_col = FindColumn(table, "activity id");
  const int name_col = FindColumn(table, "activity name");
  const int elapsed_col = FindColumn(table, "elapsed time"), elapsed2_col = FindColumn(table, "elapsed time", 1);
  const int moving_col = FindColumn(table, "moving time");
  const int distance1_col = FindColumn(table, "distance"), distance2_col = FindColumn(table, "distance", 1);
  const int cadence_col = FindColumn(table, "average cadence");
  const int file_col = FindColumn(table, "filename");

  auto elapsed_of = [&](const std::vector<std::string>& row) {
    auto e = Amount(Field(row, elapsed_col));
    return e ? e : Amount(Field(row, elapsed2_col));
  };
  // Which distance column is metres, and what one unit of it is in metres.
  int metres_col = distance2_col;
  double unit_m = 1;
  bool unit_guessed = false;
  if (distance2_col < 0 && distance1_col >= 0) {
    metres_col = distance1_col;
    std::vector<double> speeds;
    for (const auto& row : table.rows) {
      auto d = Amount(Field(row, distance1_col));
      auto t = elapsed_of(row);
      if (!t) t = Amount(Field(row, moving_col));
      if (d && t && *d > 0 && *t > 0) speeds.push_back(*d / *t);
    }
    if (!speeds.empty()) {
      if (MedianOf(speeds) < 0.1) {
        unit_m = 1000;
        unit_guessed = true;
      }
    }
  }

  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<std::string>& row = table.rows[r];
    ImportedActivity a;
    a.file = name;
    a.format = "strava_csv";
    a.device = "Strava export";
    a.name = std::string(TrimText(Field(row, name_col)));
    a.sport_in_file = std::string(TrimText(Field(row, type_col)));
    a.sport = NormaliseSport(a.sport_in_file);
    std::string_view date_text = TrimText(Field(row, date_col));
    a.start_utc = ParseStravaDate(date_text);
    if (!a.start_utc) {
      std::string where = name + ", line " + std::to_string(table.row_lines[r]);
      if (std::string_view id = TrimText(Field(row, id_col)); !id.empty()) where += " (activity " + std::string(id) + ")";
      out.skipped.push_back(UnreadableDateRow(where, date_text));
      continue;
    }
    a.elapsed_s = elapsed_of(row);
    a.moving_s = Amount(Field(row, moving_col));
    if (auto d = Amount(Field(row, metres_col), 1e9 / unit_m)) a.distance_m = *d * unit_m;
    if (unit_guessed) {
      a.problems.push_back("The file's single Distance column does not say whether it is in kilometres or miles; "
                           "it was read as kilometres.");
    }
    if (auto c = Amount(Field(row, cadence_col), 1000); c && *c > 0 && CountsSteps(a.sport)) a.cadence_spm = 2 * *c;
    out.rows.push_back({std::move(a), std::string(TrimText(Field(row, file_col)))});
  }
  if (out.rows.empty()) {
    out.error = table.rows.empty() ? name + " lists no activities."
                                   : name + ": none of its " + std::to_string(table.rows.size()) +
                                         (table.rows.size() == 1 ? " row has" : " rows has") +
                                         " a date Stridewise can read, so nothing was imported.";
    out.skipped.clear();
  }
  for (StravaCsvRow& row : out.rows) {
    MakeTextValid(row.activity);
    row.filename = ValidUtf8(row.filename);
  }
  for (std::string& s : out.skipped) s = ValidUtf8(s);
  out.error = ValidUtf8(out.error);
  return out;
}

ReadResult ReadStravaCsv(Bytes bytes, std::string_view file_name) {
  StravaCsvRows rows = ReadStravaCsvRows(bytes, file_name);
  ReadResult result;
  result.error = std::move(rows.error);
  result.skipped = std::move(rows.skipped);
  for (StravaCsvRow& row : rows.rows) result.activities.push_back(std::move(row.activity));
  return result;
}

}  // namespace sw::import
