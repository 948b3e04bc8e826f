// Render on demand. Nothing runs while nothing is pending: no requestAnimationFrame loop
// returning early, no sleeping. RequestFrames() schedules one animation frame if none is
// scheduled; each frame consumes one request and reschedules while any remain.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>

#include "platform/platform.hpp"

namespace sw::platform {
namespace {

FrameCallback g_on_frame;
int g_frames_pending = 0;
bool g_frame_scheduled = false;
bool g_timer_scheduled = false;

EM_BOOL OnAnimationFrame(double, void*) {
  g_frame_scheduled = false;
  g_frames_pending = std::max(0, g_frames_pending - 1);
  if (g_on_frame) g_on_frame();
  // The frame may have asked for another itself (RequestFrames schedules it): one is enough.
  if (g_frames_pending > 0 && !g_frame_scheduled) {
    g_frame_scheduled = true;
    emscripten_request_animation_frame(OnAnimationFrame, nullptr);
  }
  return EM_FALSE;
}

void OnTimer(void*) {
  g_timer_scheduled = false;
  RequestFrames(1);
}

}  // namespace

void RunFrameLoop(FrameCallback on_frame) {
  g_on_frame = std::move(on_frame);
  RequestFrames(2);
}

void RequestFrames(int count) {
  g_frames_pending = std::max(g_frames_pending, count);
  if (!g_frame_scheduled && g_frames_pending > 0) {
    g_frame_scheduled = true;
    emscripten_request_animation_frame(OnAnimationFrame, nullptr);
  }
}

void RequestFrameAfter(double delay_ms) {
  if (g_timer_scheduled) return;  // one pending timer is enough: it renders, then asks again
  g_timer_scheduled = true;
  emscripten_set_timeout(OnTimer, delay_ms, nullptr);
}

}  // namespace sw::platform
