#pragma once
// Streaming cadence (steps per minute) from a phone's accelerometer, for a phone in a pocket.
//
// Feed every motion sample as it arrives (any rate 25-100 Hz, jittery, with gaps; NaN values are
// skipped) and read Current() whenever you like. Internally: the orientation-free magnitude of
// acceleration is resampled to 50 Hz, low-passed, and every 0.2 s the last 5 s are analysed
// (cadence_rhythm.hpp). The answers are tracked with bounded change: a new pace is taken at up to
// ~15%/s, a jump (an octave error, a stray window) only once it has lasted 2 s.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/cadence/cadence_rhythm.hpp"
#include "core/cadence/cadence_session_check.hpp"
#include "core/cadence/motion_sample.hpp"

namespace sw {

struct CadenceReading {
  double spm = 0;           // 0 when not stepping
  double confidence = 0;    // 0..1: how rhythmic and how settled the signal is
  bool stepping = false;    // false = "no rhythm" (standing, sitting, phone on a table)
  int64_t steps_total = 0;  // steps since the start (or the last Reset)
  double t_s = 0;           // time of the latest analysed sample
};

class CadenceEstimator {
 public:
  CadenceEstimator();
  explicit CadenceEstimator(const RhythmParams& params);

  // accelerationIncludingGravity in m/s^2 at time t_s (seconds, any origin, increasing).
  void AddSample(double t_s, double ax, double ay, double az);
  // The same with the rotation rate (any unit, e.g. deg/s; NaN when absent). The thigh's swing
  // gives the stride rhythm, which settles the step-vs-stride question.
  void AddSample(double t_s, double ax, double ay, double az, double rx, double ry, double rz);

  CadenceReading Current() const { return Reading; }
  void Reset();

  static constexpr double kRateHz = 50;
  static constexpr int kMinWindow = 150;  // samples at kRateHz before the first analysis (3 s)

 private:
  static constexpr int kWindow = 250;       // 5 s analysed
  static constexpr int kHop = 10;           // analyse every 0.2 s
  static constexpr int kEnergyWindow = 50;  // 1 s for the "still moving" test

  void PushResampled(float accel, float gyro, bool has_gyro, bool real);
  void Analyse();
  void Track(const RhythmResult& result, bool moving);
  float ProjectGyro(double rx, double ry, double rz);

  RhythmParams Params;
  CadenceReading Reading;

  // Resampling state: the previous raw sample, the next grid time. Times are kept relative to
  // the first sample (OriginT): epoch seconds (~1.7e9) keep their sub-millisecond spacing that
  // way. The grid time is its start plus a count of steps rather than a running sum, because
  // adding 0.02 s to a large enough time leaves it unchanged and the grid would stop advancing.
  bool HaveLast = false;
  double OriginT = 0;
  double LastT = 0, LastMag = 0, LastGyro = 0;
  double GridStartT = 0;
  int64_t GridSteps = 0;
  double NextGridT() const { return GridStartT + double(GridSteps) * (1 / kRateHz); }
  void RestartGrid(double t);
  bool LastHasGyro = false;
  // Filters on the 50 Hz stream: slow mean (gravity) and a 2nd-order low-pass.
  double Mean = 9.81;
  struct LowPass {
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    double Step(double x);
  };
  LowPass AccelLp, GyroLp;
  // Ring buffers of the filtered stream (doubled so a window is one contiguous span).
  std::array<float, 2 * kWindow> Accel{};
  std::array<float, 2 * kWindow> Gyro{};
  std::array<uint8_t, 2 * kWindow> Real{};  // false where a dropout was filled
  int Head = 0, Count = 0, SinceHop = 0, GyroCount = 0;
  std::vector<float> Scratch;
  // Gyro principal axis (power iteration on an exponentially weighted covariance).
  std::array<double, 9> GyroCov{};
  std::array<double, 3> GyroAxis{1, 0, 0};
  int GyroIter = 0;

  // Tracking.
  bool Locked = false;
  double Spm = 0, Periodicity = 0;
  std::array<double, 3> Recent{};  // last raw answers, to lock on consistent ones
  int RecentCount = 0;
  double DeviantSpm = 0;  // a different pace that may be sustained
  int DeviantCount = 0, QuietCount = 0, InvalidCount = 0;
  double ActiveSinceT = -1;   // start of the current stretch of movement
  double LastSteppingT = -1;  // last time steps were being counted
  double Steps = 0, PendingSteps = 0, GridT = 0;
  bool RecentOk = true;
};

// Whole-recording analysis for the CLI and the benchmark.
struct CadenceFileResult {
  double cadence_spm = 0;          // median of the per-second series while stepping
  int64_t steps = 0;
  std::vector<float> series_spm;   // one value per second, 0 when not stepping
  std::string error;               // "" when analysed; else why the recording cannot be, in plain words
};

// A recording may span at most 12 hours, the longest cadence session the app keeps
// (add_cadence_session): the per-second series covers the whole span, holes included, so the
// span is what bounds its size. Holes of minutes are normal in a run (the phone's screen locked,
// a stop at a café) and show as 0 (no rhythm); a span beyond 12 hours is a wrong time.
inline constexpr double kMaxRecordingS = kMaxCadenceSessionS;

// Refused (error set, nothing analysed): no sample with a time and all three values, times that
// are not seconds (the message names the likely unit: phones time samples in milliseconds,
// microseconds or nanoseconds too), samples too far apart to follow steps, a span over
// kMaxRecordingS, or one too short for a first reading.
CadenceFileResult AnalyzeRecording(const std::vector<MotionSample>& samples,
                                   const RhythmParams& params = {});

}  // namespace sw
