// The run history (issue 14): month and year totals, a shoe's first and last run, move_runs, and
// the cadence sessions listed and deleted.
#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/actions/state_json.hpp"
#include "core/cadence/cadence_history.hpp"
#include "core/cadence/cadence_meter.hpp"
#include "core/rules/history_rules.hpp"
#include "core/rules/shoe_rules.hpp"
#include "core/model/model_json.hpp"
#include "core/model/validation.hpp"
#include "core/import/activity.hpp"
#include "import_test_files.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using sw::test::D;

namespace {

Run RunOn(Id id, const char* date, double distance_m, std::optional<double> duration_s = std::nullopt,
          std::optional<Id> shoe = std::nullopt) {
  Run run;
  run.id = id;
  run.date = D(date);
  run.distance_m = distance_m;
  run.duration_s = duration_s;
  run.shoe_id = shoe;
  return run;
}

Model TwoShoes() {
  Model m;
  Shoe a, b;
  a.id = 1;
  a.name = "Pegasus";
  b.id = 2;
  b.name = "Ghost";
  b.retired = true;
  m.shoes = {a, b};
  m.next_id = 100;
  return m;
}

ActionContext On(const char* date) {
  ActionContext context;
  context.today = D(date);
  return context;
}

}  // namespace

TEST_CASE("history: runs by calendar month and year, newest first, leap days in their February",
          "[history]") {
  Model m = TwoShoes();
  m.runs = {RunOn(10, "2024-02-29", 5000, 1500, 1),   // a leap day: February 2024
            RunOn(11, "2024-03-01", 8000, std::nullopt, 2),
            RunOn(12, "2024-03-31", 10000, 3000, 1),  // the clocks change in March: still March
            RunOn(13, "2023-12-31", 21100, 7200, 1),  // New Year's Eve: 2023
            RunOn(14, "2024-01-01", 3000, 900, 2)};
  const HistorySummary h = SummarizeHistory(m);
  using namespace std::chrono;
  REQUIRE(h.months.size() == 4);
  CHECK(h.months[0] == PeriodTotals{year{2024}, March, 18000, 2, 3000});
  CHECK(h.months[1] == PeriodTotals{year{2024}, February, 5000, 1, 1500});
  CHECK(h.months[2] == PeriodTotals{year{2024}, January, 3000, 1, 900});
  CHECK(h.months[3] == PeriodTotals{year{2023}, December, 21100, 1, 7200});
  REQUIRE(h.years.size() == 2);
  CHECK(h.years[0] == PeriodTotals{year{2024}, month{0}, 26000, 4, 5400});
  CHECK(h.years[1] == PeriodTotals{year{2023}, month{0}, 21100, 1, 7200});
  // The week start changes weekly totals, never months: runs keep their local day.
  m.settings.week_start = Sunday;
  CHECK(SummarizeHistory(m) == h);

  // Filtered by shoe.
  const HistorySummary ghost = SummarizeHistory(m, 2);
  REQUIRE(ghost.months.size() == 2);
  CHECK(ghost.months[0] == PeriodTotals{year{2024}, March, 8000, 1, 0});
  CHECK(ghost.years == std::vector<PeriodTotals>{PeriodTotals{year{2024}, month{0}, 11000, 2, 900}});
  CHECK(SummarizeHistory(Model{}).months.empty());

  // The page API's words.
  const json state = StateToJson(AppState{m}, On("2024-04-01"));
  CHECK(state["history"]["months"][0] == json{{"month", "2024-03"}, {"distance_m", 18000}, {"runs", 2}, {"duration_s", 3000}});
  CHECK(state["history"]["months"][3]["month"] == "2023-12");
  CHECK(state["history"]["years"][1] == json{{"year", 2023}, {"distance_m", 21100}, {"runs", 1}, {"duration_s", 7200}});
  CHECK(state["shoes"][0]["first_run"] == "2023-12-31");
  CHECK(state["shoes"][0]["last_run"] == "2024-03-31");
  CHECK(state["shoes"][1]["first_run"] == "2024-01-01");
}

