#include "load_rules.hpp"

#include <algorithm>
#include <set>

#include "dates.hpp"

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

// Sum of run distances dated first..last, both included.
static double SumBetween(const Model& model, Date first, Date last) {
  double total = 0;
  for (const Run& run : model.runs)
    if (run.date >= first && run.date <= last) total += run.distance_m;
  return total;
}

static double LongestBetween(const Model& model, Date first, Date last) {
  double longest = 0;
  for (const Run& run : model.runs)
    if (run.date >= first && run.date <= last) longest = std::max(longest, run.distance_m);
  return longest;
}

std::optional<Spike> SpikeOf(const Model& model, const Run& run) {
  const double previous = LongestBetween(model, AddDays(run.date, -30), AddDays(run.date, -1));
  if (!(previous > 0)) return std::nullopt;  // no history: nothing to compare against
  const double limit_m = previous * (1 + kSpikeThresholdPct / 100);
  if (!(run.distance_m > limit_m + kDistanceEpsilonM)) return std::nullopt;
  Spike spike;
  spike.run_id = run.id;
  spike.date = run.date;
  spike.run_m = run.distance_m;
  spike.previous_longest_m = previous;
  spike.percent_over = (run.distance_m / previous - 1) * 100;
  spike.band = SpikeBandFor(spike.percent_over);
  return spike;
}

// Days with a run, counted back from today, or from yesterday when today has none yet (the
// streak is still alive in the morning before today's run).
static int ConsecutiveRunDays(const Model& model, Date today) {
  std::set<Date> days;
  for (const Run& run : model.runs)
    if (run.date <= today) days.insert(run.date);
  Date day = days.count(today) ? today : AddDays(today, -1);
  int streak = 0;
  while (days.count(day)) {
    ++streak;
    day = AddDays(day, -1);
  }
  return streak;
}

LoadSummary SummarizeLoad(const Model& model, Date today) {
  LoadSummary load;
  // Weekly totals: a week is its calendar days, so runs dated tomorrow count in their own week.
  load.this_week_start = WeekStart(today, model.settings.week_start);
  load.this_week_m = SumBetween(model, load.this_week_start, AddDays(load.this_week_start, 6));
  load.last_week_m = SumBetween(model, AddDays(load.this_week_start, -7), AddDays(load.this_week_start, -1));
  load.this_week_max_m = load.last_week_m * (1 + model.settings.weekly_increase_limit_pct / 100);
  load.ten_percent_exceeded =
      load.last_week_m > 0 && load.this_week_m > load.this_week_max_m + kDistanceEpsilonM;
  for (int i = kLoadChartWeeks - 1; i >= 0; --i) {
    Date start = AddDays(load.this_week_start, -7 * i);
    load.weeks.push_back({start, SumBetween(model, start, AddDays(start, 6))});
  }

  // Rolling windows end today: "the last N days" are today and the N-1 days before.
  load.longest_run_30d_m = LongestBetween(model, AddDays(today, -29), today);

  const Date week_ago = AddDays(today, -6);
  for (const Run& run : model.runs) {
    if (run.date < week_ago || run.date > today) continue;
    std::optional<Spike> spike = SpikeOf(model, run);
    if (!spike) continue;
    if (!load.spike || spike->percent_over > load.spike->percent_over ||
        (spike->percent_over == load.spike->percent_over && spike->date > load.spike->date))
      load.spike = spike;
  }
  load.spike_warning = load.spike.has_value();

  // ACWR needs 28 days of history: the first run at least 27 days before today.
  std::optional<Date> first_run;
  for (const Run& run : model.runs)
    if (run.date <= today && (!first_run || run.date < *first_run)) first_run = run.date;
  if (first_run && DaysBetween(*first_run, today) >= 27) {
    const double acute = SumBetween(model, week_ago, today);
    const double chronic_week = SumBetween(model, AddDays(today, -27), today) / 4;
    if (chronic_week > 0) {
      load.acwr = acute / chronic_week;
      load.acwr_band = AcwrBandFor(*load.acwr);
    }
  }

  load.consecutive_run_days = ConsecutiveRunDays(model, today);
  return load;
}

}  // namespace sw
