// The C++ half of web/lib/storage.js. JavaScript answers through the EMSCRIPTEN_KEEPALIVE
// entry points below. They run the callback at once: a browser event never interleaves with a
// frame (one thread), so state still changes only between frames, and a tab in the background,
// where animation frames stop, still saves, syncs and reports "Saved" without waiting for one.
#include <emscripten.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "platform/platform.hpp"
#include "platform/web/bridge_queue.hpp"
#include "platform/storage.hpp"

extern "C" {
void sw_storage_load_all(int request_id, int fresh, const char* skip_prefix, const char* only_prefix);
void sw_storage_latest_rev(int request_id);
void sw_storage_load_later(int request_id);
int sw_storage_tab_slot(void);
void sw_storage_stage_bytes(int request_id, const char* key, const char* data, int size);
void sw_storage_stage_text(int request_id, const char* key, const char* data, int size);
void sw_storage_write(int request_id, const char* ops_json);
void sw_storage_watch(void);
void sw_storage_request_persist(void);
}

namespace sw::platform {
namespace {

int g_next_request = 1;
std::map<int, StorageLoadCallback> g_load_callbacks;
std::map<int, std::map<std::string, std::string>> g_loaded_docs;
std::map<int, StorageWriteCallback> g_write_callbacks;
std::map<int, std::function<void(bool, std::optional<long long>)>> g_rev_callbacks;
std::function<void(std::optional<long long>)> g_on_external_change;
std::function<void(bool, bool)> g_on_persist;
ReadyQueue g_ready;  // results waiting for the next frame


void Queue(std::function<void()> work) {
  g_ready.Push(std::move(work));
  StorageDrain();
  RequestFrame();
}

}  // namespace

void StorageLoadAll(StorageLoadCallback done, bool fresh_connection, const StorageReadScope& scope) {
  int id = g_next_request++;
  g_load_callbacks[id] = std::move(done);
  sw_storage_load_all(id, fresh_connection ? 1 : 0, scope.skip_prefix.c_str(), scope.only_prefix.c_str());
}

void StorageLoadLater(StorageLoadCallback done) {
  int id = g_next_request++;
  g_load_callbacks[id] = std::move(done);
  sw_storage_load_later(id);
}

void StorageLatestRev(std::function<void(bool ok, std::optional<long long> rev)> done) {
  int id = g_next_request++;
  g_rev_callbacks[id] = std::move(done);
  sw_storage_latest_rev(id);
}

int StorageTabSlot() { return sw_storage_tab_slot(); }

int StorageNewWrite() { return g_next_request++; }

void StorageStage(int write, const std::string& key, const std::string& value, bool binary) {
  if (binary) sw_storage_stage_bytes(write, key.c_str(), value.data(), int(value.size()));
  else sw_storage_stage_text(write, key.c_str(), value.data(), int(value.size()));
}

void StorageWrite(const StorageWriteRequest& request, StorageWriteCallback done, int staged_write) {
  int id = staged_write ? staged_write : g_next_request++;
  g_write_callbacks[id] = std::move(done);
  // Documents cannot travel inside the JSON cheaply: they are handed over first, straight from memory.
  for (const auto& [key, value] : request.put) StorageStage(id, key, value, request.binary.count(key) > 0);
  nlohmann::json ops = {{"rev", request.rev}, {"delete", request.remove}};
  ops["expect_rev"] = request.expect_rev ? nlohmann::json(*request.expect_rev) : nlohmann::json(nullptr);
  sw_storage_write(id, ops.dump().c_str());
}

void StorageWatch(std::function<void(std::optional<long long>)> changed) {
  g_on_external_change = std::move(changed);
  sw_storage_watch();
}

void StorageRequestPersist(std::function<void(bool, bool)> answer) {
  g_on_persist = std::move(answer);
  sw_storage_request_persist();
}

void StorageDrain() {
  g_ready.Drain();
}

}  // namespace sw::platform

using namespace sw::platform;

extern "C" {

// `value` holds `size` bytes: UTF-8 text, or a binary document's bytes as stored.
EMSCRIPTEN_KEEPALIVE void sw_storage_loaded_doc(int request_id, char* key, char* value, int size) {
  std::string bytes(value, std::size_t(size));
  std::free(value);
  g_loaded_docs[request_id][TakeString(key)] = std::move(bytes);
}

EMSCRIPTEN_KEEPALIVE void sw_storage_load_done(int request_id, int ok, char* error) {
  std::string message = TakeString(error);
  auto docs = std::move(g_loaded_docs[request_id]);
  g_loaded_docs.erase(request_id);
  auto it = g_load_callbacks.find(request_id);
  if (it == g_load_callbacks.end()) return;
  auto done = std::move(it->second);
  g_load_callbacks.erase(it);
  Queue([done = std::move(done), ok, docs = std::move(docs), message]() mutable {
    done(ok != 0, std::move(docs), message);
  });
}

EMSCRIPTEN_KEEPALIVE void sw_storage_write_done(int request_id, int ok, int conflict, char* error) {
  std::string message = TakeString(error);
  auto it = g_write_callbacks.find(request_id);
  if (it == g_write_callbacks.end()) return;
  auto done = std::move(it->second);
  g_write_callbacks.erase(it);
  StorageWriteOutcome outcome =
      ok ? StorageWriteOutcome::Committed : conflict ? StorageWriteOutcome::Conflict : StorageWriteOutcome::Failed;
  Queue([done = std::move(done), outcome, message] { done(outcome, message); });
}

// has_rev: another tab committed `rev`; otherwise the page became visible again (check).
EMSCRIPTEN_KEEPALIVE void sw_storage_external_change(int has_rev, double rev) {
  if (!g_on_external_change) return;
  std::optional<long long> committed;
  if (has_rev) committed = static_cast<long long>(rev);
  Queue([committed] { g_on_external_change(committed); });
}

EMSCRIPTEN_KEEPALIVE void sw_storage_rev_answer(int request_id, int ok, int has_rev, double rev) {
  auto it = g_rev_callbacks.find(request_id);
  if (it == g_rev_callbacks.end()) return;
  auto done = std::move(it->second);
  g_rev_callbacks.erase(it);
  std::optional<long long> latest;
  if (has_rev) latest = static_cast<long long>(rev);
  Queue([done = std::move(done), ok, latest] { done(ok != 0, latest); });
}

EMSCRIPTEN_KEEPALIVE void sw_storage_persist_result(int supported, int granted) {
  if (g_on_persist) Queue([supported, granted] { g_on_persist(supported != 0, granted != 0); });
}

}  // extern "C"
