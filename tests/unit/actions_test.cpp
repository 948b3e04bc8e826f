#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/actions/state_json.hpp"

using nlohmann::json;
using namespace sw;

TEST_CASE("navigate switches to every screen by its API name", "[actions][navigate]") {
  AppState state;
  ActionContext context;
  for (Screen screen : kAllScreens) {
    ActionResult result = Apply(state, {{"type", "navigate"}, {"screen", ScreenId(screen)}}, context);
    REQUIRE(result.ok);
    CHECK(state.screen == screen);
    CHECK(StateToJson(state, context)["screen"] == ScreenId(screen));
  }
}

TEST_CASE("navigate refuses an unknown or missing screen and changes nothing", "[actions][navigate]") {
  AppState state;
  ActionContext context;
  REQUIRE(Apply(state, {{"type", "navigate"}, {"screen", "guide"}}, context).ok);
  for (const json& bad : {json{{"type", "navigate"}, {"screen", "profile"}}, json{{"type", "navigate"}},
                          json{{"type", "navigate"}, {"screen", 3}}}) {
    ActionResult result = Apply(state, bad, context);
    CHECK_FALSE(result.ok);
    CHECK_FALSE(result.error.empty());
    CHECK(state.screen == Screen::Guide);
  }
  CHECK(Apply(state, {{"type", "navigate"}, {"screen", "profile"}}, context).error.find("profile") != std::string::npos);
}

TEST_CASE("actions without a known type are refused with a readable error", "[actions]") {
  AppState state;
  ActionContext context;
  CHECK(Apply(state, json::array(), context).error == "An action must be a JSON object with a \"type\".");
  CHECK(Apply(state, json{{"screen", "log"}}, context).error == "An action needs a \"type\" text field.");
  CHECK(Apply(state, json{{"type", "fly"}}, context).error == "Unknown action type \"fly\".");
  CHECK(state.model_revision == 0);
}

TEST_CASE("navigation does not count as a change to save; set_units does", "[actions]") {
  AppState state;
  ActionContext context;
  REQUIRE(Apply(state, {{"type", "navigate"}, {"screen", "log"}}, context).ok);
  CHECK(state.model_revision == 0);
  REQUIRE(Apply(state, {{"type", "set_units"}, {"units", "km"}}, context).ok);
  CHECK(state.model_revision == 1);
  CHECK(StateToJson(state, context)["settings"]["units"] == "km");
  CHECK_FALSE(Apply(state, {{"type", "set_units"}, {"units", "furlongs"}}, context).ok);
  CHECK(state.model.settings.units == Units::Kilometres);
}

TEST_CASE("ResultToJson has the shape dispatch() returns", "[actions]") {
  CHECK(ResultToJson(ActionResult::Ok()) == json{{"ok", true}});
  CHECK(ResultToJson(ActionResult::Fail("nope")) == json{{"ok", false}, {"error", "nope"}});
  ActionResult with_id;
  with_id.id = 7;
  CHECK(ResultToJson(with_id) == json{{"ok", true}, {"id", 7}});
}

TEST_CASE("switching units gives new pairs round default distances unless the runner set their own",
          "[actions][units]") {
  AppState state;
  ActionContext context;
  REQUIRE(Apply(state, {{"type", "set_units"}, {"units", "km"}}, context).ok);
  CHECK(state.model.settings.default_warn_at_m == 500'000);
  CHECK(state.model.settings.default_replace_at_m == 800'000);
  REQUIRE(Apply(state, {{"type", "update_settings"}, {"units", "mi"}}, context).ok);
  CHECK(state.model.settings.default_warn_at_m == kDefaultWarnAtM);  // back to 300 / 500 mi
  CHECK(state.model.settings.default_replace_at_m == kDefaultReplaceAtM);

  REQUIRE(Apply(state, {{"type", "update_settings"}, {"default_warn_at_m", 400'000}}, context).ok);
  REQUIRE(Apply(state, {{"type", "set_units"}, {"units", "km"}}, context).ok);
  CHECK(state.model.settings.default_warn_at_m == 400'000);  // the runner's own choice stays
  CHECK(state.model.settings.default_replace_at_m == kDefaultReplaceAtM);
}
