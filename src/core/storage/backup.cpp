#include "core/storage/backup.hpp"

#include <algorithm>

#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"
#include "core/model/schema_migrations.hpp"
#include "core/model/validation.hpp"

namespace sw {

std::string ExportBackup(const Model& model, bool pretty) {
  // ensure_ascii off: names stay readable UTF-8; error_handler replace never throws (the model's
  // text is validated UTF-8 anyway).
  return ModelToJson(model).dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string BackupFileName(Date today) { return "stridewise-backup-" + FormatDate(today) + ".json"; }

ParsedBackup ParseBackup(std::string_view text) {
  ParsedBackup out;
  if (text.size() > kMaxBackupBytes) {
    out.error = "This file is too large to be a Stridewise backup (over " + std::to_string(kMaxBackupBytes >> 20) + " MB).";
    return out;
  }
  // Checked before the JSON parser sees it (which would only say "not valid JSON"), and the same
  // for every caller: the app's import and `stridewise check` give the same answer and say where.
  if (std::optional<std::size_t> bad = FindInvalidUtf8(text)) {
    const auto line = 1 + std::count(text.begin(), text.begin() + std::ptrdiff_t(*bad), '\n');
    out.error = "This file is not valid UTF-8 text (the first bad byte is at byte offset " + std::to_string(*bad) +
                ", line " + std::to_string(line) + "), so nothing was imported.";
    return out;
  }
  // A byte-order mark is legal at the start of a UTF-8 file but not of JSON.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    out.error = "This file is not valid JSON (damaged, cut short or not a backup), so nothing was imported.";
    return out;
  }
  return ParseBackupJson(std::move(document));
}

ParsedBackup ParseBackupJson(nlohmann::json document) {
  ParsedBackup out;
  std::string error;
  if (!MigrateToCurrent(document, error, &out.schema)) {
    out.error = error;
    return out;
  }
  Model model;
  if (!ModelFromJson(document, model, error)) {
    out.error = "This backup has a problem, so nothing was imported: " + error;
    return out;
  }
  out.ok = true;
  out.summary = SummarizeBackup(model);
  out.model = std::move(model);
  return out;
}

BackupSummary SummarizeBackup(const Model& model) {
  BackupSummary s;
  s.runs = model.runs.size();
  s.shoes = model.shoes.size();
  s.pain = model.pain.size();
  s.strength = model.strength.size();
  s.cadence_sessions = model.cadence_sessions.size();
  auto see = [&s](Date date) {
    if (!s.first_date || date < *s.first_date) s.first_date = date;
    if (!s.last_date || date > *s.last_date) s.last_date = date;
  };
  for (const Run& r : model.runs) see(r.date);
  for (const PainEntry& p : model.pain) see(p.date);
  for (const StrengthSession& st : model.strength) see(st.date);
  for (const CadenceSession& c : model.cadence_sessions) see(c.date);
  return s;
}

namespace {

std::string Count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string RunsAndShoes(const Model& model) {
  return Count(model.runs.size(), "run", "runs") + " and " + Count(model.shoes.size(), "shoe", "shoes");
}

}  // namespace

std::string ConfirmReplaceMessage(const Model& current, const Model& incoming) {
  return "Replace " + RunsAndShoes(current) + " with " + RunsAndShoes(incoming) + "?";
}

std::string DescribeSummary(const BackupSummary& s) {
  std::string out = Count(s.runs, "run", "runs") + ", " + Count(s.shoes, "shoe", "shoes") + ", " +
                    Count(s.pain, "pain entry", "pain entries") + ", " +
                    Count(s.strength, "strength session", "strength sessions") + ", " +
                    Count(s.cadence_sessions, "cadence session", "cadence sessions") + "\n";
  if (s.first_date) out += "dates: " + FormatDate(*s.first_date) + " to " + FormatDate(*s.last_date) + "\n";
  else out += "dates: none (nothing logged)\n";
  return out;
}

std::optional<int> BackupReminderDays(const Model& model, Date today) {
  const Id first_new_id = model.last_backup ? model.last_backup->next_id : 0;
  // The day counted from: the last backup's, or (never backed up) the first run's. A plain Date
  // and a flag rather than std::optional<Date>: GCC 12 warns, wrongly, that its day may be unset.
  bool has_since = model.last_backup.has_value();
  Date since = has_since ? model.last_backup->date : Date{};
  bool runs_since = false;
  for (const Run& run : model.runs) {
    if (run.id < first_new_id) continue;
    runs_since = true;
    if (!model.last_backup && (!has_since || run.date < since)) {  // never backed up
      since = run.date;
      has_since = true;
    }
  }
  for (const RunYearDigest& year : model.unread_run_years) {  // years storage has not read yet
    if (year.max_id < first_new_id) continue;
    runs_since = true;
    if (!model.last_backup && (!has_since || year.first < since)) {
      since = year.first;
      has_since = true;
    }
  }
  if (!runs_since || !has_since) return std::nullopt;
  int days = int((std::chrono::sys_days(today) - std::chrono::sys_days(since)).count());
  if (days < kBackupReminderDays) return std::nullopt;
  return days;
}

}  // namespace sw
