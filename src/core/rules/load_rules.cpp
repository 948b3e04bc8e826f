#include "core/rules/load_rules.hpp"

#include <algorithm>

#include "core/model/dates.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw {

std::string_view SpikeBandId(SpikeBand band) {
  switch (band) {
    case SpikeBand::Over10To30: return "10-30%";
    case SpikeBand::Over30To100: return "30-100%";
    case SpikeBand::Over100: return ">100%";
  }
  return "10-30%";
}

std::string_view AcwrBandId(AcwrBand band) {
  switch (band) {
    case AcwrBand::Low: return "low";
    case AcwrBand::SweetSpot: return "sweet spot";
    case AcwrBand::Caution: return "caution";
    case AcwrBand::Danger: return "danger";
  }
  return "low";
}

// Ratios are compared with a hair of tolerance so 1.3 computed as 5.2 / 4 lands where a
// person reading "1.3" expects.
static constexpr double kRatioEpsilon = 1e-9;

SpikeBand SpikeBandFor(double percent_over) {
  if (percent_over > 100 + kRatioEpsilon) return SpikeBand::Over100;
  if (percent_over > 30 + kRatioEpsilon) return SpikeBand::Over30To100;
  return SpikeBand::Over10To30;
}

AcwrBand AcwrBandFor(double acwr) {
  if (acwr < 0.8 - kRatioEpsilon) return AcwrBand::Low;
  if (acwr <= 1.3 + kRatioEpsilon) return AcwrBand::SweetSpot;
  if (acwr < 1.5 - kRatioEpsilon) return AcwrBand::Caution;
  return AcwrBand::Danger;
}

// Per-day totals over the only days the summary looks at (the 12 charted weeks, which also
// hold the 30+7-day spike windows and the 28-day ACWR window): one pass over the runs, then
// every window is a short loop over days, however long the history.
namespace {
struct DayGrid {
  Date first;
  std::vector<double> total, longest;
  std::vector<int> runs;

  DayGrid(Date first_day, Date last_day) : first(first_day) {
    const std::size_t size = std::size_t(DaysBetween(first_day, last_day) + 1);
    total.assign(size, 0);
    longest.assign(size, 0);
    runs.assign(size, 0);
  }
  int Index(Date date) const { return DaysBetween(first, date); }
  bool Holds(int index) const { return index >= 0 && index < int(total.size()); }
  void Add(const Run& run) {
    const int i = Index(run.date);
    if (!Holds(i)) return;
    total[i] += run.distance_m;
    longest[i] = std::max(longest[i], run.distance_m);
    ++runs[i];
  }
  // Both ends included; days outside the grid hold nothing by construction of its range.
  double Sum(Date from, Date to) const {
    double sum = 0;
    for (int i = std::max(0, Index(from)), end = std::min(int(total.size()) - 1, Index(to)); i <= end; ++i)
      sum += total[i];
    return sum;
  }
  double Longest(Date from, Date to) const {
    double most = 0;
    for (int i = std::max(0, Index(from)), end = std::min(int(total.size()) - 1, Index(to)); i <= end; ++i)
      most = std::max(most, longest[i]);
    return most;
  }
};
}  // namespace

// The threshold rule shared by SpikeOf and SummarizeLoad.
static std::optional<Spike> MakeSpike(const Run& run, double previous_longest_m) {
  if (!(previous_longest_m > 0)) return std::nullopt;  // no history: nothing to compare against
  const double limit_m = previous_longest_m * (1 + kSpikeThresholdPct / 100);
  if (!(run.distance_m > limit_m + kDistanceEpsilonM)) return std::nullopt;
  Spike spike;
  spike.run_id = run.id;
  spike.date = run.date;
  spike.run_m = run.distance_m;
  spike.previous_longest_m = previous_longest_m;
  spike.percent_over = (run.distance_m / previous_longest_m - 1) * 100;
  spike.band = SpikeBandFor(spike.percent_over);
  return spike;
}

std::optional<Spike> SpikeOf(const Model& model, const Run& run) {
  const Date from = AddDays(run.date, -30), to = AddDays(run.date, -1);
  double previous = 0;
  for (const Run& other : model.runs)
    if (other.date >= from && other.date <= to) previous = std::max(previous, other.distance_m);
  return MakeSpike(run, previous);
}

