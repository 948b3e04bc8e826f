#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/cadence/cadence_target.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

namespace {

ActionContext On(const char* date = "2026-03-10") {
  ActionContext context;
  context.today = D(date);
  return context;
}

json Session() {
  return {{"type", "add_cadence_session"}, {"date", "2026-03-10"}, {"duration_s", 95.5}, {"mean_spm", 172.4},
          {"time_in_band_s", 60}, {"low_spm", 170}, {"high_spm", 180},
          {"series_spm", json::array({0, 0, 168.5, 171, 174})}};
}

std::string ErrorOf(AppState& state, json action) {
  ActionResult result = Apply(state, action, On());
  CHECK_FALSE(result.ok);
  return result.error;
}

}  // namespace

TEST_CASE("add_cadence_session stores the session and returns its id", "[cadence-session]") {
  AppState state;
  state.model.next_id = 7;
  ActionResult result = Apply(state, Session(), On());
  REQUIRE(result.ok);
  CHECK(result.id == 7);
  CHECK(state.model.next_id == 8);
  REQUIRE(state.model.cadence_sessions.size() == 1);
  const CadenceSession& s = state.model.cadence_sessions[0];
  CHECK(s.date == D("2026-03-10"));
  CHECK(s.duration_s == 95.5);
  CHECK(s.mean_spm == Approx(172.4));
  CHECK(s.time_in_band_s == 60);
  CHECK(s.series_spm.size() == 5);
  CHECK(s.series_spm[4] == 174.0f);
  CHECK(state.model_revision == 1);
}

TEST_CASE("add_cadence_session takes the current band when none is given", "[cadence-session]") {
  AppState state;
  state.model.settings.cadence_low_spm = 160;
  state.model.settings.cadence_high_spm = 168;
  json action = Session();
  action.erase("low_spm");
  action.erase("high_spm");
  action.erase("series_spm");
  REQUIRE(Apply(state, action, On()).ok);
  CHECK(state.model.cadence_sessions[0].low_spm == 160);
  CHECK(state.model.cadence_sessions[0].high_spm == 168);
  CHECK(state.model.cadence_sessions[0].series_spm.empty());
}

TEST_CASE("add_cadence_session rejects bad input and changes nothing", "[cadence-session]") {
  AppState state;
  auto with = [](const char* key, json value) {
    json action = Session();
    action[key] = std::move(value);
    return action;
  };
  CHECK_THAT(ErrorOf(state, with("date", "2026-02-30")), Catch::Contains("date"));
  CHECK_THAT(ErrorOf(state, with("date", "2026-03-20")), Catch::Contains("date"));  // future
  CHECK_THAT(ErrorOf(state, with("duration_s", 0)), Catch::Contains("duration_s"));
  CHECK_THAT(ErrorOf(state, with("duration_s", 12 * 3600 + 1)), Catch::Contains("duration_s"));
  CHECK_THAT(ErrorOf(state, with("duration_s", "long")), Catch::Contains("duration_s"));
  CHECK_THAT(ErrorOf(state, with("mean_spm", -1)), Catch::Contains("mean_spm"));
  CHECK_THAT(ErrorOf(state, with("mean_spm", 1001)), Catch::Contains("mean_spm"));
  CHECK_THAT(ErrorOf(state, with("time_in_band_s", 500)), Catch::Contains("time_in_band_s"));
  CHECK_THAT(ErrorOf(state, with("low_spm", 190)), Catch::Contains("low_spm"));
  CHECK_THAT(ErrorOf(state, with("series_spm", json::array({170, -5}))), Catch::Contains("series_spm"));
  CHECK_THAT(ErrorOf(state, with("series_spm", json::array({170, "x"}))), Catch::Contains("series_spm"));
  CHECK_THAT(ErrorOf(state, with("series_spm", json(std::vector<int>(43201, 170)))), Catch::Contains("43200"));
  json missing = Session();
  missing.erase("mean_spm");
  CHECK_THAT(ErrorOf(state, missing), Catch::Contains("mean_spm"));
  CHECK(state.model.cadence_sessions.empty());
  CHECK(state.model.next_id == 1);
  CHECK(state.model_revision == 0);
}

TEST_CASE("add_cadence_session accepts a full 12-hour series", "[cadence-session]") {
  AppState state;
  json action = Session();
  action["duration_s"] = 43200;
  action["time_in_band_s"] = 0;
  action["series_spm"] = json(std::vector<int>(43200, 0));
  CHECK(Apply(state, action, On()).ok);
}

TEST_CASE("a personal target comes only from sessions averaging a running cadence", "[cadence][target]") {
  Model model;
  auto add = [&](Id id, const char* date, double mean_spm) {
    CadenceSession session;
    session.id = id;
    session.date = D(date);
    session.mean_spm = mean_spm;
    model.cadence_sessions.push_back(session);
  };
  // The case: one tap-along session averaging 49 gave "Your personal target: 51-53".
  add(1, "2026-03-01", 49);
  CHECK_FALSE(ComputePersonalTarget(model));
  add(2, "2026-03-02", 129.9);  // a brisk walk: not a run
  add(3, "2026-03-03", 220.1);  // faster than any runner: a mis-measure
  CHECK_FALSE(ComputePersonalTarget(model));

  add(4, "2026-03-04", 160);
  add(5, "2026-03-05", 90);
  add(6, "2026-03-06", 170);
  add(7, "2026-03-07", 180);
  add(8, "2026-03-08", 0);
  std::optional<PersonalTarget> target = ComputePersonalTarget(model);
  REQUIRE(target);
  // The newest three plausible sessions: 180, 170 and 160 (90 and 0 skipped).
  CHECK(target->baseline_spm == Approx(170));
  CHECK(target->low_spm == 179);   // 170 x 1.05 = 178.5
  CHECK(target->high_spm == 187);  // 170 x 1.10
  CHECK(target->session_ids == std::vector<Id>{7, 6, 4});
  REQUIRE(target->session_dates.size() == 3);
  CHECK(target->session_dates.back() == D("2026-03-04"));

  // The bounds themselves are plausible.
  CHECK(IsPlausibleRunCadence(kPlausibleRunLowSpm));
  CHECK(IsPlausibleRunCadence(kPlausibleRunHighSpm));
}
