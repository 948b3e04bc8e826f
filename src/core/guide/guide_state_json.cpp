#include "core/guide/guide_state_json.hpp"

#include "core/model/dates.hpp"
#include "core/guide/guide_content.hpp"
#include "core/model/model_json.hpp"
#include "core/rules/pain_rules.hpp"
#include "core/rules/routines.hpp"
#include "core/rules/strength_rules.hpp"

namespace sw {

nlohmann::json PainStateJson(const PainAdvice& advice) {
  nlohmann::json episodes = nlohmann::json::array();
  for (const PainEpisode& e : advice.episodes)
    episodes.push_back({{"area", PainAreaId(e.area)},
                        {"side", BodySideId(e.side)},
                        {"first_date", FormatDate(e.first_date)},
                        {"last_date", FormatDate(e.last_date)},
                        {"days", e.days},
                        {"entries", e.entries},
                        {"severity", e.latest_severity},
                        {"max_severity", e.max_severity},
                        {"worse_with_activity", e.worse_with_activity},
                        {"changes_gait", e.changes_gait},
                        {"current", e.current},
                        {"resolved", e.resolved},
                        {"see_doctor", e.see_doctor}});
  return {{"see_doctor", advice.see_doctor},
          {"reasons", advice.reasons},
          {"not_a_diagnosis", kNotADiagnosis},
          {"episodes", episodes}};
}

nlohmann::json StrengthStateJson(const StrengthSummary& summary) {
  nlohmann::json exercises = nlohmann::json::array();
  for (StrengthExercise exercise : summary.exercises_this_week) exercises.push_back(StrengthStepFor(exercise).id);
  nlohmann::json weeks = nlohmann::json::array();
  for (const StrengthWeek& week : summary.weeks)
    weeks.push_back({{"week_start", FormatDate(week.week_start)}, {"sessions", week.sessions}});
  return {{"sessions_this_week", summary.sessions_this_week},
          {"target_per_week", summary.target_per_week},
          {"target_met", summary.target_met},
          {"week_start", FormatDate(summary.week_start)},
          {"exercises_this_week", exercises},
          {"weeks", weeks}};
}

nlohmann::json WarmupStateJson(const WarmupSummary& summary) {
  return {{"recent_runs", summary.runs},
          {"with_both", summary.with_both},
          {"with_warmup", summary.with_warmup},
          {"with_cooldown", summary.with_cooldown}};
}

}  // namespace sw
