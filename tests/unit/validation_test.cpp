#include <catch2/catch.hpp>

#include <limits>

#include "core/actions/actions.hpp"
#include "core/model/model_json.hpp"
#include "core/model/validation.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

namespace {

struct BadInput {
  json action;
  const char* error;
};

// A state with a shoe (1, default), a retired shoe (2), a run (3), pain (4) and strength (5).
AppState StateWithData(const ActionContext& context) {
  AppState state;
  for (const json& action : {json{{"type", "add_shoe"}, {"name", "Daily"}}, json{{"type", "add_shoe"}, {"name", "Old"}},
                             json{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}},
                             json{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "left"},
                                  {"severity", 2}},
                             json{{"type", "log_strength"}, {"date", "2026-03-01"}, {"exercises", {"plank"}}},
                             json{{"type", "retire_shoe"}, {"id", 2}}})
    REQUIRE(Apply(state, action, context).ok);
  return state;
}

}  // namespace

TEST_CASE("validation table: each bad input gets its message and changes nothing", "[validation]") {
  ActionContext context;
  context.today = D("2026-03-10");
  const std::string long_name(61, 'x');
  const std::string max_name(60, 'x');
  const std::vector<BadInput> table = {
      {{{"type", "teleport"}}, "Unknown action type \"teleport\"."},
      // add_run
      {{{"type", "add_run"}, {"distance_m", 5000}}, "add_run needs \"date\"."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}}, "add_run needs \"distance_m\"."},
      {{{"type", "add_run"}, {"date", "2026-3-1"}, {"distance_m", 5000}},
       "add_run: \"date\" must be a date as YYYY-MM-DD (a real calendar day)."},
      {{{"type", "add_run"}, {"date", "2026-02-29"}, {"distance_m", 5000}},
       "add_run: \"date\" must be a date as YYYY-MM-DD (a real calendar day)."},
      {{{"type", "add_run"}, {"date", 20260301}, {"distance_m", 5000}},
       "add_run: \"date\" must be a date as YYYY-MM-DD (a real calendar day)."},
      {{{"type", "add_run"}, {"date", "2026-03-12"}, {"distance_m", 5000}},
       "add_run: \"date\" must not be more than 1 day after today (2026-03-10)."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 0}},
       "add_run: \"distance_m\" must be at least 10 m (0.01 km) and at most 300 km (300000 m)."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", -1}},
       "add_run: \"distance_m\" must be at least 10 m (0.01 km) and at most 300 km (300000 m)."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 300000.01}},
       "add_run: \"distance_m\" must be at least 10 m (0.01 km) and at most 300 km (300000 m)."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", "5k"}},
       "add_run: \"distance_m\" must be a number."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", std::numeric_limits<double>::infinity()}},
       "add_run: \"distance_m\" must be a finite number."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"duration_s", 0}},
       "add_run: \"duration_s\" must be more than 0 and less than 48 hours (172800 s)."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"duration_s", 172800}},
       "add_run: \"duration_s\" must be more than 0 and less than 48 hours (172800 s)."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"shoe_id", 99}},
       "add_run: no shoe has id 99."},
      // Retired today (2026-03-10): a run after that day may not go on it (one before may).
      {{{"type", "add_run"}, {"date", "2026-03-11"}, {"distance_m", 5000}, {"shoe_id", 2}},
       "add_run: shoe 2 (Old) is retired; reactivate it or pick another shoe."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"shoe_id", "1"}},
       "add_run: \"shoe_id\" must be an id (a whole number from 1)."},
      {{{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"warmup", 1}},
       "add_run: \"warmup\" must be true or false."},
      // update_run / delete_run / restore_run
      {{{"type", "update_run"}, {"id", 42}, {"distance_m", 5000}}, "update_run: no run has id 42."},
      {{{"type", "update_run"}, {"id", 3}, {"distance_m", 400000}},
       "update_run: \"distance_m\" must be at least 10 m (0.01 km) and at most 300 km (300000 m)."},
      {{{"type", "update_run"}, {"id", 3}, {"date", "2026-03-11"}, {"shoe_id", 2}},
       "update_run: shoe 2 (Old) is retired; reactivate it or pick another shoe."},
      {{{"type", "delete_run"}}, "delete_run needs \"id\"."},
      {{{"type", "delete_run"}, {"id", 0}}, "delete_run: \"id\" must be an id (a whole number from 1)."},
      {{{"type", "delete_run"}, {"id", 4}}, "delete_run: no run has id 4."},
      {{{"type", "restore_run"}, {"run", {{"id", 3}, {"date", "2026-03-01"}, {"distance_m", 5000}}}},
       "restore_run: a run with id 3 already exists."},
      {{{"type", "restore_run"}, {"run", {{"id", 9}, {"date", "2026-03-01"}}}}, "restore_run.run needs \"distance_m\"."},
      {{{"type", "restore_run"}, {"run", "x"}}, "restore_run: \"run\" must be an object."},
      // shoes
      {{{"type", "add_shoe"}}, "add_shoe needs \"name\"."},
      {{{"type", "add_shoe"}, {"name", "   "}}, "add_shoe: \"name\" must not be empty."},
      {{{"type", "add_shoe"}, {"name", long_name}}, "add_shoe: \"name\" must be at most 60 characters (this one has 61)."},
      {{{"type", "add_shoe"}, {"name", "Bad\xC3"}}, "add_shoe: \"name\" must be valid UTF-8 text."},
      {{{"type", "add_shoe"}, {"name", "Over\xC0\xAFlong"}}, "add_shoe: \"name\" must be valid UTF-8 text."},
      {{{"type", "add_shoe"}, {"name", "Two\nlines"}},
       "add_shoe: \"name\" must not contain control characters such as line breaks or tabs."},
      {{{"type", "add_shoe"}, {"name", 7}}, "add_shoe: \"name\" must be text."},
      {{{"type", "add_shoe"}, {"name", "A"}, {"warn_at_m", 900000}},
       "add_shoe: \"warn_at_m\" must be less than the replace distance."},
      {{{"type", "add_shoe"}, {"name", "A"}, {"warn_at_m", 0}},
       "add_shoe: \"warn_at_m\" must be more than 0 and at most 20000 km (20000000 m)."},
      {{{"type", "add_shoe"}, {"name", "A"}, {"start_distance_m", -5}},
       "add_shoe: \"start_distance_m\" must be at least 0 and at most 20000 km (20000000 m)."},
      {{{"type", "add_shoe"}, {"name", "A"}, {"purchase_date", "2026-03-20"}},
       "add_shoe: \"purchase_date\" must not be more than 1 day after today (2026-03-10)."},
      {{{"type", "add_shoe"}, {"name", "A"}, {"is_default", "yes"}}, "add_shoe: \"is_default\" must be true or false."},
      {{{"type", "update_shoe"}, {"id", 9}, {"name", "B"}}, "update_shoe: no shoe has id 9."},
      {{{"type", "update_shoe"}, {"id", 2}, {"is_default", true}},
       "update_shoe: a retired shoe cannot be the default; reactivate it first."},
      {{{"type", "update_shoe"}, {"id", 1}, {"replace_at_m", 1000}},
       "update_shoe: \"warn_at_m\" must be less than the replace distance."},
      {{{"type", "retire_shoe"}, {"id", 77}}, "retire_shoe: no shoe has id 77."},
      {{{"type", "reactivate_shoe"}, {"id", 1.5}}, "reactivate_shoe: \"id\" must be an id (a whole number from 1)."},
      {{{"type", "set_shoe_wear"}, {"id", 1}, {"discomfort", "no"}}, "set_shoe_wear: \"discomfort\" must be true or false."},
      // log_pain / log_strength
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "left"}, {"severity", 11}},
       "log_pain: \"severity\" must be a whole number from 0 to 10."},
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "left"}, {"severity", -1}},
       "log_pain: \"severity\" must be a whole number from 0 to 10."},
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "left"}, {"severity", 2.5}},
       "log_pain: \"severity\" must be a whole number."},
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "left"}, {"severity", 1e300}},
       "log_pain: \"severity\" must be a whole number from 0 to 10."},
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "elbow"}, {"side", "left"}, {"severity", 2}},
       "log_pain: \"area\" must be one of foot, ankle, knee, hip, lower_back, other, shin, calf, achilles, "
       "hamstring, heel."},
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "middle"}, {"severity", 2}},
       "log_pain: \"side\" must be one of left, right, both, none."},
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "left"}},
       "log_pain needs \"severity\"."},
      {{{"type", "log_pain"}, {"date", "2026-03-01"}, {"area", "knee"}, {"side", "left"}, {"severity", 2},
        {"changes_gait", "maybe"}},
       "log_pain: \"changes_gait\" must be true or false."},
      {{{"type", "log_strength"}, {"date", "2026-03-01"}, {"exercises", json::array()}},
       "log_strength: \"exercises\" must list at least one of bridge, plank, single_leg_squat."},
      {{{"type", "log_strength"}, {"date", "2026-03-01"}, {"exercises", {"plank", "yoga"}}},
       "log_strength: \"exercises\" must be one of bridge, plank, single_leg_squat."},
      {{{"type", "log_strength"}, {"date", "2026-03-01"}, {"exercises", "plank"}},
       "log_strength: \"exercises\" must be a list."},
      {{{"type", "delete_pain"}, {"id", 5}}, "delete_pain: no pain entry has id 5."},
      {{{"type", "delete_strength"}, {"id", 4}}, "delete_strength: no strength session has id 4."},
      // settings
      {{{"type", "set_cadence_target"}, {"low_spm", 180}, {"high_spm", 180}},
       "set_cadence_target: \"low_spm\" must satisfy 100 <= low < high <= 250 steps per minute."},
      {{{"type", "set_cadence_target"}, {"low_spm", 90}, {"high_spm", 180}},
       "set_cadence_target: \"low_spm\" must satisfy 100 <= low < high <= 250 steps per minute."},
      {{{"type", "set_cadence_target"}, {"low_spm", 170}, {"high_spm", 251}},
       "set_cadence_target: \"low_spm\" must satisfy 100 <= low < high <= 250 steps per minute."},
      {{{"type", "set_cadence_target"}, {"low_spm", 170}}, "set_cadence_target needs \"high_spm\"."},
      {{{"type", "update_settings"}, {"weekly_increase_limit_pct", 0.5}},
       "update_settings: \"weekly_increase_limit_pct\" must be from 1 to 100 (%)."},
      {{{"type", "update_settings"}, {"weekly_increase_limit_pct", 101}},
       "update_settings: \"weekly_increase_limit_pct\" must be from 1 to 100 (%)."},
      {{{"type", "update_settings"}, {"strength_target_per_week", 15}},
       "update_settings: \"strength_target_per_week\" must be a whole number from 1 to 14 sessions a week."},
      {{{"type", "update_settings"}, {"strength_target_per_week", 0}},
       "update_settings: \"strength_target_per_week\" must be a whole number from 1 to 14 sessions a week."},
      {{{"type", "update_settings"}, {"theme", "sepia"}},
       "update_settings: \"theme\" must be one of system, light, dark."},
      {{{"type", "update_settings"}, {"text_size_pct", 79}},
       "update_settings: \"text_size_pct\" must be a whole number from 80 to 150 percent."},
      {{{"type", "update_settings"}, {"text_size_pct", 151}},
       "update_settings: \"text_size_pct\" must be a whole number from 80 to 150 percent."},
      {{{"type", "update_settings"}, {"text_size_pct", 110.5}},
       "update_settings: \"text_size_pct\" must be a whole number."},
      {{{"type", "update_settings"}, {"week_start", "funday"}},
       "update_settings: \"week_start\" must be one of sunday, monday, tuesday, wednesday, thursday, friday, "
       "saturday."},
      {{{"type", "update_settings"}, {"default_warn_at_m", 900000}},
       "update_settings: \"default_warn_at_m\" must be less than the replace distance."},
      {{{"type", "update_settings"}, {"units", "furlongs"}}, "update_settings: \"units\" must be one of mi, km."},
  };
  AppState state = StateWithData(context);
  const json before = ModelToJson(state.model);
  const auto revision = state.model_revision;
  for (const BadInput& row : table) {
    ActionResult result = Apply(state, row.action, context);
    INFO(row.action.dump(-1, ' ', false, json::error_handler_t::replace));
    CHECK_FALSE(result.ok);
    CHECK(result.error == row.error);
    CHECK(ModelToJson(state.model) == before);
    CHECK(state.model_revision == revision);
  }
  // The boundaries themselves are accepted.
  for (const json& good :
       {json{{"type", "add_run"}, {"date", "2026-03-11"}, {"distance_m", 300000}, {"duration_s", 172799.9},
            {"confirm", true}},
        json{{"type", "add_shoe"}, {"name", " " + max_name + " "}},
        json{{"type", "add_shoe"}, {"name", "\xE6\x97\xA5\xE6\x9C\xAC"}},  // 2 code points of 3 bytes each
        json{{"type", "set_cadence_target"}, {"low_spm", 100}, {"high_spm", 250}},
        json{{"type", "log_pain"}, {"date", "2026-03-10"}, {"area", "other"}, {"side", "none"}, {"severity", 10.0}},
        json{{"type", "update_settings"}, {"weekly_increase_limit_pct", 100}, {"strength_target_per_week", 14}}}) {
    ActionResult result = Apply(state, good, context);
    INFO(good.dump() << " -> " << result.error);
    CHECK(result.ok);
  }
}

