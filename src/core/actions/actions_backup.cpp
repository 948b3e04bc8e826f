// import_backup (API.md): the same path as picking a file in Settings, with the runner's Replace
// or Cancel (import_confirm / import_cancel); the file picker's answers (backup_file_*); record_backup.
#include "core/actions/action_input.hpp"
#include "core/storage/backup.hpp"

namespace sw {

// {json: "<the file's text>" (or the document itself), confirm?: true}. Without confirm:true it
// changes nothing saved: the checked backup waits for the runner's Replace (import_confirm), and
// the answer carries the question the dialog asks, so a caller sees the counts.
// {confirm: true, prepared: true}: the backup decoded off the door rides in the action itself
// (action.model): what a confirmed import is re-applied as on a rebase.
ActionResult ApplyImportBackup(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "import_backup");
  bool confirm = false;
  bool prepared = false;
  if (!in.OptBool("prepared", prepared) || !in.OptBool("confirm", confirm)) return FailWith(in);
  ActionResult result;
  if (prepared) {
    if (!given.model) return ActionResult::Fail("import_backup: there is no prepared backup to restore.");
    if (!confirm) return ActionResult::Fail("import_backup: a prepared backup is restored only with confirm:true.");
    draft.model = Model(*given.model);  // whole, in this one action
    result.model_changed = true;
    return result;
  }
  const nlohmann::json* source = in.Find("json");
  if (!source) {
    std::string unused;
    in.String("json", unused);
    return FailWith(in);
  }
  if (!source->is_string() && !source->is_object())
    return ActionResult::Fail("import_backup: \"json\" must be the backup file's text.");
  ParsedBackup backup =
      source->is_string() ? ParseBackup(source->get_ref<const std::string&>()) : ParseBackupJson(*source);
  if (!backup.ok) return ActionResult::Fail(backup.error);
  if (!confirm) {
    // The same path as a picked file: checked, then the runner is asked before anything changes.
    std::string question = ConfirmReplaceMessage(draft.model, backup.model);
    draft.pending_import = PendingImport{std::make_shared<const Model>(std::move(backup.model)), question};
    result.answer = {{"confirm_required", true}, {"message", question}};
    return result;
  }
  draft.model = std::move(backup.model);  // whole, or (on any failure above) not at all
  result.model_changed = true;
  return result;
}

// The runner's Replace: the waiting backup becomes the model, in one action.
ActionResult ApplyImportConfirm(AppState& state, const Action&, const ActionContext&) {
  if (!state.pending_import) return ActionResult::Fail("There is no import waiting.");
  std::shared_ptr<const Model> model = std::move(state.pending_import->model);
  state.pending_import.reset();
  state.model = Model(*model);
  ActionResult result;
  Notify(state, result, "Backup restored.");
  result.model_changed = true;
  Action replay(nlohmann::json{{"type", "import_backup"}, {"confirm", true}, {"prepared", true}});
  replay.model = std::move(model);
  result.replay = std::move(replay);
  return result;
}

ActionResult ApplyImportCancel(AppState& state, const Action&, const ActionContext&) {
  if (!state.pending_import) return ActionResult::Fail("There is no import waiting.");
  state.pending_import.reset();
  ActionResult result;
  Notify(state, result, "Import cancelled; nothing changed.");
  return result;
}

// The file picker's bridge: {name} once a file's size and first bytes passed
// CheckBackupFileStart (backup_file.hpp) and it is being read.
ActionResult ApplyBackupFileOpened(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "backup_file_opened");
  std::string name;
  if (!in.String("name", name)) return FailWith(in);
  ActionResult result;
  Notify(state, result, "Reading " + name + "\u2026");
  return result;
}

// The file picker's bridge: {name, error?, refused?} and, when read and decoded, the model in
// action.model. A decoded backup waits for the runner's Replace; a failure is said plainly.
ActionResult ApplyBackupFileRead(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "backup_file_read");
  std::string name, error;
  bool refused = false;
  if (!in.String("name", name) || !in.OptString("error", error) || !in.OptBool("refused", refused)) return FailWith(in);
  if (!given.model) {
    if (error.empty()) error = "the file could not be read.";
    ActionResult result;
    Notify(state, result, refused ? error : name + ": " + error, /*failed=*/true);
    return result;
  }
  state.pending_import = PendingImport{given.model, ConfirmReplaceMessage(state.model, *given.model)};
  state.notice = {};
  return ActionResult::Ok();
}

// record_backup: the app offered a backup file (download or share sheet) today. Remembers the day
// and next_id, so Settings can say when and Home can tell runs logged since.
ActionResult ApplyRecordBackup(AppState& draft, const Action&, const ActionContext& context) {
  draft.model.last_backup = BackupMark{context.today, draft.model.next_id};
  return ActionResult::Ok();
}

}  // namespace sw
