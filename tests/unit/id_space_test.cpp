// Ids across tabs: each open tab hands out only the ids of its own slot, so two tabs that add a
// run before hearing of each other never give out the same id, and a rebase can give a
// re-applied action back the id it was first given.
#include <catch2/catch.hpp>

#include <set>

#include "core/actions/actions.hpp"
#include "core/model/validation.hpp"

using nlohmann::json;
using namespace sw;

namespace {

ActionContext TabContext(int slot) {
  ActionContext context;
  context.today = std::chrono::year{2026} / 11 / 30;
  context.ids = {16, slot};
  return context;
}

json AddRun(const char* date, double m) { return {{"type", "add_run"}, {"date", date}, {"distance_m", m}}; }

}  // namespace

TEST_CASE("a single context hands out 1, 2, 3 (one slot)", "[ids]") {
  AppState state;
  ActionContext context;
  context.today = std::chrono::year{2026} / 11 / 30;
  for (int expected = 1; expected <= 3; ++expected) {
    ActionResult result = Apply(state, AddRun("2026-11-29", 5000), context);
    REQUIRE(result.ok);
    CHECK(*result.id == expected);
  }
  CHECK(state.model.next_id == 4);
}

TEST_CASE("two tabs adding from the same stored model never share an id", "[ids]") {
  AppState stored;
  REQUIRE(Apply(stored, AddRun("2026-11-20", 5000), TabContext(0)).ok);
  AppState tab_a = stored, tab_b = stored;
  std::set<Id> ids;
  for (int i = 0; i < 20; ++i) {
    ActionResult a = Apply(tab_a, AddRun("2026-11-21", 4000), TabContext(0));
    ActionResult b = Apply(tab_b, {{"type", "add_shoe"}, {"name", "Pair"}}, TabContext(5));
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    CHECK((*a.id - 1) % 16 == 0);
    CHECK((*b.id - 1) % 16 == 5);
    CHECK(ids.insert(*a.id).second);
    CHECK(ids.insert(*b.id).second);
  }
  // Ids still grow with each record, so runs kept in id order stay in the order logged.
  CHECK(tab_a.model.runs.back().id > tab_a.model.runs.front().id);
}

TEST_CASE("a rebase re-applies an add with the id it was first given", "[ids]") {
  AppState tab;
  ActionResult first = Apply(tab, AddRun("2026-11-21", 4000), TabContext(3));
  REQUIRE(first.ok);
  // Meanwhile the other tab committed two records: the stored next_id has moved past ours.
  AppState stored;
  REQUIRE(Apply(stored, AddRun("2026-11-20", 5000), TabContext(0)).ok);
  REQUIRE(Apply(stored, AddRun("2026-11-20", 6000), TabContext(0)).ok);
  REQUIRE(stored.model.next_id > *first.id);
  ActionContext again = TabContext(3);
  again.reuse_id = *first.id;
  ActionResult reapplied = Apply(stored, AddRun("2026-11-21", 4000), again);
  REQUIRE(reapplied.ok);
  CHECK(*reapplied.id == *first.id);
  CHECK(stored.model.next_id > stored.model.runs.back().id);
  // An id already taken is never reused: the action gets a fresh one of its slot.
  ActionResult taken = Apply(stored, AddRun("2026-11-22", 3000), again);
  REQUIRE(taken.ok);
  CHECK(*taken.id != *first.id);
  CHECK((*taken.id - 1) % 16 == 3);
}

TEST_CASE("ids run out cleanly at the top of the range", "[ids]") {
  Model model;
  model.next_id = kMaxId;
  Id id = 0;
  ActionContext context = TabContext(15);
  CHECK_FALSE(TakeNextId(model, context, id));  // the slot's next id would pass kMaxId
  CHECK(model.next_id == kMaxId);
}
