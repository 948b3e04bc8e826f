#pragma once
// The article's habits as data: the warm-up before a run, the cool-down after it, the hip and
// core routine, and when to suggest a rest day. Screens show these; nothing here knows the UI.
#include <optional>
#include <span>
#include <string_view>

#include "core/model/model.hpp"

namespace sw {

struct RoutineStep {
  std::string_view id;        // stable machine name: "leg_swings", "easy_jog", ...
  std::string_view name;      // "Leg swings"
  std::string_view how_to;    // one line
  int seconds = 0;            // suggested duration
  std::string_view duration;  // the same, for people: "1 min"
};

struct StrengthStep {
  StrengthExercise exercise;
  std::string_view id;  // the log_strength name: "bridge", "plank", "single_leg_squat"
  std::string_view name;
  std::string_view how_to;
  int sets = 0;
  int reps = 0;         // per set (per leg for single-leg work); 0 for holds
  int hold_seconds = 0; // for holds (the plank timer); 0 for reps
  bool per_leg = false;
  std::string_view dose;  // "2-3 sets of 12", "3 x 30 s hold"
};

std::span<const RoutineStep> WarmupSteps();    // before: leg swings, walking lunges, hip circles
std::span<const RoutineStep> CooldownSteps();  // after: easy jog, stretching
std::span<const StrengthStep> StrengthRoutine();  // bridges, planks, single-leg squats
const StrengthStep& StrengthStepFor(StrengthExercise exercise);
const StrengthStep* FindStrengthStep(std::string_view id);  // nullptr for an unknown name

inline constexpr int kWarmupRecentRuns = 10;

// How many of the recent runs (on or before today, newest kWarmupRecentRuns) had both habits.
struct WarmupSummary {
  int runs = 0;  // runs considered, at most kWarmupRecentRuns
  int with_both = 0;
  int with_warmup = 0;
  int with_cooldown = 0;
};

WarmupSummary WarmupStats(const Model& model, Date today);

// The FAQ's "should I run every day?" answer, shown once a streak reaches kRestDayStreak days.
inline constexpr int kRestDayStreak = 5;
std::optional<std::string_view> RestDayAdvice(int consecutive_run_days);

}  // namespace sw
