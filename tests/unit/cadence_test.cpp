// The cadence estimator on synthetic pocket signals with known rates (cadence_synth.hpp), on
// honest transformations of the real walking recordings, and the `stridewise cadence` command.
#include <catch2/catch.hpp>

#include "run_cli.hpp"

using sw::test::RunCli;

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "cadence_synth.hpp"
#include "core/cadence/cadence_estimator.hpp"
#include "core/cadence/motion_csv.hpp"

using sw::CadenceEstimator;
using sw::CadenceReading;
using sw::test::MakePocketGait;
using sw::test::PocketGait;

namespace {

// The reading after `gait` has played (its last second).
CadenceReading Final(const PocketGait& gait) {
  CadenceEstimator estimator;
  CadenceReading last;
  sw::test::Feed(estimator, MakePocketGait(gait), [&](const CadenceReading& r) { last = r; });
  return last;
}

// The lag of the highest autocorrelation peak of |a| between 0.26 s and 2 s: what a naive
// estimator would call the period. Used to prove the synthetic signal really sets the trap.
double NaiveStrongestPeriod(const std::vector<sw::test::SynthSample>& s, double rate) {
  std::vector<double> m;
  for (auto& p : s) m.push_back(std::sqrt(p.ax * p.ax + p.ay * p.ay + p.az * p.az));
  double mean = 0;
  for (double v : m) mean += v;
  mean /= m.size();
  double best = -2, best_lag = 0;
  for (int k = int(0.26 * rate); k <= int(2 * rate); ++k) {
    double acc = 0, e = 0;
    for (size_t i = 0; i + k < m.size(); ++i) acc += (m[i] - mean) * (m[i + k] - mean);
    for (double v : m) e += (v - mean) * (v - mean);
    if (acc / e > best) best = acc / e, best_lag = k / rate;
  }
  return best_lag;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}


const std::string kData = std::string(STRIDEWISE_SOURCE_DIR) + "/../shared/data/cadence/";

}  // namespace

TEST_CASE("Running in a pocket: the stride rhythm does not halve the cadence", "[cadence]") {
  for (double spm : {150.0, 165.0, 180.0, 200.0}) {
    PocketGait gait;
    gait.spm = spm;
    gait.seed = unsigned(spm);
    auto samples = MakePocketGait(gait);
    // The trap is real: the strongest rhythm of |a| is the stride, at half the step rate.
    CHECK(NaiveStrongestPeriod(samples, 100) == Approx(120 / spm).epsilon(0.05));
    CadenceReading r = Final(gait);
    INFO("spm " << spm);
    CHECK(r.stepping);
    CHECK(r.spm == Approx(spm).epsilon(0.02));
    CHECK(r.confidence > 0.5);
  }
}

TEST_CASE("Walking 90-125 spm in a pocket", "[cadence]") {
  for (double spm : {90.0, 105.0, 125.0}) {
    PocketGait gait;
    gait.spm = spm;
    // Walking: a soft heel strike and a body bounce that dominates at the step rate, |a| std
    // ~2 m/s^2 after the low-pass, as in the real walks.
    gait.thigh_amp_rad = 0.4;
    gait.impact_g = 0.6;
    gait.bounce_g = 1.0;
    gait.seed = unsigned(spm);
    INFO("spm " << spm);
    CHECK(Final(gait).spm == Approx(spm).epsilon(0.02));
  }
}

TEST_CASE("The phone's orientation does not matter, fixed or turning", "[cadence]") {
  for (int rotation : {0, 1, 2}) {
    for (unsigned seed : {3u, 4u}) {
      PocketGait gait;
      gait.rotation = rotation;
      gait.seed = seed;
      INFO("rotation " << rotation << " seed " << seed);
      CHECK(Final(gait).spm == Approx(170).epsilon(0.02));
    }
  }
}

TEST_CASE("Irregular sampling: 25 Hz, 100 Hz, jittered 60 Hz, noise", "[cadence]") {
  struct Case {
    double rate, jitter, noise;
  };
  for (Case c : {Case{25, 0, 0.3}, Case{100, 0, 0.3}, Case{60, 0.4, 0.3}, Case{50, 0.2, 1.5}}) {
    PocketGait gait;
    gait.rate_hz = c.rate;
    gait.jitter = c.jitter;
    gait.noise = c.noise;
    INFO("rate " << c.rate << " jitter " << c.jitter << " noise " << c.noise);
    CHECK(Final(gait).spm == Approx(170).epsilon(0.02));
  }
}

