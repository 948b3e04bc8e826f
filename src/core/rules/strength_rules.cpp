#include "core/rules/strength_rules.hpp"

#include "core/model/dates.hpp"

namespace sw {

StrengthSummary SummarizeStrength(const Model& model, Date today) {
  StrengthSummary summary;
  summary.week_start = WeekStart(today, model.settings.week_start);
  summary.target_per_week = model.settings.strength_target_per_week;

  Date first_week = AddDays(summary.week_start, -7 * (kStrengthHistoryWeeks - 1));
  for (int week = 0; week < kStrengthHistoryWeeks; ++week) summary.weeks.push_back({AddDays(first_week, 7 * week), 0});

  bool done[3] = {false, false, false};
  for (const StrengthSession& session : model.strength) {
    int offset = DaysBetween(first_week, session.date);
    if (offset < 0 || offset >= 7 * kStrengthHistoryWeeks) continue;
    summary.weeks[offset / 7].sessions += 1;
    if (offset / 7 != kStrengthHistoryWeeks - 1) continue;
    for (StrengthExercise exercise : session.exercises) done[int(exercise)] = true;
  }
  summary.sessions_this_week = summary.weeks.back().sessions;
  summary.target_met = summary.target_per_week > 0 && summary.sessions_this_week >= summary.target_per_week;
  for (StrengthExercise exercise : {StrengthExercise::Bridge, StrengthExercise::Plank, StrengthExercise::SingleLegSquat})
    if (done[int(exercise)]) summary.exercises_this_week.push_back(exercise);
  return summary;
}

}  // namespace sw
