#include "state_json.hpp"

#include "version.hpp"

namespace sw {

std::string_view UnitsId(Units units) { return units == Units::Miles ? "mi" : "km"; }

nlohmann::json StateToJson(const AppState& state, const ActionContext&) {
  nlohmann::json out;
  out["version"] = kVersion;
  out["screen"] = ScreenId(state.screen);
  out["settings"] = {{"units", UnitsId(state.model.settings.units)}};
  return out;
}

}  // namespace sw
