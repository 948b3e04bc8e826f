#pragma once
#include <nlohmann/json.hpp>

#include "state.hpp"

namespace sw {

// The model part of the automation API's state() snapshot (API.md). The app adds the UI
// facts it alone knows (frames rendered, save status).
nlohmann::json StateToJson(const AppState& state, const ActionContext& context);

std::string_view UnitsId(Units units);

}  // namespace sw