TEST_CASE("A 1 s dropout neither breaks nor jumps the reading", "[cadence]") {
  PocketGait gait;
  gait.duration_s = 40;
  gait.gaps = {{15, 16}, {25.3, 26.3}};
  CadenceEstimator estimator;
  std::vector<CadenceReading> seconds;
  sw::test::Feed(estimator, MakePocketGait(gait), [&](const CadenceReading& r) { seconds.push_back(r); });
  for (size_t i = 8; i < seconds.size(); ++i) {
    INFO("second " << i + 1);
    if (seconds[i].stepping) CHECK(seconds[i].spm == Approx(170).epsilon(0.03));
  }
  CHECK(seconds.back().spm == Approx(170).epsilon(0.02));
  // Steps over the dropouts are still counted (the rhythm goes on on both sides).
  CHECK(double(seconds.back().steps_total) == Approx(170 * 40 / 60.0).epsilon(0.05));
}

TEST_CASE("Standing still or a phone on a table: no rhythm", "[cadence]") {
  PocketGait still;
  still.duration_s = 0;
  still.total_s = 30;
  still.noise = 0.05;
  CadenceEstimator estimator;
  int stepping_seconds = 0;
  sw::test::Feed(estimator, MakePocketGait(still), [&](const CadenceReading& r) {
    stepping_seconds += r.stepping;
    CHECK(r.spm == 0);
  });
  CHECK(stepping_seconds == 0);
  CHECK(estimator.Current().steps_total == 0);
  CHECK(estimator.Current().confidence == 0);

  // Random fidgeting (no rhythm) with the same energy as walking.
  CadenceEstimator fidget;
  std::mt19937 rng(7);
  std::normal_distribution<double> n;
  for (int i = 0; i < 3000; ++i) fidget.AddSample(i * 0.01, 3 * n(rng), 3 * n(rng), 9.81 + 3 * n(rng));
  CHECK_FALSE(fidget.Current().stepping);
}

TEST_CASE("First stable reading within 5 s, then one every second; stop -> no rhythm", "[cadence]") {
  PocketGait gait;
  gait.start_s = 5;
  gait.duration_s = 30;
  gait.total_s = 45;
  CadenceEstimator estimator;
  std::vector<CadenceReading> seconds;
  sw::test::Feed(estimator, MakePocketGait(gait), [&](const CadenceReading& r) { seconds.push_back(r); });
  // Seconds 1..5 still, stepping from 5 s: a correct reading by 10 s and from then on.
  for (int s = 10; s <= 34; ++s) {
    INFO("second " << s);
    CHECK(seconds[size_t(s - 1)].stepping);
    CHECK(seconds[size_t(s - 1)].spm == Approx(170).epsilon(0.02));
  }
  for (int s = 38; s <= 45; ++s) CHECK_FALSE(seconds[size_t(s - 1)].stepping);
  CHECK(double(seconds.back().steps_total) == Approx(170 * 30 / 60.0).epsilon(0.03));
}

TEST_CASE("A change of pace is followed with bounded change", "[cadence]") {
  PocketGait gait;
  gait.spm = 160;
  gait.spm_end = 185;  // +25 spm over 40 s
  gait.duration_s = 40;
  CadenceEstimator estimator;
  std::vector<CadenceReading> seconds;
  sw::test::Feed(estimator, MakePocketGait(gait), [&](const CadenceReading& r) { seconds.push_back(r); });
  for (size_t i = 8; i < seconds.size(); ++i) {
    double truth = 160 + 25 * (i + 1) / 40.0;
    INFO("second " << i + 1);
    CHECK(seconds[i].spm == Approx(truth).epsilon(0.03));
    CHECK(std::fabs(seconds[i].spm - seconds[i - 1].spm) <= 0.16 * seconds[i - 1].spm);
  }
}

