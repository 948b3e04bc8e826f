#include "core/storage/runs_csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/model/dates.hpp"
#include "core/model/validation.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw {

std::string CsvField(std::string_view text) {
  std::string field;
  // OWASP's CSV injection guard: a cell starting like a formula is shown as text.
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) field = "'";
  field.append(text);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

namespace {

std::string Duration(double seconds) {
  long long total = std::llround(seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  return text;
}

}  // namespace

std::string RunsCsv(const Model& model, bool utf8_bom) {
  const bool miles = model.settings.units == Units::Miles;
  std::vector<const Run*> runs;
  for (const Run& run : model.runs) runs.push_back(&run);
  SortByDate(runs, DateOrder::OldestFirst);  // ids are unique: one order, whatever the sort
  std::string out = utf8_bom ? "\xEF\xBB\xBF" : "";
  out += "date,distance,unit,duration,shoe\r\n";
  for (const Run* run : runs) {
    char distance[32];
    std::snprintf(distance, sizeof distance, "%.2f", run->distance_m / (miles ? kMetresPerMile : 1000.0));
    const Shoe* shoe = run->shoe_id ? FindShoe(model, *run->shoe_id) : nullptr;
    out += CsvField(FormatDate(run->date)) + "," + CsvField(distance) + "," + (miles ? "mi" : "km") + "," +
           CsvField(run->duration_s ? Duration(*run->duration_s) : "") + "," + CsvField(shoe ? shoe->name : "") +
           "\r\n";
  }
  return out;
}

}  // namespace sw
