#pragma once
// Backups: the whole model as one schema-2 document (model_json.hpp). Export writes it; import
// reads any schema this app knows (migrating older ones), validates everything and reports what
// it holds, so the app can confirm with counts before replacing anything.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/model/model.hpp"

namespace sw {

// The largest file taken as a backup, checked before it is read (backup_file.hpp) and again by
// ParseBackup. Ten years (3,650 runs, a 30-minute cadence series every 18 days) export to 5.8 MB
// (2.5 MB compact); 32 MB leaves room for five times that, and bounds the parse's peak memory
// (the text, its JSON tree and the model: the worker's heap reached 108 MB for a 20 MB backup)
// to what a phone gives a tab.
inline constexpr std::size_t kMaxBackupBytes = 32u << 20;

struct BackupSummary {
  std::size_t runs = 0, shoes = 0, pain = 0, strength = 0, cadence_sessions = 0;
  std::optional<Date> first_date, last_date;  // over runs, pain, strength and cadence sessions
};

struct ParsedBackup {
  bool ok = false;
  std::string error;  // when !ok: in plain words
  Model model;
  BackupSummary summary;
  int schema = 0;  // the file's own schema, before migration
};

// The download's text: the whole document, pretty-printed (2 spaces) or compact.
std::string ExportBackup(const Model& model, bool pretty = true);
// "stridewise-backup-YYYY-MM-DD.json".
std::string BackupFileName(Date today);

// Malformed JSON, not a Stridewise file, a newer schema or invalid content -> !ok with the reason.
ParsedBackup ParseBackup(std::string_view text);
ParsedBackup ParseBackupJson(nlohmann::json document);

BackupSummary SummarizeBackup(const Model& model);
// "Replace 120 runs and 4 shoes with 98 runs and 3 shoes?"
std::string ConfirmReplaceMessage(const Model& current, const Model& incoming);
// Home's gentle reminder: the days since the last backup (or, with none yet, since the first run)
// when that is at least kBackupReminderDays and runs have been logged since; nullopt otherwise.
inline constexpr int kBackupReminderDays = 30;
std::optional<int> BackupReminderDays(const Model& model, Date today);

// Several lines for people: counts, date range (the CLI's `check`).
std::string DescribeSummary(const BackupSummary& summary);

}  // namespace sw