TEST_CASE("an imported run's month is its local day's, across time zones and daylight-saving changes",
          "[history]") {
  // Berlin: UTC+1 in winter, UTC+2 from 31 March 2024 01:00 UTC to 27 October 2024 01:00 UTC.
  using import::UtcOffsetAt;
  using sw::test::At;
  const UtcOffsetAt berlin = [](std::chrono::sys_seconds t) {
    return t >= At("2024-03-31T01:00:00Z") && t < At("2024-10-27T01:00:00Z") ? 7200 : 3600;
  };
  const UtcOffsetAt new_york = [](std::chrono::sys_seconds t) {  // UTC-4 in summer, UTC-5 from 3 November
    return t >= At("2024-03-10T07:00:00Z") && t < At("2024-11-03T06:00:00Z") ? -4 * 3600 : -5 * 3600;
  };
  auto local_day = [](const char* start, const UtcOffsetAt& zone) {
    import::ImportedActivity activity;
    activity.start_utc = At(start);
    return import::LocalDate(activity, zone).value();
  };
  // 23:30 on 31 March in Berlin, the first evening of summer time: 21:30 UTC, March.
  CHECK(local_day("2024-03-31T21:30:00Z", berlin) == D("2024-03-31"));
  // 00:30 on 1 November in Berlin, back on winter time: still 31 October in UTC, November here.
  CHECK(local_day("2024-10-31T23:30:00Z", berlin) == D("2024-11-01"));
  // 22:00 on 31 December in New York is 03:00 on New Year's Day in UTC: a run of 2024.
  CHECK(local_day("2025-01-01T03:00:00Z", new_york) == D("2024-12-31"));
  // A leap day in the evening in New York.
  CHECK(local_day("2024-03-01T01:00:00Z", new_york) == D("2024-02-29"));

  // The history takes those days as they are.
  Model m = TwoShoes();
  m.runs = {RunOn(1, "2024-03-31", 5000), RunOn(2, "2024-11-01", 6000), RunOn(3, "2024-12-31", 7000),
            RunOn(4, "2024-02-29", 8000)};
  const HistorySummary h = SummarizeHistory(m);
  using namespace std::chrono;
  REQUIRE(h.months.size() == 4);
  CHECK(h.months[0].month == December);
  CHECK(h.months[1].month == November);
  CHECK(h.months[2].month == March);
  CHECK(h.months[3].month == February);
  REQUIRE(h.years.size() == 1);
  CHECK(h.years[0].runs == 4);
}

TEST_CASE("a pair without runs has no first or last run", "[history]") {
  const json state = StateToJson(AppState{TwoShoes()}, On("2024-04-01"));
  CHECK(state["shoes"][0]["first_run"].is_null());
  CHECK(state["shoes"][0]["last_run"].is_null());
}

TEST_CASE("move_runs puts the runs on one pair in one change, or changes nothing", "[history][actions]") {
  AppState state{TwoShoes()};
  state.model.runs = {RunOn(10, "2024-03-01", 5000, std::nullopt, 1), RunOn(11, "2024-03-02", 6000, std::nullopt, 1),
                      RunOn(12, "2024-03-03", 7000)};
  const Model before = state.model;
  auto refused = [&](json action, const std::string& error) {
    action["type"] = "move_runs";
    ActionResult r = Apply(state, action, On("2024-04-01"));
    CHECK_FALSE(r.ok);
    CHECK(r.error == error);
    CHECK(state.model == before);
  };
  refused({{"run_ids", json::array()}, {"shoe_id", 2}}, "move_runs: \"run_ids\" must name at least one run.");
  refused({{"run_ids", {10, 99}}, {"shoe_id", 2}}, "move_runs: no run has id 99.");
  refused({{"run_ids", {10, 10}}, {"shoe_id", 2}}, "move_runs: run 10 is listed twice.");
  refused({{"run_ids", {10, "11"}}, {"shoe_id", 2}}, "move_runs: \"run_ids\" must hold run ids (whole numbers from 1).");
  refused({{"run_ids", {10}}, {"shoe_id", 7}}, "move_runs: no shoe has id 7.");
  refused({{"run_ids", {10}}}, "move_runs needs \"shoe_id\".");

  // Onto the retired pair: it may be the one that was in use then.
  ActionResult moved = Apply(state, {{"type", "move_runs"}, {"run_ids", {10, 12}}, {"shoe_id", 2}}, On("2024-04-01"));
  REQUIRE(moved.ok);
  CHECK(moved.model_changed);
  CHECK(moved.answer["moved"] == 2);
  CHECK(state.model.runs[0].shoe_id == 2);
  CHECK(state.model.runs[1].shoe_id == 1);
  CHECK(state.model.runs[2].shoe_id == 2);
  CHECK(SummarizeShoes(state.model, D("2024-04-01"))[1].distance_m == 12000);
}

