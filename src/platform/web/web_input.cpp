// Browser input through html5.h callbacks. Emscripten 3.1.6's GLFW maps touches to mouse
// buttons without moving the cursor, so touches and the mouse are read here directly and
// turned into neutral InputEvents in framebuffer pixels (CSS px x devicePixelRatio).
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

#include "platform/platform.hpp"

namespace sw::platform {

void KeyboardOnTapEnd(float x, float y);  // web_keyboard.cpp
bool DatePickerOnTapEnd(float start_x, float start_y, float x, float y);  // web_date_picker.cpp

namespace {

constexpr const char* kCanvas = "#canvas";
std::vector<InputEvent> g_events;
Viewport g_viewport;
long g_active_touch = -1;  // identifier of the finger driving the pointer, -1 when none
float g_touch_start_x = 0, g_touch_start_y = 0;  // where it came down, framebuffer pixels
bool g_touch_dragged = false;  // it moved beyond kTouchSlopCss: a drag, not a tap

void Push(InputEvent event) {
  g_events.push_back(event);
  RequestFrame();  // ImGui trickles a tap over a few frames: each frame asks for the next (app.cpp)
}

InputEvent Pointer(InputEvent::Kind kind, bool touch, long css_x, long css_y) {
  InputEvent e;
  e.kind = kind;
  e.touch = touch;
  e.x = float(css_x) * g_viewport.pixel_ratio;
  e.y = float(css_y) * g_viewport.pixel_ratio;
  return e;
}

// Keeps the canvas backing store at CSS size x devicePixelRatio so text stays crisp.
void UpdateViewport() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  float ratio = float(emscripten_get_device_pixel_ratio());
  if (ratio <= 0) ratio = 1;
  int w = int(std::lround(css_w * ratio)), h = int(std::lround(css_h * ratio));
  // The root element's font size is the browser's text size (the page sets none of its own).
  float text_zoom = float(EM_ASM_DOUBLE({
    var px = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return px > 0 ? px / 16 : 1;
  }));
  if (!(text_zoom >= 0.5f && text_zoom <= 4.0f)) text_zoom = 1;
  if (w == g_viewport.width && h == g_viewport.height && ratio == g_viewport.pixel_ratio &&
      text_zoom == g_viewport.text_zoom)
    return;
  g_viewport = {w, h, ratio, text_zoom};
  emscripten_set_canvas_element_size(kCanvas, w, h);
  InputEvent e;
  e.kind = InputEvent::Kind::Resize;
  Push(e);
}

EM_BOOL OnResize(int, const EmscriptenUiEvent*, void*) {
  UpdateViewport();
  return EM_FALSE;
}

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* m, void*) {
  if (m->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_FALSE;
  switch (type) {
    case EMSCRIPTEN_EVENT_MOUSEDOWN:
      Push(Pointer(InputEvent::Kind::PointerMove, false, m->targetX, m->targetY));
      Push(Pointer(InputEvent::Kind::PointerDown, false, m->targetX, m->targetY));
      return EM_TRUE;  // keep focus where it is (the hidden text input, when a field is active)
    case EMSCRIPTEN_EVENT_MOUSEUP:
      Push(Pointer(InputEvent::Kind::PointerUp, false, m->targetX, m->targetY));
      KeyboardOnTapEnd(float(m->targetX) * g_viewport.pixel_ratio, float(m->targetY) * g_viewport.pixel_ratio);
      return EM_TRUE;
    default:
      Push(Pointer(InputEvent::Kind::PointerMove, false, m->targetX, m->targetY));
      return EM_FALSE;
  }
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* w, void*) {
  InputEvent e;
  e.kind = InputEvent::Kind::Wheel;
  // DOM_DELTA_PIXEL (0) is what browsers send for mice and trackpads: ~100 px per notch.
  double scale = w->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : w->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
  e.x = float(-w->deltaX * scale);
  e.y = float(-w->deltaY * scale);
  Push(e);
  return EM_TRUE;
}

EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* t, void*) {
  for (int i = 0; i < t->numTouches; ++i) {
    const EmscriptenTouchPoint& p = t->touches[i];
    if (!p.isChanged) continue;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g_active_touch < 0) {
      g_active_touch = p.identifier;
      g_touch_start_x = float(p.targetX) * g_viewport.pixel_ratio;
      g_touch_start_y = float(p.targetY) * g_viewport.pixel_ratio;
      g_touch_dragged = false;
      // Position first, press next: ImGui must see the finger over the widget before it presses.
      Push(Pointer(InputEvent::Kind::PointerMove, true, p.targetX, p.targetY));
      Push(Pointer(InputEvent::Kind::PointerDown, true, p.targetX, p.targetY));
    } else if (p.identifier == g_active_touch) {
      if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        Push(Pointer(InputEvent::Kind::PointerMove, true, p.targetX, p.targetY));
        float dx = float(p.targetX) * g_viewport.pixel_ratio - g_touch_start_x;
        float dy = float(p.targetY) * g_viewport.pixel_ratio - g_touch_start_y;
        if (std::hypot(dx, dy) >= kTouchSlopCss * g_viewport.pixel_ratio) g_touch_dragged = true;
      } else if (type == EMSCRIPTEN_EVENT_TOUCHEND) {
        Push(Pointer(InputEvent::Kind::PointerMove, true, p.targetX, p.targetY));
        Push(Pointer(InputEvent::Kind::PointerUp, true, p.targetX, p.targetY));
        g_active_touch = -1;
        // touchend is a user-activation event: the keyboard or a date picker may be opened from
        // here, by a tap. A finger on a date field gets the picker; a mouse types dates (OnMouse).
        // A swipe that scrolled the form and ended on a field opens neither: the keyboard would
        // shrink the page under the runner's next tap.
        float x = float(p.targetX) * g_viewport.pixel_ratio, y = float(p.targetY) * g_viewport.pixel_ratio;
        if (!g_touch_dragged && !DatePickerOnTapEnd(g_touch_start_x, g_touch_start_y, x, y)) KeyboardOnTapEnd(x, y);
      } else if (type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        Push(Pointer(InputEvent::Kind::PointerCancel, true, p.targetX, p.targetY));
        g_active_touch = -1;
      }
    }
  }
  return EM_TRUE;  // no emulated mouse events, no page scrolling or zooming
}

}  // namespace

void StartInput() {
  emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, OnMouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnMouse);
  emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, OnMouse);
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, OnWheel);
  emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, OnResize);
  UpdateViewport();
}

void PushKeyboardEvent(const InputEvent& event) { Push(event); }

std::vector<InputEvent> TakeInputEvents() {
  UpdateViewport();  // a CSS change without a window resize (rotation on some browsers)
  std::vector<InputEvent> out;
  out.swap(g_events);
  return out;
}

Viewport CurrentViewport() { return g_viewport; }

bool OpenWindow(std::string& error) {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(kCanvas, &attrs);
  if (context <= 0) {
    error = "WebGL2 is not available in this browser.";
    return false;
  }
  emscripten_webgl_make_context_current(context);
  StartInput();
  return true;
}

}  // namespace sw::platform
