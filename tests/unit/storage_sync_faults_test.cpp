// StorageSync (src/app/storage_sync.hpp) when storage misbehaves: damaged parts kept aside, an
// unreadable store, a failed write, storage that never answers. Over the native in-memory store
// with its fault switches and fake clock (src/platform/native/native_control.hpp).
#include <catch2/catch.hpp>

#include "storage_sync_harness.hpp"

using namespace sw;
using namespace sw::test;
using namespace sw::test::storage_sync;
TEST_CASE("StorageSync moves an unreadable part aside under damaged/ unchanged and loads the rest", "[storage_sync]") {
  ResetPlatform();
  std::map<std::string, std::string> docs = EncodeStoreChanges(nullptr, RunnerModel()).put;
  REQUIRE(docs.count("runs/2025"));
  REQUIRE(docs.count("pain"));
  const std::string cut_short = docs["runs/2025"].substr(0, docs["runs/2025"].size() / 2);
  const std::string newer = R"({"schema": 99, "app": "9.0.0", "pain": [{"id": 4, "mood": "new"}]})";
  docs["runs/2025"] = cut_short;
  docs["pain"] = newer;
  fake::PutDocs(docs, 4);

  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  // The rest loads: the shoe and the 2026 run on it.
  CHECK(tab.state.model.shoes.size() == 1);
  CHECK(RunWithId(tab.state.model, 3));
  CHECK(RunWithId(tab.state.model, 3)->shoe_id == 1);
  CHECK_FALSE(RunWithId(tab.state.model, 2));
  CHECK(tab.state.model.pain.empty());

  // Both parts are reported and kept aside, bytes unchanged, and gone from their own keys.
  REQUIRE(tab.sync.damaged().size() == 2);
  std::map<std::string, std::string> kept;  // original key -> kept_as
  for (const auto& d : tab.sync.damaged()) kept[d.document.key] = d.kept_as;
  REQUIRE(kept.count("runs/2025"));
  REQUIRE(kept.count("pain"));
  CHECK(kept["runs/2025"].rfind("damaged/runs/2025/", 0) == 0);
  CHECK(kept["pain"].rfind("damaged/pain/", 0) == 0);
  CHECK(fake::Doc(kept["runs/2025"]) == cut_short);
  CHECK(fake::Doc(kept["pain"]) == newer);
  CHECK_FALSE(fake::Doc("runs/2025"));
  CHECK_FALSE(fake::Doc("pain"));
  CHECK(fake::StoredRev() == RevisionAfter(4));  // moved in one transaction, checked against revision 4
  CHECK(tab.Save()["damaged"].size() == 2);
  CHECK(tab.sync.status() == StorageSync::Status::Saved);

  // Changes that write those keys again never touch what was kept aside.
  std::optional<std::int64_t> run = Change(tab.state, tab.sync, AddRun("2025-11-11", 4000));
  Change(tab.state, tab.sync, {{"type", "log_pain"}, {"date", "2026-03-09"}, {"area", "knee"}, {"side", "left"}, {"severity", 3}});
  fake::DrainStorage();
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK(fake::Doc("runs/2025"));
  CHECK(fake::Doc("pain"));
  CHECK(fake::Doc(kept["runs/2025"]) == cut_short);
  CHECK(fake::Doc(kept["pain"]) == newer);
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  CHECK(RunWithId(stored, *run));

  // A later session finds them kept aside by an earlier one, and nothing damaged.
  Tab later;
  later.Start();
  fake::DrainStorage();
  CHECK(later.sync.damaged().empty());
  CHECK(later.Save()["kept_aside_earlier"].size() == 2);
  CHECK(later.state.model == tab.state.model);
  CHECK(fake::Doc(kept["runs/2025"]) == cut_short);
}

