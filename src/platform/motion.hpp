#pragma once
// Motion sensors, speech, a metronome and the screen wake lock: what the cadence meter needs
// from the phone. Samples arrive in batches at the start of a frame (MotionTakeSamples).
#include <string>
#include <vector>

namespace sw::platform {

struct MotionSample {
  double t_s = 0;              // event.timeStamp in seconds
  double ax = 0, ay = 0, az = 0;  // accelerationIncludingGravity, m/s^2 (NaN when missing)
  double rx = 0, ry = 0, rz = 0;   // rotationRate alpha/beta/gamma in deg/s, NaN without a gyroscope
};

enum class SensorState { Idle, Starting, Ok, Denied, Unavailable };

struct SensorStatus {
  SensorState state = SensorState::Idle;
  std::string message;  // why, in plain words, for Denied / Unavailable ("no samples arriving", ...)
};

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