TEST_CASE("A sudden jump of pace is believed only once it lasts", "[cadence]") {
  CadenceEstimator estimator;
  std::vector<CadenceReading> seconds;
  PocketGait slow;
  slow.spm = 150;
  slow.duration_s = 20;
  PocketGait fast = slow;
  fast.spm = 190;
  fast.seed = 9;
  auto a = MakePocketGait(slow), b = MakePocketGait(fast);
  for (auto& s : b) s.t += 20;
  a.insert(a.end(), b.begin(), b.end());
  sw::test::Feed(estimator, a, [&](const CadenceReading& r) { seconds.push_back(r); });
  CHECK(seconds[17].spm == Approx(150).epsilon(0.02));
  CHECK(seconds[20].spm == Approx(150).epsilon(0.03));  // one second after the jump: held
  CHECK(seconds.back().spm == Approx(190).epsilon(0.02));
}

TEST_CASE("The gyroscope's stride rhythm settles the octave when impacts are soft", "[cadence]") {
  PocketGait gait;
  gait.spm = 170;
  gait.impact_g = 0.5;  // soft shoes, soft surface: little to say "running" in |a|
  gait.contralateral = 0.1;
  gait.bounce_g = 0.2;
  gait.gyro = true;
  CHECK(Final(gait).spm == Approx(170).epsilon(0.02));
}

TEST_CASE("NaN values and out-of-order timestamps are skipped", "[cadence]") {
  PocketGait gait;
  auto samples = MakePocketGait(gait);
  CadenceEstimator estimator;
  for (size_t i = 0; i < samples.size(); ++i) {
    auto& s = samples[i];
    if (i % 17 == 0) estimator.AddSample(s.t, NAN, s.ay, s.az);
    if (i % 23 == 0) estimator.AddSample(s.t - 0.5, s.ax, s.ay, s.az);
    estimator.AddSample(s.t, s.ax, s.ay, s.az);
  }
  CHECK(estimator.Current().spm == Approx(170).epsilon(0.02));
}

TEST_CASE("Real walking recordings keep their cadence at 25/50 Hz and rotated", "[cadence]") {
  for (const char* name : {"ox_opt_pixel_jamie_backpocket_1", "ox_opt_samsung_carmelo_frontpocket_2"}) {
    std::string text = ReadText(kData + name + ".csv");
    if (text.empty()) {
      WARN("shared recordings not found in " << kData << ": skipped");
      return;
    }
    sw::MotionCsv csv = sw::ParseMotionCsv(text);
    REQUIRE(csv.error.empty());
    double reference = sw::AnalyzeRecording(csv.samples).cadence_spm;
    for (int k : {2, 4}) {  // every k-th sample: what a slower sensor delivers
      std::vector<sw::MotionSample> slower;
      for (size_t i = 0; i < csv.samples.size(); i += size_t(k)) slower.push_back(csv.samples[i]);
      INFO(name << " every " << k);
      CHECK(sw::AnalyzeRecording(slower).cadence_spm == Approx(reference).epsilon(0.02));
    }
    std::vector<sw::MotionSample> rotated = csv.samples;  // 90 deg about x, then swap: any rotation
    for (auto& s : rotated) s = {s.t_s, s.az, -s.ax, -s.ay};
    CHECK(sw::AnalyzeRecording(rotated).cadence_spm == Approx(reference).epsilon(0.005));
  }
}

TEST_CASE("Motion CSV: header, numbers, the line of an error", "[cadence]") {
  auto ok = sw::ParseMotionCsv("t,ax,ay,az\r\n0,1,2,9.8\r\n\r\n0.01,1,2,nan\n");
  CHECK(ok.error.empty());
  CHECK(ok.samples.size() == 2);
  CHECK(sw::ParseMotionCsv("time,x,y,z\n0,1,2,3\n").error.find("line 1") != std::string::npos);
  CHECK(sw::ParseMotionCsv("t,ax,ay,az\n0,1,2,3\n0.1,1,x,3\n").error.find("line 3") != std::string::npos);
  CHECK(sw::ParseMotionCsv("t,ax,ay,az\n0,1,2\n").error.find("line 2") != std::string::npos);
  CHECK_FALSE(sw::ParseMotionCsv("").error.empty());
}

