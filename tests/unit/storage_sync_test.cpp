// StorageSync (src/app/storage_sync.hpp) over the native platform's in-memory store, which plays
// IndexedDB and the browser's clock (src/platform/native/native_control.hpp): loading, writing
// each change, rebasing on another tab's commit, damaged parts, an unreadable, failing or silent
// storage. Each test checks what is stored and what the model holds, not just that nothing broke.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/storage_sync.hpp"
#include "core/actions/action.hpp"
#include "core/actions/actions.hpp"
#include "core/storage/storage_codec.hpp"
#include "model_samples.hpp"
#include "platform/native/native_control.hpp"
#include "platform/platform.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;
namespace fake = sw::platform::native_test;

namespace {

constexpr const char* kToday = "2026-03-10";
// What the app waits for (app.cpp: kCommitWaitMs, kSyncWaitMs) and what StorageSync promises
// (storage_sync.cpp: 4 s before silent storage counts as not answering, retries from 1 s).
constexpr double kCommitWaitMs = 17, kSyncWaitMs = 100;
constexpr double kSilentMs = 4000, kFirstRetryMs = 1000, kLongestRetryMs = 30000;
constexpr std::int64_t kUnreadIdBase = std::int64_t(1) << 40;
const char* const kQuota = "the device storage is full (quota exceeded)";

// ---- The door: the only places that name Apply() and OnModelChanged() ---------------------------
// As the app does (App::CurrentContext, App::Dispatch, App::Carry): apply the action through
// core's door and carry out its SaveChange effects by handing them to storage.
ActionContext ContextFor(const StorageSync& sync) {
  ActionContext context;
  context.today = D(kToday);
  context.ids = sync.id_space();
  context.kept_aside = &sync.damaged();
  return context;
}

// Returns the id the action gave a new record.
std::optional<std::int64_t> Change(AppState& state, StorageSync& sync, const json& fields) {
  ActionContext context = ContextFor(sync);
  ActionResult result = Apply(state, Action(fields), context);
  INFO(fields.dump() << " -> " << result.error);
  REQUIRE(result.ok);
  int saves = 0;
  for (const Effect& effect : result.effects)
    if (const SaveChange* save = std::get_if<SaveChange>(&effect)) {
      sync.OnModelChanged(save->replay, context, save->created_id);
      ++saves;
    }
  REQUIRE(saves == 1);  // every change these tests make is one to save
  return result.id;
}

// One open tab: its state and its StorageSync (not movable: StorageSync keeps pointers to both).
struct Tab {
  AppState state;
  StorageSync sync;
  int usable_calls = 0;
  Tab() = default;
  Tab(const Tab&) = delete;
  void Start() {
    sync.Start(&state, [this] { ++usable_calls; });
  }
  json Save() const { return sync.ToJson(); }
};

// ---- The store -----------------------------------------------------------------------------------
// The documents as a load hands them over (the revision under "rev").
std::map<std::string, std::string> StoredDocs() {
  std::map<std::string, std::string> docs = fake::Docs();
  if (auto rev = fake::StoredRev()) docs[kRevisionKey] = std::to_string(*rev);
  return docs;
}

// What a fresh load would make of the store; every part must be readable.
Model StoredModel() {
  DecodedStore decoded = DecodeStore(StoredDocs());
  for (const auto& d : decoded.damaged) FAIL_CHECK("stored part unreadable: " << d.key << ": " << d.reason);
  return decoded.model;
}

void Seed(const Model& model, long long rev) { fake::PutDocs(EncodeStoreChanges(nullptr, model).put, rev); }

// Another open tab (id slot 1) applies `action` to what is stored and commits it, then tells the
// others on its BroadcastChannel (unless `notify` is false: that notice is still on its way).
// It writes only the parts its change touches (a damaged part it leaves alone, if `damaged_ok`).
std::int64_t OtherTabCommits(const json& action, bool notify = true, bool damaged_ok = false) {
  DecodedStore before = DecodeStore(StoredDocs());
  if (!damaged_ok) REQUIRE(before.damaged.empty());
  AppState other;
  other.model = before.model;
  ActionContext context;
  context.today = D(kToday);
  context.ids = {platform::kTabSlots, 1};
  ActionResult result = Apply(other, Action(action), context);
  REQUIRE(result.ok);
  StoreChanges changes = EncodeStoreChanges(&before.model, other.model);
  fake::CommitFromOtherTab(changes.put, changes.remove, notify);
  return result.id.value_or(0);
}

// The key a damaged() entry was read from (the entry's shape is the app's to change).
template <class Entry>
std::string OriginalKey(const Entry& d) {
  if constexpr (requires { d.document.key; }) return d.document.key;
  else return d.key;
}

const Run* RunWithId(const Model& model, std::int64_t id) {
  for (const Run& run : model.runs)
    if (run.id == id) return &run;
  return nullptr;
}

// A runner's data: a shoe (1), a run in 2025 (2) and one in 2026 on that shoe (3), a pain entry (4).
Model RunnerModel() {
  Model m;
  Shoe shoe;
  shoe.id = 1;
  shoe.name = "Pegasus";
  m.shoes = {shoe};
  m.default_shoe_id = 1;
  Run old_run;
  old_run.id = 2;
  old_run.date = D("2025-12-30");
  old_run.distance_m = 6000;
  Run run;
  run.id = 3;
  run.date = D("2026-03-01");
  run.distance_m = 8000;
  run.shoe_id = 1;
  m.runs = {old_run, run};
  PainEntry pain;
  pain.id = 4;
  pain.date = D("2026-03-02");
  pain.severity = 2;
  m.pain = {pain};
  m.next_id = 5;
  return m;
}

// The model with its lists in id order, as a load gives them (DecodeStore sorts by id).
Model InIdOrder(Model m) {
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(m.shoes.begin(), m.shoes.end(), by_id);
  std::sort(m.runs.begin(), m.runs.end(), by_id);
  std::sort(m.strength.begin(), m.strength.end(), by_id);
  std::sort(m.pain.begin(), m.pain.end(), by_id);
  std::sort(m.cadence_sessions.begin(), m.cadence_sessions.end(), by_id);
  return m;
}

std::vector<std::int64_t> RunIds(const Model& model) {
  std::vector<std::int64_t> ids;
  for (const Run& run : model.runs) ids.push_back(run.id);
  return ids;
}

json AddRun(const char* date, double metres) { return {{"type", "add_run"}, {"date", date}, {"distance_m", metres}}; }

}  // namespace

