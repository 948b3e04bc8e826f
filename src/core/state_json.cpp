#include "state_json.hpp"

#include "guide_state_json.hpp"
#include "rules_state_json.hpp"
#include "version.hpp"

namespace sw {

std::string_view UnitsId(Units units) { return units == Units::Miles ? "mi" : "km"; }

nlohmann::json StateToJson(const AppState& state, const ActionContext& context) {
  nlohmann::json out;
  out["version"] = kVersion;
  out["screen"] = ScreenId(state.screen);
  out["settings"] = {{"units", UnitsId(state.model.settings.units)}};
  out["pain"] = PainStateJson(state.model, context.today);
  out["strength"] = StrengthStateJson(state.model, context.today);
  out["warmup"] = WarmupStateJson(state.model, context.today);
  // Derived shoe fields merge into out["shoes"] by id (stored fields may be written above).
  AddDerivedShoesFields(out["shoes"], state.model, context.today);
  out["load"] = LoadToJson(SummarizeLoad(state.model, context.today));
  return out;
}

}  // namespace sw
