#pragma once
#include <functional>
#include <string_view>
#include <nlohmann/json.hpp>

#include "core/model/state.hpp"
#include "core/rules/derived.hpp"

namespace sw {

// The model part of the automation API's state() snapshot (API.md). The app adds the UI
// facts it alone knows (frames rendered, save status). `derived` is Derive(state.model,
// context.today), usually the app's DerivedCache's: the derived parts are read from it.
nlohmann::json StateToJson(const AppState& state, const ActionContext& context, const Derived& derived);
// Only the top-level fields `want` names (state(["save", ...]) on the page: a test polling for
// one field does not build ten years of runs each time).
nlohmann::json StateToJson(const AppState& state, const ActionContext& context, const Derived& derived,
                           const std::function<bool(std::string_view)>& want);
// The same, deriving on the spot (tests, tools).
nlohmann::json StateToJson(const AppState& state, const ActionContext& context);

std::string_view UnitsId(Units units);

// Stored fields of state()'s settings, shoes[] and runs[] (API.md); derived fields (distance_m,
// status, ...) are merged in by rules_state_json.hpp.
nlohmann::json SettingsToStateJson(const Model& model);
nlohmann::json ShoeToStateJson(const Model& model, const Shoe& shoe);  // + "is_default"
nlohmann::json RunToStateJson(const Run& run);
nlohmann::json ShoesToStateJson(const Model& model);
nlohmann::json RunsToStateJson(const Model& model);

}  // namespace sw
