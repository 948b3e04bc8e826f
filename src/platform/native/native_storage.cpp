// Native storage: an in-memory store with the same contract as IndexedDB (revision check,
// all-or-nothing writes, answers on the next drained frame). Used by native tests of the app
// logic; the CLI reads files directly.
#include <deque>

#include "platform/storage.hpp"

namespace sw::platform {
namespace {
std::map<std::string, std::string> g_docs;
std::deque<std::function<void()>> g_ready;
}  // namespace

void StorageLoadAll(StorageLoadCallback done, bool) {
  g_ready.push_back([done = std::move(done)] { done(true, g_docs, {}); });
}

int g_next_write = 1;
std::map<int, std::map<std::string, std::string>> g_staged;

int StorageNewWrite() { return g_next_write++; }
void StorageStage(int write, const std::string& key, const std::string& value, bool) { g_staged[write][key] = value; }

void StorageWrite(const StorageWriteRequest& given, StorageWriteCallback done, int staged_write) {
  StorageWriteRequest request = given;
  for (auto& [key, value] : g_staged[staged_write]) request.put[key] = std::move(value);
  g_staged.erase(staged_write);
  g_ready.push_back([request, done = std::move(done)] {
    auto it = g_docs.find("rev");
    std::optional<long long> stored;
    if (it != g_docs.end()) stored = std::stoll(it->second);
    if (stored != request.expect_rev) return done(StorageWriteOutcome::Conflict, {});
    for (const auto& [key, text] : request.put) g_docs[key] = text;
    for (const auto& key : request.remove) g_docs.erase(key);
    g_docs["rev"] = std::to_string(request.rev);
    done(StorageWriteOutcome::Committed, {});
  });
}

void StorageLatestRev(std::function<void(bool, std::optional<long long>)> done) {
  g_ready.push_back([done = std::move(done)] {
    auto it = g_docs.find("rev");
    done(true, it == g_docs.end() ? std::nullopt : std::optional<long long>(std::stoll(it->second)));
  });
}

void StorageWatch(std::function<void(std::optional<long long>)>) {}
int StorageTabSlot() { return 0; }
void StorageRequestPersist(std::function<void(bool, bool)> answer) { answer(false, false); }

void StorageDrain() {
  while (!g_ready.empty()) {
    auto work = std::move(g_ready.front());
    g_ready.pop_front();
    work();
  }
}

}  // namespace sw::platform
