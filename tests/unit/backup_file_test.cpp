// Restoring a picked backup (backup_file.hpp): the quick refusal from size and first bytes, the
// worker's packed parts and their decoding a part at a time, and the prepared import action.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/actions/actions.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/backup_file.hpp"
#include "core/model/model_json.hpp"
#include "core/storage/storage_codec.hpp"
#include "model_samples.hpp"

using namespace sw;
using namespace sw::test;

namespace {

// What an action's result has screen readers say (its Announce effects), in order.
std::vector<std::string> Said(const ActionResult& result) {
  std::vector<std::string> said;
  for (const Effect& effect : result.effects)
    if (const Announce* announce = std::get_if<Announce>(&effect)) said.push_back(announce->text);
  return said;
}

// Four years of runs, two shoes, and sessions with hour-long series: many parts of every kind.
Model BigModel() {
  Model m = SampleModel();
  Id id = m.next_id;
  for (int i = 0; i < 1500; ++i) {
    Run run;
    run.id = id++;
    run.date = std::chrono::sys_days(D("2022-01-01")) + std::chrono::days(i);
    run.distance_m = 3000 + (i * 7919) % 12000;
    run.shoe_id = 1 + i % 2;
    m.runs.push_back(run);
  }
  for (int i = 0; i < 40; ++i) {
    CadenceSession session;
    session.id = id++;
    session.date = std::chrono::sys_days(D("2023-01-01")) + std::chrono::days(i * 9);
    session.duration_s = 3600;
    session.mean_spm = 171;
    for (int s = 0; s < 3600; ++s) session.series_spm.push_back(float(160 + (s * 13 + i) % 200 / 10.0));
    m.cadence_sessions.push_back(std::move(session));
  }
  m.next_id = id;
  return m;
}

struct Unpacked {
  ParsedBackup backup;
  int steps = 0;
};

Unpacked Unpack(std::string packed) {
  Unpacked out;
  BackupUnpacker unpacker(std::move(packed));
  while (!unpacker.Done()) {
    unpacker.Step();
    ++out.steps;
  }
  out.backup = unpacker.Finish();
  return out;
}

}  // namespace

TEST_CASE("a picked file is refused from its size and first bytes, naming it", "[backup][file]") {
  const std::string backup = ExportBackup(SampleModel());
  CHECK(CheckBackupFileStart("b.json", backup.size(), backup.substr(0, kBackupHeadBytes)).empty());
  CHECK(CheckBackupFileStart("b.json", 40, "\xEF\xBB\xBF \r\n\t{\"schema\": 3").empty());  // BOM, blanks
  CHECK(CheckBackupFileStart("b.json", kMaxBackupBytes, "{").empty());                    // the limit itself

  CHECK(CheckBackupFileStart("stridewise-run.gpx", 5000, "<?xml version=\"1.0\"?><gpx>") ==
        "stridewise-run.gpx is not a Stridewise backup (it does not start like one). Nothing was changed.");
  for (std::string head : {std::string("PK\x03\x04\x14\0", 6), std::string("%PDF-1.7\n"),
                           std::string("\0\0\0\x18" "ftypmp42", 12), std::string("[{\"id\": 1}]"),
                           std::string("\xEF\xBB\xBF"), std::string(kBackupHeadBytes, ' ')}) {
    INFO(head);
    CHECK(CheckBackupFileStart("x", 20 << 20, head) == "x is not a Stridewise backup (it does not start like one). Nothing was changed.");
  }
  CHECK(CheckBackupFileStart("empty.json", 0, "") == "empty.json is empty, so it is not a Stridewise backup. Nothing was changed.");
  CHECK(CheckBackupFileStart("film.mov", (40u << 20) + (1u << 19), "{") ==
        "film.mov is too large to be a Stridewise backup (40.5 MB; a backup is at most 32 MB). Nothing was changed.");
  CHECK_FALSE(CheckBackupFileStart("big.json", kMaxBackupBytes + 1, "{").empty());
  CHECK(CheckBackupFileStart("", 10, "<").rfind("This file is not", 0) == 0);
  // ParseBackup keeps the same limit.
  CHECK(ParseBackup(std::string(kMaxBackupBytes + 1, ' ')).error ==
        "This file is too large to be a Stridewise backup (over 32 MB).");
}

