// The backup worker's WebAssembly (backup_parser.js/.wasm, loaded by web/backup_worker.js): core's
// ParseBackup and PackBackup, and nothing else (no ImGui, no GL, no browser API), so a picked
// backup is parsed off the page's thread by the very code the app and `stridewise check` use.
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/storage/backup.hpp"
#include "core/storage/backup_file.hpp"

namespace {
std::string g_result;  // the last answer: the packed parts, or the reason
}

extern "C" {

// Parses `size` bytes at `bytes` (taken: freed here). 1: g_result holds PackBackup's buffer;
// 0: it holds why the file is not imported.
int sw_backup_parse(char* bytes, int size) {
  sw::ParsedBackup parsed = sw::ParseBackup(std::string_view(bytes, std::size_t(size)));
  std::free(bytes);
  g_result = parsed.ok ? sw::PackBackup(parsed) : parsed.error;
  return parsed.ok ? 1 : 0;
}

const char* sw_backup_result() { return g_result.data(); }
int sw_backup_result_size() { return int(g_result.size()); }

}  // extern "C"