TEST_CASE("state lists the cadence sessions; delete_cadence_session removes one", "[history][cadence]") {
  AppState state{TwoShoes()};
  for (Id id : {20, 21}) {
    CadenceSession s;
    s.id = id;
    s.date = D(id == 20 ? "2024-03-01" : "2024-03-05");
    s.duration_s = 1200;
    s.mean_spm = 168.5;
    s.time_in_band_s = 600;
    s.series_spm = {168, 169};
    state.model.cadence_sessions.push_back(s);
  }
  json listed = CadenceToJson(state.cadence, state.model, 0, SensorStatus{}, std::nullopt)["sessions"];
  REQUIRE(listed.size() == 2);
  CHECK(listed[0] == json{{"id", 20}, {"date", "2024-03-01"}, {"duration_s", 1200}, {"mean_spm", 168.5},
                          {"time_in_band_s", 600}, {"source", "phone"}});
  ActionResult missing = Apply(state, {{"type", "delete_cadence_session"}, {"id", 99}}, On("2024-04-01"));
  CHECK(missing.error == "delete_cadence_session: no cadence session has id 99.");
  REQUIRE(Apply(state, {{"type", "delete_cadence_session"}, {"id", 20}}, On("2024-04-01")).ok);
  REQUIRE(state.model.cadence_sessions.size() == 1);
  CHECK(state.model.cadence_sessions[0].id == 21);
}

TEST_CASE("a tap-along session says so: kept in its document, listed as source tap", "[history][cadence]") {
  AppState state{TwoShoes()};
  ActionResult added = Apply(state, {{"type", "add_cadence_session"}, {"date", "2024-03-02"}, {"duration_s", 600},
                                     {"mean_spm", 172}, {"tapped", true}}, On("2024-03-02"));
  REQUIRE(added.ok);
  REQUIRE(Apply(state, {{"type", "add_cadence_session"}, {"date", "2024-03-03"}, {"duration_s", 600},
                        {"mean_spm", 170}}, On("2024-03-03")).ok);
  json listed = CadenceToJson(state.cadence, state.model, 0, SensorStatus{}, std::nullopt)["sessions"];
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["source"] == "tap");
  CHECK(listed[1]["source"] == "phone");
  // The document keeps the mark on the tapped session only, and reads it back.
  json tapped = CadenceSessionToJson(state.model.cadence_sessions[0]);
  CHECK(tapped["tapped"] == true);
  CHECK_FALSE(CadenceSessionToJson(state.model.cadence_sessions[1]).contains("tapped"));
  CadenceSession read;
  std::string error;
  REQUIRE(CadenceSessionFromJson(tapped, read, error, "s"));
  CHECK(read == state.model.cadence_sessions[0]);
  CHECK_FALSE(Apply(state, {{"type", "add_cadence_session"}, {"date", "2024-03-03"}, {"duration_s", 600},
                            {"mean_spm", 170}, {"tapped", "yes"}}, On("2024-03-03")).ok);
  // The history carries the time in band and the band for sessions, nothing of the kind for a watch.
  std::vector<CadenceRecord> history = CadenceHistory(state.model);
  REQUIRE(history.size() == 2);
  CHECK(history[1].tapped);
  CHECK(history[1].low_spm == 170);
  CHECK(history[1].time_in_band_s == 0.0);
}

TEST_CASE("the cadence trend: each month's plausible records averaged, the last 12 months, oldest first",
          "[history][cadence]") {
  std::vector<CadenceRecord> history;
  auto add = [&](const char* date, double spm) {
    CadenceRecord r;
    r.date = D(date);
    r.spm = spm;
    history.push_back(r);
  };
  add("2024-03-30", 176);
  add("2024-03-02", 170);
  add("2024-03-01", 49);   // a mis-tapped session: not a running cadence, left out
  add("2024-01-31", 168);
  add("2023-12-01", 165);
  add("2023-03-31", 160);  // 13 months back: outside the window
  add("2023-04-01", 161);  // 12th month back, inclusive
  std::vector<CadenceMonth> trend = CadenceTrend(history, D("2024-03-31"));
  REQUIRE(trend.size() == 4);
  CHECK(trend[0] == CadenceMonth{std::chrono::year(2023), std::chrono::month(4), 161, 1});
  CHECK(trend[1] == CadenceMonth{std::chrono::year(2023), std::chrono::month(12), 165, 1});
  CHECK(trend[2] == CadenceMonth{std::chrono::year(2024), std::chrono::month(1), 168, 1});
  CHECK(trend[3] == CadenceMonth{std::chrono::year(2024), std::chrono::month(3), 173, 2});
  CHECK(CadenceTrend(history, D("2024-03-31"), 1).size() == 1);
  CHECK(CadenceTrend({}, D("2024-03-31")).empty());
}

