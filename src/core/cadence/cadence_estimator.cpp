// [SECTION] Input: NaN filtering, resampling to 50 Hz, dropouts
// [SECTION] Filtering and ring buffers
// [SECTION] Analysis, tracking with bounded change, step integration
// [SECTION] Whole recordings
#include "core/cadence/cadence_estimator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
  if (!HaveLast) OriginT = t_s;
  const double t = t_s - OriginT;
  if (HaveLast && t <= LastT) return;  // duplicate or out-of-order timestamp
  double mag = std::sqrt(ax * ax + ay * ay + az * az);
  bool has_gyro = std::isfinite(rx) && std::isfinite(ry) && std::isfinite(rz);
  double gyro = has_gyro ? ProjectGyro(rx, ry, rz) : 0;
  if (!HaveLast) {
    HaveLast = true;
    LastT = t;
    LastMag = mag;
    Mean = mag;
    RestartGrid(t);
  }
  double gap = t - LastT;
  if (gap > kWindow * kDt) {
    // Longer than the analysis window: nothing before it is still relevant, the last reading
    // included (it would otherwise stand for the whole hole until the next analysis).
    Count = GyroCount = 0;
    Locked = false;
    RecentCount = 0;
    Reading.stepping = false;
    Reading.spm = Reading.confidence = 0;
    RestartGrid(t);
  } else if (gap > kMaxGap) {
    // A dropout: fill with "no signal" so the lags stay true to time.
    for (; NextGridT() < t; ++GridSteps) PushResampled(float(Mean), 0, false, false);
  }
  for (; NextGridT() <= t; ++GridSteps) {
    double u = gap > 0 ? (NextGridT() - LastT) / gap : 1;
    u = std::clamp(u, 0.0, 1.0);
    bool both_gyro = has_gyro && LastHasGyro;
    PushResampled(float(LastMag + (mag - LastMag) * u),
                  both_gyro ? float(LastGyro + (gyro - LastGyro) * u) : 0.f, both_gyro, true);
  }
  LastT = t;
  LastMag = mag;
  LastGyro = gyro;
  LastHasGyro = has_gyro;
}