TEST_CASE("a packed backup decodes a part at a time to the very model the file holds", "[backup][file]") {
  for (const Model& model : {SampleModel(), Model{}, BigModel()}) {
    ParsedBackup parsed = ParseBackup(ExportBackup(model));
    REQUIRE(parsed.ok);
    Unpacked back = Unpack(PackBackup(parsed));
    INFO(back.backup.error);
    REQUIRE(back.backup.ok);
    CHECK(back.backup.model == model);
    CHECK(back.backup.schema == kCurrentSchema);
    CHECK(back.backup.summary.runs == model.runs.size());
    CHECK(back.backup.summary.cadence_sessions == model.cadence_sessions.size());
    // One step per store document: settings, shoes, strength, pain, a year of runs, and two per
    // session, its fields and its series: never every session's fields in one step (the run
    // summary is not packed: the store rebuilds it).
    std::size_t years = 0;
    for (std::size_t i = 0; i < model.runs.size(); ++i)
      if (i == 0 || std::none_of(model.runs.begin(), model.runs.begin() + std::ptrdiff_t(i),
                                 [&](const Run& r) { return r.date.year() == model.runs[i].date.year(); }))
        ++years;
    CHECK(std::size_t(back.steps) == 4 + years + 2 * model.cadence_sessions.size());
  }
  // The file's own schema is reported, as ParseBackup does.
  ParsedBackup v1 = ParseBackup(ReadFixture("schema_v1.json"));
  REQUIRE(v1.ok);
  Unpacked back = Unpack(PackBackup(v1));
  REQUIRE(back.backup.ok);
  CHECK(back.backup.schema == 1);
  CHECK(back.backup.model == v1.model);
}

TEST_CASE("a packed backup that is cut short, damaged or miscounted gives nothing", "[backup][file]") {
  ParsedBackup parsed = ParseBackup(ExportBackup(BigModel()));
  REQUIRE(parsed.ok);
  const std::string packed = PackBackup(parsed);
  auto refused = [](std::string bytes) {
    ParsedBackup back = Unpack(std::move(bytes)).backup;
    CHECK_FALSE(back.ok);
    CHECK(back.model == Model{});  // nothing half-decoded is handed out
    CHECK(back.error.rfind("This backup could not be read back whole (", 0) == 0);
    return back.error;
  };
  CHECK(refused(packed.substr(0, packed.size() / 2)) ==
        "This backup could not be read back whole (it is cut short), so nothing was imported.");
  CHECK(refused(packed.substr(0, packed.size() - 1)).find("cut short") != std::string::npos);
  CHECK(refused("{\"schema\": 3}").find("not a packed backup") != std::string::npos);
  CHECK(refused("").find("not a packed backup") != std::string::npos);

  std::string miscounted = packed;
  std::size_t at = miscounted.find("\"runs\":1503");
  REQUIRE(at != std::string::npos);
  miscounted.replace(at, 11, "\"runs\":1504");
  CHECK(refused(miscounted) ==
        "This backup could not be read back whole (it holds other counts than the file), so nothing was imported.");

  // A series value that is not a cadence (a NaN's bytes) in session 7's series (6 values: 24 bytes).
  std::string damaged = packed;
  std::size_t series = damaged.find("series/7" + std::string("\x18\0\0\0", 4));
  REQUIRE(series != std::string::npos);
  damaged.replace(series + 12, 4, std::string("\x00\x00\xC0\x7F", 4));
  CHECK(refused(damaged).find("A cadence series could not be read") != std::string::npos);
}

TEST_CASE("StoreDecoder, fed one document at a time in any order, decodes what DecodeStore does", "[storage][file]") {
  const Model model = BigModel();
  StoreChanges parts = EncodeStoreChanges(nullptr, model);
  std::vector<std::pair<std::string, std::string>> docs(parts.put.begin(), parts.put.end());
  std::reverse(docs.begin(), docs.end());  // series before their sessions, runs newest year first
  StoreDecoder decoder;
  for (auto& [key, value] : docs) CHECK(decoder.Add(key, value).empty());
  CHECK(decoder.Finish() == model);
  CHECK(DecodeStore(parts.put).model == model);

  StoreDecoder strict;
  CHECK(strict.Add("rev", "4") == "\"rev\" is not a part of the data.");
  CHECK(strict.Add("runs/2022", "{\"schema\": 3, \"app\": \"stridewise\", \"runs\": [{\"id\": 1}]}")
            .rfind("Your saved runs of 2022 could not be read: ", 0) == 0);
  CHECK(strict.Add("series/5", "abc").find("not a whole number of values") != std::string::npos);
}

TEST_CASE("import_backup with a prepared model replaces everything in one action, only when confirmed",
          "[backup][actions]") {
  AppState state;
  state.model = SampleModel();
  const Model incoming = BigModel();
  auto prepared = [&](nlohmann::json fields) {
    Action action(std::move(fields));
    action.model = std::make_shared<const Model>(incoming);
    return action;
  };
  ActionContext context;

  // Not confirmed, or nothing prepared: refused, nothing changed.
  CHECK(Apply(state, prepared({{"type", "import_backup"}, {"prepared", true}}), context).error ==
        "import_backup: a prepared backup is restored only with confirm:true.");
  CHECK(Apply(state, {{"type", "import_backup"}, {"prepared", true}, {"confirm", true}}, context).error ==
        "import_backup: there is no prepared backup to restore.");
  CHECK_FALSE(Apply(state, prepared({{"type", "import_backup"}, {"prepared", "yes"}, {"confirm", true}}), context).ok);
  CHECK(state.model == SampleModel());
  CHECK(state.model_revision == 0);

  ActionResult done = Apply(state, prepared({{"type", "import_backup"}, {"prepared", true}, {"confirm", true}}), context);
  INFO(done.error);
  REQUIRE(done.ok);
  CHECK(state.model == incoming);
  CHECK(state.model_revision == 1);
  // Re-applied (a rebase onto another tab's write): the same model again, from the action.
  state.model.runs.clear();
  REQUIRE(Apply(state, prepared({{"type", "import_backup"}, {"prepared", true}, {"confirm", true}}), context).ok);
  CHECK(state.model == incoming);
}

