#include "core/rules/routines.hpp"
#include "core/model/sort_by_key.hpp"

#include <algorithm>
#include <vector>

namespace sw {
namespace {

// Durations are starting points, not prescriptions: the warm-up adds up to 5 minutes (the guide
// says 5-10), the cool-down to 10.
constexpr RoutineStep kWarmup[] = {
    {"leg_swings", "Leg swings",
     "Hold a wall, swing one leg forward and back, then side to side; 10 each way, then switch.", 120,
     "2 min"},
    {"walking_lunges", "Walking lunges",
     "Long steps forward, lowering the back knee toward the ground; keep the chest up.", 120, "2 min"},
    {"hip_circles", "Hip circles",
     "Hands on hips, draw slow wide circles, 10 one way and 10 the other.", 60, "1 min"},
};

constexpr RoutineStep kCooldown[] = {
    {"easy_jog", "Easy jog", "Slow right down to a relaxed jog or brisk walk until your breathing settles.",
     300, "5 min"},
    {"stretching", "Stretching",
     "Calves, hamstrings, quads and hip flexors while still warm; hold each about 30 s, no bouncing.", 300,
     "5 min"},
};

constexpr StrengthStep kStrength[] = {
    {StrengthExercise::Bridge, "bridge", "Bridges",
     "On your back, knees bent, feet flat: squeeze your glutes and lift the hips until knees, hips and "
     "shoulders line up. Pause, lower slowly.",
     3, 12, 0, false, "3 sets of 12"},
    {StrengthExercise::Plank, "plank", "Planks",
     "On forearms and toes, body in one straight line from head to heels; brace the stomach and keep "
     "breathing. Stop when the hips sag.",
     3, 0, 30, false, "3 holds of 30 s"},
    {StrengthExercise::SingleLegSquat, "single_leg_squat", "Single-leg squats",
     "Stand on one leg and bend it slowly as if to sit, knee tracking over the middle toes, then stand "
     "up. Hold a wall for balance at first.",
     2, 8, 0, true, "2 sets of 8 each leg"},
};

constexpr std::string_view kRestDayText =
    "That is several days of running in a row. Most runners get more from a rest or cross-training "
    "day now and then: it gives the body time to recover and the supporting muscles time to get "
    "stronger.";

}  // namespace

std::span<const RoutineStep> WarmupSteps() { return kWarmup; }
std::span<const RoutineStep> CooldownSteps() { return kCooldown; }
std::span<const StrengthStep> StrengthRoutine() { return kStrength; }

const StrengthStep& StrengthStepFor(StrengthExercise exercise) {
  for (const StrengthStep& step : kStrength)
    if (step.exercise == exercise) return step;
  return kStrength[0];
}

const StrengthStep* FindStrengthStep(std::string_view id) {
  for (const StrengthStep& step : kStrength)
    if (step.id == id) return &step;
  return nullptr;
}

WarmupSummary WarmupStats(const Model& model, Date today) {
  std::vector<const Run*> runs;
  for (const Run& run : model.runs)
    if (std::chrono::sys_days{run.date} <= std::chrono::sys_days{today}) runs.push_back(&run);
  // Newest first; on one day the later-logged run (higher id) counts as newer.
  SortByDate(runs, DateOrder::NewestFirst);
  if (runs.size() > std::size_t(kWarmupRecentRuns)) runs.resize(kWarmupRecentRuns);
  WarmupSummary summary;
  for (const Run* run : runs) {
    summary.runs += 1;
    summary.with_warmup += run->warmup;
    summary.with_cooldown += run->cooldown;
    summary.with_both += run->warmup && run->cooldown;
  }
  return summary;
}

std::optional<std::string_view> RestDayAdvice(int consecutive_run_days) {
  if (consecutive_run_days < kRestDayStreak) return std::nullopt;
  return kRestDayText;
}

}  // namespace sw
