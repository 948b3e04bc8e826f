#include "core/rules/derived.hpp"

#include "core/model/dates.hpp"
#include "core/storage/backup.hpp"

namespace sw {

const ShoeSummary* Derived::ShoeFor(Id id) const {
  for (const ShoeSummary& summary : shoes)
    if (summary.id == id) return &summary;
  return nullptr;
}

Derived::Derived(const Model& model, Date today)
    : today(today),
      shoes(SummarizeShoes(model, today)),
      load(SummarizeLoad(model, today)),
      history(SummarizeHistory(model)),
      strength(SummarizeStrength(model, today)),
      warmup(WarmupStats(model, today)),
      pain(EvaluatePain(model, today)),
      cadence_history(CadenceHistory(model)),
      cadence_trend(CadenceTrend(cadence_history, today)),
      personal_target(ComputePersonalTarget(cadence_history)),
      backup_reminder_days(BackupReminderDays(model, today)) {
  pain_contexts.reserve(pain.episodes.size());
  for (const PainEpisode& episode : pain.episodes) pain_contexts.push_back(PainContextFor(model, episode.last_date));
}

// Every window is counted back from today: this week's start is at most 6 days back.
constexpr int kFirstScreenDays = 7 * kLoadChartWeeks + 6;
static_assert(kFirstScreenDays >= kProjectionWindowDays && kFirstScreenDays >= 30 + 7,
              "the projection's weeks and the 30-day windows (a spike looks 30 days before each run of the week)");

FirstRead FirstScreenNeeds(Date today) {
  return FirstRead{.today = today, .from = AddDays(today, -kFirstScreenDays), .recent_runs = kWarmupRecentRuns};
}

const Derived& DerivedCache::For(const AppState& state, Date today) {
  if (!derived_ || revision_ != state.model_revision || derived_->today != today) {
    derived_.emplace(state.model, today);
    revision_ = state.model_revision;
    ++computations_;
  }
  return *derived_;
}

}  // namespace sw
