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
#include <vector>

#include "cadence_rhythm.hpp"

namespace sw {

struct CadenceReading {
  double spm = 0;           // 0 when not stepping
  double confidence = 0;    // 0..1: how rhythmic and how settled the signal is
  bool stepping = false;    // false = "no rhythm" (standing, sitting, phone on a table)
  int64_t steps_total = 0;  // steps since the start (or the last Reset)
  double t_s = 0;           // time of the latest analysed sample
};

struct MotionSample {
  double t_s = 0;
  double ax = 0, ay = 0, az = 0;  // accelerationIncludingGravity, m/s^2
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

 private:
  static constexpr int kWindow = 250;       // 5 s analysed
  static constexpr int kMinWindow = 150;    // 3 s before the first analysis
  static constexpr int kHop = 10;           // analyse every 0.2 s
  static constexpr int kEnergyWindow = 50;  // 1 s for the "still moving" test

  void PushResampled(float accel, float gyro, bool has_gyro, bool real);
  void Analyse();
  void Track(const RhythmResult& result, bool moving);
  float ProjectGyro(double rx, double ry, double rz);

  RhythmParams Params;
  CadenceReading Reading;

  // Resampling state: the previous raw sample, the next grid time.
  bool HaveLast = false;
  double LastT = 0, LastMag = 0, LastGyro = 0, NextGridT = 0;
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
};
CadenceFileResult AnalyzeRecording(const std::vector<MotionSample>& samples,
                                   const RhythmParams& params = {});

}  // namespace sw
