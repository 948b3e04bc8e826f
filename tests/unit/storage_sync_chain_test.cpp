// StorageSync's chained writes (src/app/storage_sync_write.cpp, ChainNext): a change made while
// this tab's write before it is in flight is issued at once, based on that write's revision, so a
// reload right after finds both transactions issued. If the write it is chained on does not
// commit, the chained one must never land (least of all on another tab's data): both changes are
// written again by the rebase or the retry.
#include <catch2/catch.hpp>

#include "core/model/validation.hpp"
#include "storage_sync_harness.hpp"

using namespace sw;
using namespace sw::test;
using namespace sw::test::storage_sync;

namespace {

json AddShoe(const char* name) { return {{"type", "add_shoe"}, {"name", name}}; }

// A fresh platform with the runner's data stored at revision 1, and `tab` open on it.
void OpenOnRunner(Tab& tab) {
  ResetPlatform();
  Seed(RunnerModel(), 1);
  tab.Open();
}

}  // namespace

TEST_CASE("StorageSync issues a change made while its write before is in flight at once, chained on it",
          "[storage_sync][chain]") {
  Tab tab;
  OpenOnRunner(tab);
  const int writes = fake::WriteCount();

  std::optional<std::int64_t> run = Change(tab.state, tab.sync, AddRun("2026-03-08", 7000));
  REQUIRE(fake::WriteCount() == writes + 1);
  std::optional<std::int64_t> shoe = Change(tab.state, tab.sync, AddShoe("Pegasus 41"));
  // Both transactions are issued before either commits: a reload now loses neither.
  CHECK(fake::WriteCount() == writes + 2);
  CHECK(tab.Save()["unsaved_changes"] == 2);
  CHECK(tab.sync.status() == StorageSync::Status::Saving);
  CHECK(fake::StoredRev() == 1);

  // A third change waits while one write is chained on another (one at a time), then is chained
  // on the second once the first commits.
  std::optional<std::int64_t> later = Change(tab.state, tab.sync, AddRun("2026-03-09", 5000));
  CHECK(fake::WriteCount() == writes + 2);

  fake::DrainStorage();
  CHECK(fake::WriteCount() == writes + 3);
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK(tab.Save()["unsaved_changes"] == 0);
  CHECK(tab.Save()["conflicts_resolved"] == 0);
  CHECK(tab.Save()["rev"] == *fake::StoredRev());
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  CHECK(RunWithId(stored, *run));
  CHECK(RunWithId(stored, *later));
  CHECK(FindShoe(stored, *shoe));

  Tab reload;
  reload.Open();
  CHECK(reload.state.model == tab.state.model);
}

TEST_CASE("StorageSync: a write chained on one that meets another tab's commit never lands on it",
          "[storage_sync][chain]") {
  Tab tab;
  OpenOnRunner(tab);
  const int writes = fake::WriteCount();

  std::optional<std::int64_t> mine = Change(tab.state, tab.sync, AddRun("2026-03-08", 7000));
  // Another tab adds a pair before this tab's write runs (its notice still on the way)...
  std::int64_t theirs = OtherTabCommits(AddShoe("Their pair"), /*notify=*/false);
  // ...and this tab adds one too, chained on its first write: the same stored part, which landing
  // on the other tab's commit would overwrite without their pair.
  std::optional<std::int64_t> shoe = Change(tab.state, tab.sync, AddShoe("Pegasus 41"));
  REQUIRE(fake::WriteCount() == writes + 2);

  fake::DrainStorage();
  // The first write met the other tab's commit, so the chained one could not land either: one
  // rebase re-applied both changes on the other tab's data and wrote them once more.
  CHECK(tab.Save()["conflicts_resolved"] == 1);
  CHECK(fake::WriteCount() == writes + 3);
  CHECK(tab.Save()["unsaved_changes"] == 0);
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  CHECK(FindShoe(stored, theirs));
  CHECK(RunWithId(stored, *mine));
  CHECK(FindShoe(stored, *shoe));
}

TEST_CASE("StorageSync: a write chained on one that fails is written again by the retry", "[storage_sync][chain]") {
  Tab tab;
  OpenOnRunner(tab);

  fake::FailWrites(kQuota);  // the first write only
  std::optional<std::int64_t> run = Change(tab.state, tab.sync, AddRun("2026-03-08", 7000));
  std::optional<std::int64_t> shoe = Change(tab.state, tab.sync, AddShoe("Pegasus 41"));
  fake::DrainStorage();
  CHECK(tab.Save()["problem"] == "not_saved");
  CHECK(tab.Save()["unsaved_changes"] == 2);
  CHECK(fake::StoredRev() == 1);  // neither landed
  CHECK(StoredModel() == RunnerModel());

  fake::AdvanceMs(kFirstRetryMs);
  fake::DrainStorage();
  CHECK(tab.Save()["problem"] == "none");
  CHECK(tab.Save()["unsaved_changes"] == 0);
  Model stored = StoredModel();
  CHECK(stored == tab.state.model);
  CHECK(RunWithId(stored, *run));
  CHECK(FindShoe(stored, *shoe));
}

TEST_CASE("StorageSync numbers its revisions so that no other tab can take them", "[storage_sync][chain]") {
  ResetPlatform();
  Tab tab;
  tab.Open();
  const int slot = platform::StorageTabSlot();
  REQUIRE(slot >= 0);
  REQUIRE(slot < platform::kTabSlots);
  Change(tab.state, tab.sync, AddShoe("Ghost 15"));
  fake::DrainStorage();
  const long long first = *fake::StoredRev();
  Change(tab.state, tab.sync, AddShoe("Pegasus 41"));
  fake::DrainStorage();
  const long long second = *fake::StoredRev();
  // Each revision is larger than the one it is based on and ends in this tab's slot (of 32: the
  // upper 16 are for tabs without one), so another tab's write on the same base never has its number.
  CHECK(first > 0);
  CHECK(second > first);
  CHECK(first % (2 * platform::kTabSlots) == slot);
  CHECK(second % (2 * platform::kTabSlots) == slot);
}

TEST_CASE("StorageSync without an id slot of its own writes one change after another, never chained",
          "[storage_sync][chain]") {
  ResetPlatform();
  fake::SetTabSlot(-1);  // no Web Locks: its revision numbers could be another tab's
  Seed(RunnerModel(), 1);
  Tab tab;
  tab.Open();
  const int writes = fake::WriteCount();
  Change(tab.state, tab.sync, AddRun("2026-03-08", 7000));
  Change(tab.state, tab.sync, AddShoe("Pegasus 41"));
  CHECK(fake::WriteCount() == writes + 1);  // the second waits for the first's commit
  fake::DrainStorage();
  CHECK(fake::WriteCount() == writes + 2);
  CHECK(tab.Save()["unsaved_changes"] == 0);
  CHECK(StoredModel() == tab.state.model);
  // Its revisions are in the upper half of each 32: never a slot-holding tab's number.
  CHECK(*fake::StoredRev() % (2 * platform::kTabSlots) >= platform::kTabSlots);
}
