// StorageSync reads the cadence series after the first frame (issue 17): the first read leaves
// them out, AfterFirstFrame() reads them. Until then a change never writes over a series it has
// not read, a backup waits, and once they are in, the model equals what a whole read gives and
// the next change writes no series again.
#include <catch2/catch.hpp>

#include "core/model/model_json.hpp"
#include "storage_sync_harness.hpp"

using namespace sw;
using namespace sw::test;
using namespace sw::test::storage_sync;

namespace {

// The runner's data with two cadence sessions (5 and 6), each with a per-second series.
Model RunnerWithSessions() {
  Model m = RunnerModel();
  for (Id id : {5, 6}) {
    CadenceSession session;
    session.id = id;
    session.date = D("2026-03-03");
    session.duration_s = 4;
    session.mean_spm = 170 + double(id);
    session.series_spm = {168.5f, 170.25f, float(id), 171};
    m.cadence_sessions.push_back(session);
  }
  m.next_id = 7;
  return m;
}

// export_backup: the backup file's text, or nullopt when it waits for the series (it then
// downloads nothing and saves nothing, and the state says it waits).
std::optional<std::string> ExportBackupText(Tab& tab) {
  ActionContext context = ContextFor(tab.sync);
  ActionResult result = Apply(tab.state, Action(json{{"type", "export_backup"}}), context);
  REQUIRE(result.ok);
  for (const Effect& effect : result.effects)
    if (const DownloadFile* file = std::get_if<DownloadFile>(&effect)) {
      CHECK_FALSE(tab.state.backup_waiting);
      return file->text;
    }
  CHECK(result.effects.empty());
  CHECK(result.answer["waiting_for"] == "cadence_series");
  CHECK(tab.state.backup_waiting);
  return std::nullopt;
}

}  // namespace

TEST_CASE("StorageSync draws before the series are read, reads them after the first frame, and they agree",
          "[storage_sync][later]") {
  ResetPlatform();
  Model runner = RunnerWithSessions();
  Seed(runner, 2);
  std::map<std::string, std::string> stored_before = fake::Docs();
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  CHECK(fake::LoadCount() == 1);
  // Everything but the series: sessions are listed (Home, the history), their series unread.
  CHECK(tab.state.model.cadence_sessions.size() == 2);
  for (const CadenceSession& session : tab.state.model.cadence_sessions) CHECK(session.series_spm.empty());
  CHECK(tab.state.unread_series == std::set<Id>{5, 6});
  CHECK(tab.Save()["parts_loading"] == json::array({"cadence_series"}));
  CHECK(tab.Save()["timing"]["all_loaded_ms"].is_null());
  CHECK_FALSE(tab.sync.AllLoaded());
  CHECK(tab.state.model.runs == runner.runs);
  CHECK(tab.state.model.shoes == runner.shoes);
  // A backup now would lose the series: it waits.
  CHECK_FALSE(ExportBackupText(tab));

  SECTION("a change before they are read writes no series, and they arrive intact") {
    Change(tab.state, tab.sync, AddRun("2026-03-09", 5000));
    fake::DrainStorage();
    CHECK(tab.sync.status() == StorageSync::Status::Saved);
    CHECK(fake::Doc("series/5") == stored_before.at("series/5"));
    CHECK(fake::Doc("series/6") == stored_before.at("series/6"));
  }
  SECTION("deleting a session before they are read removes its series, keeps the other") {
    ActionContext context = ContextFor(tab.sync);
    ActionResult result = Apply(tab.state, Action(json{{"type", "delete_cadence_session"}, {"id", 5}}), context);
    REQUIRE(result.ok);
    for (const Effect& effect : result.effects)
      if (const SaveChange* save = std::get_if<SaveChange>(&effect))
        tab.sync.OnModelChanged(save->replay, context, save->created_id);
    fake::DrainStorage();
    CHECK_FALSE(fake::Doc("series/5"));
    CHECK_FALSE(fake::Doc("cadence/5"));
    CHECK(fake::Doc("series/6") == stored_before.at("series/6"));
    runner.cadence_sessions.erase(runner.cadence_sessions.begin());
  }

  unsigned long long revision = tab.state.model_revision;
  tab.sync.AfterFirstFrame();
  CHECK(fake::LoadCount() == 2);
  fake::DrainStorage();
  CHECK(tab.sync.AllLoaded());
  // Nothing derived reads a series: taking them in derives nothing again (a long frame on a phone).
  CHECK(tab.state.model_revision == revision);
  CHECK(tab.state.unread_series.empty());
  CHECK(tab.Save()["parts_loading"] == json::array());
  CHECK(tab.Save()["timing"]["all_loaded_ms"].is_number());
  // Every part in: the model is what a whole read of the store gives, series bit for bit.
  CHECK(tab.state.model == StoredModel());
  CHECK(tab.state.model.cadence_sessions == runner.cadence_sessions);
  std::optional<std::string> backup = ExportBackupText(tab);
  REQUIRE(backup);
  json sessions = json::parse(*backup)["cadence_sessions"];
  REQUIRE(sessions.size() == runner.cadence_sessions.size());
  CHECK(sessions.back()["series_spm"] == json::array({168.5, 170.25, 6, 171}));

  // What this tab knows is stored agrees with the store: the next change writes its year alone.
  std::map<std::string, std::string> before = fake::Docs();
  Change(tab.state, tab.sync, AddRun("2026-03-10", 3000));
  fake::DrainStorage();
  for (const auto& [key, value] : fake::Docs())
    if (key.rfind("series/", 0) == 0) CHECK(before.at(key) == value);
  CHECK(tab.state.model == StoredModel());
}

