// The page-level data actions: downloads, the file picker and the confirmation before an
// import replaces everything. They reach the browser, so they live in the app, not in core;
// the data itself is made and checked by core (backup.hpp) through the same Dispatch().
#include "app.hpp"

#include "core/actions/actions.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/backup_file.hpp"
#include "core/storage/runs_csv.hpp"
#include "core/model/dates.hpp"
#include "core/model/validation.hpp"
#include "platform/files.hpp"
#include "platform/platform.hpp"

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

}  // namespace

std::optional<nlohmann::json> App::HandleDataAction(const nlohmann::json& action) {
  const std::string type = action.value("type", "");
  if (type == "export_backup") {
    std::string name = BackupFileName(platform::Today());
    platform::DownloadText(name, "application/json", ExportBackup(state_.model));
    save_info_.notice = "Backup saved as " + name + ".";
    Dispatch({{"type", "record_backup"}});  // Settings' "Last backup", Home's reminder
    return nlohmann::json{{"ok", true}, {"filename", name}};
  }
  if (type == "export_csv") {
    std::string name = "stridewise-runs-" + FormatDate(platform::Today()) + ".csv";
    platform::DownloadText(name, "text/csv", RunsCsv(state_.model));
    save_info_.notice = "Runs saved as " + name + ".";
    return nlohmann::json{{"ok", true}, {"filename", name}};
  }
  if (type == "export_damaged") {
    if (storage_.damaged().empty()) return nlohmann::json{{"ok", false}, {"error", "There is no unreadable data to export."}};
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : storage_.damaged()) {
      // Text goes out as it was; bytes (or text that is not UTF-8, which JSON cannot hold) in hex.
      bool as_text = !d.document.binary && IsValidUtf8(d.document.text);
      out.push_back({{"key", d.document.key}, {"kept_as", d.kept_as},
                     {"reason", d.document.reason}, {as_text ? "text" : "hex", as_text ? d.document.text : Hex(d.document.text)}});
    }
    std::string name = "stridewise-unreadable-" + FormatDate(platform::Today()) + ".json";
    platform::DownloadText(name, "application/json", out.dump(2));
    return nlohmann::json{{"ok", true}, {"filename", name}};
  }
  if (type == "retry_storage") {  // the storage notice's "Try again"
    storage_.RetryNow();
    return nlohmann::json{{"ok", true}};
  }
  if (type == "pick_backup_file") {
    // Refused at once from its size and first bytes; otherwise parsed in a worker (the page stays
    // responsive), decoded here a slice at a time, then the "Replace ...?" confirmation.
    auto check = [this](const std::string& name, double size, const std::string& head) {
      std::string refused = CheckBackupFileStart(name, std::uint64_t(size), head);
      if (refused.empty()) save_info_.notice = "Reading " + name + "\u2026";
      platform::RequestFrames(2);
      return refused;
    };
    platform::PickBackupFile(".json,application/json", kBackupHeadBytes, check, [this](platform::PickedBackup picked) {
      if (!picked.ok) {
        save_info_.notice = picked.refused ? picked.error : picked.name + ": " + picked.error;
        return;
      }
      unpacking_ = std::make_unique<BackupUnpacker>(std::move(picked.packed));
      unpacking_name_ = picked.name;
      UnpackSlice(++unpack_generation_);
    });
    return nlohmann::json{{"ok", true}};
  }
  if (type == "import_backup" && !action.value("confirm", false)) {
    // The same path as a picked file: check it, then ask before replacing anything.
    auto text = action.find("json");
    if (text == action.end() || !text->is_string())
      return nlohmann::json{{"ok", false}, {"error", "import_backup needs \"json\": the backup file's text."}};
    ParsedBackup parsed = ParseBackup(text->get_ref<const std::string&>());
    if (!parsed.ok) return nlohmann::json{{"ok", false}, {"error", parsed.error}};
    pending_import_ = text->get<std::string>();
    pending_model_.reset();
    save_info_.import_confirm = ConfirmReplaceMessage(state_.model, parsed.model);
    platform::RequestFrames(2);
    return nlohmann::json{{"ok", true}, {"confirm_required", true}, {"message", save_info_.import_confirm}};
  }
  if (type == "import_confirm" || type == "import_cancel") {
    if (pending_import_.empty() && !pending_model_)
      return nlohmann::json{{"ok", false}, {"error", "There is no import waiting."}};
    std::string text = std::move(pending_import_);
    pending_import_.clear();
    std::shared_ptr<const Model> model = std::move(pending_model_);
    pending_model_.reset();
    save_info_.import_confirm.clear();
    if (type == "import_cancel") {
      save_info_.notice = "Import cancelled; nothing changed.";
      return nlohmann::json{{"ok", true}};
    }
    nlohmann::json result;
    if (model) {
      // A picked backup, already parsed and decoded: replaced in one action, nothing parsed again.
      // These are Dispatch()'s own steps (app.cpp) with the model in the action's context, where
      // a rebase (storage_sync) finds it again when it re-applies the action.
      nlohmann::json apply = {{"type", "import_backup"}, {"confirm", true}, {"prepared", true}};
      ActionContext context = CurrentContext();
      context.prepared_import = std::move(model);
      unsigned long long revision = state_.model_revision;
      ActionResult applied = Apply(state_, apply, context);
      if (applied.ok && state_.model_revision != revision) storage_.OnModelChanged(apply, context, applied.id);
      platform::RequestFrames(2);
      result = ResultToJson(applied);
    } else {
      result = Dispatch({{"type", "import_backup"}, {"json", std::move(text)}, {"confirm", true}});
    }
    save_info_.notice = result.value("ok", false) ? "Backup restored." : "Not imported: " + result.value("error", std::string());
    return result;
  }
  return std::nullopt;
}

// Decodes the picked backup's parts for a few milliseconds, then yields to the page (a task of
// its own each time), until the model is whole and the confirmation can ask.
void App::UnpackSlice(unsigned generation) {
  constexpr double kSliceMs = 8;
  if (generation != unpack_generation_ || !unpacking_) return;
  double start = platform::NowMs();
  do unpacking_->Step();
  while (!unpacking_->Done() && platform::NowMs() - start < kSliceMs);
  if (!unpacking_->Done()) {
    platform::CallAfter(0, [this, generation] { UnpackSlice(generation); });
    return;
  }
  ParsedBackup backup = unpacking_->Finish();
  unpacking_.reset();
  platform::RequestFrames(2);
  if (!backup.ok) {
    save_info_.notice = unpacking_name_ + ": " + backup.error;
    return;
  }
  pending_import_.clear();
  pending_model_ = std::make_shared<const Model>(std::move(backup.model));
  save_info_.import_confirm = ConfirmReplaceMessage(state_.model, *pending_model_);
  save_info_.notice.clear();
}

}  // namespace sw
