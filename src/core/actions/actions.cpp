#include "core/actions/actions.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>

#include "core/actions/action_handlers.hpp"

namespace sw {
namespace {

const ActionEntry kActions[] = {
    {"navigate", ApplyNavigate, Changes::Session},
    {"set_units", ApplySetUnits, Changes::Model},
    {"update_settings", ApplyUpdateSettings, Changes::Model},
    {"set_cadence_target", ApplySetCadenceTarget, Changes::Model},
    {"add_shoe", ApplyAddShoe, Changes::Model},
    {"update_shoe", ApplyUpdateShoe, Changes::Model},
    {"retire_shoe", ApplyRetireShoe, Changes::Model},
    {"reactivate_shoe", ApplyReactivateShoe, Changes::Model},
    {"set_shoe_wear", ApplySetShoeWear, Changes::Model},
    {"add_run", ApplyAddRun, Changes::Model},
    {"update_run", ApplyUpdateRun, Changes::Model},
    {"delete_run", ApplyDeleteRun, Changes::Model},
    {"restore_run", ApplyRestoreRun, Changes::Model},
    {"move_runs", ApplyMoveRuns, Changes::Model},
    {"log_strength", ApplyLogStrength, Changes::Model},
    {"log_pain", ApplyLogPain, Changes::Model},
    {"delete_pain", ApplyDeletePain, Changes::Model},
    {"delete_strength", ApplyDeleteStrength, Changes::Model},
    {"add_cadence_session", ApplyAddCadenceSession, Changes::Model},
    {"delete_cadence_session", ApplyDeleteCadenceSession, Changes::Model},
    // The cadence meter (state.cadence): cadence_stop keeps a long enough session (its replay: an
    // add_cadence_session of it); cadence_tick is the app's per-frame pump with the sensor's samples.
    {"cadence_start", ApplyCadenceStart, Changes::Session},
    {"cadence_stop", ApplyCadenceStop, Changes::Sometimes},
    {"cadence_tap", ApplyCadenceTap, Changes::Session},
    {"cadence_options", ApplyCadenceOptions, Changes::Session},
    {"cadence_tick", ApplyCadenceTick, Changes::Session},
    {"record_backup", ApplyRecordBackup, Changes::Model},
    // import_backup without confirm only asks (a waiting import); with it, replaces everything.
    {"import_backup", ApplyImportBackup, Changes::Sometimes},
    {"import_confirm", ApplyImportConfirm, Changes::Sometimes},
    {"import_cancel", ApplyImportCancel, Changes::Session},
    {"pick_backup_file", ApplyPickBackupFile, Changes::Session},
    {"backup_file_opened", ApplyBackupFileOpened, Changes::Session},
    {"backup_file_read", ApplyBackupFileRead, Changes::Session},
    // export_backup also records the backup's day (Settings' "Last backup", Home's reminder).
    // While cadence series are still being read it only waits (state.backup_waiting), saving nothing.
    {"export_backup", ApplyExportBackup, Changes::Sometimes},
    {"export_csv", ApplyExportCsv, Changes::Session},
    {"export_damaged", ApplyExportDamaged, Changes::Session},
    {"retry_storage", ApplyRetryStorage, Changes::Session},
    // Runs from watch and app files: the worker reads (import_reading/progress/read), the runner
    // reviews (import_review_*), import_save adds the ticked runs in one change (its replay:
    // restore_runs), undo_import takes them back (its replay: delete_runs).
    {"pick_import_files", ApplyPickImportFiles, Changes::Session},
    {"import_reading", ApplyImportReading, Changes::Session},
    {"import_progress", ApplyImportProgress, Changes::Session},
    {"import_read", ApplyImportRead, Changes::Sometimes},
    {"import_review_set", ApplyImportReviewSet, Changes::Session},
    {"import_review_shoe_all", ApplyImportReviewShoeAll, Changes::Session},
    {"import_save", ApplyImportSave, Changes::Sometimes},
    {"import_dismiss", ApplyImportDismiss, Changes::Session},
    {"import_abort", ApplyImportAbort, Changes::Session},
    {"undo_import", ApplyUndoImport, Changes::Sometimes},
    {"restore_runs", ApplyRestoreRuns, Changes::Model},
    {"delete_runs", ApplyDeleteRuns, Changes::Model},
    // Storage's load: the stored model (and, on a rebase, this tab's changes re-applied after it).
    {"load_stored", ApplyLoadStored, Changes::Loaded},
    // The cadence series, read after the first frame: attached to their sessions, nothing saved.
    // The revision stays: no derived summary reads a series (rules/), and a new revision would
    // derive ten years again after each batch, a long frame on a slow phone.
    {"load_series", ApplyLoadSeries, Changes::Session},
    // An older year of runs, read after the first frame: shown anew (totals now count its runs
    // instead of the summary's digest), nothing saved.
    {"load_runs", ApplyLoadRuns, Changes::Loaded},
};

// The actions that never read or write a run (nor list them): the only ones that go ahead while
// older years are still unread. Every other one waits for every run (NeedsEveryRun).
constexpr std::string_view kWithoutRuns[] = {
    "navigate", "set_units", "update_settings", "set_cadence_target", "add_shoe", "update_shoe",
    "retire_shoe", "reactivate_shoe", "set_shoe_wear", "log_strength", "log_pain", "delete_pain",
    "delete_strength", "add_cadence_session", "delete_cadence_session", "cadence_start", "cadence_stop",
    "cadence_tap", "cadence_options", "cadence_tick", "record_backup", "retry_storage", "load_stored",
    "load_series", "load_runs"};

const ActionEntry* FindAction(std::string_view type) {
  for (const ActionEntry& entry : kActions)
    if (entry.type == type) return &entry;
  return nullptr;
}

}  // namespace

bool NeedsEveryRun(std::string_view type) {
  return std::find(std::begin(kWithoutRuns), std::end(kWithoutRuns), type) == std::end(kWithoutRuns);
}

std::string Action::Type() const {
  auto it = fields.is_object() ? fields.find("type") : fields.end();
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ActionResult Apply(AppState& state, const Action& action, const ActionContext& context) {
  const nlohmann::json& fields = action.fields;
  if (!fields.is_object()) return ActionResult::Fail("An action must be a JSON object with a \"type\".");
  auto type_it = fields.find("type");
  if (type_it == fields.end() || !type_it->is_string())
    return ActionResult::Fail("An action needs a \"type\" text field.");
  const std::string& type = type_it->get_ref<const std::string&>();
  const ActionEntry* entry = FindAction(type);
  if (!entry) return ActionResult::Fail("Unknown action type \"" + type + "\".");

  // Only the model is kept to put back: the session part (a running meter's series, a waiting
  // import) is never copied, and actions that cannot fail half-way copy nothing at all.
  std::optional<Model> before;
  if (entry->changes == Changes::Model) before.emplace(state.model);
  ActionResult result = entry->handler(state, action, context);
  if (!result.ok) {
    if (before) state.model = std::move(*before);
    result.model_changed = false;
    return result;
  }
  if (entry->changes == Changes::Loaded) ++state.model_revision;  // shown anew, nothing to save
  if (entry->changes == Changes::Model) result.model_changed = true;
  if (result.model_changed) {
    ++state.model_revision;
    result.effects.push_back(SaveChange{result.replay ? std::move(*result.replay) : action, result.id});
    result.replay.reset();
  }
  return result;
}

nlohmann::json ResultToJson(const ActionResult& result) {
  nlohmann::json out = result.answer.is_object() ? result.answer : nlohmann::json::object();
  out["ok"] = result.ok;
  if (!result.ok) {
    out["error"] = result.error;
    if (!result.field.empty()) out["field"] = result.field;
  }
  if (result.id) out["id"] = *result.id;
  return out;
}

}  // namespace sw
