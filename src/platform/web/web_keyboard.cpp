// The phone's on-screen keyboard. A focused canvas never opens it, so a hidden <input>
// (web/lib/keyboard.js) is focused inside the tap's own event handler when the tap ends on a
// text field drawn in the last frame; its keys and text come back through the entry points
// below and join the input queue.
#include <emscripten.h>

#include "platform/platform.hpp"

extern "C" {
void sw_keyboard_show(float css_x, float css_y, float css_w, float css_h, int numeric);
void sw_keyboard_hide(void);
void sw_keyboard_keep(float css_x, float css_y, float css_w, float css_h, int numeric);
void sw_keyboard_install(void);
void sw_keyboard_uninstall(void);
int sw_keyboard_listener_count(void);
}

namespace sw::platform {

void PushKeyboardEvent(const InputEvent& event);  // web_input.cpp

namespace {
std::vector<TextFieldRect> g_fields;
bool g_installed = false;
}  // namespace

void SetTextFieldRects(std::vector<TextFieldRect> rects) {
  if (!g_installed) {
    sw_keyboard_install();
    g_installed = true;
  }
  g_fields = std::move(rects);
}

void KeyboardOnTapEnd(float x, float y) {
  float ratio = CurrentViewport().pixel_ratio;
  for (const TextFieldRect& f : g_fields) {
    if (x >= f.x0 && x < f.x1 && y >= f.y0 && y < f.y1) {
      sw_keyboard_show(f.x0 / ratio, f.y0 / ratio, (f.x1 - f.x0) / ratio, (f.y1 - f.y0) / ratio, f.numeric);
      return;
    }
  }
}

void HideKeyboard() { sw_keyboard_hide(); }

void KeepKeyboardOn(const TextFieldRect& f) {
  float ratio = CurrentViewport().pixel_ratio;
  sw_keyboard_keep(f.x0 / ratio, f.y0 / ratio, (f.x1 - f.x0) / ratio, (f.y1 - f.y0) / ratio, f.numeric);
}

// Removes the bridge's listeners; the next frame's SetTextFieldRects() installs it again.
void StopKeyboard() {
  sw_keyboard_uninstall();
  g_installed = false;
}

}  // namespace sw::platform

extern "C" {

// The page is torn down, or a test checks that every listener has a remover.
EMSCRIPTEN_KEEPALIVE void sw_keyboard_stop(void) { sw::platform::StopKeyboard(); }

EMSCRIPTEN_KEEPALIVE int sw_keyboard_listeners(void) { return sw_keyboard_listener_count(); }

EMSCRIPTEN_KEEPALIVE void sw_on_key(int key, int down) {
  sw::platform::InputEvent e;
  e.kind = sw::platform::InputEvent::Kind::Key;
  e.key = key;
  e.down = down != 0;
  sw::platform::PushKeyboardEvent(e);
}

EMSCRIPTEN_KEEPALIVE void sw_on_char(unsigned codepoint) {
  sw::platform::InputEvent e;
  e.kind = sw::platform::InputEvent::Kind::Char;
  e.codepoint = codepoint;
  sw::platform::PushKeyboardEvent(e);
}

}  // extern "C"
