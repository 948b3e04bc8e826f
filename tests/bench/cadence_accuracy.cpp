// Cadence accuracy on real pocket recordings (../shared/data/cadence): per file and per
// placement, steps and cadence against the foot-switch ground truth, plus the cost per sample.
// Figures, not pass/fail.
//
//   cadence_bench [DATA_DIR] [--tune-subject NAME] [--only-tune]
//
// Honesty about tuning: the estimator's constants were tuned looking only at the files of one
// subject (--tune-subject, default "jamie"); the other subjects are held out and their figures
// are the ones that count. --only-tune prints the tuning files alone (for tuning runs).
// Caveat, kept here on purpose: the first held-out run missed dario's front pocket by 35% of
// its steps; that led to one structural change (test the exact half of the stride, as a step is
// half a stride by definition), not to a tuned constant. Later changes came from the synthetic
// tests (dropouts, stop detection). Strictly, only carmelo's files never influenced the design.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/cadence/cadence_estimator.hpp"
#include "core/cadence/motion_csv.hpp"

namespace {

struct IndexRow {
  std::string file, placement;
  int true_steps = 0;
  double mean_cadence = 0, notes_median = 0;
};

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<IndexRow> ReadIndex(const std::string& dir) {
  std::vector<IndexRow> rows;
  std::istringstream in(ReadText(dir + "/index.csv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    size_t pos = 0;
    for (int i = 0; i < 8; ++i) {  // the first 8 fields hold no quotes; the notes come last
      size_t comma = line.find(',', pos);
      f.push_back(line.substr(pos, comma - pos));
      pos = comma + 1;
    }
    IndexRow row;
    row.file = f[0];
    row.placement = f[3].find("back") != std::string::npos ? "back" : "front";
    row.true_steps = std::atoi(f[5].c_str());
    row.mean_cadence = std::atof(f[7].c_str());
    size_t m = line.find("median instantaneous cadence ");
    if (m != std::string::npos) row.notes_median = std::atof(line.c_str() + m + 29);
    rows.push_back(row);
  }
  return rows;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// The median instantaneous cadence of the ground truth. Single intervals are quantised by the
// ~10.7 Hz foot-switch logger (0.09 s on a 0.5 s step = 18%), so the cadence of each run of 8
// consecutive steps without a pause or a bounce is used; its median is the truth.
double TrueCadence(const std::vector<double>& t) {
  const int span = 8;
  std::vector<double> rates;
  for (size_t i = 0; i + span < t.size(); ++i) {
    bool clean = true;
    for (size_t j = i; j < i + span; ++j) {
      double d = t[j + 1] - t[j];
      if (d < 0.25 || d > 1.5) clean = false;
    }
    if (clean) rates.push_back(60.0 * span / (t[i + span] - t[i]));
  }
  return Median(rates);
}

struct Figures {
  double steps_err = 0, cadence_err = 0;
};

Figures RunOne(const IndexRow& row, const std::vector<sw::MotionSample>& samples, double truth,
               bool print, double* ns_per_sample) {
  auto start = std::chrono::steady_clock::now();
  sw::CadenceFileResult r = sw::AnalyzeRecording(samples);
  double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
  if (ns_per_sample) *ns_per_sample = ns / double(samples.size());
  Figures f;
  f.steps_err = 100.0 * (double(r.steps) - row.true_steps) / row.true_steps;
  f.cadence_err = 100.0 * (r.cadence_spm - truth) / truth;
  if (print)
    std::printf("  steps %4d est %4lld (%+5.1f%%)  cadence true %6.1f (index mean %5.1f) est %6.1f (%+5.1f%%)",
                row.true_steps, (long long)r.steps, f.steps_err, truth, row.mean_cadence, r.cadence_spm,
                f.cadence_err);
  return f;
}

// Physically honest variants: a slower sensor (every k-th sample), the phone turned in the
// pocket (constant rotation: the magnitude is unchanged, the axes are not), timestamp jitter.
std::vector<sw::MotionSample> Decimate(const std::vector<sw::MotionSample>& s, int k) {
  std::vector<sw::MotionSample> out;
  for (size_t i = 0; i < s.size(); i += size_t(k)) out.push_back(s[i]);
  return out;
}
std::vector<sw::MotionSample> Rotate(std::vector<sw::MotionSample> s, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> n;
  double q[4] = {n(rng), n(rng), n(rng), n(rng)};
  double len = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  for (double& v : q) v /= len;
  double w = q[0], x = q[1], y = q[2], z = q[3];
  double m[9] = {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
                 2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                 2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
  for (sw::MotionSample& p : s) {
    double a[3] = {p.ax, p.ay, p.az};
    p.ax = m[0] * a[0] + m[1] * a[1] + m[2] * a[2];
    p.ay = m[3] * a[0] + m[4] * a[1] + m[5] * a[2];
    p.az = m[6] * a[0] + m[7] * a[1] + m[8] * a[2];
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = STRIDEWISE_CADENCE_DATA;
  std::string tune_subject = "jamie";
  bool only_tune = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--tune-subject" && i + 1 < argc) tune_subject = argv[++i];
    else if (a == "--only-tune") only_tune = true;
    else dir = a;
  }
  std::vector<IndexRow> rows = ReadIndex(dir);
  if (rows.empty()) {
    std::fprintf(stderr, "cadence_bench: no recordings in %s/index.csv\n", dir.c_str());
    return 1;
  }
  std::printf("Cadence accuracy, %s (tuned on subject '%s' only; the others are held out)\n",
              dir.c_str(), tune_subject.c_str());
  std::printf("Truth: steps = index.csv true_steps; cadence = median of 8-step ground-truth cadences\n");
  std::printf("(The first held-out run missed dario's front pocket; see the caveat in this file.)\n\n");
  // [group][placement] -> sums
  std::map<std::string, std::map<std::string, std::vector<Figures>>> table;
  std::map<std::string, std::vector<double>> variant_errors;
  double ns_total = 0;
  int ns_count = 0;
  for (const IndexRow& row : rows) {
    bool tuning = row.file.find("_" + tune_subject + "_") != std::string::npos;
    if (only_tune && !tuning) continue;
    sw::MotionCsv csv = sw::ParseMotionCsv(ReadText(dir + "/" + row.file));
    if (!csv.error.empty()) {
      std::fprintf(stderr, "%s: %s\n", row.file.c_str(), csv.error.c_str());
      return 1;
    }
    std::string stem = row.file.substr(0, row.file.size() - 4);
    std::istringstream gt(ReadText(dir + "/steps/" + stem + ".steps.csv"));
    std::vector<double> steps;
    std::string line;
    std::getline(gt, line);
    while (std::getline(gt, line))
      if (!line.empty()) steps.push_back(std::atof(line.c_str()));
    double truth = TrueCadence(steps);
    std::printf("%-40s %-5s %-8s", stem.c_str(), row.placement.c_str(), tuning ? "tune" : "held-out");
    double ns = 0;
    Figures f = RunOne(row, csv.samples, truth, true, &ns);
    std::printf("  %.0f ns/sample\n", ns);
    ns_total += ns;
    ++ns_count;
    std::string group = tuning ? "tune" : "held-out";
    table[group][row.placement].push_back(f);
    table["all"][row.placement].push_back(f);
    auto add = [&](const std::string& name, const std::vector<sw::MotionSample>& s) {
      Figures v = RunOne(row, s, truth, false, nullptr);
      variant_errors[name + " steps"].push_back(std::fabs(v.steps_err));
      variant_errors[name + " cadence"].push_back(std::fabs(v.cadence_err));
    };
    add("every 2nd sample (~50 Hz)", Decimate(csv.samples, 2));
    add("every 4th sample (~25 Hz)", Decimate(csv.samples, 4));
    add("random constant rotation", Rotate(csv.samples, unsigned(row.true_steps)));
  }
  std::printf("\nMean absolute %% error (targets: steps <= 3%%, cadence <= 2%%)\n");
  for (const char* group : {"held-out", "tune", "all"}) {
    for (const char* placement : {"front", "back", "both"}) {
      std::vector<Figures> list;
      if (std::string(placement) == "both") {
        for (auto& [p, v] : table[group]) list.insert(list.end(), v.begin(), v.end());
      } else {
        list = table[group][placement];
      }
      if (list.empty()) continue;
      double s = 0, c = 0;
      for (const Figures& f : list) {
        s += std::fabs(f.steps_err);
        c += std::fabs(f.cadence_err);
      }
      std::printf("  %-8s %-5s (%2zu files): steps %5.2f%%  cadence %5.2f%%\n", group, placement,
                  list.size(), s / list.size(), c / list.size());
    }
  }
  std::printf("\nRobustness on all files (mean absolute %% error):\n");
  for (auto& [name, v] : variant_errors) {
    double sum = 0;
    for (double e : v) sum += e;
    std::printf("  %-40s %5.2f%%\n", name.c_str(), sum / v.size());
  }
  std::printf("\nCost: %.0f ns per input sample (streaming estimator, native build, mean over files)\n",
              ns_total / ns_count);
  return 0;
}
