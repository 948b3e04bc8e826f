#pragma once
// The run history's totals (issue 14; API.md's state().history): every logged run grouped by
// calendar month and by year, newest first. A run's date is already the runner's local day, so a
// month is simply the month of that date: no time zone or daylight-saving change can move a run.
#include <chrono>
#include <optional>
#include <vector>

#include "core/model/model.hpp"

namespace sw {

struct PeriodTotals {
  std::chrono::year year;
  std::chrono::month month;  // the month's totals; month{0} for a whole year
  double distance_m = 0;
  int runs = 0;
  double duration_s = 0;  // of the runs with a time; runs without one add nothing
  bool operator==(const PeriodTotals&) const = default;
};

struct HistorySummary {
  std::vector<PeriodTotals> months;  // newest first; only months with runs
  std::vector<PeriodTotals> years;   // newest first; only years with runs
  bool operator==(const HistorySummary&) const = default;
};

// Every run, or only those on `shoe_id` when given (the history's shoe filter).
HistorySummary SummarizeHistory(const Model& model, std::optional<Id> shoe_id = std::nullopt);

}  // namespace sw
