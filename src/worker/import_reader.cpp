// The import worker's WebAssembly (import_reader.js/.wasm, loaded by web/import_worker.js only
// when a runner imports): core's import readers and nothing else, so FIT, GPX, TCX, CSV and zip
// files are read off the page's thread by the very code `stridewise import` runs natively.
//   sw_import_add(name, bytes, size)  hands over one file (the bytes are taken: freed here)
//   sw_import_run()                   reads them all; the answer is import_read's JSON:
//                                     {"activities": [...], "failed": [{name, error}]}
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/import/activity.hpp"
#include "core/import/readers/readers.hpp"

namespace {

std::vector<sw::import::NamedFile> g_files;
std::string g_result;

// The runner's offset from UTC at an instant, from the browser's own time zone rules (core has no
// time-zone database): a run at 23:30 UTC is tomorrow's run in Sydney.
EM_JS(int, sw_js_utc_offset_at, (double unix_seconds), {
  return -new Date(unix_seconds * 1000).getTimezoneOffset() * 60;
});

int BrowserOffsetAt(std::chrono::sys_seconds instant) {
  return sw_js_utc_offset_at(double(instant.time_since_epoch().count()));
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void sw_import_add(const char* name, std::uint8_t* bytes, int size) {
  sw::import::NamedFile file;
  file.name = name;
  file.bytes.assign(bytes, bytes + (size > 0 ? size : 0));
  std::free(bytes);
  g_files.push_back(std::move(file));
}

EMSCRIPTEN_KEEPALIVE const char* sw_import_run() {
  sw::import::ReadManyResult read = sw::import::ReadFiles(g_files);
  g_files.clear();
  g_files.shrink_to_fit();
  nlohmann::json activities = nlohmann::json::array();
  for (const auto& activity : read.activities) activities.push_back(sw::import::ActivityToJson(activity, BrowserOffsetAt));
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& failure : read.failed) failed.push_back({{"name", failure.name}, {"error", failure.error}});
  g_result = nlohmann::json{{"activities", std::move(activities)}, {"failed", std::move(failed)}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int sw_import_result_size() { return int(g_result.size()); }

}  // extern "C"
