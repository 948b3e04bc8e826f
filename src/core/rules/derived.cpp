#include "core/rules/derived.hpp"

#include "core/model/dates.hpp"
#include "core/storage/backup.hpp"

namespace sw {

const ShoeSummary* Derived::ShoeFor(Id id) const {
  for (const ShoeSummary& summary : shoes)
    if (summary.id == id) return &summary;
  return nullptr;
}

// Each member is built in place (no default-made member assigned afterwards): a move-assignment
// per member type is code in the app's download for nothing.
Derived Derive(const Model& model, Date today) {
  std::vector<CadenceRecord> cadence_history = CadenceHistory(model);
  std::vector<CadenceMonth> cadence_trend = CadenceTrend(cadence_history, today);
  std::optional<PersonalTarget> personal_target = ComputePersonalTarget(cadence_history);
  Derived out{.today = today,
              .shoes = SummarizeShoes(model, today),
              .load = SummarizeLoad(model, today),
              .history = SummarizeHistory(model),
              .strength = SummarizeStrength(model, today),
              .warmup = WarmupStats(model, today),
              .pain = EvaluatePain(model, today),
              .pain_contexts = {},
              .cadence_history = std::move(cadence_history),
              .cadence_trend = std::move(cadence_trend),
              .personal_target = personal_target,
              .backup_reminder_days = BackupReminderDays(model, today)};
  out.pain_contexts.reserve(out.pain.episodes.size());
  for (const PainEpisode& episode : out.pain.episodes) out.pain_contexts.push_back(PainContextFor(model, episode.last_date));
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
    derived_.emplace(Derive(state.model, today));  // (a move-assignment would be more code)
    revision_ = state.model_revision;
    ++computations_;
  }
  return *derived_;
}

}  // namespace sw