TEST_CASE("StorageSync takes in series read while a write is in flight only after it commits", "[storage_sync][later]") {
  ResetPlatform();
  Seed(RunnerWithSessions(), 2);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  tab.sync.AfterFirstFrame();  // the series read is queued...
  Change(tab.state, tab.sync, AddRun("2026-03-09", 5000));  // ...then a write, behind it
  fake::DrainStorage(1);  // the series arrive while the write is in flight
  CHECK_FALSE(tab.sync.AllLoaded());
  fake::DrainStorage();
  CHECK(tab.sync.AllLoaded());
  CHECK(tab.state.model == StoredModel());
  int writes = fake::WriteCount();
  std::map<std::string, std::string> before = fake::Docs();
  Change(tab.state, tab.sync, AddRun("2026-03-10", 3000));
  fake::DrainStorage();
  CHECK(fake::WriteCount() == writes + 1);
  for (const auto& [key, value] : fake::Docs())
    if (key.rfind("series/", 0) == 0) CHECK(before.at(key) == value);  // no series written again
}

TEST_CASE("StorageSync hears of another tab's commit while its series are read: it ends equal to the store",
          "[storage_sync][later]") {
  ResetPlatform();
  Seed(RunnerWithSessions(), 2);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  // Another tab logs a run; its notice comes before our series read is answered.
  std::int64_t theirs = OtherTabCommits(AddRun("2026-03-09", 12000));
  tab.sync.AfterFirstFrame();
  fake::DrainStorage();
  CHECK(RunWithId(tab.state.model, theirs));
  CHECK(tab.sync.AllLoaded());
  CHECK(tab.state.unread_series.empty());
  CHECK(tab.state.model == StoredModel());
}

TEST_CASE("StorageSync reads the series by itself when no frame is drawn, and again after a failed read",
          "[storage_sync][later]") {
  ResetPlatform();
  Seed(RunnerWithSessions(), 2);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  fake::FailLoads("UnknownError: the read failed");
  fake::AdvanceMs(1500);  // a hidden tab draws no frame
  fake::DrainStorage();
  CHECK_FALSE(tab.sync.AllLoaded());
  CHECK(tab.state.unread_series.size() == 2);
  fake::AdvanceMs(1000);
  fake::DrainStorage();
  CHECK(tab.sync.AllLoaded());
  CHECK(tab.state.model == StoredModel());
}

