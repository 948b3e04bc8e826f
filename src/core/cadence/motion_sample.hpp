#pragma once
#include <string>

// One motion sensor reading as the sensor bridge delivers it (DeviceMotionEvent).
namespace sw {

struct MotionSample {
  double t_s = 0;                 // event.timeStamp in seconds
  double ax = 0, ay = 0, az = 0;  // accelerationIncludingGravity, m/s^2 (NaN when missing)
  double rx = 0, ry = 0, rz = 0;  // rotationRate alpha/beta/gamma in deg/s, NaN without a gyroscope
};

// What the sensor bridge says about itself; the app passes it in with every cadence action.
enum class SensorState { Idle, Starting, Ok, Denied, Unavailable };
struct SensorStatus {
  SensorState state = SensorState::Idle;
  std::string message;  // why, in plain words, for Denied / Unavailable
};

}  // namespace sw
