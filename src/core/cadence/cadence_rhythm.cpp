#include "core/cadence/cadence_rhythm.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

namespace {

// Normalised autocorrelation of x[0..n) for lags 0..kmax into r[0..kmax]. Each lag is
// normalised by the energy of the two parts that overlap, so a short window does not bias long
// lags towards zero. Returns the standard deviation of x (after removing its mean into `xc`).
double Autocorrelate(const float* x, int n, int kmax, float* xc, float* r) {
  double mean = 0;
  for (int i = 0; i < n; ++i) mean += x[i];
  mean /= n;
  double total = 0;
  for (int i = 0; i < n; ++i) {
    xc[i] = float(x[i] - mean);
    total += double(xc[i]) * xc[i];
  }
  r[0] = 1;
  double head = total, tail = total;  // energies of xc[0..n-k) and xc[k..n)
  for (int k = 1; k <= kmax; ++k) {
    head -= double(xc[n - k]) * xc[n - k];
    tail -= double(xc[k - 1]) * xc[k - 1];
    float acc = 0;
    const float* a = xc;
    const float* b = xc + k;
    for (int i = 0, m = n - k; i < m; ++i) acc += a[i] * b[i];
    double norm = std::sqrt(std::max(head * tail, 1e-12));
    r[k] = float(acc / norm);
  }
  return std::sqrt(total / n);
}

// r at a fractional lag (linear interpolation; lags past the end read as 0 = no evidence).
float At(const float* r, int kmax, double lag) {
  if (lag < 0 || lag > kmax) return 0;
  int k = int(lag);
  if (k >= kmax) return r[kmax];
  double f = lag - k;
  return float(r[k] * (1 - f) + r[k + 1] * f);
}

// Sub-sample position of the peak at integer lag k (parabola through three points).
double Refine(const float* r, int kmax, int k) {
  if (k <= 0 || k >= kmax) return k;
  double a = r[k - 1], b = r[k], c = r[k + 1];
  double d = a - 2 * b + c;
  if (d >= 0) return k;
  return k + std::clamp(0.5 * (a - c) / d, -0.5, 0.5);
}

// The highest local maximum of r within [lag*(1-tol), lag*(1+tol)], refined; -1 when none.
double PeakNear(const float* r, int kmax, double lag, double tol) {
  int lo = std::max(1, int(std::floor(lag * (1 - tol))));
  int hi = std::min(kmax - 1, int(std::ceil(lag * (1 + tol))));
  int best = -1;
  for (int k = lo; k <= hi; ++k)
    if (r[k] >= r[k - 1] && r[k] >= r[k + 1] && (best < 0 || r[k] > r[best])) best = k;
  return best < 0 ? -1 : Refine(r, kmax, best);
}

// The first local maximum in [lo, hi] that is nearly as high as the best one there: the
// fundamental, not one of its multiples. Returns the integer lag or -1.
int FirstStrongPeak(const float* r, int lo, int hi, double ratio) {
  float best = 0;
  for (int k = lo; k <= hi; ++k)
    if (r[k] >= r[k - 1] && r[k] >= r[k + 1]) best = std::max(best, r[k]);
  if (best <= 0) return -1;
  for (int k = lo; k <= hi; ++k)
    if (r[k] >= r[k - 1] && r[k] >= r[k + 1] && r[k] >= ratio * best) return k;
  return -1;
}

}  // namespace

RhythmResult AnalyzeRhythm(const float* x, int n, const float* gyro, double rate_hz,
                           const RhythmParams& p, std::vector<float>& scratch) {
  RhythmResult out;
  // Keep at least 1.5 s of overlap at the longest lag so its correlation means something.
  int kmax = std::min(int(std::lround(p.max_lag_s * rate_hz)), n - int(1.5 * rate_hz));
  int stride_lo = int(std::lround(2 * p.min_step_s * rate_hz));
  if (kmax < stride_lo + 2) return out;
  scratch.resize(size_t(2 * (n + kmax + 1)));
  float* xc = scratch.data();
  float* r = xc + n;
  out.intensity = Autocorrelate(x, n, kmax, xc, r);
  if (out.intensity < 1e-3) return out;

  // 1. The stride: the first strong peak over the stride range.
  int stride_k = FirstStrongPeak(r, stride_lo, kmax - 1, p.strong_peak_ratio);
  if (stride_k < 0) return out;
  double lag = Refine(r, kmax, stride_k);

  // 2. Halve while the half-lag is a step of its own.
  double min_lag = p.min_step_s * rate_hz;
  while (lag / 2 >= min_lag) {
    // A step is half a stride by definition: test the exact half. (The mid-stride bump is often
    // flat or double-humped, heel strike and toe off, and its highest hump is not the step.)
    double half = lag / 2;
    if (lag > p.max_step_s * rate_hz * 1.05) {
      lag = half;  // slower than any steady walk: it can only be a stride
      continue;
    }
    float r_half = At(r, kmax, half), r_lag = At(r, kmax, lag);
    float contrast = r_half - 0.5f * (At(r, kmax, half / 2) + At(r, kmax, half * 1.5));
    bool alone = r_half >= p.half_alone * r_lag && r_half > 0.2f;
    bool alternation = r_half > p.half_floor && contrast >= p.half_contrast;
    // Below ~80 spm nobody walks steadily: there, weaker alternation evidence is enough.
    if (60 * rate_hz / lag < p.slow_spm) alternation |= r_half > p.half_floor && contrast >= p.slow_contrast;
    if (!alone && !alternation) break;
    double spm = 60 * rate_hz / half;
    if (spm > p.run_spm && out.intensity < p.run_intensity && contrast < p.weak_run_contrast) break;
    lag = half;
  }

  // 3. The gyroscope sees the thigh swing once per stride, with a sign: its rhythm is the stride.
  if (gyro) {
    float* gc = r + kmax + 1;
    float* rg = gc + n;
    if (Autocorrelate(gyro, n, kmax, gc, rg) > 1e-3) {
      int gk = FirstStrongPeak(rg, stride_lo, kmax - 1, p.strong_peak_ratio);
      if (gk >= 0 && rg[gk] >= p.gyro_min_r) {
        double step_g = Refine(rg, kmax, gk) / 2;
        if (std::fabs(lag / step_g - 1) > 0.2) {
          double near = PeakNear(r, kmax, step_g, 0.15);
          lag = near > 0 ? near : step_g;
          out.gyro_decided = true;
        }
      }
    }
  }

  // 4. Precision: the stride peak sits at twice the lag, so it halves the quantisation error.
  if (2 * lag <= kmax - 1) {
    double stride = PeakNear(r, kmax, 2 * lag, 0.1);
    if (stride > 0) lag = 0.5 * (lag + stride / 2);
  }
  out.periodicity = std::max(0.f, 2 * lag <= kmax ? At(r, kmax, 2 * lag) : At(r, kmax, lag));
  out.step_period_s = lag / rate_hz;
  out.valid = out.step_period_s >= p.min_step_s * 0.95 && out.step_period_s <= p.max_step_s * 1.05;
  return out;
}

}  // namespace sw
