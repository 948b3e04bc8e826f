// The frame loop's one piece of logic (platform/frame_schedule.hpp): when the next frame is due.
#include <catch2/catch.hpp>

#include "platform/frame_schedule.hpp"

using sw::platform::FrameSchedule;
using sw::platform::NextFrame;

TEST_CASE("A frame's one decision is the earliest deadline any part names", "[frames]") {
  NextFrame next;
  CHECK(next.deadline() == FrameSchedule::kNever);  // nothing moves: no frame until an event
  next.By(5000);  // a failed save's retry notice, say
  next.By(500);   // the cadence readout
  next.By(1300);  // a cursor blink
  CHECK(next.deadline() == 500);
}

// The bug this replaced: a pending 5 s timer swallowed a later request for a frame in 500 ms, so
// the cadence readout and the cursor blink stalled behind a failed save's retry.
TEST_CASE("A sooner deadline is never held back by a later timer already armed", "[frames]") {
  FrameSchedule schedule;
  double armed_for = FrameSchedule::kNever;  // what the host's newest timer fires for
  schedule.Decide(5000);
  REQUIRE(schedule.NeedsTimer(armed_for));
  armed_for = schedule.deadline();
  // A frame drawn meanwhile (input) decides again: the readout needs a frame by 500 ms.
  schedule.FrameStarted();
  schedule.Decide(500);
  CHECK(schedule.NeedsTimer(armed_for));  // a new timer for 500: the 5 s one does not cover it
  armed_for = schedule.deadline();
  CHECK(armed_for == 500);
  // A later deadline is covered by the sooner timer (that frame decides again).
  schedule.FrameStarted();
  schedule.Decide(800);
  CHECK_FALSE(schedule.NeedsTimer(armed_for));
  CHECK_FALSE(schedule.WantsFrameNow(499));
  CHECK(schedule.WantsFrameNow(800));
}

TEST_CASE("An event wants a frame now; a drawn frame clears what it answered", "[frames]") {
  FrameSchedule schedule;
  CHECK_FALSE(schedule.WantsFrameNow(0));
  schedule.RequestNow();
  CHECK(schedule.WantsFrameNow(0));
  schedule.FrameStarted();
  CHECK_FALSE(schedule.WantsFrameNow(1e9));  // no decision yet: nothing is due
  schedule.Decide(FrameSchedule::kNever);
  CHECK_FALSE(schedule.NeedsTimer(FrameSchedule::kNever));
}