TEST_CASE("a run added without a pair goes on the pair in use on its date", "[history][actions]") {
  AppState state;
  const ActionContext today = On("2026-03-10");
  auto add_shoe = [&](json fields) {
    fields["type"] = "add_shoe";
    ActionResult r = Apply(state, fields, today);
    REQUIRE(r.ok);
    return Id(*r.id);
  };
  auto add_run = [&](const char* date) {
    ActionResult r = Apply(state, {{"type", "add_run"}, {"date", date}, {"distance_m", 5000}}, today);
    REQUIRE(r.ok);
    return FindRun(state.model, Id(*r.id))->shoe_id;
  };
  const Id old_pair = add_shoe({{"name", "Old"}, {"purchase_date", "2024-01-01"}});
  const Id trail = add_shoe({{"name", "Trail"}, {"purchase_date", "2025-05-01"}});
  const Id daily = add_shoe({{"name", "Daily"}, {"purchase_date", "2026-02-01"}, {"is_default", true}});
  // Today: the default pair.
  CHECK(add_run("2026-03-09") == daily);
  // Before the default pair was bought: the pair bought most recently by then.
  CHECK(add_run("2025-12-24") == trail);
  CHECK(add_run("2025-01-15") == old_pair);
  // Before any pair was bought: none.
  CHECK_FALSE(add_run("2023-06-01"));
  // A retired pair was available up to the day it was retired, not after.
  REQUIRE(Apply(state, {{"type", "retire_shoe"}, {"id", trail}}, On("2025-12-24")).ok);
  CHECK(add_run("2025-12-01") == trail);
  CHECK(add_run("2026-01-15") == old_pair);
  CHECK(ShoeAvailableOn(state.model, *FindShoe(state.model, trail), D("2025-12-24")));
  CHECK_FALSE(ShoeAvailableOn(state.model, *FindShoe(state.model, trail), D("2025-12-25")));
  CHECK(DefaultShoeOn(state.model, D("2026-03-10")) == daily);
  // Named outright, a retired pair takes a run from its time in use, not a later one.
  CHECK(Apply(state, {{"type", "add_run"}, {"date", "2025-12-20"}, {"distance_m", 5000}, {"shoe_id", trail}}, today).ok);
  ActionResult late = Apply(state, {{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"shoe_id", trail}}, today);
  CHECK(late.error == "add_run: shoe " + std::to_string(trail) + " (Trail) is retired; reactivate it or pick another shoe.");
}

TEST_CASE("retire_shoe keeps the day; the pair is available for runs up to it", "[history][actions]") {
  AppState state;
  ActionResult added = Apply(state, {{"type", "add_shoe"}, {"name", "Kinvara"}, {"purchase_date", "2025-01-01"}}, On("2025-01-01"));
  REQUIRE(added.ok);
  const Id kinvara = Id(*added.id);
  REQUIRE(Apply(state, {{"type", "retire_shoe"}, {"id", kinvara}}, On("2025-11-30")).ok);
  REQUIRE(Apply(state, {{"type", "retire_shoe"}, {"id", kinvara}}, On("2025-12-05")).ok);  // again: the first day stays
  const Shoe& shoe = *FindShoe(state.model, kinvara);
  CHECK(shoe.retired_on == D("2025-11-30"));
  CHECK(ShoeAvailableOn(state.model, shoe, D("2025-11-30")));  // no run logged on it, yet in use until then
  CHECK_FALSE(ShoeAvailableOn(state.model, shoe, D("2025-12-01")));
  json stored = ModelToJson(state.model);
  CHECK(stored["shoes"][0]["retired_on"] == "2025-11-30");
  Model back;
  std::string error;
  REQUIRE(ModelFromJson(stored, back, error));
  CHECK(back == state.model);
  CHECK(StateToJson(state, On("2025-12-05"))["shoes"][0]["retired_on"] == "2025-11-30");
  REQUIRE(Apply(state, {{"type", "reactivate_shoe"}, {"id", kinvara}}, On("2025-12-06")).ok);
  CHECK_FALSE(FindShoe(state.model, kinvara)->retired_on);
  CHECK(StateToJson(state, On("2025-12-06"))["shoes"][0]["retired_on"].is_null());
}
