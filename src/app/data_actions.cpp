// The page-level data actions: downloads, the file picker and the confirmation before an
// import replaces everything. They reach the browser, so they live in the app, not in core;
// the data itself is made and checked by core (backup.hpp) through the same Dispatch().
#include "app.hpp"

#include "core/backup.hpp"
#include "core/runs_csv.hpp"
#include "core/dates.hpp"
#include "core/validation.hpp"
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
  if (type == "pick_backup_file") {
    platform::PickTextFile(".json,application/json", [this](bool ok, std::string name, std::string text) {
      if (!ok) {
        save_info_.notice = "Could not read " + name + ": " + text;
        return;
      }
      nlohmann::json result = Dispatch({{"type", "import_backup"}, {"json", std::move(text)}});
      if (!result.value("ok", false)) save_info_.notice = "Not imported: " + result.value("error", std::string());
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
    save_info_.import_confirm = ConfirmReplaceMessage(state_.model, parsed.model);
    platform::RequestFrames(2);
    return nlohmann::json{{"ok", true}, {"confirm_required", true}, {"message", save_info_.import_confirm}};
  }
  if (type == "import_confirm" || type == "import_cancel") {
    if (pending_import_.empty()) return nlohmann::json{{"ok", false}, {"error", "There is no import waiting."}};
    std::string text = std::move(pending_import_);
    pending_import_.clear();
    save_info_.import_confirm.clear();
    if (type == "import_cancel") {
      save_info_.notice = "Import cancelled; nothing changed.";
      return nlohmann::json{{"ok", true}};
    }
    nlohmann::json result = Dispatch({{"type", "import_backup"}, {"json", std::move(text)}, {"confirm", true}});
    save_info_.notice = result.value("ok", false) ? "Backup restored." : "Not imported: " + result.value("error", std::string());
    return result;
  }
  return std::nullopt;
}

}  // namespace sw
