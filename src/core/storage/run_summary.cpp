#include "core/storage/run_summary.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"

namespace sw {
namespace {

using nlohmann::json;

void Add(RunYearDigest::ShoeUse& use, const Run& run) {
  if (use.runs == 0 || run.date < use.first) use.first = run.date;
  if (use.runs == 0 || run.date > use.last) use.last = run.date;
  ++use.runs;
  use.distance_m += run.distance_m;
}

bool Near(double a, double b) { return std::fabs(a - b) <= 0.001; }

// The digest of `year` in `years` (kept in year order), added if missing. A few years and a few
// dozen pairs: a walk, no map or sort (this runs at every save and every load).
RunYearDigest& DigestOf(std::vector<RunYearDigest>& years, int year) {
  auto at = std::find_if(years.begin(), years.end(), [year](const RunYearDigest& d) { return d.year >= year; });
  if (at == years.end() || at->year != year) at = years.insert(at, RunYearDigest{.year = year});
  return *at;
}

// Days in a row with a run, counted back from 31 December of `year` to 1 January at most (a year
// is digested alone too: its figures must not depend on the year before). `ran[DaysBetween(first,
// d)]`: whether day d has a run.
int DaysRunAtEnd(int year, const std::vector<bool>& ran, Date first) {
  using namespace std::chrono;
  const Date last(std::chrono::year(year), December, day(31));
  int count = 0;
  for (Date d = last; d.year() == last.year(); d = AddDays(d, -1), ++count) {
    const int at = DaysBetween(first, d);
    if (at < 0 || at >= int(ran.size()) || !ran[std::size_t(at)]) break;
  }
  return count;
}

}  // namespace

std::vector<RunYearDigest> DigestRuns(const std::vector<Run>& runs) {
  std::vector<RunYearDigest> years;
  // The span of the runs' days, for each year's days run at its end.
  Date first_day = runs.empty() ? Date{} : runs.front().date, last_day = first_day;
  RunYearDigest* last = nullptr;  // runs come in id order, mostly in date order too
  for (const Run& run : runs) {
    const int year = int(run.date.year());
    RunYearDigest& digest = last && last->year == year ? *last : DigestOf(years, year);
    last = &digest;
    if (digest.runs == 0 || run.date < digest.first) digest.first = run.date;
    first_day = std::min(first_day, run.date);
    last_day = std::max(last_day, run.date);
    ++digest.runs;
    digest.distance_m += run.distance_m;
    digest.max_id = std::max(digest.max_id, run.id);
    if (!run.shoe_id) continue;
    const Id shoe_id = *run.shoe_id;
    auto use = std::find_if(digest.shoes.begin(), digest.shoes.end(),
                            [shoe_id](const RunYearDigest::ShoeUse& u) { return u.shoe_id >= shoe_id; });
    if (use == digest.shoes.end() || use->shoe_id != shoe_id)
      use = digest.shoes.insert(use, RunYearDigest::ShoeUse{.shoe_id = shoe_id});
    Add(*use, run);
  }
  std::vector<bool> ran(runs.empty() ? 0 : std::size_t(DaysBetween(first_day, last_day) + 1));
  for (const Run& run : runs) ran[std::size_t(DaysBetween(first_day, run.date))] = true;
  for (RunYearDigest& digest : years) digest.days_run_at_end = DaysRunAtEnd(digest.year, ran, first_day);
  return years;
}

std::vector<RunYearDigest> SummarizeStoredRuns(const Model& model) {
  std::vector<RunYearDigest> out = DigestRuns(model.runs);
  for (const RunYearDigest& unread : model.unread_run_years) DigestOf(out, unread.year) = unread;
  return out;
}

bool SameDigest(const RunYearDigest& a, const RunYearDigest& b) {
  if (a.year != b.year || a.runs != b.runs || !Near(a.distance_m, b.distance_m) || a.max_id != b.max_id ||
      a.first != b.first || a.days_run_at_end != b.days_run_at_end || a.shoes.size() != b.shoes.size())
    return false;
  for (std::size_t i = 0; i < a.shoes.size(); ++i) {
    const auto &x = a.shoes[i], &y = b.shoes[i];
    if (x.shoe_id != y.shoe_id || x.runs != y.runs || !Near(x.distance_m, y.distance_m) || x.first != y.first ||
        x.last != y.last)
      return false;
  }
  return true;
}

bool SummaryAgrees(const std::vector<RunYearDigest>& summary, const std::vector<Run>& read,
                   const std::vector<RunYearDigest>& unread) {
  std::vector<RunYearDigest> years = DigestRuns(read);
  if (summary.size() != years.size() + unread.size()) return false;
  for (const RunYearDigest& digest : years) {
    auto stored = std::find_if(summary.begin(), summary.end(), [&](const RunYearDigest& d) { return d.year == digest.year; });
    if (stored == summary.end() || !SameDigest(*stored, digest)) return false;
  }
  return true;
}

std::string RunSummaryDocument(const std::vector<RunYearDigest>& years) {
  json list = json::array();
  for (const RunYearDigest& digest : years) {
    json shoes = json::array();
    for (const auto& use : digest.shoes)
      shoes.push_back({{"id", use.shoe_id}, {"runs", use.runs}, {"distance_m", use.distance_m},
                       {"first", FormatDate(use.first)}, {"last", FormatDate(use.last)}});
    list.push_back({{"year", digest.year}, {"runs", digest.runs}, {"distance_m", digest.distance_m},
                    {"max_id", digest.max_id}, {"first", FormatDate(digest.first)},
                    {"days_run_at_end", digest.days_run_at_end}, {"shoes", std::move(shoes)}});
  }
  return json{{"schema", kCurrentSchema}, {"app", kAppName}, {"run_years", std::move(list)}}.dump();
}

std::string ReadRunSummary(const std::string& text, std::vector<RunYearDigest>& out) {
  json document = json::parse(std::string_view(text), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) return "it is not valid JSON";
  // Each field is checked before it is read (get<> on the wrong type would abort the app).
  auto integer = [](const json& object, const char* name, auto& into) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_number_integer()) return false;
    into = it->get<std::decay_t<decltype(into)>>();
    return true;
  };
  auto number = [](const json& object, const char* name, double& into) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_number()) return false;
    into = it->get<double>();
    return std::isfinite(into) && into >= 0;
  };
  auto date = [](const json& object, const char* name, Date& into) {
    auto it = object.find(name);
    std::optional<Date> parsed = it != object.end() && it->is_string() ? ParseDate(it->get_ref<const std::string&>()) : std::nullopt;
    if (parsed) into = *parsed;
    return parsed.has_value();
  };
  long long schema = 0;
  // A summary written by another schema is simply rebuilt: it is derived, never the only copy.
  if (!integer(document, "schema", schema) || schema != kCurrentSchema) return "it was written by another version";
  auto list = document.find("run_years");
  if (list == document.end() || !list->is_array()) return "it has no \"run_years\" list";
  std::vector<RunYearDigest> years;
  for (const json& item : *list) {
    RunYearDigest digest;
    long long year = 0, runs = 0, days_run_at_end = 0;
    auto shoes = item.is_object() ? item.find("shoes") : item.end();
    // A summary from before "first" and "days_run_at_end" lacks them: it is rebuilt.
    if (!item.is_object() || !integer(item, "year", year) || !integer(item, "runs", runs) ||
        !number(item, "distance_m", digest.distance_m) || !integer(item, "max_id", digest.max_id) ||
        !date(item, "first", digest.first) || !integer(item, "days_run_at_end", days_run_at_end) ||
        shoes == item.end() || !shoes->is_array() || year < 1 || year > 9999 || runs < 0 ||
        days_run_at_end < 0 || days_run_at_end > 366)
      return "a year's figures are missing";
    digest.year = int(year);
    digest.runs = int(runs);
    digest.days_run_at_end = int(days_run_at_end);
    for (const json& shoe : *shoes) {
      RunYearDigest::ShoeUse use;
      long long shoe_runs = 0;
      if (!shoe.is_object() || !integer(shoe, "id", use.shoe_id) || !integer(shoe, "runs", shoe_runs) ||
          !number(shoe, "distance_m", use.distance_m) || !date(shoe, "first", use.first) ||
          !date(shoe, "last", use.last) || shoe_runs < 0)
        return "a pair's figures are missing";
      use.runs = int(shoe_runs);
      digest.shoes.push_back(use);
    }
    if (!years.empty() && years.back().year >= digest.year) return "its years are out of order";
    years.push_back(std::move(digest));
  }
  out = std::move(years);
  return {};
}

}  // namespace sw
