// The C++ half of web/lib/files.js.
#include <emscripten.h>

#include <cstdlib>
#include <deque>
#include <map>

#include "platform/files.hpp"
#include "platform/platform.hpp"

extern "C" {
void sw_files_download(const char* name, const char* mime, const char* text);
void sw_files_pick(int request_id, const char* accept);
}

namespace sw::platform {
namespace {
using PickCallback = std::function<void(bool, std::string, std::string)>;
int g_next_request = 1;
std::map<int, PickCallback> g_pick_callbacks;
std::deque<std::function<void()>> g_ready;

std::string TakeString(char* text) {
  if (!text) return {};
  std::string out(text);
  std::free(text);
  return out;
}
}  // namespace

void DownloadText(const std::string& filename, const std::string& mime_type, const std::string& text) {
  sw_files_download(filename.c_str(), mime_type.c_str(), text.c_str());
}

void PickTextFile(const std::string& accept, PickCallback picked) {
  int id = g_next_request++;
  g_pick_callbacks[id] = std::move(picked);
  sw_files_pick(id, accept.c_str());
}

void FilesDrain() {
  while (!g_ready.empty()) {
    auto work = std::move(g_ready.front());
    g_ready.pop_front();
    work();
  }
}

}  // namespace sw::platform

extern "C" EMSCRIPTEN_KEEPALIVE void sw_files_picked(int request_id, int ok, char* name, char* text) {
  using namespace sw::platform;
  std::string file_name = TakeString(name), content = TakeString(text);
  auto it = g_pick_callbacks.find(request_id);
  if (it == g_pick_callbacks.end()) return;
  auto done = std::move(it->second);
  g_pick_callbacks.erase(it);
  g_ready.push_back([done = std::move(done), ok, file_name, content] { done(ok != 0, file_name, content); });
  RequestFrames(2);
}