// A part is kept under damaged/<key>/<UTC time to the second>: the same key found damaged again
// within that second must get a key of its own, never overwrite the first copy.
TEST_CASE("StorageSync never overwrites a part kept aside, even when the same key is damaged again",
          "[storage_sync]") {
  ResetPlatform();
  std::map<std::string, std::string> docs = EncodeStoreChanges(nullptr, RunnerModel()).put;
  const std::string first_bytes = "{\"schema\": 3, \"runs\": [{\"id\": 2, \"da";
  docs["runs/2025"] = first_bytes;
  fake::PutDocs(docs, 1);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.damaged().size() == 1);
  std::string first_kept = tab.sync.damaged()[0].kept_as;
  REQUIRE(fake::Doc(first_kept) == first_bytes);

  // Another tab (say a newer version) writes runs/2025 in a form this one cannot read; this tab
  // hears of it and moves that one aside too - within the same second as the first.
  const std::string second_bytes = R"({"schema": 99, "app": "9.0.0", "runs": []})";
  fake::CommitFromOtherTab({{"runs/2025", second_bytes}});
  fake::DrainStorage();
  REQUIRE(tab.sync.damaged().size() == 2);
  std::string second_kept = tab.sync.damaged()[1].kept_as;
  CHECK(fake::Doc(second_kept) == second_bytes);
  CHECK(fake::Doc(first_kept) == first_bytes);  // the first copy is still there, unchanged
  CHECK(second_kept != first_kept);
}

// When the move aside did not commit (a failed write, then a conflict and a rebase read the
// store again) the part is found damaged once more: it is listed once (Settings says so once),
// under the key it is finally kept as.
TEST_CASE("StorageSync reports a damaged part once when the move aside has to be written again",
          "[storage_sync]") {
  ResetPlatform();
  std::map<std::string, std::string> docs = EncodeStoreChanges(nullptr, RunnerModel()).put;
  const std::string bytes = "{\"schema\": 3, \"runs\": [{\"id\": 2, \"da";
  docs["runs/2025"] = bytes;
  fake::PutDocs(docs, 1);
  // The move aside fails (disk full); meanwhile another tab commits, so the retry conflicts and
  // this tab reads the store again - where the part is still damaged.
  fake::FailWrites(kQuota);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  CHECK(tab.Save()["problem"] == "not_saved");
  CHECK(fake::Doc("runs/2025") == bytes);  // nothing moved: the transaction failed whole
  OtherTabCommits({{"type", "add_shoe"}, {"name", "Trail"}}, true, true);
  REQUIRE(fake::Doc("runs/2025") == bytes);
  fake::DrainStorage();
  fake::AdvanceMs(kFirstRetryMs);
  fake::DrainStorage();
  CHECK(tab.Save()["problem"] == "none");
  CHECK_FALSE(fake::Doc("runs/2025"));
  REQUIRE(tab.sync.damaged().size() == 1);
  CHECK(fake::Doc(tab.sync.damaged()[0].kept_as) == bytes);
  CHECK(tab.Save()["damaged"].size() == 1);
}

TEST_CASE("StorageSync with an unreadable store stays usable, writes nothing until it reads, then stores the change on top",
          "[storage_sync]") {
  ResetPlatform();
  Seed(RunnerModel(), 3);
  const std::map<std::string, std::string> before = fake::Docs();
  fake::FailLoads("UnknownError: Internal error opening backing store for indexedDB.open.");
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  CHECK(tab.usable_calls == 1);
  json save = tab.Save();
  CHECK(save["problem"] == "unreadable");
  CHECK(save["reason"].get<std::string>().find("UnknownError") != std::string::npos);
  CHECK(save["readable"] == false);
  CHECK(save["status"] == "error");
  CHECK(save["failed_attempts"] == 1);
  CHECK(save["retry_in_ms"] == kFirstRetryMs);
  CHECK(tab.state.model.runs.empty());

  // The runner goes on: the change is kept here, with an id that cannot clash with stored ones.
  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, AddRun("2026-03-09", 10000));
  REQUIRE(mine);
  CHECK(*mine >= kUnreadIdBase);
  fake::DrainStorage();
  CHECK(fake::WriteCount() == 0);  // a tab that has not read the store never writes to it
  CHECK(fake::Docs() == before);
  CHECK(fake::StoredRev() == 3);
  CHECK(tab.Save()["unsaved_changes"] == 1);
  CHECK_FALSE(tab.sync.FrameShouldWait(platform::NowMs(), kCommitWaitMs, kSyncWaitMs));

  // The retry waits its back-off...
  fake::AdvanceMs(kFirstRetryMs - 1);
  fake::DrainStorage();
  CHECK(fake::LoadCount() == 1);
  CHECK(tab.Save()["readable"] == false);
  // ...then reads the store and puts the change on top of it.
  fake::AdvanceMs(1);
  CHECK(fake::LoadCount() == 2);
  fake::DrainStorage();
  save = tab.Save();
  CHECK(save["readable"] == true);
  CHECK(save["problem"] == "none");
  CHECK(save["status"] == "saved");
  CHECK(save["unsaved_changes"] == 0);
  CHECK(save["failed_attempts"] == 0);
  CHECK(fake::StoredRev() == RevisionAfter(3));
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  CHECK(stored.shoes.size() == 1);
  CHECK(stored.pain.size() == 1);
  REQUIRE(RunWithId(stored, *mine));
  CHECK(RunWithId(stored, *mine)->distance_m == 10000);
  for (const Run& run : RunnerModel().runs) {  // the runner's stored runs are all still there
    REQUIRE(RunWithId(stored, run.id));
    CHECK(*RunWithId(stored, run.id) == run);
  }
}

