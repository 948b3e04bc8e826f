// The C++ half of web/lib/files.js.
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "platform/files.hpp"
#include "platform/platform.hpp"
#include "platform/web/bridge_queue.hpp"

extern "C" {
void sw_files_download(const char* name, const char* mime, const char* text);
void sw_files_pick(int request_id, const char* accept);
void sw_files_pick_backup(int request_id, const char* accept, int head_bytes);
}

namespace sw::platform {
namespace {
using PickCallback = std::function<void(bool, std::string, std::string)>;
int g_next_request = 1;
std::map<int, PickCallback> g_pick_callbacks;
struct BackupRequest {
  BackupCheck check;
  std::function<void(PickedBackup)> done;
  std::string packed;  // the worker's answer, filled from JS a slice at a time
};
std::map<int, BackupRequest> g_backup_requests;
ReadyQueue g_ready;

}  // namespace

void DownloadText(const std::string& filename, const std::string& mime_type, const std::string& text) {
  sw_files_download(filename.c_str(), mime_type.c_str(), text.c_str());
}

void PickTextFile(const std::string& accept, PickCallback picked) {
  int id = g_next_request++;
  g_pick_callbacks[id] = std::move(picked);
  sw_files_pick(id, accept.c_str());
}

void PickBackupFile(const std::string& accept, std::size_t head_bytes, BackupCheck check,
                    std::function<void(PickedBackup)> done) {
  int id = g_next_request++;
  g_backup_requests[id] = {std::move(check), std::move(done)};
  sw_files_pick_backup(id, accept.c_str(), int(head_bytes));
}

void FilesDrain() {
  g_ready.Drain();
}

}  // namespace sw::platform

extern "C" EMSCRIPTEN_KEEPALIVE void sw_files_picked(int request_id, int ok, char* name, char* text) {
  using namespace sw::platform;
  std::string file_name = TakeString(name), content = TakeString(text);
  auto it = g_pick_callbacks.find(request_id);
  if (it == g_pick_callbacks.end()) return;
  auto done = std::move(it->second);
  g_pick_callbacks.erase(it);
  g_ready.Push([done = std::move(done), ok, file_name, content] { done(ok != 0, file_name, content); });
  RequestFrame();
}

namespace {

void FinishBackupRequest(int request_id, sw::platform::PickedBackup picked) {
  using namespace sw::platform;
  auto it = g_backup_requests.find(request_id);
  if (it == g_backup_requests.end()) return;
  auto done = std::move(it->second.done);
  g_backup_requests.erase(it);
  g_ready.Push([done = std::move(done), picked = std::move(picked)]() mutable { done(std::move(picked)); });
  RequestFrame();
}

}  // namespace

// The picked file's size and first bytes (all taken: freed here). 1: read and parse it; 0: refused.
extern "C" EMSCRIPTEN_KEEPALIVE int sw_files_backup_head(int request_id, char* name, double size, char* head,
                                                         int head_size) {
  using namespace sw::platform;
  std::string file_name = TakeString(name);
  std::string first(head ? head : "", head ? std::size_t(head_size) : 0);
  std::free(head);
  auto it = g_backup_requests.find(request_id);
  if (it == g_backup_requests.end()) return 0;
  std::string refused = it->second.check ? it->second.check(file_name, size, first) : std::string();
  if (refused.empty()) return 1;
  FinishBackupRequest(request_id, {false, file_name, true, std::move(refused), {}});
  return 0;
}

// The worker could not parse the file: `reason` (taken) says why, in plain words.
extern "C" EMSCRIPTEN_KEEPALIVE void sw_files_backup_failed(int request_id, char* name, char* reason) {
  using namespace sw::platform;
  FinishBackupRequest(request_id, {false, TakeString(name), false, TakeString(reason), {}});
}

// Room for the worker's packed answer, `size` bytes, set aside in the request: 1, or 0 when the
// heap cannot hold it. Reserved, not filled: a 20 MB resize (zero-filled) held the page for 70 ms,
// and the copy in one go before it for 100. JS then hands the bytes over a slice per task.
extern "C" EMSCRIPTEN_KEEPALIVE int sw_files_backup_room(int request_id, double size) {
  using namespace sw::platform;
  auto it = g_backup_requests.find(request_id);
  if (it == g_backup_requests.end() || size < 0) return 0;
  // Built without exceptions, a string that cannot get its room aborts the app; malloc says 0
  // instead. The room malloc found and gave back is what the string then gets.
  void* room = std::malloc(std::size_t(size) + 1);
  if (!room) return 0;
  std::free(room);
  it->second.packed.reserve(std::size_t(size));
  return 1;
}

// One slice of the packed answer (`data` taken), after the ones before it.
extern "C" EMSCRIPTEN_KEEPALIVE void sw_files_backup_append(int request_id, char* data, int size) {
  using namespace sw::platform;
  auto it = g_backup_requests.find(request_id);
  if (it != g_backup_requests.end()) it->second.packed.append(data, std::size_t(size));
  std::free(data);
}

// Every slice is in: the packed parts go to `done`.
extern "C" EMSCRIPTEN_KEEPALIVE void sw_files_backup_filled(int request_id, char* name) {
  using namespace sw::platform;
  std::string file_name = TakeString(name);
  auto it = g_backup_requests.find(request_id);
  if (it == g_backup_requests.end()) return;
  std::string packed = std::move(it->second.packed);
  FinishBackupRequest(request_id, {true, file_name, false, {}, std::move(packed)});
}
