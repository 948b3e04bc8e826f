// Files for the runner and the storage notice's buttons: export_backup, export_csv,
// export_damaged, pick_backup_file, retry_storage. Core makes each file and says where it goes;
// the app only carries the effect out (a download, the share sheet, the picker).
#include "core/actions/action_input.hpp"
#include "core/model/dates.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/runs_csv.hpp"

namespace sw {
namespace {

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 15];
  }
  return out;
}

ActionResult Download(std::string name, std::string mime, std::string text) {
  ActionResult result;
  result.answer = {{"filename", name}};
  result.effects.push_back(DownloadFile{std::move(name), std::move(mime), std::move(text)});
  return result;
}

}  // namespace

// The whole model as a backup file; the day is remembered (record_backup is what a rebase
// re-applies: the file is not offered twice).
ActionResult ApplyExportBackup(AppState& state, const Action&, const ActionContext& context) {
  // A backup without the series still being read would lose them. Storage reads them just after
  // the first frame (a moment at most): the backup is made then (the app dispatches it again).
  if (!state.unread_series.empty()) {
    state.backup_waiting = true;
    ActionResult waiting = ActionResult::Ok();
    waiting.answer = {{"waiting_for", "cadence_series"}};
    return waiting;
  }
  state.backup_waiting = false;
  std::string name = BackupFileName(context.today);
  ActionResult result = Download(name, "application/json", ExportBackup(state.model));
  state.model.last_backup = BackupMark{context.today, state.model.next_id};
  Notify(state, result, "Backup saved as " + name + ".");
  result.replay = Action(nlohmann::json{{"type", "record_backup"}});
  result.model_changed = true;
  return result;
}

ActionResult ApplyExportCsv(AppState& state, const Action&, const ActionContext& context) {
  std::string name = "stridewise-runs-" + FormatDate(context.today) + ".csv";
  ActionResult result = Download(name, "text/csv", RunsCsv(state.model));
  Notify(state, result, "Runs saved as " + name + ".");
  return result;
}

// What storage kept aside, as it was stored: text as text; bytes (or text that is not UTF-8,
// which JSON cannot hold) in hex.
ActionResult ApplyExportDamaged(AppState&, const Action&, const ActionContext& context) {
  if (!context.kept_aside || context.kept_aside->empty())
    return ActionResult::Fail("There is no unreadable data to export.");
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [d, kept_as] : *context.kept_aside) {
    bool as_text = !d.binary && IsValidUtf8(d.text);
    out.push_back({{"key", d.key}, {"kept_as", kept_as}, {"reason", d.reason},
                   {as_text ? "text" : "hex", as_text ? d.text : Hex(d.text)}});
  }
  return Download("stridewise-unreadable-" + FormatDate(context.today) + ".json", "application/json", out.dump(2));
}

// Settings' Import backup: the picker opens; its answers come back as backup_file_opened and
// backup_file_read.
ActionResult ApplyPickBackupFile(AppState&, const Action&, const ActionContext&) {
  ActionResult result;
  result.effects.push_back(PickBackupFile{});
  return result;
}

ActionResult ApplyRetryStorage(AppState&, const Action&, const ActionContext&) {
  ActionResult result;
  result.effects.push_back(RetryStorage{});
  return result;
}

}  // namespace sw
