// StorageSync (src/app/storage_sync.hpp) over the native in-memory store: loading, writing each
// change, rebasing on another tab's commit, taking in another tab's data. The faults (damaged
// parts, an unreadable, failing or silent storage) are in storage_sync_faults_test.cpp. Each test
// checks what is stored and what the model holds, not just that nothing broke.
#include <catch2/catch.hpp>

#include "storage_sync_harness.hpp"

using namespace sw;
using namespace sw::test;
using namespace sw::test::storage_sync;

TEST_CASE("StorageSync loads before it is usable, writes each change at once, and a fresh load reads it back",
          "[storage_sync]") {
  ResetPlatform();
  Tab tab;
  tab.Start();
  CHECK_FALSE(tab.sync.usable());  // answers come later, never inside the call
  CHECK(tab.sync.status() == StorageSync::Status::Loading);
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  CHECK(tab.usable_calls == 1);
  CHECK(tab.Save()["problem"] == "none");
  CHECK(tab.Save()["readable"] == true);
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK(fake::WriteCount() == 0);  // nothing to write: an empty store stays empty

  std::optional<std::int64_t> shoe = Change(tab.state, tab.sync, {{"type", "add_shoe"}, {"name", "Ghost 15"}});
  // Issued in the same event as the change (a reload right after must not lose it)...
  CHECK(fake::WriteCount() == 1);
  CHECK(tab.sync.status() == StorageSync::Status::Saving);
  // ...and the next frame waits for its commit, one frame interval at most.
  CHECK(tab.sync.FrameShouldWait(platform::NowMs(), kCommitWaitMs, kSyncWaitMs));
  CHECK_FALSE(tab.sync.FrameShouldWait(platform::NowMs() + kCommitWaitMs, kCommitWaitMs, kSyncWaitMs));
  std::optional<std::int64_t> run =
      Change(tab.state, tab.sync, {{"type", "add_run"}, {"date", "2026-03-09"}, {"distance_m", 5000.5}, {"shoe_id", *shoe}});
  REQUIRE(shoe);
  REQUIRE(run);
  CHECK((*run - 1) % platform::kTabSlots == tab.sync.id_space().slot);  // this tab's own ids
  CHECK(fake::StoredRev() == std::nullopt);  // nothing lands before the commit is heard

  fake::DrainStorage();
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK(tab.Save()["unsaved_changes"] == 0);
  REQUIRE(fake::StoredRev());
  CHECK(tab.Save()["rev"] == *fake::StoredRev());
  CHECK_FALSE(tab.sync.FrameShouldWait(platform::NowMs(), kCommitWaitMs, kSyncWaitMs));
  CHECK(fake::Doc("runs/2026"));
  CHECK(fake::Doc("shoes"));
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  REQUIRE(RunWithId(stored, *run));
  CHECK(RunWithId(stored, *run)->distance_m == 5000.5);
  CHECK(RunWithId(stored, *run)->shoe_id == shoe);

  // A later session (a reload) reads back exactly what this one had.
  Tab later;
  later.Start();
  fake::DrainStorage();
  REQUIRE(later.sync.usable());
  CHECK(later.state.model == tab.state.model);
  CHECK(later.Save()["rev"] == tab.Save()["rev"]);
  CHECK(later.sync.status() == StorageSync::Status::Saved);
  CHECK(later.sync.damaged().empty());
}

TEST_CASE("StorageSync rebases on another tab's newer commit: its pending change is re-applied with the same id",
          "[storage_sync]") {
  ResetPlatform();
  Seed(RunnerModel(), 1);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  REQUIRE(tab.state.model == StoredModel());

  // This tab adds a run; before its write runs, another tab commits revision 2 with a run of its own.
  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, AddRun("2026-03-08", 7000));
  REQUIRE(mine);
  std::int64_t theirs = OtherTabCommits(AddRun("2026-03-09", 12000));
  CHECK(theirs != *mine);
  REQUIRE(fake::StoredRev() == 2);

  fake::DrainStorage();  // our write: Conflict -> read revision 2 -> re-apply -> write the revision after it
  CHECK(tab.Save()["conflicts_resolved"] == 1);
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK(tab.Save()["unsaved_changes"] == 0);
  CHECK(fake::StoredRev() == RevisionAfter(2));
  CHECK(tab.Save()["rev"] == RevisionAfter(2));
  // Both changes are stored, and ours kept the id the runner was told.
  Model stored = StoredModel();
  CHECK(InIdOrder(stored) == InIdOrder(tab.state.model));  // (the order: see the next test)
  CHECK(stored.runs.size() == 4);
  REQUIRE(RunWithId(stored, *mine));
  CHECK(RunWithId(stored, *mine)->distance_m == 7000);
  REQUIRE(RunWithId(stored, theirs));
  CHECK(RunWithId(stored, theirs)->distance_m == 12000);
  CHECK(RunWithId(stored, 2));  // and the runner's earlier data is untouched
  CHECK(RunWithId(stored, 3));
  CHECK(stored.pain.size() == 1);
}

