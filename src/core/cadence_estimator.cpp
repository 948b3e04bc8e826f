// [SECTION] Input: NaN filtering, resampling to 50 Hz, dropouts
// [SECTION] Filtering and ring buffers
// [SECTION] Analysis, tracking with bounded change, step integration
// [SECTION] Whole recordings
#include "cadence_estimator.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

namespace {

constexpr double kDt = 1.0 / CadenceEstimator::kRateHz;
constexpr double kLowPassHz = 4.0;       // keeps the step fundamental up to ~220 spm, drops impact ringing
constexpr double kGravityTau = 2.0;      // s: the slow mean of |a| (gravity plus posture)
constexpr double kMaxGap = 0.4;          // s: a longer hole in the samples is a dropout
constexpr double kMoveRms = 0.6;         // m/s^2 over the last second: below this nobody is stepping
constexpr double kRecentMinR = 0.4;      // the last stride against the one before
constexpr double kMinPeriodicity = 0.4;  // stride autocorrelation below this: no rhythm
constexpr double kLockSpread = 1.06;     // three consecutive answers within 6% lock the meter
constexpr double kAcceptBand = 0.10;     // answers within 10% move the value ...
constexpr double kMaxChangePerHop = 0.03;  // ... by at most 3% per 0.2 s (15%/s) ...
constexpr double kGain = 0.35;             // ... smoothed with this gain
constexpr int kSustainHops = 10;         // a different pace is believed after 2 s
constexpr int kQuietUnlockHops = 5;      // 1 s without movement releases the lock ...
constexpr int kInvalidUnlockHops = 20;   // ... and so do 4 s of movement without a rhythm (a turn
                                         // or a stumble keeps the last pace meanwhile)
constexpr double kBackfillMax = 5.0;     // s: steps credited to the span before the lock

struct BiquadCoeffs {
  double b0, b1, b2, a1, a2;
};
// 2nd-order Butterworth low-pass (bilinear transform).
const BiquadCoeffs kLowPass = [] {
  const double pi = 3.14159265358979323846;
  double k = std::tan(pi * kLowPassHz / CadenceEstimator::kRateHz);
  double norm = 1 / (1 + std::sqrt(2.0) * k + k * k);
  double b0 = k * k * norm;
  return BiquadCoeffs{b0, 2 * b0, b0, 2 * (k * k - 1) * norm, (1 - std::sqrt(2.0) * k + k * k) * norm};
}();

}  // namespace

double CadenceEstimator::LowPass::Step(double x) {
  const BiquadCoeffs& c = kLowPass;
  double y = c.b0 * x + c.b1 * x1 + c.b2 * x2 - c.a1 * y1 - c.a2 * y2;
  x2 = x1;
  x1 = x;
  y2 = y1;
  y1 = y;
  return y;
}

CadenceEstimator::CadenceEstimator() : CadenceEstimator(RhythmParams{}) {}
CadenceEstimator::CadenceEstimator(const RhythmParams& params) : Params(params) {}

void CadenceEstimator::Reset() { *this = CadenceEstimator(Params); }

// =============================================================================================
// [SECTION] Input: NaN filtering, resampling to 50 Hz, dropouts
// =============================================================================================

void CadenceEstimator::AddSample(double t_s, double ax, double ay, double az) {
  AddSample(t_s, ax, ay, az, NAN, NAN, NAN);
}

void CadenceEstimator::AddSample(double t_s, double ax, double ay, double az, double rx, double ry,
                                 double rz) {
  if (!std::isfinite(t_s) || !std::isfinite(ax) || !std::isfinite(ay) || !std::isfinite(az)) return;
  if (HaveLast && t_s <= LastT) return;  // duplicate or out-of-order timestamp
  double mag = std::sqrt(ax * ax + ay * ay + az * az);
  bool has_gyro = std::isfinite(rx) && std::isfinite(ry) && std::isfinite(rz);
  double gyro = has_gyro ? ProjectGyro(rx, ry, rz) : 0;
  if (!HaveLast) {
    HaveLast = true;
    LastT = t_s;
    LastMag = mag;
    Mean = mag;
    NextGridT = t_s;
  }
  double gap = t_s - LastT;
  if (gap > kWindow * kDt) {
    // Longer than the analysis window: nothing before it is still relevant.
    Count = GyroCount = 0;
    Locked = false;
    RecentCount = 0;
    NextGridT = t_s;
  } else if (gap > kMaxGap) {
    // A dropout: fill with "no signal" so the lags stay true to time.
    for (; NextGridT < t_s; NextGridT += kDt) PushResampled(float(Mean), 0, false, false);
  }
  for (; NextGridT <= t_s; NextGridT += kDt) {
    double u = gap > 0 ? (NextGridT - LastT) / gap : 1;
    u = std::clamp(u, 0.0, 1.0);
    bool both_gyro = has_gyro && LastHasGyro;
    PushResampled(float(LastMag + (mag - LastMag) * u),
                  both_gyro ? float(LastGyro + (gyro - LastGyro) * u) : 0.f, both_gyro, true);
  }
  LastT = t_s;
  LastMag = mag;
  LastGyro = gyro;
  LastHasGyro = has_gyro;
}

