// Native storage: an in-memory store with the same contract as IndexedDB through
// web/lib/storage.js (documents and the head revision apart, the revision check, all-or-nothing
// writes, answers on the next drained frame). Used by native tests of the app logic, which
// steer it through native_control.hpp; the CLI reads files directly.
#include <deque>
#include <utility>

#include "platform/native/native_control.hpp"
#include "platform/storage.hpp"

namespace sw::platform {
namespace {
std::map<std::string, std::string> g_docs;  // IndexedDB's `docs` store
std::set<std::string> g_binary;             // keys in g_docs stored as bytes
std::optional<long long> g_head;            // the `revs` store's head marker (nullopt: empty)
std::deque<std::function<void()>> g_ready;  // answers waiting for StorageDrain
std::deque<std::function<void()>> g_held;   // requests a silent storage never answered
std::function<void(std::optional<long long>)> g_watch;
int g_next_write = 1;
std::map<int, StorageWriteRequest> g_staged;
bool g_silent = false;
std::deque<std::string> g_load_failures, g_write_failures;
int g_loads = 0, g_writes = 0, g_commits = 0;
std::set<std::string> g_leave_for_later;  // LeaveForLater: keys the next first read reads second
std::optional<std::map<std::string, std::string>> g_later_part;  // read then, for StorageLoadLater
int g_tab_slot = 0;  // StorageTabSlot(): -1 for a tab that holds none

// A request's answer: queued for the next drain, or held while storage is silent.
void Answer(std::function<void()> work) {
  if (g_silent) g_held.push_back(std::move(work));
  else g_ready.push_back(std::move(work));
}

std::string TakeFailure(std::deque<std::string>& failures) {
  std::string error = std::move(failures.front());
  failures.pop_front();
  return error;
}
}  // namespace

void StorageLoadAll(StorageLoadCallback done, bool, const StorageReadScope& scope) {
  ++g_loads;
  // A failure belongs to the request (the open or read that failed), decided when it is made.
  std::optional<std::string> failure;
  if (!g_load_failures.empty()) failure = TakeFailure(g_load_failures);
  Answer([done = std::move(done), failure, scope] {
    if (failure) return done(false, {}, *failure);
    // The store as it is when the read runs; the revision is handed over as "rev", as the bridge does.
    auto starts = [](const std::string& key, const std::string& prefix) { return key.rfind(prefix, 0) == 0; };
    std::map<std::string, std::string> docs;
    for (const auto& [key, value] : g_docs) {
      if (!scope.skip_prefix.empty() && starts(key, scope.skip_prefix)) continue;
      if (!scope.only_prefix.empty() && !starts(key, scope.only_prefix)) continue;
      docs[key] = value;
    }
    if (g_head && scope.only_prefix.empty()) docs["rev"] = std::to_string(*g_head);
    // The preload's first read (all but a prefix) in two parts of one snapshot, as LeaveForLater asked.
    if (!scope.skip_prefix.empty() && !g_leave_for_later.empty()) {
      std::map<std::string, std::string> later;
      std::string keys;
      for (const std::string& key : g_leave_for_later) {
        auto it = docs.find(key);
        if (it == docs.end()) continue;
        keys += (keys.empty() ? "[\"" : ",\"") + key + "\"";
        later.insert(docs.extract(it));
      }
      if (!later.empty()) docs[kLaterKeysDoc] = keys + "]";
      g_later_part = std::move(later);
      g_leave_for_later.clear();
    }
    done(true, std::move(docs), {});
  });
}

void StorageLoadLater(StorageLoadCallback done) {
  std::optional<std::string> failure;
  if (!g_load_failures.empty()) failure = TakeFailure(g_load_failures);
  Answer([done = std::move(done), failure] {
    if (failure) return done(false, {}, *failure);
    if (!g_later_part) return done(false, {}, "the first read has no second part");
    auto part = std::move(*g_later_part);
    g_later_part.reset();
    done(true, std::move(part), {});
  });
}

int StorageNewWrite() { return g_next_write++; }
void StorageStage(int write, const std::string& key, const std::string& value, bool binary) {
  StorageWriteRequest& staged = g_staged[write];
  staged.put[key] = value;  // copied now, like the bridge
  if (binary) staged.binary.insert(key);
  else staged.binary.erase(key);
}

void StorageWrite(const StorageWriteRequest& given, StorageWriteCallback done, int staged_write) {
  ++g_writes;
  StorageWriteRequest request = given;
  if (auto it = g_staged.find(staged_write); staged_write && it != g_staged.end()) {
    for (auto& [key, value] : it->second.put) {
      request.put[key] = std::move(value);
      if (it->second.binary.count(key)) request.binary.insert(key);
    }
    g_staged.erase(it);
  }
  std::optional<std::string> failure;
  if (!g_write_failures.empty()) failure = TakeFailure(g_write_failures);
  Answer([request = std::move(request), done = std::move(done), failure] {
    // rev == expect_rev means "no new revision" to the bridge: no check, no new head.
    bool new_rev = !request.expect_rev || request.rev != *request.expect_rev;
    // The head marker check aborts the whole transaction, before anything lands.
    if (new_rev && g_head != request.expect_rev) return done(StorageWriteOutcome::Conflict, {});
    if (failure) return done(StorageWriteOutcome::Failed, *failure);  // quota: nothing lands
    for (const auto& [key, value] : request.put) {
      g_docs[key] = value;
      if (request.binary.count(key)) g_binary.insert(key);
      else g_binary.erase(key);
    }
    for (const auto& key : request.remove)
      if (!request.put.count(key)) {
        g_docs.erase(key);
        g_binary.erase(key);
      }
    if (new_rev) g_head = request.rev;
    ++g_commits;
    done(StorageWriteOutcome::Committed, {});
  });
}

void StorageLatestRev(std::function<void(bool, std::optional<long long>)> done) {
  Answer([done = std::move(done)] { done(true, g_head); });
}

void StorageWatch(std::function<void(std::optional<long long>)> changed) { g_watch = std::move(changed); }
int StorageTabSlot() { return g_tab_slot; }
void StorageRequestPersist(std::function<void(bool, bool)> answer) {
  Answer([answer = std::move(answer)] { answer(false, false); });
}

void StorageDrain() {
  while (!g_ready.empty()) {
    auto work = std::move(g_ready.front());
    g_ready.pop_front();
    work();
  }
}

// ---- Test controls (native_control.hpp) ------------------------------------------------------
namespace native_test {

void ResetStorage() {
  g_docs.clear();
  g_binary.clear();
  g_head.reset();
  g_ready.clear();
  g_held.clear();
  g_watch = nullptr;
  g_staged.clear();
  g_silent = false;
  g_load_failures.clear();
  g_write_failures.clear();
  g_loads = g_writes = g_commits = 0;
  g_leave_for_later.clear();
  g_later_part.reset();
  g_tab_slot = 0;
}

void SetTabSlot(int slot) { g_tab_slot = slot; }

void LeaveForLater(std::set<std::string> keys) { g_leave_for_later = std::move(keys); }

int DrainStorage(int limit) {
  int ran = 0;
  while (!g_ready.empty() && ran < limit) {
    auto work = std::move(g_ready.front());
    g_ready.pop_front();
    work();
    ++ran;
  }
  return ran;
}

void FailLoads(std::string error, int count) {
  for (int i = 0; i < count; ++i) g_load_failures.push_back(error);
}
void FailWrites(std::string error, int count) {
  for (int i = 0; i < count; ++i) g_write_failures.push_back(error);
}
void SetSilent(bool silent) { g_silent = silent; }
void ReleaseHeld() {
  while (!g_held.empty()) {
    g_ready.push_back(std::move(g_held.front()));
    g_held.pop_front();
  }
}
int HeldRequests() { return int(g_held.size()); }
int LoadCount() { return g_loads; }
int WriteCount() { return g_writes; }
int CommitCount() { return g_commits; }

const std::map<std::string, std::string>& Docs() { return g_docs; }
std::optional<std::string> Doc(const std::string& key) {
  auto it = g_docs.find(key);
  return it == g_docs.end() ? std::nullopt : std::optional<std::string>(it->second);
}
const std::set<std::string>& BinaryKeys() { return g_binary; }
std::optional<long long> StoredRev() { return g_head; }

void PutDocs(const std::map<std::string, std::string>& docs, std::optional<long long> rev,
             const std::vector<std::string>& remove) {
  for (const auto& key : remove) {
    g_docs.erase(key);
    g_binary.erase(key);
  }
  for (const auto& [key, value] : docs) g_docs[key] = value;
  g_head = rev;
}

long long CommitFromOtherTab(const std::map<std::string, std::string>& put, const std::vector<std::string>& remove,
                             bool notify) {
  for (const auto& key : remove) {
    g_docs.erase(key);
    g_binary.erase(key);
  }
  for (const auto& [key, value] : put) g_docs[key] = value;
  long long rev = g_head.value_or(0) + 1;
  g_head = rev;
  if (notify) NotifyWatch(rev);
  return rev;
}

bool NotifyWatch(std::optional<long long> rev) {
  if (!g_watch) return false;
  // The callback as it is when the notice is heard (the bridge keeps one listener).
  g_ready.push_back([rev] {
    if (g_watch) g_watch(rev);
  });
  return true;
}

}  // namespace native_test
}  // namespace sw::platform
