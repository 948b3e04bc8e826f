#pragma once
// Weekly load: the 10% rule (the article's guideline), the single-run spike (Garmin-RUNSAFE,
// Br J Sports Med 2025), ACWR (Gabbett, Br J Sports Med 2016), the run streak and the weekly
// totals for the chart. All on calendar days: time zones and daylight saving never enter.
#include <optional>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace sw {

inline constexpr int kLoadChartWeeks = 12;
inline constexpr double kSpikeThresholdPct = 10;
// Distances within a micrometre count as equal, so "exactly +10%" built from decimal inputs
// (5.5 vs 5 km) is never "exceeded" through a floating-point last bit.
inline constexpr double kDistanceEpsilonM = 1e-6;

enum class SpikeBand { Over10To30, Over30To100, Over100 };
enum class AcwrBand { Low, SweetSpot, Caution, Danger };

std::string_view SpikeBandId(SpikeBand band);  // "10-30%" "30-100%" ">100%"
std::string_view AcwrBandId(AcwrBand band);    // "low" "sweet spot" "caution" "danger"

// >10 and <=30 -> 10-30%; >30 and <=100 -> 30-100%; >100 -> >100%.
SpikeBand SpikeBandFor(double percent_over);
// < 0.8 low; 0.8..1.3 (both included) sweet spot; above 1.3 and under 1.5 caution; >= 1.5 danger.
AcwrBand AcwrBandFor(double acwr);

struct Spike {
  Id run_id = 0;
  Date date;
  double run_m = 0;
  double previous_longest_m = 0;  // longest single run in the 30 days before the run's date
  double percent_over = 0;        // (run_m / previous_longest_m - 1) * 100
  SpikeBand band = SpikeBand::Over10To30;
};

struct WeekTotal {
  Date start;
  double m = 0;
};

struct LoadSummary {
  Date this_week_start;
  double this_week_m = 0;
  double last_week_m = 0;
  double this_week_max_m = 0;  // last_week_m * (1 + limit / 100)
  bool ten_percent_exceeded = false;
  double longest_run_30d_m = 0;  // longest single run, today and the 29 days before
  bool spike_warning = false;
  std::optional<Spike> spike;  // the biggest spike of the last 7 days (latest on a tie)
  std::optional<double> acwr;
  std::optional<AcwrBand> acwr_band;
  int consecutive_run_days = 0;
  std::vector<WeekTotal> weeks;  // the last 12 weeks, oldest first, this week last
};

// The spike of one run against the 30 days before its date (that day's other runs excluded:
// a day's runs have no order); nullopt when not over 10% or with no run in those 30 days.
std::optional<Spike> SpikeOf(const Model& model, const Run& run);

LoadSummary SummarizeLoad(const Model& model, Date today);

}  // namespace sw

namespace sw {

// A likely typo ("150" for 15.0 km): a run far beyond the runner's own history is asked about
// before it is saved. With at least kTypoMinHistoryRuns runs in the 90 days up to the run's date,
// "far" is over 2.5x the longest of them; with less history, over a marathon and a half.
inline constexpr int kTypoHistoryDays = 90;
inline constexpr int kTypoMinHistoryRuns = 3;
inline constexpr double kTypoHistoryFactor = 2.5;
inline constexpr double kTypoNoHistoryLimitM = 63300;

// The distance above which a run on `date` needs a confirmation. `except` is the run being
// edited: its old distance is not history.
double UnusualRunLimitM(const Model& model, Date date, std::optional<Id> except = std::nullopt);
bool IsUnusualRunDistance(const Model& model, double distance_m, Date date, std::optional<Id> except = std::nullopt);

}  // namespace sw
