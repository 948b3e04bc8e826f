#pragma once
// When the next frame is due: the frame loop's one piece of logic, kept pure so a native test
// can check it. Two things ask for frames:
//   - events from outside a frame (input, a storage answer, a page API call): "as soon as
//     possible" (RequestNow);
//   - each frame's own decision, made once at its end: the deadline by which the next frame is
//     due (Decide), the earliest of everything on screen that moves (a cadence readout in 500 ms,
//     a cursor blink in 800 ms, an undo bar's countdown in 250 ms), or none.
// A frame drawn for any reason makes the next decision afresh, so a deadline never has to be
// cancelled; a sooner deadline is never held back by a later one armed before it.
#include <algorithm>
#include <limits>

namespace sw::platform {

class FrameSchedule {
 public:
  static constexpr double kNever = std::numeric_limits<double>::infinity();

  void RequestNow() { now_ = true; }
  // The frame that just ended: the next frame is due by `deadline_ms` (kNever: nothing moves).
  void Decide(double deadline_ms) { deadline_ = deadline_ms; }
  // A frame starts: what was asked for is being drawn; it decides anew at its end.
  void FrameStarted() {
    now_ = false;
    deadline_ = kNever;
  }
  bool WantsFrameNow(double now_ms) const { return now_ || deadline_ <= now_ms; }
  double deadline() const { return deadline_; }

  // The host's timer: arm one for `deadline()` unless one already fires at or before it. Returns
  // whether a new timer must be armed (the caller then ignores the older ones when they fire).
  bool NeedsTimer(double armed_for) const { return deadline_ < kNever && deadline_ < armed_for; }

 private:
  bool now_ = false;
  double deadline_ = kNever;
};

// The one decision a frame makes: the earliest of the deadlines its parts name.
class NextFrame {
 public:
  void By(double deadline_ms) { deadline_ = std::min(deadline_, deadline_ms); }
  double deadline() const { return deadline_; }

 private:
  double deadline_ = FrameSchedule::kNever;
};

}  // namespace sw::platform
