#pragma once
// Shoe wear: distance, status and a projected replacement date, derived from the model on demand
// (never stored, so editing or deleting a run can never leave a shoe's figures stale).
#include <optional>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace sw {

enum class ShoeStatus { Ok, Warn, Replace, Retired };

// API.md names: "ok" "warn" "replace" "retired".
std::string_view ShoeStatusId(ShoeStatus status);

// The window the projection averages over. A date projected from one run or one week swings by
// years with the next run, so a shoe gets one only once its runs show a habit: at least
// kProjectionMinRuns runs whose dates span at least kProjectionMinSpanDays (4 weeks). The rate is
// also divided by at least that span, so a burst of early runs cannot project a wildly early date.
inline constexpr int kProjectionWindowDays = 56;
inline constexpr int kProjectionMinSpanDays = 28;
inline constexpr int kProjectionMinRuns = 5;

struct ShoeSummary {
  Id id = 0;
  double distance_m = 0;  // start distance + every logged run on the shoe
  int runs = 0;
  ShoeStatus status = ShoeStatus::Ok;
  double life_used = 0;  // distance / replace_at_m; not clamped (1.2 = 20% past), the bar clamps
  std::optional<Date> projected_replace_date;  // an estimate at the recent pace; see kProjectionMinRuns
  bool wear_flagged = false;  // any wear-checklist sign ticked
  std::optional<Date> first_run, last_run;  // the dates of its first and last logged run
};

bool AnyWearSign(const ShoeWear& wear);

// About 50 miles. Discomfort still counts as a wear sign on any pair (the article's checklist), but
// on a pair this new it more often means the fit or the lacing than worn cushioning.
inline constexpr double kNewPairDistanceM = 80'000;
bool DiscomfortMayBeFit(const Shoe& shoe, double distance_m);

// Warn/replace distances for new pairs in round numbers of the runner's unit: 300/500 mi, and
// 500/800 km (the article's 480-800 km) instead of 483/805. Only the other unit's untouched
// defaults are swapped, so a runner's own thresholds survive a change of units.
inline constexpr double kDefaultWarnAtKmM = 500'000;
inline constexpr double kDefaultReplaceAtKmM = 800'000;
void RoundShoeDefaultsForUnits(Settings& settings);

// API.md order: retired wins; then replace (at/past replace_at_m or any wear sign); then warn
// (at/past warn_at_m); else ok.
ShoeStatus StatusFor(const Shoe& shoe, double distance_m);

// Whether a run on `date` could have been in `shoe` (API.md): bought (purchase_date) on or before
// that day, and not retired before it - up to its retired_on day, or, for a pair retired before
// that day was kept, up to the day of its last logged run.
bool ShoeAvailableOn(const Model& model, const Shoe& shoe, Date date);
// The pair a run on `date` goes on when the runner names none: of the pairs available then, the
// default pair, else the one bought most recently (a pair without a purchase date counts as the
// oldest); nullopt when none was available.
std::optional<Id> DefaultShoeOn(const Model& model, Date date);

// Every run of the shoe with `shoe_id`, read or not: how many, how far, first and last date.
struct ShoeRunTotals {
  int runs = 0;
  double distance_m = 0;
  std::optional<Date> first, last;
};
ShoeRunTotals TotalsForShoe(const Model& model, Id shoe_id, double start_m = 0);  // distance_m starts at start_m

ShoeSummary SummarizeShoe(const Model& model, const Shoe& shoe, Date today);
// One summary per shoe, in model order.
std::vector<ShoeSummary> SummarizeShoes(const Model& model, Date today);

}  // namespace sw
