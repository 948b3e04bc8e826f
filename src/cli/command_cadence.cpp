// `stridewise cadence FILE.csv`: cadence and steps of a motion recording, as JSON.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/cadence_estimator.hpp"
#include "core/motion_csv.hpp"

namespace sw {

int CommandCadence(int argc, char** argv) {
  if (argc != 1) {
    std::fprintf(stderr, "usage: stridewise cadence FILE.csv   (header t,ax,ay,az; s, m/s^2 with gravity)\n");
    return 1;
  }
  std::ifstream in(argv[0], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "stridewise cadence: cannot read '%s'\n", argv[0]);
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  MotionCsv csv = ParseMotionCsv(text.str());
  if (!csv.error.empty()) {
    std::fprintf(stderr, "stridewise cadence: %s: %s\n", argv[0], csv.error.c_str());
    return 1;
  }
  CadenceFileResult result = AnalyzeRecording(csv.samples);
  nlohmann::json out;
  // One decimal is the meter's precision; more digits would only be noise.
  out["cadence_spm"] = std::round(result.cadence_spm * 10) / 10;
  out["steps"] = result.steps;
  nlohmann::json series = nlohmann::json::array();
  for (float v : result.series_spm) series.push_back(std::round(double(v) * 10) / 10);
  out["series"] = series;
  out["samples"] = csv.samples.size();
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

}  // namespace sw
