#include "core/actions/actions.hpp"

#include <utility>

#include "core/actions/action_handlers.hpp"

namespace sw {
namespace {

const ActionEntry kActions[] = {
    {"navigate", ApplyNavigate, false},
    {"set_units", ApplySetUnits, true},
    {"update_settings", ApplyUpdateSettings, true},
    {"set_cadence_target", ApplySetCadenceTarget, true},
    {"add_shoe", ApplyAddShoe, true},
    {"update_shoe", ApplyUpdateShoe, true},
    {"retire_shoe", ApplyRetireShoe, true},
    {"reactivate_shoe", ApplyReactivateShoe, true},
    {"set_shoe_wear", ApplySetShoeWear, true},
    {"add_run", ApplyAddRun, true},
    {"update_run", ApplyUpdateRun, true},
    {"delete_run", ApplyDeleteRun, true},
    {"restore_run", ApplyRestoreRun, true},
    {"log_strength", ApplyLogStrength, true},
    {"log_pain", ApplyLogPain, true},
    {"delete_pain", ApplyDeletePain, true},
    {"delete_strength", ApplyDeleteStrength, true},
    {"add_cadence_session", ApplyAddCadenceSession, true},
    {"import_backup", ApplyImportBackup, true},
    {"record_backup", ApplyRecordBackup, true},
};

const ActionEntry* FindAction(std::string_view type) {
  for (const ActionEntry& entry : kActions)
    if (entry.type == type) return &entry;
  return nullptr;
}

}  // namespace

ActionResult Apply(AppState& state, const nlohmann::json& action, const ActionContext& context) {
  if (!action.is_object()) return ActionResult::Fail("An action must be a JSON object with a \"type\".");
  auto type_it = action.find("type");
  if (type_it == action.end() || !type_it->is_string())
    return ActionResult::Fail("An action needs a \"type\" text field.");
  const std::string& type = type_it->get_ref<const std::string&>();
  const ActionEntry* entry = FindAction(type);
  if (!entry) return ActionResult::Fail("Unknown action type \"" + type + "\".");

  AppState draft = state;
  ActionResult result = entry->handler(draft, action, context);
  if (!result.ok) return result;
  if (entry->changes_model) ++draft.model_revision;
  state = std::move(draft);
  return result;
}

nlohmann::json ResultToJson(const ActionResult& result) {
  nlohmann::json out = {{"ok", result.ok}};
  if (!result.ok) out["error"] = result.error;
  if (result.id) out["id"] = *result.id;
  return out;
}

}  // namespace sw
