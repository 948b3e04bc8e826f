#include "core/rules/history_rules.hpp"

#include <algorithm>
#include <map>

namespace sw {

HistorySummary SummarizeHistory(const Model& model, std::optional<Id> shoe_id) {
  using std::chrono::month;
  using std::chrono::year;
  // Keyed (year, month) in ascending order; read back in reverse for newest first.
  std::map<std::pair<int, unsigned>, PeriodTotals> months, years;
  auto add = [](std::map<std::pair<int, unsigned>, PeriodTotals>& into, year y, month m, const Run& run) {
    PeriodTotals& totals = into[{int(y), unsigned(m)}];
    totals.year = y;
    totals.month = m;
    totals.distance_m += run.distance_m;
    ++totals.runs;
    if (run.duration_s) totals.duration_s += *run.duration_s;
  };
  for (const Run& run : model.runs) {
    if (shoe_id && run.shoe_id != shoe_id) continue;
    add(months, run.date.year(), run.date.month(), run);
    add(years, run.date.year(), month{0}, run);
  }
  HistorySummary out;
  out.months.reserve(months.size());
  for (auto it = months.rbegin(); it != months.rend(); ++it) out.months.push_back(it->second);
  for (auto it = years.rbegin(); it != years.rend(); ++it) out.years.push_back(it->second);
  return out;
}

}  // namespace sw
