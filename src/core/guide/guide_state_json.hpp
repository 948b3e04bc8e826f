#pragma once
// The state() snapshot's "pain", "strength" and "warmup" parts (API.md), built from the rules in
// pain_rules / strength_rules / routines. StateToJson calls these with its Derived's summaries
// (core/rules/derived.hpp); nothing else is stored.
#include <nlohmann/json.hpp>

#include "core/rules/pain_rules.hpp"
#include "core/rules/routines.hpp"
#include "core/rules/strength_rules.hpp"

namespace sw {

// { see_doctor, reasons: [...], not_a_diagnosis, episodes: [{area, side, first_date, last_date,
//   days, entries, severity, max_severity, worse_with_activity, changes_gait, current, resolved,
//   see_doctor}] }
nlohmann::json PainStateJson(const PainAdvice& advice);
// { sessions_this_week, target_per_week, target_met, week_start, exercises_this_week: ["bridge"..],
//   weeks: [{week_start, sessions}] (8, oldest first) }
nlohmann::json StrengthStateJson(const StrengthSummary& summary);
// { recent_runs, with_both, with_warmup, with_cooldown } over the newest 10 runs up to today.
nlohmann::json WarmupStateJson(const WarmupSummary& summary);

}  // namespace sw