TEST_CASE("stridewise cadence FILE.csv prints JSON; bad input exits 1 naming the line", "[cadence]") {
  int status = -1;
  std::string path = kData + "ox_opt_pixel_jamie_frontpocket_1.csv";
  if (!ReadText(path).empty()) {
    std::string out = RunCli("cadence " + path, status);
    CHECK(status == 0);
    CHECK(out.find("\"cadence_spm\":") != std::string::npos);
    CHECK(out.find("\"steps\":") != std::string::npos);
    CHECK(out.find("\"series\":[") != std::string::npos);
  }
  std::string bad = "/tmp/stridewise_cadence_bad_line.csv";
  std::ofstream(bad) << "t,ax,ay,az\n0,1,2,3\n0.01,1,oops,3\n";
  std::string out = RunCli("cadence " + bad, status);
  CHECK(status == 1);
  CHECK(out.find("line 3") != std::string::npos);
  RunCli("cadence /nonexistent/file.csv", status);
  CHECK(status == 1);
}

namespace {

// The synthetic gait as a recording, its times scaled (another unit) and shifted (another origin).
std::vector<sw::MotionSample> Recording(const PocketGait& gait, double scale = 1, double offset = 0) {
  std::vector<sw::MotionSample> out;
  for (const auto& s : MakePocketGait(gait)) out.push_back({offset + s.t * scale, s.ax, s.ay, s.az});
  return out;
}

// A file of this process's own, so parallel runs of the suite do not share it.
std::string WriteTempFile(const std::string& name, const std::string& text) {
  std::string path = "/tmp/stridewise_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("The estimator keeps time on epoch-scale timestamps and does not hang at 1e15", "[cadence]") {
  PocketGait gait;
  CadenceEstimator from_zero, from_epoch;
  for (const auto& s : Recording(gait)) from_zero.AddSample(s.t_s, s.ax, s.ay, s.az);
  for (const auto& s : Recording(gait, 1, 1.7e9)) from_epoch.AddSample(s.t_s, s.ax, s.ay, s.az);
  CHECK(from_zero.Current().spm == Approx(170).epsilon(0.02));
  CHECK(from_epoch.Current().spm == Approx(from_zero.Current().spm).epsilon(0.005));
  CHECK(from_epoch.Current().t_s == Approx(1.7e9 + from_zero.Current().t_s).margin(1e-3));
  // 1e15 + 0.02 == 1e15 in doubles: a grid that adds 0.02 s at a time never got past this sample.
  CadenceEstimator huge;
  huge.AddSample(1e15, 0, 0, 9.8);
  huge.AddSample(1e15 + 0.25, 0, 0, 9.8);
  huge.AddSample(1e15 + 3, 0, 0, 9.8);
  CHECK_FALSE(huge.Current().stepping);
}

TEST_CASE("AnalyzeRecording takes seconds and refuses other time units, naming the unit", "[cadence]") {
  PocketGait gait;
  const sw::CadenceFileResult seconds = sw::AnalyzeRecording(Recording(gait));
  REQUIRE(seconds.error.empty());
  CHECK(seconds.cadence_spm == Approx(170).epsilon(0.02));
  const sw::CadenceFileResult epoch_seconds = sw::AnalyzeRecording(Recording(gait, 1, 1.7e9));
  CHECK(epoch_seconds.error.empty());
  CHECK(epoch_seconds.cadence_spm == Approx(seconds.cadence_spm).epsilon(0.005));
  CHECK(epoch_seconds.series_spm.size() == seconds.series_spm.size());

  const std::string spacing = "t must be in seconds, but the samples are a median ";
  CHECK_THAT(sw::AnalyzeRecording(Recording(gait, 1e3)).error,
             Catch::StartsWith(spacing) &&
                 Catch::EndsWith("how phones space samples in milliseconds (divide t by 1000)"));
  CHECK_THAT(sw::AnalyzeRecording(Recording(gait, 1e6, 1.7e15)).error,
             Catch::StartsWith(spacing) && Catch::EndsWith("in microseconds (divide t by 1000000)"));
  CHECK_THAT(sw::AnalyzeRecording(Recording(gait, 1e9, 3.6e12)).error,  // nanoseconds since the phone started
             Catch::StartsWith(spacing) && Catch::EndsWith("in nanoseconds (divide t by 1000000000)"));
  // One sample has no spacing: its size alone tells.
  CHECK(sw::AnalyzeRecording({{1e15, 0, 0, 9.8}}).error ==
        "t must be in seconds, but 1e+15 is too large for seconds (after the year 2286): it looks like microseconds "
        "since 1970 (divide t by 1000000)");
  CHECK(sw::AnalyzeRecording({{1.7e18, 0, 0, 9.8}}).error.find("nanoseconds since 1970") != std::string::npos);
  CHECK(sw::AnalyzeRecording(Recording(gait, 20)).error ==
        "the samples are a median 0.2 s apart: at least 10 samples a second are needed to follow steps");
}

TEST_CASE("AnalyzeRecording: gaps are bounded by a 12-hour span; nothing usable or too short is an error",
          "[cadence]") {
  // t=0 and t=1e9 once built a billion-second series.
  CHECK(sw::AnalyzeRecording({{0, 0, 0, 9.8}, {1e9, 0, 0, 9.8}}).error ==
        "the samples are a median 1e+09 s apart: at least 10 samples a second are needed to follow steps");
  PocketGait gait;
  std::vector<sw::MotionSample> stray = Recording(gait);
  stray.push_back({13 * 3600.0, 0, 0, 9.8});
  CHECK_THAT(sw::AnalyzeRecording(stray).error,
             Catch::StartsWith("the recording spans 46800 s, more than 12 hours (the largest gap is 467"));
  // A 10-minute stop in a run: kept, as seconds without a rhythm.
  std::vector<sw::MotionSample> with_stop = Recording(gait);
  for (const auto& s : Recording(gait, 1, 630)) with_stop.push_back(s);
  const sw::CadenceFileResult stopped = sw::AnalyzeRecording(with_stop);
  REQUIRE(stopped.error.empty());
  CHECK(stopped.series_spm.size() == size_t(with_stop.back().t_s));
  CHECK(stopped.series_spm[300] == 0);
  CHECK(stopped.cadence_spm == Approx(170).epsilon(0.02));

  const std::string none = "no usable samples: every row has a missing (nan) or infinite value";
  CHECK(sw::AnalyzeRecording({}).error == none);
  CHECK(sw::AnalyzeRecording({{0, NAN, 0, 9.8}, {NAN, 0, 0, 9.8}, {0.01, 0, INFINITY, 9.8}}).error == none);
  gait.duration_s = 2;
  CHECK(sw::AnalyzeRecording(Recording(gait)).error.find("the recording is too short") == 0);
}

TEST_CASE("stridewise cadence: wrong time units, nothing usable or a directory exit 1 with the reason",
          "[cadence]") {
  int status = -1;
  std::vector<std::string> written;
  auto write = [&written](const std::string& name, const std::string& text) {
    return written.emplace_back(WriteTempFile(name, text));
  };
  std::string path = write("cadence_micro.csv", "t,ax,ay,az\n1e15,0,0,9.8\n");
  CHECK(RunCli("cadence " + path, status) ==
        "stridewise cadence: " + path +
            ": t must be in seconds, but 1e+15 is too large for seconds (after the year 2286): it looks like "
            "microseconds since 1970 (divide t by 1000000)\n");
  CHECK(status == 1);
  path = write("cadence_gap.csv", "t,ax,ay,az\n0,0,0,9.8\n1e9,0,0,9.8\n");
  CHECK(RunCli("cadence " + path, status).find("at least 10 samples a second") != std::string::npos);
  CHECK(status == 1);
  path = write("cadence_nan.csv", "t,ax,ay,az\n0,nan,0,9.8\nnan,0,0,9.8\n");
  CHECK(RunCli("cadence " + path, status) ==
        "stridewise cadence: " + path + ": no usable samples: every row has a missing (nan) or infinite value\n");
  CHECK(status == 1);
  const std::string folder = std::string(STRIDEWISE_SOURCE_DIR) + "/tests/unit/fixtures";
  CHECK(RunCli("cadence " + folder, status) == "stridewise cadence: " + folder + ": is a directory, not a file\n");
  CHECK(status == 1);
  for (const std::string& file : written) std::remove(file.c_str());
}
