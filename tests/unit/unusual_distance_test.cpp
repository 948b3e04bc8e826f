// Issue "A runner's first week" item 5: "150" typed for 15.0 km is asked about before it is saved.
#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/model/dates.hpp"
#include "core/rules/load_rules.hpp"

using nlohmann::json;
using namespace sw;

namespace {

Date D(const char* text) { return *ParseDate(text); }

void AddRun(Model& model, const char* date, double m) {
  Run run;
  run.id = model.next_id++;
  run.date = D(date);
  run.distance_m = m;
  model.runs.push_back(run);
}

ActionContext On(const char* date) {
  ActionContext context;
  context.today = D(date);
  return context;
}

}  // namespace

TEST_CASE("with little history, only a run over a marathon and a half is unusual", "[typo]") {
  Model model;
  AddRun(model, "2026-11-20", 10000);
  AddRun(model, "2026-11-22", 12000);  // two runs: too few to judge by
  CHECK(UnusualRunLimitM(model, D("2026-11-25")) == kTypoNoHistoryLimitM);
  CHECK_FALSE(IsUnusualRunDistance(model, 63300, D("2026-11-25")));
  CHECK(IsUnusualRunDistance(model, 63301, D("2026-11-25")));
  CHECK(IsUnusualRunDistance(model, 150000, D("2026-11-25")));
}

TEST_CASE("with history, a run over 2.5x the longest of the last 90 days is unusual", "[typo]") {
  Model model;
  AddRun(model, "2026-05-01", 42195);  // over 90 days before: not counted
  AddRun(model, "2026-08-28", 12000);  // 89 days before 2026-11-25: counted
  AddRun(model, "2026-11-20", 8000);
  AddRun(model, "2026-11-22", 10000);
  AddRun(model, "2026-11-23", 6000);
  CHECK(UnusualRunLimitM(model, D("2026-11-25")) == Approx(30000));
  CHECK_FALSE(IsUnusualRunDistance(model, 30000, D("2026-11-25")));
  CHECK(IsUnusualRunDistance(model, 30001, D("2026-11-25")));
  // The run being edited is not its own history.
  CHECK(UnusualRunLimitM(model, D("2026-11-25"), Id{2}) == Approx(25000));
}

TEST_CASE("add_run and update_run refuse an unusual distance unless confirm is true", "[typo]") {
  AppState state;
  for (const char* date : {"2026-11-20", "2026-11-22", "2026-11-24"})
    REQUIRE(Apply(state, {{"type", "add_run"}, {"date", date}, {"distance_m", 15000}}, On("2026-11-25")).ok);

  ActionResult typo = Apply(state, {{"type", "add_run"}, {"date", "2026-11-25"}, {"distance_m", 150000}},
                            On("2026-11-25"));
  CHECK_FALSE(typo.ok);
  CHECK_THAT(typo.error, Catch::Contains("add_run") && Catch::Contains("confirm"));
  CHECK(state.model.runs.size() == 3);

  ActionResult meant = Apply(state, {{"type", "add_run"}, {"date", "2026-11-25"}, {"distance_m", 150000},
                                     {"confirm", true}}, On("2026-11-25"));
  REQUIRE(meant.ok);
  Id id = *meant.id;

  // Changing only its shoe needs no second confirmation; a new distance does.
  CHECK(Apply(state, {{"type", "update_run"}, {"id", id}, {"warmup", true}}, On("2026-11-25")).ok);
  ActionResult update = Apply(state, {{"type", "update_run"}, {"id", id}, {"distance_m", 160000}}, On("2026-11-25"));
  CHECK_FALSE(update.ok);
  CHECK_THAT(update.error, Catch::Contains("update_run"));
  CHECK(Apply(state, {{"type", "update_run"}, {"id", id}, {"distance_m", 15000}}, On("2026-11-25")).ok);
}
