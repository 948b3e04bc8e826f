#pragma once
// The harness of the StorageSync tests (storage_sync_test.cpp, storage_sync_faults_test.cpp):
// one open tab over the native platform's in-memory store, which plays IndexedDB and the
// browser's clock (src/platform/native/native_control.hpp), another tab committing beside it,
// and a runner's sample data.
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
namespace fake = sw::platform::native_test;

namespace sw::test::storage_sync {

inline constexpr const char* kToday = "2026-03-10";
// What the app waits for (app.cpp: kCommitWaitMs, kSyncWaitMs) and what StorageSync promises
// (storage_sync.cpp: 4 s before silent storage counts as not answering, retries from 1 s).
inline constexpr double kCommitWaitMs = 17, kSyncWaitMs = 100;
inline constexpr double kSilentMs = 4000, kFirstRetryMs = 1000, kLongestRetryMs = 30000;
inline constexpr std::int64_t kUnreadIdBase = std::int64_t(1) << 40;
inline const char* const kQuota = "the device storage is full (quota exceeded)";

// The native platform afresh (an empty store, the fake clock at 0), with today pinned to kToday
// (storage's first read leaves for later the years the first screen does not need on that day).
inline void ResetPlatform() {
  fake::Reset();
  fake::SetToday(D(kToday));
}

// ---- The door: the only places that name Apply() and OnModelChanged() ---------------------------
// As the app does (App::CurrentContext, App::Dispatch, App::Carry): apply the action through
// core's door and carry out its SaveChange effects by handing them to storage.
inline ActionContext ContextFor(const StorageSync& sync) {
  ActionContext context;
  context.today = D(kToday);
  context.ids = sync.id_space();
  context.kept_aside = &sync.damaged();
  return context;
}

// Returns the id the action gave a new record.
inline std::optional<std::int64_t> Change(AppState& state, StorageSync& sync, const json& fields) {
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
  // Started, and the store read: usable.
  void Open() {
    Start();
    fake::DrainStorage();
    REQUIRE(sync.usable());
  }
  json Save() const { return sync.ToJson(); }
};

// ---- The store -----------------------------------------------------------------------------------
// The documents as a load hands them over (the revision under "rev").
inline std::map<std::string, std::string> StoredDocs() {
  std::map<std::string, std::string> docs = fake::Docs();
  if (auto rev = fake::StoredRev()) docs[kRevisionKey] = std::to_string(*rev);
  return docs;
}

// What a fresh load would make of the store; every part must be readable.
inline Model StoredModel() {
  DecodedStore decoded = DecodeStore(StoredDocs());
  for (const auto& d : decoded.damaged) FAIL_CHECK("stored part unreadable: " << d.key << ": " << d.reason);
  return decoded.model;
}

// The revision this tab (id slot 0, as the fake storage gives it) stores on top of `base`: the
// next step of 32, ending in its slot (StorageSync::NextRevision: numbers no other tab can take).
inline long long RevisionAfter(long long base, int slot = 0) {
  return (base / (2 * platform::kTabSlots) + 1) * (2 * platform::kTabSlots) + slot;
}

inline void Seed(const Model& model, long long rev) { fake::PutDocs(EncodeStoreChanges(nullptr, model).put, rev); }

// Another open tab (id slot 1) applies `action` to what is stored and commits it, then tells the
// others on its BroadcastChannel (unless `notify` is false: that notice is still on its way).
// It writes only the parts its change touches (a damaged part it leaves alone, if `damaged_ok`).
inline std::int64_t OtherTabCommits(const json& action, bool notify = true, bool damaged_ok = false) {
  DecodedStore before = DecodeStore(StoredDocs());
  if (!damaged_ok) REQUIRE(before.damaged.empty());
  AppState other;
  other.model = Model(before.model);
  ActionContext context;
  context.today = D(kToday);
  context.ids = {platform::kTabSlots, 1};
  ActionResult result = Apply(other, Action(action), context);
  REQUIRE(result.ok);
  StoreChanges changes = EncodeStoreChanges(&before.model, other.model);
  fake::CommitFromOtherTab(changes.put, changes.remove, notify);
  return result.id.value_or(0);
}

inline const Run* RunWithId(const Model& model, std::int64_t id) {
  for (const Run& run : model.runs)
    if (run.id == id) return &run;
  return nullptr;
}

// A runner's data: a shoe (1), a run in 2025 (2) and one in 2026 on that shoe (3), a pain entry (4).
inline Model RunnerModel() {
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
inline Model InIdOrder(Model m) {
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(m.shoes.begin(), m.shoes.end(), by_id);
  std::sort(m.runs.begin(), m.runs.end(), by_id);
  std::sort(m.strength.begin(), m.strength.end(), by_id);
  std::sort(m.pain.begin(), m.pain.end(), by_id);
  std::sort(m.cadence_sessions.begin(), m.cadence_sessions.end(), by_id);
  return m;
}

inline std::vector<std::int64_t> RunIds(const Model& model) {
  std::vector<std::int64_t> ids;
  for (const Run& run : model.runs) ids.push_back(run.id);
  return ids;
}

inline json AddRun(const char* date, double metres) { return {{"type", "add_run"}, {"date", date}, {"distance_m", metres}}; }


}  // namespace sw::test::storage_sync