TEST_CASE("StorageSync loads before it is usable, writes each change at once, and a fresh load reads it back",
          "[storage_sync]") {
  fake::Reset();
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
  fake::Reset();
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

  fake::DrainStorage();  // our write: Conflict -> read revision 2 -> re-apply -> write revision 3
  CHECK(tab.Save()["conflicts_resolved"] == 1);
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
  CHECK(tab.Save()["unsaved_changes"] == 0);
  CHECK(fake::StoredRev() == 3);
  CHECK(tab.Save()["rev"] == 3);
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
  fake::Reset();
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
  fake::Reset();
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
  CHECK(fake::StoredRev() == 3);
  Model stored = StoredModel();
  CHECK(RunWithId(stored, *mine));
  CHECK(RunWithId(stored, theirs));
}

TEST_CASE("StorageSync moves an unreadable part aside under damaged/ unchanged and loads the rest", "[storage_sync]") {
  fake::Reset();
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
  for (const auto& d : tab.sync.damaged()) kept[OriginalKey(d)] = d.kept_as;
  REQUIRE(kept.count("runs/2025"));
  REQUIRE(kept.count("pain"));
  CHECK(kept["runs/2025"].rfind("damaged/runs/2025/", 0) == 0);
  CHECK(kept["pain"].rfind("damaged/pain/", 0) == 0);
  CHECK(fake::Doc(kept["runs/2025"]) == cut_short);
  CHECK(fake::Doc(kept["pain"]) == newer);
  CHECK_FALSE(fake::Doc("runs/2025"));
  CHECK_FALSE(fake::Doc("pain"));
  CHECK(fake::StoredRev() == 5);  // moved in one transaction, checked against revision 4
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

// KNOWN BUG (reported, not fixed here): the key a damaged part is kept under is
// damaged/<key>/<UTC time to the second> (storage_sync.cpp TimeStamp, DamagedKey), checked
// against nothing: the same key found damaged again within the same second is "kept" under the
// same key, overwriting the first copy - which the design says never happens. Remove
// [!shouldfail] once fixed.
TEST_CASE("StorageSync never overwrites a part kept aside, even when the same key is damaged again",
          "[storage_sync][!shouldfail]") {
  fake::Reset();
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

// KNOWN BUG (reported, not fixed here): Adopt() appends to damaged_ on every load that finds
// the part damaged; when the move aside did not commit (a failed write, then a conflict and a
// rebase read the store again) the same part is listed twice (Settings says so twice), the first
// entry naming a kept_as key that was never written. Remove [!shouldfail] once fixed.
TEST_CASE("StorageSync reports a damaged part once when the move aside has to be written again",
          "[storage_sync][!shouldfail]") {
  fake::Reset();
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
  fake::Reset();
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
  CHECK(fake::StoredRev() == 4);
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
  fake::Reset();
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
  fake::Reset();
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

// KNOWN MISMATCH (reported, not fixed here): FrameShouldWait() is true for any write in flight
// younger than commit_wait_ms, so a back-off retry's write holds the next frame up to one frame
// interval. Remove [!shouldfail] once fixed (or drop the test if the README is what changes).
TEST_CASE("StorageSync's retry of a failed write does not hold a frame up", "[storage_sync][!shouldfail]") {
  fake::Reset();
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
  fake::Reset();
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
  CHECK(fake::StoredRev() == 3);
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
  CHECK(fake::StoredRev() == 3);
}

// A retry whose read never answers plans the next one (the notice says "Stridewise keeps
// trying"): only Try again or the page becoming visible would read again otherwise.
TEST_CASE("StorageSync keeps trying storage that stays silent past the first retry", "[storage_sync]") {
  fake::Reset();
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
