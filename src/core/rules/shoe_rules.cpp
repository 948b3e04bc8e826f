#include "core/rules/shoe_rules.hpp"

#include <algorithm>
#include <cmath>

#include "core/model/dates.hpp"
#include "core/model/validation.hpp"

namespace sw {

std::string_view ShoeStatusId(ShoeStatus status) {
  switch (status) {
    case ShoeStatus::Ok: return "ok";
    case ShoeStatus::Warn: return "warn";
    case ShoeStatus::Replace: return "replace";
    case ShoeStatus::Retired: return "retired";
  }
  return "ok";
}

ShoeRunTotals TotalsForShoe(const Model& model, Id shoe_id, double start_m) {
  ShoeRunTotals totals;
  totals.distance_m = start_m;  // added to in the runs' order, as the totals always were
  auto span = [&totals](Date first, Date last) {
    if (!totals.first || first < *totals.first) totals.first = first;
    if (!totals.last || last > *totals.last) totals.last = last;
  };
  for (const Run& run : model.runs) {
    if (run.shoe_id != shoe_id) continue;
    ++totals.runs;
    totals.distance_m += run.distance_m;
    span(run.date, run.date);
  }
  for (const RunYearDigest& year : model.unread_run_years)
    for (const auto& use : year.shoes) {
      if (use.shoe_id != shoe_id) continue;
      totals.runs += use.runs;
      totals.distance_m += use.distance_m;
      span(use.first, use.last);
    }
  return totals;
}

bool AnyWearSign(const ShoeWear& wear) { return wear.uneven_wear || wear.discomfort || wear.stride_change; }

bool DiscomfortMayBeFit(const Shoe& shoe, double distance_m) {
  return shoe.wear.discomfort && distance_m < kNewPairDistanceM;
}

void RoundShoeDefaultsForUnits(Settings& settings) {
  const bool km = settings.units == Units::Kilometres;
  const double other_warn = km ? kDefaultWarnAtM : kDefaultWarnAtKmM;
  const double other_replace = km ? kDefaultReplaceAtM : kDefaultReplaceAtKmM;
  if (settings.default_warn_at_m != other_warn || settings.default_replace_at_m != other_replace) return;
  settings.default_warn_at_m = km ? kDefaultWarnAtKmM : kDefaultWarnAtM;
  settings.default_replace_at_m = km ? kDefaultReplaceAtKmM : kDefaultReplaceAtM;
}

ShoeStatus StatusFor(const Shoe& shoe, double distance_m) {
  if (shoe.retired) return ShoeStatus::Retired;
  if (distance_m >= shoe.replace_at_m || AnyWearSign(shoe.wear)) return ShoeStatus::Replace;
  if (distance_m >= shoe.warn_at_m) return ShoeStatus::Warn;
  return ShoeStatus::Ok;
}

// Average daily distance over the last 8 weeks (today included), or since the shoe's first run
// when that is shorter, but never over fewer than 4 weeks; none until the shoe has enough runs over
// enough weeks (kProjectionMinRuns). Runs dated tomorrow (validation allows it) are part of recent use.
static std::optional<Date> ProjectReplaceDate(const Model& model, const Shoe& shoe, double distance_m,
                                              ShoeStatus status, Date today) {
  if (status == ShoeStatus::Retired || status == ShoeStatus::Replace) return std::nullopt;
  const Date window_start = AddDays(today, -(kProjectionWindowDays - 1));
  // The 8-week window lies in the years storage reads first: `model.runs` holds all of it.
  double recent_m = 0;
  for (const Run& run : model.runs)
    if (run.shoe_id == shoe.id && run.date >= window_start) recent_m += run.distance_m;
  const ShoeRunTotals totals = TotalsForShoe(model, shoe.id);
  const std::optional<Date> first_run = totals.first;
  if (totals.runs < kProjectionMinRuns || DaysBetween(*first_run, *totals.last) + 1 < kProjectionMinSpanDays ||
      !(recent_m > 0))
    return std::nullopt;
  const int span = std::clamp(DaysBetween(*first_run, today) + 1, kProjectionMinSpanDays, kProjectionWindowDays);
  const double per_day = recent_m / span;
  const double remaining = shoe.replace_at_m - distance_m;
  if (!(remaining > 0) || !std::isfinite(per_day)) return std::nullopt;
  // Days of headroom from a huge threshold and a trickle of use can run to centuries: cap the
  // date at ~100 years so it stays a valid calendar day.
  const double days = std::min(std::ceil(remaining / per_day), 36500.0);
  return AddDays(today, int(days));
}

bool ShoeAvailableOn(const Model& model, const Shoe& shoe, Date date) {
  if (shoe.purchase_date && date < *shoe.purchase_date) return false;
  if (!shoe.retired) return true;
  if (shoe.retired_on && date <= *shoe.retired_on) return true;
  const std::optional<Date> last = TotalsForShoe(model, shoe.id).last;
  return last && *last >= date;
}

std::optional<Id> DefaultShoeOn(const Model& model, Date date) {
  if (model.default_shoe_id) {
    const Shoe* preferred = FindShoe(model, *model.default_shoe_id);
    if (preferred && ShoeAvailableOn(model, *preferred, date)) return preferred->id;
  }
  const Shoe* newest = nullptr;
  for (const Shoe& shoe : model.shoes) {
    if (!ShoeAvailableOn(model, shoe, date)) continue;
    if (!newest || (shoe.purchase_date && (!newest->purchase_date || *shoe.purchase_date > *newest->purchase_date)))
      newest = &shoe;
  }
  return newest ? std::optional<Id>(newest->id) : std::nullopt;
}

ShoeSummary SummarizeShoe(const Model& model, const Shoe& shoe, Date today) {
  ShoeSummary summary;
  summary.id = shoe.id;
  const ShoeRunTotals totals = TotalsForShoe(model, shoe.id, shoe.start_distance_m);
  summary.distance_m = totals.distance_m;
  summary.runs = totals.runs;
  summary.first_run = totals.first;
  summary.last_run = totals.last;
  summary.status = StatusFor(shoe, summary.distance_m);
  summary.wear_flagged = AnyWearSign(shoe.wear);
  summary.life_used = shoe.replace_at_m > 0 ? std::max(0.0, summary.distance_m / shoe.replace_at_m) : 1.0;
  summary.projected_replace_date = ProjectReplaceDate(model, shoe, summary.distance_m, summary.status, today);
  return summary;
}

std::vector<ShoeSummary> SummarizeShoes(const Model& model, Date today) {
  std::vector<ShoeSummary> out;
  out.reserve(model.shoes.size());
  for (const Shoe& shoe : model.shoes) out.push_back(SummarizeShoe(model, shoe, today));
  return out;
}

}  // namespace sw
