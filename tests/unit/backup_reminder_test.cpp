// Settings' "Last backup" and Home's reminder: record_backup remembers the day and next_id; the
// reminder comes 30 days after the last backup (or the first run) once runs were logged since.
#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/storage/backup.hpp"
#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"
#include "core/storage/storage_codec.hpp"

using nlohmann::json;
using namespace sw;

namespace {

ActionContext On(const char* day) {
  ActionContext context;
  context.today = *ParseDate(day);
  return context;
}

void LogRun(AppState& state, const char* date, const char* today) {
  REQUIRE(Apply(state, {{"type", "add_run"}, {"date", date}, {"distance_m", 5000}}, On(today)).ok);
}

}  // namespace

TEST_CASE("no runs, no reminder; runs never backed up: a reminder 30 days after the first", "[backup][reminder]") {
  AppState state;
  CHECK_FALSE(BackupReminderDays(state.model, *ParseDate("2026-03-01")));
  LogRun(state, "2026-02-01", "2026-02-01");
  LogRun(state, "2026-02-20", "2026-02-20");
  CHECK_FALSE(BackupReminderDays(state.model, *ParseDate("2026-03-02")));  // 29 days
  CHECK(BackupReminderDays(state.model, *ParseDate("2026-03-03")) == 30);
}

TEST_CASE("after a backup: reminded only when runs came since and 30 days have passed", "[backup][reminder]") {
  AppState state;
  LogRun(state, "2026-01-05", "2026-01-05");
  REQUIRE(Apply(state, nlohmann::json{{"type", "record_backup"}}, On("2026-01-10")).ok);
  REQUIRE(state.model.last_backup);
  CHECK(FormatDate(state.model.last_backup->date) == "2026-01-10");
  CHECK_FALSE(BackupReminderDays(state.model, *ParseDate("2026-03-01")));  // nothing new since
  LogRun(state, "2026-01-12", "2026-01-12");
  CHECK_FALSE(BackupReminderDays(state.model, *ParseDate("2026-02-08")));  // 29 days
  CHECK(BackupReminderDays(state.model, *ParseDate("2026-02-09")) == 30);
  REQUIRE(Apply(state, nlohmann::json{{"type", "record_backup"}}, On("2026-02-09")).ok);
  CHECK_FALSE(BackupReminderDays(state.model, *ParseDate("2026-04-01")));
}

TEST_CASE("the backup mark is kept in the settings part and in backups, and older documents still read",
          "[backup][storage]") {
  AppState state;
  LogRun(state, "2026-01-05", "2026-01-05");
  REQUIRE(Apply(state, nlohmann::json{{"type", "record_backup"}}, On("2026-01-10")).ok);
  Model before = state.model;
  before.last_backup.reset();
  StoreChanges changes = EncodeStoreChanges(&before, state.model);
  CHECK(changes.put.count("settings") == 1);  // recording a backup writes the small settings part
  std::map<std::string, std::string> docs(changes.put.begin(), changes.put.end());
  docs.merge(EncodeStoreChanges(nullptr, state.model).put);
  CHECK(DecodeStore(docs).model.last_backup == state.model.last_backup);
  ParsedBackup parsed = ParseBackup(ExportBackup(state.model));
  REQUIRE(parsed.ok);
  CHECK(parsed.model.last_backup == state.model.last_backup);
  json old = ModelToJson(state.model);
  old.erase("last_backup");
  ParsedBackup without = ParseBackup(old.dump());
  REQUIRE(without.ok);
  CHECK_FALSE(without.model.last_backup);
  old["last_backup"] = {{"date", "2026-02-30"}, {"next_id", 2}};
  CHECK_FALSE(ParseBackup(old.dump()).ok);
}
