#pragma once
// The handlers behind Apply(), one file per family (actions_<family>.cpp). A handler works
// on a draft copy of the state: on failure Apply() throws the draft away.
#include <string_view>

#include "actions.hpp"

namespace sw {

using ActionHandler = ActionResult (*)(AppState& draft, const nlohmann::json& action,
                                       const ActionContext& context);

struct ActionEntry {
  std::string_view type;
  ActionHandler handler;
  bool changes_model;  // false for pure UI actions such as navigate: nothing to save
};

// actions_navigation.cpp
ActionResult ApplyNavigate(AppState& draft, const nlohmann::json& action, const ActionContext& context);
// actions_settings.cpp
ActionResult ApplySetUnits(AppState& draft, const nlohmann::json& action, const ActionContext& context);

}  // namespace sw
