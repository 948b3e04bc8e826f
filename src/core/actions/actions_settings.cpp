#include "core/actions/action_handlers.hpp"
#include "core/actions/action_input.hpp"
#include "core/model/model_json.hpp"
#include "core/rules/shoe_rules.hpp"

namespace sw {

ActionResult ApplySetUnits(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  auto it = action.find("units");
  if (it == action.end() || !it->is_string() || (*it != "mi" && *it != "km"))
    return ActionResult::Fail("set_units needs \"units\": \"mi\" or \"km\".");
  draft.model.settings.units = *it == "mi" ? Units::Miles : Units::Kilometres;
  RoundShoeDefaultsForUnits(draft.model.settings);
  return ActionResult::Ok();
}

// Any subset of the settings; all rules are checked on the result, so a band can move in one step
// (low 180 -> 185 with high 190 -> 195). Default thresholds apply to shoes added afterwards.
ActionResult ApplyUpdateSettings(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "update_settings");
  const Units units_before = draft.model.settings.units;
  if (!ReadSettingsFields(in, draft.model.settings)) return FailWith(in);
  if (draft.model.settings.units != units_before) RoundShoeDefaultsForUnits(draft.model.settings);
  return ActionResult::Ok();
}

ActionResult ApplySetCadenceTarget(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "set_cadence_target");
  int low = 0, high = 0;
  if (!(in.Int("low_spm", low) && in.Int("high_spm", high) && in.Check("low_spm", CheckCadenceBand(low, high))))
    return FailWith(in);
  draft.model.settings.cadence_low_spm = low;
  draft.model.settings.cadence_high_spm = high;
  return ActionResult::Ok();
}

}  // namespace sw
