// The accessible mirror's bridge (web/lib/a11y.js): the widgets of each changed frame go to a
// layer of real DOM elements over the canvas; what a screen reader or the keyboard does to one of
// them comes back through sw_on_assistive and waits for the next frame (TakeAssistiveRequests).
#include <emscripten.h>

#include "platform/platform.hpp"

extern "C" {
void sw_a11y_update(const char* widgets);
void sw_a11y_announce(const char* text);
}

namespace sw::platform {

namespace {
std::vector<AssistiveRequest> g_requests;
}  // namespace

void MirrorWidgets(const std::string& widgets) { sw_a11y_update(widgets.c_str()); }

void Announce(const std::string& text) { sw_a11y_announce(text.c_str()); }

std::vector<AssistiveRequest> TakeAssistiveRequests() {
  std::vector<AssistiveRequest> out;
  out.swap(g_requests);
  return out;
}

}  // namespace sw::platform

extern "C" {

// kind: AssistiveRequest::Kind; index: the widget's line in the last update; value: SetValue's text.
EMSCRIPTEN_KEEPALIVE void sw_on_assistive(int kind, int index, const char* value) {
  if (kind < 0 || kind > 3) return;
  sw::platform::g_requests.push_back(
      {sw::platform::AssistiveRequest::Kind(kind), index, value ? std::string(value) : std::string()});
  sw::platform::RequestFrame();
}

}  // extern "C"
