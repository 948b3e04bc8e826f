#pragma once
// The neutral platform API: what the app needs from its host, with one implementation per
// platform (web/ for the browser, native/ for the CLI and tests), picked by CMake.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace sw::platform {

// The runner's local calendar date, from the browser (or OS) clock.
std::chrono::year_month_day Today();
// Milliseconds from a monotonic clock.
double NowMs();

// ---- Window ---------------------------------------------------------------------------------
// Makes the drawing surface current (a WebGL2 context on the page's canvas) and starts input.
bool OpenWindow(std::string& error);

// ---- Frame loop (render on demand) ---------------------------------------------------------
// The host calls the frame callback only when a frame is due (frame_schedule.hpp): with nothing
// pending nothing runs.
using FrameCallback = std::function<void()>;
void RunFrameLoop(FrameCallback on_frame);
// Something changed outside a frame (input, a storage answer, a page API call): draw one soon.
void RequestFrame();
// Each frame's one decision, made at its end: the next frame is due by `deadline_ms` (NowMs()
// time; FrameSchedule::kNever: nothing on screen moves). A frame drawn earlier decides anew.
void NextFrameBy(double deadline_ms);
// Runs `work` once after `delay_ms`, in a task of its own (a retry on a back-off, the next slice
// of a long job). It asks for no frame: `work` does when it changes what is shown.
void CallAfter(double delay_ms, std::function<void()> work);

// ---- Input --------------------------------------------------------------------------------
// How far (CSS px) a finger may move and still be tapping: beyond it the touch is a drag (a
// scroll, or a slider following the finger). The app's pointer input and the bridges that act at
// a tap's end (the keyboard, the date picker) share it, so a swipe that scrolls never opens either.
inline constexpr float kTouchSlopCss = 10;

struct InputEvent {
  enum class Kind { PointerMove, PointerDown, PointerUp, PointerCancel, Wheel, Key, Char, Resize };
  Kind kind = Kind::PointerMove;
  bool touch = false;    // pointer events: from a finger rather than a mouse
  float x = 0, y = 0;    // pointer position in framebuffer pixels; wheel deltas in lines
  int key = 0;           // Key: one of the KeyCode values below
  bool down = false;     // Key: pressed or released
  unsigned codepoint = 0;  // Char: a Unicode code point typed
};
enum KeyCode { kKeyNone, kKeyBackspace, kKeyDelete, kKeyEnter, kKeyTab, kKeyEscape, kKeyLeft,
               kKeyRight, kKeyUp, kKeyDown, kKeyHome, kKeyEnd };
// Events that arrived since the last call, in order.
std::vector<InputEvent> TakeInputEvents();

// The canvas: its size in framebuffer pixels and the device pixel ratio it was made for.
struct Viewport {
  int width = 0, height = 0;
  float pixel_ratio = 1;
  // The browser's own text size against its 16 px default (Chrome's font size setting, Android's
  // text scaling): the app's text size setting multiplies with it.
  float text_zoom = 1;
};
Viewport CurrentViewport();

// ---- On-screen keyboard -------------------------------------------------------------------
// Rectangles (framebuffer pixels) of the text fields drawn in the last frame: a tap inside one
// must open the phone's keyboard synchronously, inside the browser's event handler.
struct TextFieldRect {
  float x0, y0, x1, y1;
  bool numeric;
};
void SetTextFieldRects(std::vector<TextFieldRect> rects);
void HideKeyboard();
// A field is being edited: if the keyboard input lost focus or never got it (the field became
// active without a tap ending on it), focus it again over `field` so typed keys are not lost.
void KeepKeyboardOn(const TextFieldRect& field);

// ---- Date picker --------------------------------------------------------------------------
// Date fields drawn in the last frame (also among the text fields, for a mouse and a keyboard):
// a finger's tap on one opens the platform's own date picker instead of the keyboard, inside the
// tap's event handler, as browsers require.
struct DateFieldRect {
  float x0, y0, x1, y1;  // framebuffer pixels
  std::string field;     // the field's full ImGui label: the picked date goes back to it
  std::string value;     // its text now: the picker starts there when it is a date
  std::string min, max;  // YYYY-MM-DD: the dates the picker offers
};
void SetDateFieldRects(std::vector<DateFieldRect> rects);
struct PickedDate {
  std::string field;
  std::string date;  // YYYY-MM-DD
};
// Dates the runner picked since the last call, in order.
std::vector<PickedDate> TakePickedDates();

// ---- Accessible mirror ------------------------------------------------------------------------
// A layer of real DOM elements over the canvas (buttons, checkboxes, fields, sliders, headings and
// text, in reading order, each placed over what it mirrors) for screen readers and the keyboard.
// `widgets` is one line per widget, fields split by tabs: kind, name, value, flags ("v" visible,
// "n" numeric, "p" partly out of view, "d" disabled), x, y, w, h (CSS px), min, max, id (the widget's ImGui id,
// 0 for text). The app sends it only when it changed.
void MirrorWidgets(const std::string& widgets);
// Said politely by screen readers (an ARIA live region): "Saved", an error, a new warning.
void Announce(const std::string& text);
// What assistive technology asked of a mirrored widget since the last call.
struct AssistiveRequest {
  enum class Kind { Activate = 0, SetValue = 1, Reveal = 2, Escape = 3 };
  Kind kind = Kind::Activate;
  int index = -1;     // the widget's line in the last MirrorWidgets() (Escape: none)
  std::string value;  // SetValue: the field's whole text, or the slider's number
};
std::vector<AssistiveRequest> TakeAssistiveRequests();

// ---- Automation API ------------------------------------------------------------------------
// The app answers state() and dispatch() for window.stridewise. ShowFirstFrame: the first frame
// with the stored data is drawn (from the run summary and the newest years): the canvas is shown.
// `drawn` resolves on SignalDrawn (that frame is drawn and every year of runs is read, so state()
// and actions have them at once), `ready` on SignalReady (every run in the model, a frame showing
// it drawn), `loaded` on SignalAllLoaded (every stored part in the model, the series included).
struct AutomationHandlers {
  // `fields`: the top-level names state() was asked for, comma-separated; "" for all of them.
  std::function<std::string(const std::string& fields)> state_json;
  std::function<std::string(const std::string& action_json)> dispatch;
};
void InstallAutomationApi(AutomationHandlers handlers);
void ShowFirstFrame();
void SignalDrawn();
void SignalReady();
void SignalAllLoaded();

// ---- The page around the canvas ------------------------------------------------------------
// The phone's light/dark setting (prefers-color-scheme). A change while the app runs asks for a
// frame, so "follow the system" follows at once.
bool PrefersDarkColors();
// The system's "reduce motion" setting (prefers-reduced-motion), followed the same way.
bool PrefersReducedMotion();
// Tells the page which theme the app shows: its background (seen while loading, and around the
// canvas) and the browser's theme-color follow.
void SetPageTheme(bool dark);

}  // namespace sw::platform