TEST_CASE("a run must be at least 10 m: add_run and update_run refuse 4.9e-324", "[validation]") {
  ActionContext context;
  context.today = D("2026-03-10");
  AppState state = StateWithData(context);
  const json before = ModelToJson(state.model);
  const std::string message = "\"distance_m\" must be at least 10 m (0.01 km) and at most 300 km (300000 m).";
  for (double too_short : {4.9e-324, 1e-9, 9.99}) {
    INFO(too_short);
    CHECK(Apply(state, {{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", too_short}}, context).error ==
          "add_run: " + message);
    CHECK(Apply(state, {{"type", "update_run"}, {"id", 3}, {"distance_m", too_short}}, context).error ==
          "update_run: " + message);
    CHECK(ModelToJson(state.model) == before);
  }
  CHECK(Apply(state, {{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", kMinRunDistanceM}}, context).ok);
}

TEST_CASE("FindInvalidUtf8 gives the offset of the first bad byte", "[validation]") {
  CHECK_FALSE(FindInvalidUtf8("Caf\xC3\xA9"));
  CHECK(FindInvalidUtf8("Caf\xC3\xA9 \xFF") == std::optional<std::size_t>(6));
  CHECK(FindInvalidUtf8("ab\xE2\x82") == std::optional<std::size_t>(2));  // cut short at the end
  std::size_t count = 0;
  CHECK_FALSE(FindInvalidUtf8("Caf\xC3\xA9", &count));
  CHECK(count == 4);
}

TEST_CASE("text rules count code points and reject broken UTF-8", "[validation]") {
  std::size_t count = 0;
  CHECK(IsValidUtf8("Caf\xC3\xA9 \xF0\x9F\x8F\x83", &count));
  CHECK(count == 6);
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a UTF-16 surrogate
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(IsValidUtf8("\xE2\x82"));          // cut short
  std::string out;
  CHECK(CleanName("  Ghost  ", out).empty());
  CHECK(out == "Ghost");
  CHECK(CleanName("a\xC2\x85" "b", out) == "must not contain control characters such as line breaks or tabs");
  CHECK(CleanNote("line one\nline two", out).empty());
  CHECK(CleanNote("", out).empty());
  CHECK(JsonWholeNumber(json::parse("7.0")) == 7);
  CHECK_FALSE(JsonWholeNumber(json::parse("7.5")));
  // JSON text cannot carry them (nlohmann refuses 1e999), but a json built in C++ can.
  CHECK_FALSE(JsonFiniteNumber(json(-std::numeric_limits<double>::infinity())));
  CHECK_FALSE(JsonFiniteNumber(json(std::numeric_limits<double>::quiet_NaN())));
  CHECK(json::parse("1e999", nullptr, false).is_discarded());
  CHECK_FALSE(JsonWholeNumber(json::parse("18446744073709551615")));
}
