#include "action_handlers.hpp"

namespace sw {

ActionResult ApplySetUnits(AppState& draft, const nlohmann::json& action, const ActionContext&) {
  auto it = action.find("units");
  if (it == action.end() || !it->is_string() || (*it != "mi" && *it != "km"))
    return ActionResult::Fail("set_units needs \"units\": \"mi\" or \"km\".");
  draft.model.settings.units = *it == "mi" ? Units::Miles : Units::Kilometres;
  return ActionResult::Ok();
}

}  // namespace sw
