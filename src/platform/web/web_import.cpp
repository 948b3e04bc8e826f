// The import bridge's C++ side: web/lib/import.js does the work and calls sw_import_event with an
// action for core (see platform/activity_import.hpp).
#include <emscripten.h>

#include <cstdlib>
#include <utility>

#include "platform/activity_import.hpp"

extern "C" {
void sw_import_install(void);
void sw_import_pick(void);
void sw_import_cancel(void);
}

namespace sw::platform {
namespace {
std::function<std::string(const std::string&)> g_on_action;
std::string g_result;  // the last answer, kept until the next call for UTF8ToString to copy
}  // namespace

void SetImportListener(std::function<std::string(const std::string&)> on_action) {
  g_on_action = std::move(on_action);
  sw_import_install();
}
void PickImportFiles() { sw_import_pick(); }
void CancelImportRead() { sw_import_cancel(); }

}  // namespace sw::platform

// `action_json` was malloc'ed by import.js: taken and freed here. Returns core's result.
extern "C" EMSCRIPTEN_KEEPALIVE const char* sw_import_event(char* action_json) {
  std::string text(action_json ? action_json : "");
  std::free(action_json);
  sw::platform::g_result = sw::platform::g_on_action ? sw::platform::g_on_action(text)
                                                     : R"({"ok":false,"error":"The app is not running."})";
  return sw::platform::g_result.c_str();
}
