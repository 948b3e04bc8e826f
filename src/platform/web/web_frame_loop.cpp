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
// The earliest pending RequestFrameAfter deadline (NowMs), or 0 when none is pending.
double g_timer_deadline = 0;

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
  // Several timers may be pending (a sooner one was added after a later one); the frame they
  // ask for covers every deadline already passed.
  if (g_timer_deadline != 0 && g_timer_deadline <= NowMs() + 1) g_timer_deadline = 0;
  RequestFrames(1);
}

void OnCallAfter(void* work) {
  auto* owned = static_cast<std::function<void()>*>(work);
  (*owned)();
  delete owned;
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
  double deadline = NowMs() + std::max(0.0, delay_ms);
  // A pending timer that fires sooner covers this request: that frame asks again if needed. A
  // later one must not hold this one back (a 5 s retry must not stall a 500 ms readout).
  if (g_timer_deadline != 0 && g_timer_deadline <= deadline) return;
  g_timer_deadline = deadline;
  emscripten_set_timeout(OnTimer, std::max(0.0, delay_ms), nullptr);
}

void CallAfter(double delay_ms, std::function<void()> work) {
  emscripten_set_timeout(OnCallAfter, std::max(0.0, delay_ms), new std::function<void()>(std::move(work)));
}

}  // namespace sw::platform
