#pragma once
// Motion sensors, speech, a metronome and the screen wake lock: what the cadence meter needs
// from the phone. Samples arrive in batches at the start of a frame (MotionTakeSamples).
#include <string>
#include <vector>

#include "core/cadence/motion_sample.hpp"

namespace sw::platform {

// The bridge delivers core's own types (core/cadence/motion_sample.hpp): no conversion between.
using sw::MotionSample;
using sw::SensorState;
using sw::SensorStatus;

// Asks permission where the browser wants it (iOS, armed by the tap) and starts listening.
void MotionStart();
void MotionStop();
SensorStatus MotionStatus();
std::vector<MotionSample> MotionTakeSamples();
// The Start button's rectangle (CSS px) while it is on screen: a tap ending inside it asks
// iOS for motion permission from within the tap's own event handler.
void MotionArmPermission(float x, float y, float w, float h);

void Speak(const std::string& text);
void MetronomeStart(double beats_per_minute);
void MetronomeStop();
void WakeLockAcquire();
void WakeLockRelease();

}  // namespace sw::platform
