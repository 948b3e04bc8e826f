#include "core/cadence/cadence_history.hpp"

#include <algorithm>
#include <map>

#include "core/cadence/cadence_target.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw {

std::vector<CadenceRecord> CadenceHistory(const Model& model) {
  std::vector<CadenceRecord> history;
  history.reserve(model.cadence_sessions.size());
  for (const CadenceSession& session : model.cadence_sessions)
    history.push_back({session.date, session.id, false, session.mean_spm, session.duration_s, {}, session.tapped,
                       session.time_in_band_s, session.low_spm, session.high_spm});
  for (const Run& run : model.runs) {
    if (!run.cadence_spm) continue;
    history.push_back({run.date, run.id, true, *run.cadence_spm, run.duration_s,
                       run.source ? run.source->device : std::string(), false, std::nullopt, 0, 0});
  }
  SortByDate(history, DateOrder::NewestFirst);
  return history;
}

std::vector<CadenceMonth> CadenceTrend(const std::vector<CadenceRecord>& history, Date today, int months) {
  using namespace std::chrono;
  const year_month last = today.year() / today.month();
  const year_month first = last - std::chrono::months(std::max(months, 1) - 1);
  std::map<year_month, std::pair<double, int>> sums;  // per month: the records' spm summed, and their count
  for (const CadenceRecord& record : history) {
    const year_month month = record.date.year() / record.date.month();
    if (month < first || month > last || !IsPlausibleRunCadence(record.spm)) continue;
    sums[month].first += record.spm;
    ++sums[month].second;
  }
  std::vector<CadenceMonth> trend;
  for (const auto& [month, sum] : sums) trend.push_back({month.year(), month.month(), sum.first / sum.second, sum.second});
  return trend;
}

}  // namespace sw
