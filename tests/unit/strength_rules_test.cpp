#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/model/dates.hpp"
#include "core/actions/state_json.hpp"
#include "core/rules/strength_rules.hpp"

using namespace sw;
using namespace std::chrono;

namespace {

void AddSession(Model& model, const char* date, std::vector<StrengthExercise> exercises = {StrengthExercise::Plank}) {
  model.strength.push_back({model.next_id++, *ParseDate(date), std::move(exercises)});
}

// Sat 21, Sun 22, Mon 23, Wed 25 November 2026.
Model FourSessions() {
  Model model;
  AddSession(model, "2026-11-21", {StrengthExercise::Bridge});
  AddSession(model, "2026-11-22", {StrengthExercise::Plank});
  AddSession(model, "2026-11-23", {StrengthExercise::Plank, StrengthExercise::SingleLegSquat});
  AddSession(model, "2026-11-25", {StrengthExercise::Plank});
  return model;
}

}  // namespace

TEST_CASE("weeks starting Monday: the Sunday belongs to the week before", "[strength]") {
  Model model = FourSessions();
  REQUIRE(weekday{sys_days{*ParseDate("2026-11-23")}} == Monday);
  StrengthSummary summary = SummarizeStrength(model, *ParseDate("2026-11-25"));
  CHECK(summary.week_start == *ParseDate("2026-11-23"));
  CHECK(summary.sessions_this_week == 2);
  CHECK(summary.target_per_week == 2);
  CHECK(summary.target_met);
  REQUIRE(summary.weeks.size() == kStrengthHistoryWeeks);
  CHECK(summary.weeks.back().week_start == summary.week_start);
  CHECK(summary.weeks[kStrengthHistoryWeeks - 2].sessions == 2);  // Sat 21 + Sun 22
  CHECK(summary.exercises_this_week ==
        std::vector<StrengthExercise>{StrengthExercise::Plank, StrengthExercise::SingleLegSquat});

  // On the Sunday itself, this week is 16-22 November.
  summary = SummarizeStrength(model, *ParseDate("2026-11-22"));
  CHECK(summary.week_start == *ParseDate("2026-11-16"));
  CHECK(summary.sessions_this_week == 2);
  CHECK(summary.exercises_this_week ==
        std::vector<StrengthExercise>{StrengthExercise::Bridge, StrengthExercise::Plank});
}

TEST_CASE("weeks starting Sunday: the Sunday opens the new week", "[strength]") {
  Model model = FourSessions();
  model.settings.week_start = Sunday;
  model.settings.strength_target_per_week = 4;
  StrengthSummary summary = SummarizeStrength(model, *ParseDate("2026-11-25"));
  CHECK(summary.week_start == *ParseDate("2026-11-22"));
  CHECK(summary.sessions_this_week == 3);
  CHECK(summary.target_per_week == 4);
  CHECK_FALSE(summary.target_met);
  CHECK(summary.weeks[kStrengthHistoryWeeks - 2].sessions == 1);  // Sat 21 only

  // On Saturday the 21st the week is 15-21; the 22nd onwards is next week.
  summary = SummarizeStrength(model, *ParseDate("2026-11-21"));
  CHECK(summary.week_start == *ParseDate("2026-11-15"));
  CHECK(summary.sessions_this_week == 1);
}

TEST_CASE("history covers 8 weeks; two sessions on one day count as two", "[strength]") {
  Model model;
  AddSession(model, "2026-10-04");  // Sunday, 8 weeks back with Monday weeks: not shown
  AddSession(model, "2026-10-05");  // Monday opening the oldest week shown
  AddSession(model, "2026-11-24");
  AddSession(model, "2026-11-24");
  StrengthSummary summary = SummarizeStrength(model, *ParseDate("2026-11-25"));
  CHECK(summary.weeks.front().week_start == *ParseDate("2026-10-05"));
  CHECK(summary.weeks.front().sessions == 1);
  CHECK(summary.sessions_this_week == 2);
  int total = 0;
  for (const StrengthWeek& week : summary.weeks) total += week.sessions;
  CHECK(total == 3);
}

TEST_CASE("a zero target is never 'met'", "[strength]") {
  Model model = FourSessions();
  model.settings.strength_target_per_week = 0;
  CHECK_FALSE(SummarizeStrength(model, *ParseDate("2026-11-25")).target_met);
}

TEST_CASE("state() carries pain and strength", "[strength][pain]") {
  AppState state;
  state.model = FourSessions();
  ActionContext context;
  context.today = *ParseDate("2026-11-25");
  PainEntry pain;
  pain.id = 99;
  pain.date = context.today;
  pain.area = PainArea::Knee;
  pain.side = BodySide::Left;
  pain.severity = 3;
  pain.changes_gait = true;
  state.model.pain.push_back(pain);
  nlohmann::json json = StateToJson(state, context);
  CHECK(json["strength"]["sessions_this_week"] == 2);
  CHECK(json["strength"]["target_per_week"] == 2);
  CHECK(json["strength"]["exercises_this_week"] == nlohmann::json::array({"plank", "single_leg_squat"}));
  CHECK(json["pain"]["see_doctor"] == true);
  CHECK(json["pain"]["reasons"] == nlohmann::json::array({"Your left knee pain is changing the way you run."}));
  CHECK(json["pain"]["episodes"][0]["area"] == "knee");
  CHECK(json["pain"]["episodes"][0]["side"] == "left");
  CHECK(json["warmup"]["recent_runs"] == 0);

  state.model.pain.clear();
  json = StateToJson(state, context);
  CHECK(json["pain"]["see_doctor"] == false);
  CHECK(json["pain"]["reasons"] == nlohmann::json::array());
}