// A rebase re-applies add_run with the id it was given first; when the other tab's run has the
// higher id, the re-applied run must still land in id order, as every load (DecodeStore) and
// restore_run put it: the tab shows its runs in the order a reload gives.
TEST_CASE("StorageSync after a rebase holds the runs in the order a reload gives", "[storage_sync]") {
  ResetPlatform();
  Seed(RunnerModel(), 1);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, AddRun("2026-03-08", 7000));
  std::int64_t theirs = OtherTabCommits(AddRun("2026-03-09", 12000));
  REQUIRE(theirs > *mine);  // slot 1's id after slot 0's
  fake::DrainStorage();
  REQUIRE(tab.Save()["conflicts_resolved"] == 1);
  CHECK(RunIds(tab.state.model) == RunIds(StoredModel()));
  CHECK(tab.state.model == StoredModel());
}

TEST_CASE("StorageSync takes in another tab's commit it hears of, without writing", "[storage_sync]") {
  ResetPlatform();
  Seed(RunnerModel(), 1);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  int writes = fake::WriteCount();

  std::int64_t theirs = OtherTabCommits(AddRun("2026-03-09", 12000));
  fake::DrainStorage();
  REQUIRE(RunWithId(tab.state.model, theirs));
  CHECK(tab.state.model == StoredModel());
  CHECK(tab.Save()["rev"] == 2);
  CHECK(fake::WriteCount() == writes);
  // An old notice (a revision already taken in) changes nothing.
  CHECK(fake::NotifyWatch(1));
  fake::DrainStorage();
  CHECK(tab.Save()["rev"] == 2);
  CHECK(fake::WriteCount() == writes);

  // A change after it goes on top of the other tab's revision, no conflict.
  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, AddRun("2026-03-10", 3000));
  fake::DrainStorage();
  CHECK(tab.Save()["conflicts_resolved"] == 0);
  CHECK(fake::StoredRev() == RevisionAfter(2));
  Model stored = StoredModel();
  CHECK(RunWithId(stored, *mine));
  CHECK(RunWithId(stored, theirs));
}

TEST_CASE("On a slow phone a change is still issued in the event that made it; only a big write yields to the page",
          "[storage_sync]") {
  ResetPlatform();
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  // Every clock read 10 ms after the one before: an 8 ms write slice is spent at its first part.
  fake::SetSlowClock(10);
  Change(tab.state, tab.sync, {{"type", "add_shoe"}, {"name", "Ghost 15"}});
  // The write is issued before the change returns, so a reload right now loses nothing (it was
  // lost when its encoding went on in a later task).
  CHECK(fake::WriteCount() == 1);
  fake::DrainStorage();
  CHECK(fake::CommitCount() == 1);
  CHECK(StoredModel() == tab.state.model);

  // Runs over twenty years in one change (an import's replay): more parts than one event takes,
  // so the write goes on a slice per task and is issued whole at the end.
  json runs = json::array();
  for (int year = 2000; year < 2020; ++year)
    runs.push_back({{"id", 100 + year}, {"date", std::to_string(year) + "-06-01"}, {"distance_m", 5000}});
  Change(tab.state, tab.sync, {{"type", "restore_runs"}, {"runs", runs}});
  CHECK(fake::WriteCount() == 1);  // not issued yet: the page draws meanwhile
  fake::SetSlowClock(0);
  for (int task = 0; task < 40 && fake::WriteCount() == 1; ++task) fake::AdvanceMs(0);
  CHECK(fake::WriteCount() == 2);
  fake::DrainStorage();
  CHECK(fake::CommitCount() == 2);
  CHECK(StoredModel() == tab.state.model);
  CHECK(StoredModel().runs.size() == 20);
}
