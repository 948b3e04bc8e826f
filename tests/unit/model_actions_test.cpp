#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/model/model_json.hpp"
#include "core/actions/state_json.hpp"
#include "core/model/validation.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

namespace {

ActionContext Today(const char* date = "2026-03-10") {
  ActionContext context;
  context.today = D(date);
  return context;
}

Id Ok(AppState& state, const json& action, const ActionContext& context = Today()) {
  ActionResult result = Apply(state, action, context);
  INFO(action.dump() << " -> " << result.error);
  REQUIRE(result.ok);
  return result.id.value_or(0);
}

}  // namespace

TEST_CASE("add_shoe returns ids from next_id; the first shoe becomes the default", "[model]") {
  AppState state;
  Id first = Ok(state, {{"type", "add_shoe"}, {"name", "  Ghost 15 "}});
  Id second = Ok(state, {{"type", "add_shoe"}, {"name", "Vaporfly"}, {"start_distance_m", 42195},
                         {"warn_at_m", 300000}, {"replace_at_m", 400000}, {"purchase_date", "2026-01-02"}});
  CHECK(first == 1);
  CHECK(second == 2);
  CHECK(state.model.next_id == 3);
  CHECK(state.model.default_shoe_id == first);
  CHECK(state.model.shoes[0].name == "Ghost 15");
  CHECK(state.model.shoes[0].warn_at_m == kDefaultWarnAtM);
  CHECK(state.model.shoes[1].purchase_date == D("2026-01-02"));
  Ok(state, {{"type", "add_shoe"}, {"name", "Racer"}, {"is_default", true}});
  CHECK(state.model.default_shoe_id == 3);
  CHECK(state.model_revision == 3);
  // New shoes take the settings' default thresholds.
  Ok(state, {{"type", "update_settings"}, {"default_warn_at_m", 500000}, {"default_replace_at_m", 900000}});
  Id fourth = Ok(state, {{"type", "add_shoe"}, {"name", "Trail"}});
  CHECK(FindShoe(state.model, fourth)->replace_at_m == 900000);
}

TEST_CASE("update, retire and reactivate shoes keep the default sensible", "[model]") {
  AppState state;
  Id a = Ok(state, {{"type", "add_shoe"}, {"name", "A"}});
  Id b = Ok(state, {{"type", "add_shoe"}, {"name", "B"}});
  Ok(state, {{"type", "update_shoe"}, {"id", b}, {"name", "B2"}, {"replace_at_m", 600000}, {"is_default", true}});
  CHECK(state.model.shoes[1].name == "B2");
  CHECK(state.model.shoes[1].replace_at_m == 600000);
  CHECK(state.model.default_shoe_id == b);
  // Retiring the default moves it to the one active shoe left...
  Ok(state, {{"type", "retire_shoe"}, {"id", b}});
  CHECK(state.model.default_shoe_id == a);
  // ... and clears it when none is left.
  Ok(state, {{"type", "retire_shoe"}, {"id", a}});
  CHECK_FALSE(state.model.default_shoe_id);
  Ok(state, {{"type", "reactivate_shoe"}, {"id", b}});
  CHECK(state.model.default_shoe_id == b);
  CHECK_FALSE(state.model.shoes[1].retired);
  Ok(state, {{"type", "update_shoe"}, {"id", b}, {"is_default", false}, {"purchase_date", nullptr}});
  CHECK_FALSE(state.model.default_shoe_id);
  Ok(state, {{"type", "set_shoe_wear"}, {"id", a}, {"uneven_wear", true}, {"discomfort", false},
             {"stride_change", true}});
  CHECK(state.model.shoes[0].wear == ShoeWear{true, false, true});
  Ok(state, {{"type", "set_shoe_wear"}, {"id", a}, {"discomfort", true}});
  CHECK(state.model.shoes[0].wear == ShoeWear{true, true, true});
}

