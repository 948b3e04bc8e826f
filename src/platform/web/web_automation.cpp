// window.stridewise: the page's automation API (API.md). JavaScript calls the two entry points
// below; the strings they return live in statics until the next call, long enough for
// UTF8ToString to copy them.
#include <emscripten.h>

#include "platform/platform.hpp"

extern "C" {
void sw_automation_install(void);
void sw_automation_shown(void);
void sw_automation_drawn(void);
void sw_automation_ready(void);
void sw_automation_loaded(void);
}

namespace sw::platform {
namespace {
AutomationHandlers g_handlers;
std::string g_state_text;
std::string g_dispatch_text;
}  // namespace

void InstallAutomationApi(AutomationHandlers handlers) {
  g_handlers = std::move(handlers);
  sw_automation_install();
}

void ShowFirstFrame() { sw_automation_shown(); }
void SignalDrawn() { sw_automation_drawn(); }
void SignalReady() { sw_automation_ready(); }
void SignalAllLoaded() { sw_automation_loaded(); }

}  // namespace sw::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* sw_api_state(const char* fields) {
  sw::platform::g_state_text =
      sw::platform::g_handlers.state_json ? sw::platform::g_handlers.state_json(fields ? fields : "") : "{}";
  return sw::platform::g_state_text.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sw_api_dispatch(const char* action_json) {
  sw::platform::g_dispatch_text = sw::platform::g_handlers.dispatch
                        ? sw::platform::g_handlers.dispatch(action_json ? action_json : "")
                        : R"({"ok":false,"error":"The app is not running."})";
  return sw::platform::g_dispatch_text.c_str();
}

}  // extern "C"
