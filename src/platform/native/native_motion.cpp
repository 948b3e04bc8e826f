// Native builds have no motion sensors, voice or wake lock (the CLI reads recordings).
#include "platform/motion.hpp"

namespace sw::platform {
void MotionStart() {}
void MotionStop() {}
SensorStatus MotionStatus() { return {SensorState::Unavailable, "no motion sensors in the native build"}; }
std::vector<MotionSample> MotionTakeSamples() { return {}; }
void MotionArmPermission(float, float, float, float) {}
void Speak(const std::string&) {}
void MetronomeStart(double) {}
void MetronomeStop() {}
void WakeLockAcquire() {}
void WakeLockRelease() {}
}  // namespace sw::platform