TEST_CASE("add_run uses the default shoe unless told otherwise", "[model]") {
  AppState state;
  Id shoe = Ok(state, {{"type", "add_shoe"}, {"name", "Daily"}});
  Id other = Ok(state, {{"type", "add_shoe"}, {"name", "Other"}});
  Id r1 = Ok(state, {{"type", "add_run"}, {"date", "2026-03-09"}, {"distance_m", 5000}});
  Id r2 = Ok(state, {{"type", "add_run"}, {"date", "2026-03-11"}, {"distance_m", 8000.5}, {"duration_s", 2400},
                     {"shoe_id", other}, {"warmup", true}, {"cooldown", true}, {"mood", "great"}});
  Id r3 = Ok(state, {{"type", "add_run"}, {"date", "2026-03-10"}, {"distance_m", 300000}, {"shoe_id", nullptr},
                     {"confirm", true}});
  const auto& runs = state.model.runs;
  CHECK(runs[0].id == r1);
  CHECK(runs[0].shoe_id == shoe);
  CHECK(runs[1].id == r2);
  CHECK(runs[1].shoe_id == other);
  CHECK(runs[1].duration_s == 2400);
  CHECK((runs[1].warmup && runs[1].cooldown));
  CHECK(runs[2].id == r3);
  CHECK_FALSE(runs[2].shoe_id);
  // No default shoe: the run has no shoe.
  AppState empty;
  Ok(empty, {{"type", "add_run"}, {"date", "2026-03-09"}, {"distance_m", 5000}});
  CHECK_FALSE(empty.model.runs[0].shoe_id);
}

TEST_CASE("update_run, delete_run and restore_run (undo) put a run back exactly", "[model]") {
  AppState state;
  ActionContext context = Today();
  Id shoe = Ok(state, {{"type", "add_shoe"}, {"name", "Daily"}});
  Id r1 = Ok(state, {{"type", "add_run"}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"duration_s", 1500}});
  Id r2 = Ok(state, {{"type", "add_run"}, {"date", "2026-03-02"}, {"distance_m", 6000}});
  Ok(state, {{"type", "add_run"}, {"date", "2026-03-03"}, {"distance_m", 7000}});
  Ok(state, {{"type", "update_run"}, {"id", r1}, {"distance_m", 5500}, {"duration_s", nullptr}, {"warmup", true}});
  CHECK(state.model.runs[0].distance_m == 5500);
  CHECK_FALSE(state.model.runs[0].duration_s);
  CHECK(state.model.runs[0].warmup);
  // A run keeps its retired shoe when edited, but cannot be moved onto one.
  Ok(state, {{"type", "retire_shoe"}, {"id", shoe}});
  Ok(state, {{"type", "update_run"}, {"id", r1}, {"shoe_id", shoe}, {"cooldown", true}});
  CHECK_FALSE(Apply(state, {{"type", "update_run"}, {"id", r2}, {"shoe_id", shoe + 100}}, context).ok);

  json snapshot = StateToJson(state, context)["runs"][1];
  Model before = state.model;
  Ok(state, {{"type", "delete_run"}, {"id", r2}});
  CHECK(state.model.runs.size() == 2);
  Ok(state, {{"type", "restore_run"}, {"run", snapshot}});
  CHECK(state.model == before);
  ActionResult again = Apply(state, {{"type", "restore_run"}, {"run", snapshot}}, context);
  CHECK(again.error == "restore_run: a run with id " + std::to_string(r2) + " already exists.");
}

