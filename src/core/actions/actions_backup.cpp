// import_backup (API.md): the same path as picking a file in Settings. export_backup is the app's
// (a download); its text comes from ExportBackup().
#include "core/actions/action_input.hpp"
#include "core/storage/backup.hpp"

namespace sw {

// {json: "<the file's text>" (or the document itself), confirm?: true}. Without confirm:true it
// changes nothing and answers with the question the dialog asks, so a caller sees the counts.
// {confirm: true, prepared: true} instead of json: the backup the app parsed off the page's thread
// and holds in context.prepared_import (a picked file, after the runner confirmed).
ActionResult ApplyImportBackup(AppState& draft, const nlohmann::json& action, const ActionContext& context) {
  FieldReader in(action, "import_backup");
  bool confirm = false;
  bool prepared = false;
  if (!in.OptBool("prepared", prepared)) return FailWith(in);
  if (prepared) {
    if (!context.prepared_import) return ActionResult::Fail("import_backup: there is no prepared backup to restore.");
    if (!in.OptBool("confirm", confirm)) return FailWith(in);
    if (!confirm) return ActionResult::Fail("import_backup: a prepared backup is restored only with confirm:true.");
    draft.model = *context.prepared_import;  // whole, in this one action
    return ActionResult::Ok();
  }
  const nlohmann::json* source = in.Find("json");
  if (!source) {
    std::string unused;
    in.String("json", unused);
    return FailWith(in);
  }
  if (!source->is_string() && !source->is_object())
    return ActionResult::Fail("import_backup: \"json\" must be the backup file's text.");
  if (!in.OptBool("confirm", confirm)) return FailWith(in);
  ParsedBackup backup =
      source->is_string() ? ParseBackup(source->get_ref<const std::string&>()) : ParseBackupJson(*source);
  if (!backup.ok) return ActionResult::Fail(backup.error);
  if (!confirm)
    return ActionResult::Fail(ConfirmReplaceMessage(draft.model, backup.model) +
                              " Dispatch again with confirm:true to replace.");
  draft.model = std::move(backup.model);  // whole, or (on any failure above) not at all
  return ActionResult::Ok();
}

// record_backup: the app offered a backup file (download or share sheet) today. Remembers the day
// and next_id, so Settings can say when and Home can tell runs logged since.
ActionResult ApplyRecordBackup(AppState& draft, const nlohmann::json&, const ActionContext& context) {
  draft.model.last_backup = BackupMark{context.today, draft.model.next_id};
  return ActionResult::Ok();
}

}  // namespace sw
