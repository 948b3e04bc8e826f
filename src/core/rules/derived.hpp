#pragma once
// Everything the screens and the page API's state() derive from the model and today: shoe wear,
// weekly load, hip and core progress, warm-up habits, pain advice, the personal cadence target
// and the backup reminder. Computed once per (model_revision, today) by DerivedCache instead of
// per widget per frame; every value depends on the model and today only (nothing here reads the
// clock, the UI or a setting outside the model).
#include <optional>
#include <vector>

#include "core/cadence/cadence_target.hpp"
#include "core/model/state.hpp"
#include "core/rules/history_rules.hpp"
#include "core/rules/load_rules.hpp"
#include "core/rules/pain_rules.hpp"
#include "core/rules/routines.hpp"
#include "core/rules/shoe_rules.hpp"
#include "core/rules/strength_rules.hpp"
#include "core/storage/storage_codec.hpp"

namespace sw {

struct Derived {
  // Every summary, computed now, each member built in place: no default-made member is assigned
  // afterwards, and DerivedCache constructs it where it keeps it (a move of all of it, or an
  // assignment per member type, is code in the app's download for nothing).
  Derived(const Model& model, Date today);

  Date today;
  std::vector<ShoeSummary> shoes;  // SummarizeShoes: one per shoe, in model order
  LoadSummary load;                // SummarizeLoad
  HistorySummary history;          // SummarizeHistory: every run by month and year
  StrengthSummary strength;        // SummarizeStrength
  WarmupSummary warmup;            // WarmupStats
  PainAdvice pain;                 // EvaluatePain
  // PainContextFor(model, episode.last_date) for each of pain.episodes, index for index.
  std::vector<PainContext> pain_contexts;
  std::vector<CadenceRecord> cadence_history;     // CadenceHistory
  std::vector<CadenceMonth> cadence_trend;        // CadenceTrend(cadence_history, today): 12 months
  std::optional<PersonalTarget> personal_target;  // ComputePersonalTarget(cadence_history)
  std::optional<int> backup_reminder_days;        // BackupReminderDays

  // The summary of the shoe with `id`; nullptr for an unknown id.
  const ShoeSummary* ShoeFor(Id id) const;
};

// Every summary, computed now.
inline Derived Derive(const Model& model, Date today) { return Derived(model, today); }

// The runs Home's summaries read on `today` (storage's first read decodes these years first and
// the others after the first frame; their digests stand in for them meanwhile): the days of the
// weekly chart, the shoes' 8-week projection and the 30-day windows, and the warm-up card's last
// runs. Everything else Home shows from runs (pair totals, the first run, the backup reminder,
// a streak) the digests give exactly.
FirstRead FirstScreenNeeds(Date today);

// Derive() memoised per (state.model_revision, today): For() recomputes only when either changed
// since the last call (model_revision is bumped by every accepted model change and by loads).
// The reference stays valid until the next For() call that recomputes.
class DerivedCache {
 public:
  const Derived& For(const AppState& state, Date today);
  // How many times For() has computed (tests).
  unsigned long long computations() const { return computations_; }
  // The next For() recomputes whatever the revision.
  void Invalidate() { derived_.reset(); }

 private:
  std::optional<Derived> derived_;
  unsigned long long revision_ = 0;
  unsigned long long computations_ = 0;
};

}  // namespace sw