TEST_CASE("log_strength, log_pain and their deletes", "[model]") {
  AppState state;
  Id s = Ok(state, {{"type", "log_strength"}, {"date", "2026-03-09"}, {"exercises", {"plank", "bridge"}}});
  Id p = Ok(state, {{"type", "log_pain"}, {"date", "2026-03-10"}, {"area", "knee"}, {"side", "left"},
                    {"severity", 4}, {"worse_with_activity", true}, {"changes_gait", false}, {"note", " stairs "}});
  REQUIRE(state.model.strength.size() == 1);
  CHECK(state.model.strength[0].exercises ==
        std::vector<StrengthExercise>{StrengthExercise::Plank, StrengthExercise::Bridge});
  REQUIRE(state.model.pain.size() == 1);
  const PainEntry& pain = state.model.pain[0];
  CHECK((pain.id == p && pain.area == PainArea::Knee && pain.side == BodySide::Left && pain.severity == 4));
  CHECK((pain.worse_with_activity && !pain.changes_gait && pain.note == "stairs"));
  Ok(state, {{"type", "delete_pain"}, {"id", p}});
  Ok(state, {{"type", "delete_strength"}, {"id", s}});
  CHECK(state.model.pain.empty());
  CHECK(state.model.strength.empty());
  CHECK(state.model.next_id == 3);  // ids are never reused
}

TEST_CASE("update_settings and set_cadence_target", "[model]") {
  AppState state;
  Ok(state, {{"type", "update_settings"}, {"units", "km"}, {"week_start", "sunday"}, {"cadence_low_spm", 185},
             {"cadence_high_spm", 195}, {"weekly_increase_limit_pct", 7.5}, {"strength_target_per_week", 3}});
  const Settings& s = state.model.settings;
  CHECK(s.units == Units::Kilometres);
  CHECK(s.week_start == std::chrono::Sunday);
  CHECK((s.cadence_low_spm == 185 && s.cadence_high_spm == 195));
  CHECK(s.weekly_increase_limit_pct == 7.5);
  CHECK(s.strength_target_per_week == 3);
  CHECK(s.theme == Theme::System);
  CHECK(s.text_size_pct == 100);
  Ok(state, {{"type", "update_settings"}, {"theme", "dark"}, {"text_size_pct", 130}});
  CHECK(s.theme == Theme::Dark);
  CHECK(s.text_size_pct == 130);
  CHECK(s.units == Units::Kilometres);  // fields not named keep their values
  Ok(state, {{"type", "update_settings"}, {"theme", "light"}, {"text_size_pct", 80}});
  CHECK((s.theme == Theme::Light && s.text_size_pct == 80));
  Ok(state, {{"type", "set_cadence_target"}, {"low_spm", 160}, {"high_spm", 170}});
  CHECK((s.cadence_low_spm == 160 && s.cadence_high_spm == 170));
}

TEST_CASE("state() lists settings, shoes and runs as API.md shows", "[model]") {
  AppState state;
  state.model = SampleModel();
  json out = StateToJson(state, Today());
  CHECK(out["settings"]["units"] == "km");
  CHECK(out["settings"]["week_start"] == "sunday");
  CHECK(out["settings"]["cadence_low_spm"] == 165);
  CHECK(out["settings"]["cadence_high_spm"] == 178);
  CHECK(out["settings"]["weekly_increase_limit_pct"] == 8.5);
  CHECK(out["settings"]["default_warn_at_m"] == 400000);
  CHECK(out["settings"]["default_replace_at_m"] == 700000);
  CHECK(out["settings"]["strength_target_per_week"] == 3);
  CHECK(out["settings"]["theme"] == "dark");
  CHECK(out["settings"]["text_size_pct"] == 120);
  REQUIRE(out["shoes"].size() == 2);
  json shoe = out["shoes"][0];
  CHECK(shoe["id"] == 1);
  CHECK(shoe["name"] == "Pegasus 40");
  CHECK(shoe["start_distance_m"] == 12000);
  CHECK(shoe["warn_at_m"] == 500000);
  CHECK(shoe["replace_at_m"] == 800000);
  CHECK(shoe["purchase_date"] == "2025-09-01");
  CHECK(shoe["retired"] == false);
  CHECK(shoe["is_default"] == true);
  CHECK(shoe["wear"] == json{{"uneven_wear", true}, {"discomfort", false}, {"stride_change", false}});
  CHECK(out["shoes"][1]["is_default"] == false);
  CHECK_FALSE(out["shoes"][1].contains("purchase_date"));
  REQUIRE(out["runs"].size() == 3);
  CHECK(out["runs"][0] == json{{"id", 3}, {"date", "2026-03-01"}, {"distance_m", 5000}, {"duration_s", 1500},
                               {"shoe_id", 1}, {"warmup", true}, {"cooldown", false}});
  CHECK_FALSE(out["runs"][1].contains("duration_s"));
  CHECK_FALSE(out["runs"][1].contains("shoe_id"));
}