TEST_CASE("A picked backup waits for Replace; import_confirm saves what a rebase re-applies, cancel changes nothing",
          "[backup][actions]") {
  AppState state;
  state.model = SampleModel();
  ActionContext context;
  // Nothing waiting: both answers are refused.
  CHECK(Apply(state, nlohmann::json{{"type", "import_confirm"}}, context).error == "There is no import waiting.");
  CHECK(Apply(state, nlohmann::json{{"type", "import_cancel"}}, context).error == "There is no import waiting.");

  // The picker's answer: a decoded model waits with the question; nothing saved yet.
  Action read(nlohmann::json{{"type", "backup_file_read"}, {"name", "b.json"}});
  read.model = std::make_shared<const Model>(BigModel());
  ActionResult waiting = Apply(state, read, context);
  REQUIRE(waiting.ok);
  CHECK(waiting.effects.empty());
  REQUIRE(state.pending_import);
  CHECK(state.pending_import->message == ConfirmReplaceMessage(SampleModel(), BigModel()));
  CHECK(state.model == SampleModel());
  CHECK(state.model_revision == 0);

  // Cancel: the waiting import goes, the model stays; the notice is said as well as shown.
  ActionResult cancelled = Apply(state, nlohmann::json{{"type", "import_cancel"}}, context);
  REQUIRE(cancelled.ok);
  CHECK(Said(cancelled) == std::vector<std::string>{"Import cancelled; nothing changed."});
  CHECK_FALSE(state.pending_import);
  CHECK(state.notice.text == "Import cancelled; nothing changed.");
  CHECK_FALSE(state.notice.failed);
  CHECK(state.model == SampleModel());

  // Again, and Replace: one SaveChange whose replay carries the decoded model itself.
  REQUIRE(Apply(state, read, context).ok);
  ActionResult replaced = Apply(state, nlohmann::json{{"type", "import_confirm"}}, context);
  REQUIRE(replaced.ok);
  CHECK(state.model == BigModel());
  CHECK(state.model_revision == 1);
  CHECK(state.notice.text == "Backup restored.");
  CHECK_FALSE(state.notice.failed);
  CHECK(Said(replaced) == std::vector<std::string>{"Backup restored."});
  REQUIRE(replaced.effects.size() == 2);  // the notice said, then the write
  const SaveChange* save = std::get_if<SaveChange>(&replaced.effects[1]);
  REQUIRE(save);
  CHECK(save->replay.Type() == "import_backup");
  REQUIRE(save->replay.model);
  CHECK(*save->replay.model == BigModel());

  // A failed read says why (to screen readers too) and leaves nothing waiting.
  ActionResult failed = Apply(state, {{"type", "backup_file_read"}, {"name", "x.json"}, {"error", "not a backup."}}, context);
  REQUIRE(failed.ok);
  CHECK(Said(failed) == std::vector<std::string>{"x.json: not a backup."});
  CHECK(state.notice.text == "x.json: not a backup.");
  CHECK(state.notice.failed);  // Settings draws it as an error
  CHECK_FALSE(state.pending_import);
  // One refused from its first bytes says the bridge's sentence alone, as a failure too.
  REQUIRE(Apply(state, {{"type", "backup_file_read"}, {"name", "run.gpx"}, {"refused", true},
                        {"error", "run.gpx is not a Stridewise backup."}}, context).ok);
  CHECK(state.notice.text == "run.gpx is not a Stridewise backup.");
  CHECK(state.notice.failed);
  // The next file being read is news again, not a failure.
  CHECK(Said(Apply(state, {{"type", "backup_file_opened"}, {"name", "b.json"}}, context)) ==
        std::vector<std::string>{"Reading b.json\u2026"});
  CHECK(state.notice.text == "Reading b.json\u2026");
  CHECK_FALSE(state.notice.failed);
}

TEST_CASE("A file saved for the runner is said to screen readers as well as shown in Settings", "[backup][actions]") {
  AppState state;
  state.model = SampleModel();
  ActionContext context;
  context.today = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{10}};
  ActionResult csv = Apply(state, nlohmann::json{{"type", "export_csv"}}, context);
  REQUIRE(csv.ok);
  CHECK(Said(csv) == std::vector<std::string>{"Runs saved as stridewise-runs-2026-03-10.csv."});
  CHECK(state.notice.text == "Runs saved as stridewise-runs-2026-03-10.csv.");
  CHECK_FALSE(state.notice.failed);
  ActionResult backup = Apply(state, nlohmann::json{{"type", "export_backup"}}, context);
  REQUIRE(backup.ok);
  CHECK(Said(backup) == std::vector<std::string>{"Backup saved as " + backup.answer["filename"].get<std::string>() + "."});
  CHECK(state.notice.text == Said(backup).at(0));
}