TEST_CASE("StorageSync's Try again reads an unreadable store at once", "[storage_sync]") {
  ResetPlatform();
  Seed(RunnerModel(), 3);
  fake::FailLoads("UnknownError: Internal error.");
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.Save()["problem"] == "unreadable");
  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, {{"type", "add_shoe"}, {"name", "Trail"}});
  tab.sync.RetryNow();
  fake::DrainStorage();
  CHECK(tab.Save()["problem"] == "none");
  CHECK(tab.Save()["status"] == "saved");
  Model stored = StoredModel();
  CHECK(stored.shoes.size() == 2);
  CHECK(stored.runs.size() == 2);
  CHECK(stored == tab.state.model);
  CHECK(mine);
  // The back-off timer planned for the failed read finds nothing left to do.
  int writes = fake::WriteCount(), loads = fake::LoadCount();
  fake::AdvanceMs(kLongestRetryMs);
  fake::DrainStorage();
  CHECK(fake::WriteCount() == writes);
  CHECK(fake::LoadCount() == loads);
  CHECK(StoredModel() == tab.state.model);
}

TEST_CASE("StorageSync keeps a change whose write failed, says why, and retries on the back-off", "[storage_sync]") {
  ResetPlatform();
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());

  fake::FailWrites(kQuota);
  std::optional<std::int64_t> shoe = Change(tab.state, tab.sync, {{"type", "add_shoe"}, {"name", "Ghost 15"}});
  fake::DrainStorage();
  json save = tab.Save();
  CHECK(save["problem"] == "not_saved");
  CHECK(save["reason"] == kQuota);
  CHECK(save["status"] == "error");
  CHECK(save["error"].get<std::string>().find("Not saved") != std::string::npos);
  CHECK(save["unsaved_changes"] == 1);
  CHECK(save["failed_attempts"] == 1);
  CHECK(save["retry_in_ms"] == kFirstRetryMs);
  CHECK(tab.sync.usable());
  REQUIRE(tab.state.model.shoes.size() == 1);  // the change is kept in the tab
  CHECK(fake::Docs().empty());                  // and nothing half-written
  CHECK(fake::StoredRev() == std::nullopt);

  // The first retry after 1 s fails too; the next waits 2 s.
  fake::FailWrites(kQuota);
  fake::AdvanceMs(kFirstRetryMs - 1);
  CHECK(fake::WriteCount() == 1);
  fake::AdvanceMs(1);
  CHECK(fake::WriteCount() == 2);
  fake::DrainStorage();
  save = tab.Save();
  CHECK(save["problem"] == "not_saved");
  CHECK(save["failed_attempts"] == 2);
  CHECK(save["retry_in_ms"] == 2 * kFirstRetryMs);
  CHECK(fake::Docs().empty());

  fake::AdvanceMs(2 * kFirstRetryMs - 1);
  CHECK(fake::WriteCount() == 2);
  fake::AdvanceMs(1);
  CHECK(fake::WriteCount() == 3);
  fake::DrainStorage();
  save = tab.Save();
  CHECK(save["problem"] == "none");
  CHECK(save["status"] == "saved");
  CHECK(save["failed_attempts"] == 0);
  CHECK(save["retry_in_ms"].is_null());
  CHECK(save["unsaved_changes"] == 0);
  CHECK_FALSE(save.contains("error"));
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  REQUIRE(stored.shoes.size() == 1);
  CHECK(stored.shoes[0].id == *shoe);
  CHECK(stored.shoes[0].name == "Ghost 15");
}

