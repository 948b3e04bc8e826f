// The import worker's WebAssembly (import_reader.js/.wasm, loaded by web/import_worker.js only
// when a runner imports): core's import readers and nothing else, so FIT, GPX, TCX, CSV and zip
// files are read off the page's thread by the very code `stridewise import` runs natively.
//   sw_import_add(name, bytes, size)  hands over one file (the bytes are taken: freed here)
//   sw_import_run()                   reads them all, posting {type: 'progress', done, total} as
//                                     it goes: the number of import_read batches
//   sw_import_batch(i)                batch i as import_read's JSON (the last one without more:
//                                     {"type":"import_read","activities":[...],"failed":[...],"more":true})
#include <emscripten/emscripten.h>

#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/import/activity.hpp"
#include "core/import/readers/readers.hpp"

namespace {

std::vector<sw::import::NamedFile> g_files;
std::vector<std::string> g_batches;
std::string g_result;

// The runner's offset from UTC at an instant, from the browser's own time zone rules (core has no
// time-zone database): a run at 23:30 UTC is tomorrow's run in Sydney.
EM_JS(int, sw_js_utc_offset_at, (double unix_seconds), {
  return -new Date(unix_seconds * 1000).getTimezoneOffset() * 60;
});

// Tells the page how far the reading has got (web/lib/import.js: import_progress), at most every
// 100 ms and always at the end: a progress message costs the page a frame.
EM_JS(void, sw_js_read_progress, (double done, double total), {
  const now = performance.now();
  if (done < total && self.swLastProgress !== undefined && now - self.swLastProgress < 100) return;
  self.swLastProgress = now;
  self.postMessage({ type: 'progress', done: done, total: total });
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

// Reads every file handed over; returns how many batches of import_read JSON it makes. Batches of
// 100 activities: each is one task on the page (a few milliseconds), not one for two thousand.
EMSCRIPTEN_KEEPALIVE int sw_import_run() {
  sw::import::ReadManyResult read = sw::import::ReadFiles(
      g_files, [](std::size_t done, std::size_t total) { sw_js_read_progress(double(done), double(total)); });
  g_files.clear();
  g_files.shrink_to_fit();
  g_batches.clear();
  constexpr std::size_t kBatch = 100;
  const std::size_t count = read.activities.size();
  for (std::size_t start = 0; start == 0 || start < count; start += kBatch) {
    nlohmann::json activities = nlohmann::json::array();
    for (std::size_t i = start; i < std::min(count, start + kBatch); ++i)
      activities.push_back(sw::import::ActivityToJson(read.activities[i], BrowserOffsetAt));
    nlohmann::json failed = nlohmann::json::array();
    const bool last = start + kBatch >= count;
    if (last)
      for (const auto& failure : read.failed) failed.push_back({{"name", failure.name}, {"error", failure.error}});
    nlohmann::json batch = {{"type", "import_read"}, {"activities", std::move(activities)}, {"failed", std::move(failed)}};
    if (!last) batch["more"] = true;
    g_batches.push_back(batch.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return int(g_batches.size());
}

// Batch `index`'s import_read action as JSON text (its size from sw_import_result_size).
EMSCRIPTEN_KEEPALIVE const char* sw_import_batch(int index) {
  g_result = index >= 0 && std::size_t(index) < g_batches.size() ? std::move(g_batches[std::size_t(index)]) : std::string();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int sw_import_result_size() { return int(g_result.size()); }

}  // extern "C"