void CadenceEstimator::RestartGrid(double t) {
  GridStartT = t;
  GridSteps = 0;
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
  GridT = NextGridT();
  // Steps of a stride that does not repeat the last one are held back: they count once the
  // rhythm goes on, and are dropped if it was the end of the walk.
  if (Reading.stepping) (RecentOk ? Steps : PendingSteps) += Spm / 60 * kDt;
  Reading.t_s = OriginT + GridT;
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

namespace {

// Phones deliver motion samples 10-2000 times a second: fewer cannot follow steps (a step's
// rhythm is up to ~3.7 Hz), more no phone sensor gives. The same range in milliseconds,
// microseconds or nanoseconds does not overlap it, so the spacing tells which unit a file uses.
constexpr double kMinSpacingS = 0.0005, kMaxSpacingS = 0.1;
// Seconds since 1970 stay below this until the year 2286: larger times are another unit.
constexpr double kMaxTimeS = 1e10;

struct TimeUnit {
  const char* name;
  double per_second;
};
constexpr TimeUnit kOtherTimeUnits[] = {{"milliseconds", 1e3}, {"microseconds", 1e6}, {"nanoseconds", 1e9}};

bool Usable(const MotionSample& s) {
  return std::isfinite(s.t_s) && std::isfinite(s.ax) && std::isfinite(s.ay) && std::isfinite(s.az);
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// The unit whose phone sample spacing `spacing` is, if not seconds.
const TimeUnit* UnitBySpacing(double spacing) {
  for (const TimeUnit& unit : kOtherTimeUnits)
    if (spacing >= kMinSpacingS * unit.per_second && spacing <= kMaxSpacingS * unit.per_second) return &unit;
  return nullptr;
}

// The unit in which `time` is a time since 1970, if not seconds.
const TimeUnit* UnitByMagnitude(double time) {
  for (const TimeUnit& unit : kOtherTimeUnits)
    if (std::fabs(time) / unit.per_second < kMaxTimeS) return &unit;
  return nullptr;
}

// "divide t by 1000": the whole number, not 1e+03.
std::string DivideBy(const TimeUnit& unit) {
  char text[32];
  std::snprintf(text, sizeof text, "divide t by %.0f", unit.per_second);
  return text;
}

// "" when the times of `samples` can be analysed, else why not. Looks at the usable samples in
// the order the estimator takes them (increasing times; the others it skips).
std::string CheckRecordingTimes(const std::vector<MotionSample>& samples) {
  std::vector<double> times;
  for (const MotionSample& s : samples)
    if (Usable(s) && (times.empty() || s.t_s > times.back())) times.push_back(s.t_s);
  if (times.empty())
    return "no usable samples: every row has a missing (nan) or infinite value";
  double spacing = 0, largest_gap = 0, largest_gap_after = times.front();
  if (times.size() > 1) {
    std::vector<double> gaps;
    for (size_t i = 1; i < times.size(); ++i) {
      gaps.push_back(times[i] - times[i - 1]);
      if (gaps.back() > largest_gap) {
        largest_gap = gaps.back();
        largest_gap_after = times[i - 1];
      }
    }
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    spacing = gaps[gaps.size() / 2];
  }
  auto spacing_words = [spacing](const char* unit) {
    return "the samples are a median " + Number(spacing) + unit + " apart";
  };
  if (times.size() > 1) {
    if (const TimeUnit* unit = UnitBySpacing(spacing))
      return "t must be in seconds, but " + spacing_words("") + ": too far apart for seconds, and how phones space " +
             "samples in " + unit->name + " (" + DivideBy(*unit) + ")";
  }
  double largest = std::max(std::fabs(times.front()), std::fabs(times.back()));
  if (largest >= kMaxTimeS) {
    std::string too_large =
        "t must be in seconds, but " + Number(largest) + " is too large for seconds (after the year 2286)";
    if (const TimeUnit* unit = UnitByMagnitude(largest))
      return too_large + ": it looks like " + unit->name + " since 1970 (" + DivideBy(*unit) + ")";
    return too_large + ", even for nanoseconds since 1970";
  }
  if (times.size() > 1 && spacing > kMaxSpacingS)
    return spacing_words(" s") + ": at least 10 samples a second are needed to follow steps";
  if (times.size() > 1 && spacing < kMinSpacingS)
    return "t must be in seconds, but " + spacing_words(" s") + ", closer than any phone samples";
  double span = times.back() - times.front();
  if (span > kMaxRecordingS)
    return "the recording spans " + Number(span) + " s, more than 12 hours (the largest gap is " +
           Number(largest_gap) + " s, after t=" + Number(largest_gap_after) + ")";
  const double first_reading_s = CadenceEstimator::kMinWindow / CadenceEstimator::kRateHz;
  if (span < first_reading_s)
    return "the recording is too short: " + Number(span) + " s of samples, and a first reading takes " +
           Number(first_reading_s) + " s";
  return {};
}

}  // namespace

CadenceFileResult AnalyzeRecording(const std::vector<MotionSample>& samples,
                                   const RhythmParams& params) {
  CadenceFileResult out;
  out.error = CheckRecordingTimes(samples);
  if (!out.error.empty()) return out;
  CadenceEstimator estimator(params);
  // The series counts whole seconds after the first usable sample; the span check bounds it.
  const double origin = std::find_if(samples.begin(), samples.end(), Usable)->t_s;
  for (const MotionSample& s : samples) {
    if (!Usable(s)) continue;
    estimator.AddSample(s.t_s, s.ax, s.ay, s.az);
    while (s.t_s - origin >= double(out.series_spm.size() + 1))
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
