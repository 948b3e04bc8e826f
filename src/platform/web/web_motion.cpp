// The C++ half of web/lib/motion.js and web/lib/voice.js. Samples are only buffered here;
// a frame is asked for at most every 500 ms so a pocketed phone does not draw at 100 Hz.
#include <emscripten.h>

#include <cstdlib>

#include "platform/motion.hpp"
#include "platform/platform.hpp"

extern "C" {
void sw_motion_start(void);
void sw_motion_stop(void);
void sw_motion_arm(float x, float y, float w, float h);
void sw_voice_say(const char* text);
void sw_metronome_start(double bpm);
void sw_metronome_stop(void);
void sw_wake_lock_acquire(void);
void sw_wake_lock_release(void);
}

namespace sw::platform {
namespace {
std::vector<MotionSample> g_samples;
SensorStatus g_status;
}  // namespace

void MotionStart() {
  g_status = {SensorState::Starting, "Starting the motion sensor..."};
  sw_motion_start();
}

void MotionStop() {
  sw_motion_stop();
  g_status = {};
  g_samples.clear();
}

SensorStatus MotionStatus() { return g_status; }

std::vector<MotionSample> MotionTakeSamples() {
  std::vector<MotionSample> out;
  out.swap(g_samples);
  return out;
}

void MotionArmPermission(float x, float y, float w, float h) { sw_motion_arm(x, y, w, h); }
void Speak(const std::string& text) { sw_voice_say(text.c_str()); }
void MetronomeStart(double beats_per_minute) { sw_metronome_start(beats_per_minute); }
void MetronomeStop() { sw_metronome_stop(); }
void WakeLockAcquire() { sw_wake_lock_acquire(); }
void WakeLockRelease() { sw_wake_lock_release(); }

}  // namespace sw::platform

using namespace sw::platform;

extern "C" {

EMSCRIPTEN_KEEPALIVE void sw_motion_sample(double t_s, double ax, double ay, double az, double rx, double ry,
                                           double rz) {
  g_samples.push_back({t_s, ax, ay, az, rx, ry, rz});
  // No frame asked for: while the meter measures, each frame already asks for the next (cadence).
  if (g_status.state != SensorState::Ok) g_status = {SensorState::Ok, ""}, RequestFrame();
}

EMSCRIPTEN_KEEPALIVE void sw_motion_status(int state, char* message) {
  std::string text = message ? message : "";
  std::free(message);
  g_status = {SensorState(state), text};
  RequestFrame();
}

}  // extern "C"
