#pragma once
// Hip and core work against the weekly target (the article's "weak hips and core" mistake).
// Weeks are calendar weeks starting on settings.week_start, like the weekly load (API.md).
#include <vector>

#include "core/model/model.hpp"

namespace sw {

inline constexpr int kStrengthHistoryWeeks = 8;

struct StrengthWeek {
  Date week_start;
  int sessions = 0;
};

struct StrengthSummary {
  Date week_start;                 // first day of the current week
  int sessions_this_week = 0;      // logged sessions dated in the current calendar week
  int target_per_week = 0;         // settings.strength_target_per_week
  bool target_met = false;         // sessions_this_week >= target (and the target is above 0)
  // Each exercise done at least once this week, in enum order (bridge, plank, single-leg squat).
  std::vector<StrengthExercise> exercises_this_week;
  // The last kStrengthHistoryWeeks calendar weeks, oldest first; the last one is this week.
  std::vector<StrengthWeek> weeks;
};

// Counts logged sessions (two logged on one day count as two: each is a separate log_strength).
// Sessions dated later this week still count for this week; later weeks are ignored.
StrengthSummary SummarizeStrength(const Model& model, Date today);

}  // namespace sw