TEST_CASE("StorageSync keeps an unreadable series aside when it reads the series later", "[storage_sync][later]") {
  ResetPlatform();
  Seed(RunnerWithSessions(), 2);
  fake::PutDocs({{"series/6", std::string("\x01\x02\x03", 3)}}, 2);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  tab.sync.AfterFirstFrame();
  fake::DrainStorage();
  CHECK(tab.sync.AllLoaded());
  REQUIRE(tab.sync.damaged().size() == 1);
  CHECK(tab.sync.damaged()[0].document.key == "series/6");
  CHECK_FALSE(fake::Doc("series/6"));
  CHECK(fake::Doc(tab.sync.damaged()[0].kept_as) == std::string("\x01\x02\x03", 3));
  CHECK(fake::Doc("series/5"));
  CHECK(tab.state.model.cadence_sessions[0].series_spm.size() == 4);
  CHECK(tab.state.model.cadence_sessions[1].series_spm.empty());
}

TEST_CASE("StorageSync takes many series in over several tasks; a write between two of them stores no series again",
          "[storage_sync][later]") {
  ResetPlatform();
  Model runner = RunnerModel();
  for (Id id = 100; id < 220; ++id) {  // 120 sessions: three steps of 50
    CadenceSession session;
    session.id = id;
    session.date = D("2026-02-01");
    session.duration_s = 3;
    session.mean_spm = 170;
    session.series_spm = {float(id), 170, 171};
    runner.cadence_sessions.push_back(session);
  }
  runner.next_id = 220;
  Seed(runner, 2);
  std::map<std::string, std::string> stored_before = fake::Docs();
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  tab.sync.AfterFirstFrame();
  fake::DrainStorage();  // the read, and the first step
  CHECK(tab.state.unread_series.size() == 70);
  CHECK_FALSE(tab.sync.AllLoaded());
  Change(tab.state, tab.sync, AddRun("2026-03-09", 5000));  // written between two steps
  for (int i = 0; i < 10 && !tab.sync.AllLoaded(); ++i) {
    fake::AdvanceMs(1);
    fake::DrainStorage();
  }
  REQUIRE(tab.sync.AllLoaded());
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK(tab.state.unread_series.empty());
  CHECK(tab.state.model == StoredModel());
  for (const auto& [key, value] : fake::Docs())
    if (key.rfind("series/", 0) == 0) CHECK(stored_before.at(key) == value);
  // And the next change writes its year and the settings alone.
  std::map<std::string, std::string> before = fake::Docs();
  Change(tab.state, tab.sync, AddRun("2026-03-10", 3000));
  fake::DrainStorage();
  int changed = 0;
  for (const auto& [key, value] : fake::Docs()) changed += !before.count(key) || before.at(key) != value;
  CHECK(changed == 3);  // runs/2026, settings (next_id) and the run summary
  CHECK(tab.state.model == StoredModel());
}

TEST_CASE("sessions kept one per document (the layout before) are folded into one document at once",
          "[storage_sync][later]") {
  ResetPlatform();
  Model runner = RunnerWithSessions();
  std::map<std::string, std::string> docs = EncodeStoreChanges(nullptr, runner).put;
  docs.erase(kCadenceKey);
  for (const CadenceSession& session : runner.cadence_sessions)
    docs["cadence/" + std::to_string(session.id)] =
        json{{"schema", kCurrentSchema},
             {"app", kAppName},
             {"cadence_sessions", json::array({CadenceSessionToJson(session, /*with_series=*/false)})}}
            .dump();
  fake::PutDocs(docs, 2);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  CHECK(tab.state.model.cadence_sessions.size() == 2);
  tab.sync.AfterFirstFrame();
  for (int i = 0; i < 10 && !tab.sync.AllLoaded(); ++i) {
    fake::AdvanceMs(1);
    fake::DrainStorage();
  }
  REQUIRE(tab.sync.AllLoaded());
  fake::DrainStorage();
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK_FALSE(fake::Doc("cadence/5"));
  CHECK_FALSE(fake::Doc("cadence/6"));
  REQUIRE(fake::Doc(kCadenceKey));
  CHECK(StoredModel() == InIdOrder(runner));
  CHECK(tab.state.model == StoredModel());
}
