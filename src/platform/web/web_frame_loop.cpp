// Render on demand. Nothing runs while nothing is due: no requestAnimationFrame loop returning
// early, no sleeping. An event asks for a frame now (RequestFrame); each frame decides at its end
// when the next is due (NextFrameBy), and a timer wakes the loop for that deadline. The logic of
// what is due lives in frame_schedule.hpp (native tests); this file only arms rAF and timers.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>

#include "platform/frame_schedule.hpp"
#include "platform/platform.hpp"

namespace sw::platform {
namespace {

FrameCallback g_on_frame;
FrameSchedule g_schedule;
bool g_frame_scheduled = false;
// The deadline the newest armed timer fires for; older timers find their generation stale.
double g_timer_for = FrameSchedule::kNever;
unsigned g_timer_generation = 0;

void ScheduleAnimationFrame();

EM_BOOL OnAnimationFrame(double, void*) {
  g_frame_scheduled = false;
  g_schedule.FrameStarted();
  if (g_on_frame) g_on_frame();
  return EM_FALSE;
}

void ScheduleAnimationFrame() {
  if (g_frame_scheduled) return;
  g_frame_scheduled = true;
  emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

void OnTimer(void* generation) {
  if (unsigned(reinterpret_cast<std::uintptr_t>(generation)) != g_timer_generation) return;  // replaced by a sooner one
  g_timer_for = FrameSchedule::kNever;
  if (g_schedule.WantsFrameNow(NowMs() + 1)) ScheduleAnimationFrame();
  else if (g_schedule.NeedsTimer(g_timer_for)) NextFrameBy(g_schedule.deadline());  // woke early: arm again
}

void OnCallAfter(void* work) {
  auto* owned = static_cast<std::function<void()>*>(work);
  (*owned)();
  delete owned;
}

}  // namespace

void RunFrameLoop(FrameCallback on_frame) {
  g_on_frame = std::move(on_frame);
  RequestFrame();
}

void RequestFrame() {
  g_schedule.RequestNow();
  ScheduleAnimationFrame();
}

void NextFrameBy(double deadline_ms) {
  g_schedule.Decide(deadline_ms);
  if (g_schedule.WantsFrameNow(NowMs())) {
    ScheduleAnimationFrame();
    return;
  }
  // A timer armed for a sooner deadline covers this one (that frame decides again); a later one
  // must not hold this one back: a new timer is armed and the older one ignored when it fires.
  if (!g_schedule.NeedsTimer(g_timer_for)) return;
  g_timer_for = deadline_ms;
  ++g_timer_generation;
  emscripten_set_timeout(OnTimer, std::max(0.0, deadline_ms - NowMs()),
                         reinterpret_cast<void*>(std::uintptr_t(g_timer_generation)));
}

void CallAfter(double delay_ms, std::function<void()> work) {
  emscripten_set_timeout(OnCallAfter, std::max(0.0, delay_ms), new std::function<void()>(std::move(work)));
}

}  // namespace sw::platform