// Frames wait (one frame interval at most) only for the commit of a fresh change; a back-off
// retry's write holds no frame up.
TEST_CASE("StorageSync's retry of a failed write does not hold a frame up", "[storage_sync]") {
  ResetPlatform();
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  fake::FailWrites(kQuota);
  Change(tab.state, tab.sync, {{"type", "add_shoe"}, {"name", "Ghost 15"}});
  fake::DrainStorage();
  REQUIRE(tab.Save()["problem"] == "not_saved");
  fake::AdvanceMs(kFirstRetryMs);  // the retry's write is issued, not yet answered
  REQUIRE(fake::WriteCount() == 2);
  // README: "a retry never blocks a frame"; storage_sync.hpp: frames wait for "a write for a
  // fresh change". A retry is not a fresh change: the frame should not wait for it.
  CHECK_FALSE(tab.sync.FrameShouldWait(platform::NowMs(), kCommitWaitMs, kSyncWaitMs));
  fake::DrainStorage();
  CHECK(tab.Save()["status"] == "saved");
}

TEST_CASE("StorageSync with silent storage opens after the timeout, not answering, and stores the change once it answers",
          "[storage_sync]") {
  ResetPlatform();
  Seed(RunnerModel(), 2);
  fake::SetSilent(true);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  CHECK_FALSE(tab.sync.usable());
  fake::AdvanceMs(kSilentMs - 1);
  fake::DrainStorage();
  CHECK_FALSE(tab.sync.usable());
  CHECK(tab.usable_calls == 0);
  CHECK(tab.Save()["status"] == "loading");

  fake::AdvanceMs(1);
  REQUIRE(tab.sync.usable());
  CHECK(tab.usable_calls == 1);
  json save = tab.Save();
  CHECK(save["problem"] == "not_answering");
  CHECK(save["readable"] == false);
  CHECK(save["status"] == "error");
  CHECK(save["retry_in_ms"] == kFirstRetryMs);

  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, AddRun("2026-03-09", 10000));
  REQUIRE(mine);
  CHECK(*mine >= kUnreadIdBase);
  CHECK(fake::WriteCount() == 0);
  fake::AdvanceMs(kFirstRetryMs);  // the retry asks again (a fresh connection): still silent
  CHECK(fake::LoadCount() == 2);
  CHECK(fake::WriteCount() == 0);
  CHECK(tab.Save()["problem"] == "not_answering");

  // Storage answers again; Try again reads it and stores the change on top.
  fake::SetSilent(false);
  tab.sync.RetryNow();
  fake::DrainStorage();
  save = tab.Save();
  CHECK(save["readable"] == true);
  CHECK(save["problem"] == "none");
  CHECK(save["status"] == "saved");
  CHECK(fake::StoredRev() == RevisionAfter(2));
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  CHECK(stored.runs.size() == 3);
  REQUIRE(RunWithId(stored, *mine));

  // The requests that hung answer at last: late answers change nothing.
  int writes = fake::WriteCount();
  CHECK(fake::HeldRequests() >= 2);
  fake::ReleaseHeld();
  fake::DrainStorage();
  CHECK(tab.state.model == stored);
  CHECK(fake::WriteCount() == writes);
  CHECK(fake::StoredRev() == RevisionAfter(2));
}

// A retry whose read never answers plans the next one (the notice says "Stridewise keeps
// trying"): only Try again or the page becoming visible would read again otherwise.
TEST_CASE("StorageSync keeps trying storage that stays silent past the first retry", "[storage_sync]") {
  ResetPlatform();
  Seed(RunnerModel(), 2);
  fake::SetSilent(true);
  Tab tab;
  tab.Start();
  fake::AdvanceMs(kSilentMs + kFirstRetryMs);  // opened not answering; the first retry hung too
  REQUIRE(tab.Save()["problem"] == "not_answering");
  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, AddRun("2026-03-09", 10000));
  // Storage answers again. The notice says "Stridewise keeps trying": without the runner's
  // Try again, a later retry should read the store and save the change.
  fake::SetSilent(false);
  fake::AdvanceMs(2 * kLongestRetryMs);
  fake::DrainStorage();
  CHECK(tab.Save()["readable"] == true);
  CHECK(tab.Save()["problem"] == "none");
  CHECK(RunWithId(StoredModel(), *mine));
}
