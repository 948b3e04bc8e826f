#pragma once
// The handlers behind Apply(), one file per family (actions_<family>.cpp). A handler works
// on a draft copy of the state: on failure Apply() throws the draft away.
#include <string_view>

#include "core/actions/actions.hpp"

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
ActionResult ApplyUpdateSettings(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplySetCadenceTarget(AppState& draft, const nlohmann::json& action, const ActionContext& context);
// actions_shoes.cpp
ActionResult ApplyAddShoe(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyUpdateShoe(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyRetireShoe(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyReactivateShoe(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplySetShoeWear(AppState& draft, const nlohmann::json& action, const ActionContext& context);
// actions_runs.cpp
ActionResult ApplyAddRun(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyUpdateRun(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyDeleteRun(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyRestoreRun(AppState& draft, const nlohmann::json& action, const ActionContext& context);
// actions_log.cpp
ActionResult ApplyLogStrength(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyLogPain(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyDeletePain(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyDeleteStrength(AppState& draft, const nlohmann::json& action, const ActionContext& context);
// actions_cadence.cpp
ActionResult ApplyAddCadenceSession(AppState& draft, const nlohmann::json& action, const ActionContext& context);
// actions_backup.cpp
ActionResult ApplyRecordBackup(AppState& draft, const nlohmann::json& action, const ActionContext& context);
ActionResult ApplyImportBackup(AppState& draft, const nlohmann::json& action, const ActionContext& context);

}  // namespace sw
