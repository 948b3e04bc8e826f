#pragma once
// A synthetic phone in a trouser pocket, for the cadence tests.
//
// The thigh swings once per STRIDE about the hip (mean flexion + sine), so the phone sees the
// tangential and centripetal acceleration of the swing and a tilting gravity: a strong stride-rate
// rhythm. Each foot contact adds an impact (stronger on the phone's own leg: left/right
// asymmetry) and the body bounces once per STEP. The phone sits in the pocket at an arbitrary
// orientation, optionally turning slowly; samples come at any rate with jitter, gaps and noise.
#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "core/cadence/cadence_estimator.hpp"

namespace sw::test {

struct PocketGait {
  double spm = 170, spm_end = -1;  // spm_end >= 0: linear change of pace over the moving span
  double start_s = 0, duration_s = 30, total_s = -1;  // stepping span; total_s: recording length
  double thigh_mean_rad = 0.3, thigh_amp_rad = 0.55, thigh_len_m = 0.25;
  double impact_g = 2.5, contralateral = 0.45, bounce_g = 0.8;
  double rate_hz = 100, jitter = 0;  // jitter: fraction of the interval, uniform +-
  std::vector<std::pair<double, double>> gaps;  // no samples in [a, b)
  double noise = 0.3;                           // m/s^2 per axis
  int rotation = 1;                             // 0 none, 1 random constant, 2 slowly turning
  bool gyro = false;
  unsigned seed = 1;
};

struct SynthSample {
  double t, ax, ay, az, rx, ry, rz;
};

namespace detail {
struct Mat3 {
  double m[9];
  std::array<double, 3> Mul(const std::array<double, 3>& v) const {
    return {m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
  }
  Mat3 T() const { return {{m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]}}; }
};
inline Mat3 AxisAngle(std::array<double, 3> a, double angle) {
  double len = std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
  double x = a[0] / len, y = a[1] / len, z = a[2] / len, c = std::cos(angle), s = std::sin(angle),
         C = 1 - c;
  return {{c + x * x * C, x * y * C - z * s, x * z * C + y * s, y * x * C + z * s, c + y * y * C,
           y * z * C - x * s, z * x * C - y * s, z * y * C + x * s, c + z * z * C}};
}
}  // namespace detail

inline std::vector<SynthSample> MakePocketGait(const PocketGait& g) {
  using detail::Mat3;
  std::mt19937 rng(g.seed);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform(-1, 1);
  std::array<double, 3> phone_axis{normal(rng), normal(rng), normal(rng)};
  double phone_angle = 3.14159 * std::fabs(uniform(rng)) + 0.5;
  std::array<double, 3> turn_axis{normal(rng), normal(rng), normal(rng)};
  const double kG = 9.81, pi = 3.14159265358979;
  double total = g.total_s > 0 ? g.total_s : g.start_s + g.duration_s;
  std::vector<SynthSample> out;
  double phase = 0;  // in steps since the start of stepping
  double t = 0, prev_t = 0;
  while (t < total) {
    bool stepping = t >= g.start_s && t < g.start_s + g.duration_s;
    double u = std::clamp((t - g.start_s) / g.duration_s, 0.0, 1.0);
    double spm = g.spm_end >= 0 ? g.spm + (g.spm_end - g.spm) * u : g.spm;
    double f_step = spm / 60;
    if (stepping) phase += f_step * (t - prev_t);
    // Thigh angle about the hip's lateral (x) axis, once per stride (= 2 steps).
    double w = 2 * pi * f_step / 2;
    double amp = stepping ? g.thigh_amp_rad : 0;
    double theta = g.thigh_mean_rad + amp * std::sin(pi * phase);
    double dtheta = amp * w * std::cos(pi * phase);
    double ddtheta = -amp * w * w * std::sin(pi * phase);
    // World-frame linear acceleration (z up): impacts at each contact plus the step bounce.
    double lin_z = 0;
    if (stepping) {
      double nearest = std::round(phase);
      double dt_contact = (phase - nearest) / f_step;
      bool own_leg = (long long)nearest % 2 == 0;
      double width = 0.03;
      lin_z += (own_leg ? 1.0 : g.contralateral) * g.impact_g * kG *
               std::exp(-0.5 * dt_contact * dt_contact / (width * width));
      lin_z += -g.bounce_g * kG * std::cos(2 * pi * phase) * 0.5;
    }
    std::array<double, 3> world{0, 0, kG + lin_z};  // accelerationIncludingGravity, world frame
    Mat3 thigh = detail::AxisAngle({1, 0, 0}, theta);
    std::array<double, 3> in_thigh = thigh.T().Mul(world);
    in_thigh[1] += g.thigh_len_m * ddtheta;           // tangential
    in_thigh[2] += g.thigh_len_m * dtheta * dtheta;   // centripetal, towards the hip
    double angle = g.rotation == 2 ? phone_angle + 0.35 * t : phone_angle;  // ~20 deg/s
    Mat3 phone = g.rotation == 0 ? Mat3{{1, 0, 0, 0, 1, 0, 0, 0, 1}}
                                 : detail::AxisAngle(g.rotation == 2 ? turn_axis : phone_axis, angle);
    std::array<double, 3> a = phone.T().Mul(in_thigh);
    std::array<double, 3> rot = phone.T().Mul({dtheta * 57.2958, 0, 0});  // deg/s
    bool in_gap = false;
    for (auto& [ga, gb] : g.gaps) in_gap |= t >= ga && t < gb;
    if (!in_gap) {
      out.push_back({t, a[0] + g.noise * normal(rng), a[1] + g.noise * normal(rng),
                     a[2] + g.noise * normal(rng),
                     g.gyro ? rot[0] + normal(rng) : NAN, g.gyro ? rot[1] + normal(rng) : NAN,
                     g.gyro ? rot[2] + normal(rng) : NAN});
    }
    prev_t = t;
    t += (1 + g.jitter * uniform(rng)) / g.rate_hz;
  }
  return out;
}

// Feeds samples to an estimator; calls `each_second(reading)` once per elapsed second.
template <typename F>
void Feed(CadenceEstimator& estimator, const std::vector<SynthSample>& samples, F&& each_second) {
  double next = 1;
  for (const SynthSample& s : samples) {
    estimator.AddSample(s.t, s.ax, s.ay, s.az, s.rx, s.ry, s.rz);
    for (; s.t >= next; next += 1) each_second(estimator.Current());
  }
}

}  // namespace sw::test
