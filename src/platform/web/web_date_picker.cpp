// The platform's own date picker for date fields tapped by a finger. Browsers open a picker only
// inside a user gesture, so a hidden <input type="date"> (web/lib/date_picker.js) is given the
// field's date and opened inside the tap's own touchend handler; the date picked comes back
// through sw_on_date_picked and waits for the next frame (TakePickedDates).
#include <emscripten.h>

#include <cstdio>

#include "platform/platform.hpp"

extern "C" {
void sw_date_picker_install(void);
void sw_date_picker_uninstall(void);
void sw_date_picker_open(float css_x, float css_y, float css_w, float css_h, const char* value, const char* min,
                         const char* max);
int sw_date_picker_listener_count(void);
}

namespace sw::platform {

namespace {
std::vector<DateFieldRect> g_fields;
std::string g_open_field;  // the field the picker was last opened for
std::vector<PickedDate> g_picked;
bool g_installed = false;

bool Inside(const DateFieldRect& f, float x, float y) { return x >= f.x0 && x < f.x1 && y >= f.y0 && y < f.y1; }
}  // namespace

// Only a C++ copy changes each frame: the page is touched when a tap opens the picker.
void SetDateFieldRects(std::vector<DateFieldRect> rects) {
  if (!g_installed) {
    sw_date_picker_install();
    g_installed = true;
  }
  g_fields = std::move(rects);
}

// A finger lifted at (x, y) after touching down at (start_x, start_y), framebuffer pixels. A tap
// that began and ended on one date field opens the picker (a swipe that scrolls the form and
// happens to end on a field does not). Returns whether the finger ended on a date field: the
// keyboard then stays shut either way, as a finger never types into one.
bool DatePickerOnTapEnd(float start_x, float start_y, float x, float y) {
  for (const DateFieldRect& f : g_fields) {
    if (!Inside(f, x, y)) continue;
    if (!Inside(f, start_x, start_y)) return true;
    // A keyboard left open for the previous field would take its focus back (keyboard.js).
    HideKeyboard();
    g_open_field = f.field;
    float ratio = CurrentViewport().pixel_ratio;
    sw_date_picker_open(f.x0 / ratio, f.y0 / ratio, (f.x1 - f.x0) / ratio, (f.y1 - f.y0) / ratio, f.value.c_str(),
                        f.min.c_str(), f.max.c_str());
    return true;
  }
  return false;
}

std::vector<PickedDate> TakePickedDates() {
  std::vector<PickedDate> out;
  out.swap(g_picked);
  return out;
}

// Removes the bridge's listeners; the next frame's SetDateFieldRects() installs it again.
void StopDatePicker() {
  sw_date_picker_uninstall();
  g_installed = false;
}

}  // namespace sw::platform

extern "C" {

// The picker's answer: a day the browser has already checked is a real date.
EMSCRIPTEN_KEEPALIVE void sw_on_date_picked(int year, int month, int day) {
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  sw::platform::g_picked.push_back({sw::platform::g_open_field, date});
  sw::platform::RequestFrame();
}

// The page is torn down, or a test checks that every listener has a remover.
EMSCRIPTEN_KEEPALIVE void sw_date_picker_stop(void) { sw::platform::StopDatePicker(); }

EMSCRIPTEN_KEEPALIVE int sw_date_picker_listeners(void) { return sw_date_picker_listener_count(); }

}  // extern "C"