// The thigh swings about one axis, but the phone's axes are arbitrary: follow the principal
// axis of the rotation rate and project on it, keeping its sign continuous.
float CadenceEstimator::ProjectGyro(double rx, double ry, double rz) {
  const double w[3] = {rx, ry, rz};
  const double alpha = 0.005;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) GyroCov[i * 3 + j] += alpha * (w[i] * w[j] - GyroCov[i * 3 + j]);
  if (++GyroIter >= 25) {
    GyroIter = 0;
    std::array<double, 3> v{};
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) v[i] += GyroCov[i * 3 + j] * GyroAxis[j];
    double norm = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (norm > 1e-12) {
      double dot = 0;
      for (int i = 0; i < 3; ++i) dot += v[i] * GyroAxis[i];
      for (int i = 0; i < 3; ++i) GyroAxis[i] = (dot < 0 ? -v[i] : v[i]) / norm;
    }
  }
  return float(w[0] * GyroAxis[0] + w[1] * GyroAxis[1] + w[2] * GyroAxis[2]);
}

// =============================================================================================
// [SECTION] Filtering and ring buffers
// =============================================================================================

void CadenceEstimator::PushResampled(float accel, float gyro, bool has_gyro, bool real) {
  Mean += (accel - Mean) * (kDt / kGravityTau);
  float a = float(AccelLp.Step(accel - Mean));
  float g = float(GyroLp.Step(has_gyro ? gyro : 0));
  // Each value is written twice so the last kWindow values are always one contiguous span.
  Accel[Head] = Accel[Head + kWindow] = a;
  Gyro[Head] = Gyro[Head + kWindow] = g;
  Real[Head] = Real[Head + kWindow] = real;
  Head = (Head + 1) % kWindow;
  Count = std::min(Count + 1, kWindow);
  GyroCount = has_gyro ? std::min(GyroCount + 1, kWindow) : 0;
  GridT = NextGridT;
  // Steps of a stride that does not repeat the last one are held back: they count once the
  // rhythm goes on, and are dropped if it was the end of the walk.
  if (Reading.stepping) (RecentOk ? Steps : PendingSteps) += Spm / 60 * kDt;
  Reading.t_s = GridT;
  Reading.steps_total = int64_t(Steps);
  if (Count >= kMinWindow && ++SinceHop >= kHop) {
    SinceHop = 0;
    Analyse();
  }
}

// =============================================================================================
// [SECTION] Analysis, tracking with bounded change, step integration
// =============================================================================================

void CadenceEstimator::Analyse() {
  int n = Count;
  const float* x = &Accel[size_t(Head + kWindow - n)];
  const uint8_t* real = &Real[size_t(Head + kWindow - n)];
  // Movement over the last second, from real samples only: a dropout is no evidence of a stop,
  // so through one everything is held (steps go on as pending, confirmed by the rhythm after).
  double sum = 0, sum2 = 0;
  int real_count = 0;
  for (int i = n - kEnergyWindow; i < n; ++i) {
    if (!real[i]) continue;
    sum += x[i];
    sum2 += double(x[i]) * x[i];
    ++real_count;
  }
  if (real_count < kEnergyWindow / 2) {
    RecentOk = false;
    return;
  }
  // Variance, not power: the slow gravity mean lags behind a stop and leaves an offset.
  double mean = sum / real_count;
  bool moving = std::sqrt(std::max(sum2 / real_count - mean * mean, 0.0)) > kMoveRms;
  if (!moving) {
    ActiveSinceT = -1;
  } else if (ActiveSinceT < 0) {
    // Movement just detected: walk back through the window in 0.6 s blocks (a step or more)
    // to where it began: the first analysis comes 3 s into a recording, and the gate needs a
    // second to notice.
    const int block = 30;
    int start = n - kEnergyWindow;
    while (start - block >= 0) {
      double bs = 0, bs2 = 0;
      for (int i = start - block; i < start; ++i) {
        bs += x[i];
        bs2 += double(x[i]) * x[i];
      }
      double bm = bs / block;
      if (std::sqrt(std::max(bs2 / block - bm * bm, 0.0)) <= 0.7 * kMoveRms) break;
      start -= block;
    }
    // ... then to its first strong sample (still, the filtered signal sits near zero).
    while (start < n - 1 && std::fabs(x[start]) < kMoveRms) ++start;
    ActiveSinceT = GridT - (n - 1 - start) * kDt;
  }
  // Still walking to the tracked rhythm? The last stride must resemble the one before it: the
  // 5 s window keeps old rhythm for seconds after a stop (or while the phone is taken out).
  RecentOk = moving;
  if (moving && Locked) {
    int stride = int(std::lround(2 * 60 / Spm * kRateHz));
    if (2 * stride <= n) {
      double mean_a = 0, mean_b = 0;
      for (int i = n - stride; i < n; ++i) {
        mean_a += x[i];
        mean_b += x[i - stride];
      }
      mean_a /= stride;
      mean_b /= stride;
      double xy = 0, xx = 0, yy = 0;
      for (int i = n - stride; i < n; ++i) {
        double a = x[i] - mean_a, b = x[i - stride] - mean_b;
        xy += a * b;
        xx += a * a;
        yy += b * b;
      }
      RecentOk = xy / std::sqrt(std::max(xx * yy, 1e-12)) > kRecentMinR;
    }
  }
  const float* gyro = GyroCount >= n ? &Gyro[size_t(Head + kWindow - n)] : nullptr;
  RhythmResult result = AnalyzeRhythm(x, n, gyro, kRateHz, Params, Scratch);
  Track(result, moving);
}