TEST_CASE("the common running pain areas can be logged; old area names keep their meaning", "[model][pain]") {
  AppState state;
  // The stored names of the first areas never change, so backups and stores written before read the same.
  const char* kOldNames[] = {"foot", "ankle", "knee", "hip", "lower_back", "other"};
  for (int i = 0; i < 6; ++i) CHECK(PainAreaId(PainArea(i)) == kOldNames[i]);

  for (const char* area : {"shin", "calf", "achilles", "hamstring", "heel", "knee"}) {
    INFO(area);
    Id id = Ok(state, {{"type", "log_pain"}, {"date", "2026-03-09"}, {"area", area}, {"side", "left"}, {"severity", 3}});
    CHECK(id > 0);
  }
  // Through a backup and back: every area keeps its name.
  json backup = ModelToJson(state.model);
  CHECK(backup["pain"][0]["area"] == "shin");
  CHECK(backup["pain"][4]["area"] == "heel");
  Model read;
  std::string error;
  REQUIRE(ModelFromJson(backup, read, error));
  CHECK(read.pain == state.model.pain);
  CHECK(read.pain[2].area == PainArea::Achilles);
  CHECK(read.pain[5].area == PainArea::Knee);
}

// Ten years of sessions hold megabytes of series. The model is copied for an action that may fail
// half-way and for every write's snapshot: those copies must share the floats, not copy them.
TEST_CASE("copies of the model share each session's series; a change to one copy leaves the other alone",
          "[model]") {
  Model model;
  CadenceSession session;
  session.id = 1;
  session.series_spm = std::vector<float>(3600, 171.5f);
  model.cadence_sessions.push_back(session);
  const Model copy(model);
  CHECK(&copy.cadence_sessions[0].series_spm.values() == &model.cadence_sessions[0].series_spm.values());

  Model changed(model);
  changed.cadence_sessions[0].series_spm.push_back(160);
  CHECK(changed.cadence_sessions[0].series_spm.size() == 3601);
  CHECK(model.cadence_sessions[0].series_spm.size() == 3600);
  CHECK(copy == model);
  CHECK_FALSE(changed == model);
  // Equal values are equal series, shared or not.
  CadenceSeries same(std::vector<float>(3600, 171.5f));
  CHECK(same == model.cadence_sessions[0].series_spm);
  CHECK(CadenceSeries() == CadenceSeries(std::vector<float>{}));
  CHECK(CadenceSeries().empty());
}

TEST_CASE("an accepted action leaves every session's series shared with the model before it", "[model]") {
  AppState state;
  Ok(state, {{"type", "add_cadence_session"}, {"date", "2026-03-01"}, {"duration_s", 4}, {"mean_spm", 171},
             {"series_spm", {170, 171, 172, 171}}});
  const Model before(state.model);
  Ok(state, {{"type", "update_settings"}, {"units", "km"}});
  Ok(state, {{"type", "add_run"}, {"date", "2026-03-02"}, {"distance_m", 5000}});
  REQUIRE(state.model.cadence_sessions.size() == 1);
  CHECK(&state.model.cadence_sessions[0].series_spm.values() == &before.cadence_sessions[0].series_spm.values());
  CHECK(state.model.cadence_sessions[0].series_spm == std::vector<float>{170, 171, 172, 171});
}
