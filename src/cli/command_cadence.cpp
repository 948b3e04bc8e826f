// `stridewise cadence FILE.csv`: cadence and steps of a motion recording, as JSON.
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/cadence/cadence_estimator.hpp"
#include "core/cadence/motion_csv.hpp"
#include "read_file.hpp"

namespace sw {

int CommandCadence(int argc, char** argv) {
  if (argc != 1) {
    std::fprintf(stderr, "usage: stridewise cadence FILE.csv   (header t,ax,ay,az; s, m/s^2 with gravity)\n");
    return 1;
  }
  auto fail = [path = argv[0]](const std::string& why) {
    std::fprintf(stderr, "stridewise cadence: %s: %s\n", path, why.c_str());
    return 1;
  };
  std::string error;
  std::optional<std::string> text = ReadWholeFile(argv[0], error);
  if (!text) return fail(error);
  MotionCsv csv = ParseMotionCsv(*text);
  if (!csv.error.empty()) return fail(csv.error);
  CadenceFileResult result = AnalyzeRecording(csv.samples);
  if (!result.error.empty()) return fail(result.error);
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