void CadenceEstimator::Track(const RhythmResult& result, bool moving) {
  bool valid = moving && result.valid && result.periodicity >= kMinPeriodicity;
  QuietCount = moving ? 0 : QuietCount + 1;
  InvalidCount = valid ? 0 : InvalidCount + 1;
  if (QuietCount >= kQuietUnlockHops || InvalidCount >= kInvalidUnlockHops) {
    Locked = false;
    RecentCount = 0;
    DeviantCount = 0;
    PendingSteps = 0;
  }
  if (RecentOk) {
    Steps += PendingSteps;
    PendingSteps = 0;
  }
  if (valid) {
    double spm = 60 / result.step_period_s;
    Periodicity += 0.3 * (result.periodicity - Periodicity);
    if (!Locked) {
      Recent[size_t(RecentCount % 3)] = spm;
      ++RecentCount;
      if (RecentCount >= 3) {
        auto [lo, hi] = std::minmax_element(Recent.begin(), Recent.end());
        if (*hi <= *lo * kLockSpread) {
          Locked = true;
          Spm = Recent[0] + Recent[1] + Recent[2] - *lo - *hi;  // the median
          DeviantCount = 0;
          // The rhythm began before it could be confirmed: credit the steps taken since the
          // movement started, but not twice for a span already counted.
          double from = std::max(ActiveSinceT, LastSteppingT);
          if (ActiveSinceT >= 0) Steps += Spm / 60 * std::clamp(GridT - from, 0.0, kBackfillMax);
        }
      }
    } else if (std::fabs(spm / Spm - 1) <= kAcceptBand) {
      Spm += std::clamp(kGain * (spm - Spm), -kMaxChangePerHop * Spm, kMaxChangePerHop * Spm);
      DeviantCount = 0;
    } else {
      // Not the tracked pace: believe it only when it persists (an octave slip or one odd
      // window must not move the number).
      if (DeviantCount > 0 && std::fabs(spm / DeviantSpm - 1) <= kAcceptBand) {
        DeviantSpm += 0.3 * (spm - DeviantSpm);
        ++DeviantCount;
      } else {
        DeviantSpm = spm;
        DeviantCount = 1;
      }
      if (DeviantCount >= kSustainHops) {
        Spm = DeviantSpm;
        DeviantCount = 0;
      }
    }
  }
  Reading.stepping = Locked && moving;
  if (Reading.stepping) LastSteppingT = GridT;
  Reading.spm = Reading.stepping ? Spm : 0;
  double settled = (DeviantCount > 0 || InvalidCount > 0) ? 0.6 : 1.0;
  Reading.confidence =
      Reading.stepping ? std::clamp((Periodicity - 0.3) / 0.5, 0.0, 1.0) * settled : 0;
}

// =============================================================================================
// [SECTION] Whole recordings
// =============================================================================================

CadenceFileResult AnalyzeRecording(const std::vector<MotionSample>& samples,
                                   const RhythmParams& params) {
  CadenceFileResult out;
  if (samples.empty()) return out;
  CadenceEstimator estimator(params);
  double next_second = samples.front().t_s + 1;
  for (const MotionSample& s : samples) {
    estimator.AddSample(s.t_s, s.ax, s.ay, s.az);
    for (; std::isfinite(s.t_s) && s.t_s >= next_second; next_second += 1)
      out.series_spm.push_back(float(estimator.Current().spm));
  }
  out.steps = estimator.Current().steps_total;
  std::vector<float> active;
  for (float v : out.series_spm)
    if (v > 0) active.push_back(v);
  if (!active.empty()) {
    std::nth_element(active.begin(), active.begin() + active.size() / 2, active.end());
    out.cadence_spm = active[active.size() / 2];
  }
  return out;
}

}  // namespace sw