// Days with a run, counted back from today, or from yesterday when today has none yet (the
// streak is still alive in the morning before today's run). A streak older than the grid (an
// 11-week run of running days) goes on in the full history.
static int ConsecutiveRunDays(const Model& model, const DayGrid& grid, Date today) {
  Date day = grid.runs[grid.Index(today)] ? today : AddDays(today, -1);
  int streak = 0;
  for (; grid.Holds(grid.Index(day)); day = AddDays(day, -1)) {
    if (!grid.runs[grid.Index(day)]) return streak;
    ++streak;
  }
  std::vector<Date> older;
  for (const Run& run : model.runs)
    if (run.date <= day) older.push_back(run.date);
  SortDates(older, DateOrder::NewestFirst);
  for (Date date : older) {
    if (date == AddDays(day, 1)) continue;  // a second run on a day already counted
    if (date != day) break;
    ++streak;
    day = AddDays(day, -1);
  }
  // Into the years storage has not read yet (newest first), by each year's days run at its end.
  for (auto year = model.unread_run_years.rbegin(); year != model.unread_run_years.rend(); ++year) {
    if (day != Date(std::chrono::year(year->year), std::chrono::December, std::chrono::day(31))) break;
    streak += year->days_run_at_end;
    day = AddDays(day, -year->days_run_at_end);
  }
  return streak;
}

LoadSummary SummarizeLoad(const Model& model, Date today) {
  LoadSummary load;
  load.this_week_start = WeekStart(today, model.settings.week_start);
  const Date chart_start = AddDays(load.this_week_start, -7 * (kLoadChartWeeks - 1));
  const Date week_end = AddDays(load.this_week_start, 6);
  DayGrid grid(chart_start, week_end);
  std::optional<Date> first_run;
  for (const Run& run : model.runs) {
    grid.Add(run);
    if (run.date <= today && (!first_run || run.date < *first_run)) first_run = run.date;
  }
  // Years not read yet are older than every run read: the oldest one holds the first run.
  if (!model.unread_run_years.empty()) first_run = model.unread_run_years.front().first;

  // Weekly totals: a week is its calendar days, so runs dated tomorrow count in their own week.
  load.this_week_m = grid.Sum(load.this_week_start, week_end);
  load.last_week_m = grid.Sum(AddDays(load.this_week_start, -7), AddDays(load.this_week_start, -1));
  load.this_week_max_m = load.last_week_m * (1 + model.settings.weekly_increase_limit_pct / 100);
  load.ten_percent_exceeded =
      load.last_week_m > 0 && load.this_week_m > load.this_week_max_m + kDistanceEpsilonM;
  for (Date start = chart_start; start <= load.this_week_start; start = AddDays(start, 7))
    load.weeks.push_back({start, grid.Sum(start, AddDays(start, 6))});

  // Rolling windows end today: "the last N days" are today and the N-1 days before.
  load.longest_run_30d_m = grid.Longest(AddDays(today, -29), today);

  const Date week_ago = AddDays(today, -6);
  for (const Run& run : model.runs) {
    if (run.date < week_ago || run.date > today) continue;
    std::optional<Spike> spike = MakeSpike(run, grid.Longest(AddDays(run.date, -30), AddDays(run.date, -1)));
    if (!spike) continue;
    if (!load.spike || spike->percent_over > load.spike->percent_over ||
        (spike->percent_over == load.spike->percent_over && spike->date > load.spike->date))
      load.spike = spike;
  }
  load.spike_warning = load.spike.has_value();

  // ACWR needs 28 days of history: the first run at least 27 days before today.
  if (first_run && DaysBetween(*first_run, today) >= 27) {
    const double acute = grid.Sum(week_ago, today);
    const double chronic_week = grid.Sum(AddDays(today, -27), today) / 4;
    if (chronic_week > 0) {
      load.acwr = acute / chronic_week;
      load.acwr_band = AcwrBandFor(*load.acwr);
    }
  }

  load.consecutive_run_days = ConsecutiveRunDays(model, grid, today);
  return load;
}

}  // namespace sw

namespace sw {

double UnusualRunLimitM(const Model& model, Date date, std::optional<Id> except) {
  int runs = 0;
  double longest = 0;
  for (const Run& run : model.runs) {
    if (run.id == except) continue;
    int days_before = DaysBetween(run.date, date);
    if (days_before < 0 || days_before >= kTypoHistoryDays) continue;
    ++runs;
    longest = std::max(longest, run.distance_m);
  }
  return runs >= kTypoMinHistoryRuns ? longest * kTypoHistoryFactor : kTypoNoHistoryLimitM;
}

bool IsUnusualRunDistance(const Model& model, double distance_m, Date date, std::optional<Id> except) {
  return distance_m > UnusualRunLimitM(model, date, except) + kDistanceEpsilonM;
}

}  // namespace sw
