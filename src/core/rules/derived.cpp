#include "core/rules/derived.hpp"

#include "core/model/dates.hpp"
#include "core/storage/backup.hpp"

namespace sw {

const ShoeSummary* Derived::ShoeFor(Id id) const {
  for (const ShoeSummary& summary : shoes)
    if (summary.id == id) return &summary;
  return nullptr;
}

Derived Derive(const Model& model, Date today) {
  Derived out;
  out.today = today;
  out.shoes = SummarizeShoes(model, today);
  out.load = SummarizeLoad(model, today);
  out.history = SummarizeHistory(model);
  out.strength = SummarizeStrength(model, today);
  out.warmup = WarmupStats(model, today);
  out.pain = EvaluatePain(model, today);
  out.pain_contexts.reserve(out.pain.episodes.size());
  for (const PainEpisode& episode : out.pain.episodes) out.pain_contexts.push_back(PainContextFor(model, episode.last_date));
  out.cadence_history = CadenceHistory(model);
  out.cadence_trend = CadenceTrend(out.cadence_history, today);
  out.personal_target = ComputePersonalTarget(out.cadence_history);
  out.backup_reminder_days = BackupReminderDays(model, today);
  return out;
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
    derived_ = Derive(state.model, today);
    revision_ = state.model_revision;
    ++computations_;
  }
  return *derived_;
}

}  // namespace sw
