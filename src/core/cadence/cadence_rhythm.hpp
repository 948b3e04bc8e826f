#pragma once
// Step period of one window of gait signal: autocorrelation, then the stride-vs-step decision.
//
// A phone in a trouser pocket rides on one thigh, so the signal repeats once per STRIDE (two
// steps). The strongest autocorrelation peak is therefore often the stride, sometimes the step,
// rarely two strides. AnalyzeRhythm picks the stride first (the first strong peak in the stride
// range) and then halves it while the half-lag shows its own evidence of a step: a peak that is
// high by itself, or a clear local peak between the two anti-phase valleys that left/right
// alternation produces. Running-rate answers (> 150 spm) must also come with running-strength
// impacts, and a gyroscope's thigh-swing rhythm, when present, settles the octave outright.
#include <vector>

namespace sw {

struct RhythmParams {
  double min_step_s = 0.26;       // 230 spm: faster than any runner's cadence
  double max_step_s = 1.0;        // 60 spm: slower is not walking
  double max_lag_s = 2.0;         // longest stride searched
  double strong_peak_ratio = 0.85;  // a stride peak within this ratio of the best counts as "first strong"
  double half_alone = 0.5;          // R(half) >= this * R(lag): the half is a period on its own
  double half_contrast = 0.3;       // R(half) - mean(R(quarter), R(3 quarters)) for the alternation test
  double half_floor = -0.05;        // ... and R(half) must not be anti-correlated
  double slow_spm = 80;             // a "step" slower than this ...
  double slow_contrast = 0.1;       // ... is halved on weaker alternation evidence
  double run_spm = 150;             // above this cadence ...
  double run_intensity = 3.5;       // ... the window's std (m/s^2) must show running impacts ...
  double weak_run_contrast = 0.6;   // ... or the alternation evidence must be this strong
  double gyro_min_r = 0.5;          // a gyro stride peak this periodic overrides the octave
};

struct RhythmResult {
  bool valid = false;
  double step_period_s = 0;  // refined to sub-sample precision
  double periodicity = 0;    // autocorrelation at the stride lag (0..1): how rhythmic the window is
  double intensity = 0;      // standard deviation of the window (m/s^2)
  bool gyro_decided = false; // the gyroscope overrode the accelerometer's octave
};

// `x`: `n` equally spaced samples at `rate_hz`, band-limited, any mean. `gyro` (may be null): the
// same span of a signed thigh rotation rate. `scratch` is reused between calls to avoid allocation.
RhythmResult AnalyzeRhythm(const float* x, int n, const float* gyro, double rate_hz,
                           const RhythmParams& params, std::vector<float>& scratch);

}  // namespace sw
