#include "core/import/activity.hpp"

#include "core/model/validation.hpp"

#include <cmath>

namespace sw::import {

bool IsRunningSport(std::string_view s) {
  return s == sport::kRun || s == sport::kTrailRun || s == sport::kTreadmillRun || s == sport::kTrackRun;
}

std::optional<Date> LocalDate(const ImportedActivity& activity, const UtcOffsetAt& offset_at) {
  if (activity.local_date_in_file) return activity.local_date_in_file;
  if (!activity.start_utc) return std::nullopt;
  int offset = activity.utc_offset_s ? *activity.utc_offset_s : (offset_at ? offset_at(*activity.start_utc) : 0);
  auto local = *activity.start_utc + std::chrono::seconds{offset};
  return Date{std::chrono::floor<std::chrono::days>(local)};
}

namespace {

// Figures rounded to what a file can mean (centimetres, centiseconds, tenths of a step), divided
// by a whole scale so 171.2 stays 171.2 (multiplying by 0.1 gives 171.20000000000002).
double Round(double value, double per_unit) { return std::round(value * per_unit) / per_unit; }

void PutIf(nlohmann::json& out, const char* key, const std::optional<double>& value, double per_unit) {
  if (value && std::isfinite(*value)) out[key] = Round(*value, per_unit);
}

}  // namespace

nlohmann::json ActivityToJson(const ImportedActivity& a, const UtcOffsetAt& offset_at) {
  nlohmann::json out = {{"file", a.file}, {"format", a.format}, {"sport", a.sport},
                        {"sport_in_file", a.sport_in_file}};
  if (!a.name.empty()) out["name"] = a.name;
  if (a.start_utc) out["start_utc"] = FormatIsoUtc(*a.start_utc);
  if (auto date = LocalDate(a, offset_at)) out["local_date"] = FormatDate(*date);
  PutIf(out, "distance_m", a.distance_m, 100);
  PutIf(out, "moving_s", a.moving_s, 100);
  PutIf(out, "elapsed_s", a.elapsed_s, 100);
  PutIf(out, "cadence_spm", a.cadence_spm, 10);
  nlohmann::json laps = nlohmann::json::array();
  for (const auto& lap : a.laps) {
    nlohmann::json l = nlohmann::json::object();
    if (lap.start_utc) l["start_utc"] = FormatIsoUtc(*lap.start_utc);
    PutIf(l, "distance_m", lap.distance_m, 100);
    PutIf(l, "moving_s", lap.moving_s, 100);
    PutIf(l, "elapsed_s", lap.elapsed_s, 100);
    PutIf(l, "cadence_spm", lap.cadence_spm, 10);
    laps.push_back(std::move(l));
  }
  out["laps"] = std::move(laps);
  if (!a.device.empty()) out["device"] = a.device;
  out["problems"] = a.problems;
  return out;
}

}  // namespace sw::import

namespace sw::import {

namespace {

bool ReadOptNumber(FieldReader& in, const char* key, std::optional<double>& out) {
  double value = 0;
  if (!in.OptNumber(key, value)) return false;
  if (in.Has(key)) out = value;
  return true;
}

bool ReadOptInstant(FieldReader& in, const char* key, std::optional<std::chrono::sys_seconds>& out) {
  std::string text;
  if (!in.OptString(key, text)) return false;
  if (!in.Has(key)) return true;
  out = ParseIsoUtc(text);
  return out ? true : in.FailField(key, "must be a time like 2026-03-09T07:05:00Z");
}

}  // namespace

std::optional<ImportedActivity> ActivityFromJson(const nlohmann::json& value, std::string& error) {
  FieldReader in(value, "activity");
  ImportedActivity a;
  std::string local_date;
  const nlohmann::json* laps = nullptr;
  const nlohmann::json* problems = nullptr;
  bool ok = in.IsObject() && in.String("file", a.file) && in.String("format", a.format) &&
            in.String("sport", a.sport) && in.OptString("sport_in_file", a.sport_in_file) &&
            in.OptString("name", a.name) && ReadOptInstant(in, "start_utc", a.start_utc) &&
            in.OptString("local_date", local_date) && ReadOptNumber(in, "distance_m", a.distance_m) &&
            ReadOptNumber(in, "moving_s", a.moving_s) && ReadOptNumber(in, "elapsed_s", a.elapsed_s) &&
            ReadOptNumber(in, "cadence_spm", a.cadence_spm) && in.OptString("device", a.device);
  if (ok && !in.IsObject()) ok = in.Fail("must be an object.");
  if (ok && in.Has("local_date")) {
    a.local_date_in_file = ParseDate(local_date);
    if (!a.local_date_in_file) ok = in.FailField("local_date", "must be a date like 2026-03-09");
  }
  if (ok && in.Has("laps") && in.Array("laps", laps)) {
    for (const auto& lap_json : *laps) {
      FieldReader lap_in(lap_json, "lap");
      ImportedLap lap;
      if (!(lap_in.IsObject() && ReadOptInstant(lap_in, "start_utc", lap.start_utc) &&
            ReadOptNumber(lap_in, "distance_m", lap.distance_m) && ReadOptNumber(lap_in, "moving_s", lap.moving_s) &&
            ReadOptNumber(lap_in, "elapsed_s", lap.elapsed_s) &&
            ReadOptNumber(lap_in, "cadence_spm", lap.cadence_spm))) {
        ok = in.Fail(lap_in.Ok() ? "a lap must be an object." : lap_in.Error());
        break;
      }
      a.laps.push_back(lap);
    }
  }
  if (ok && in.Has("problems") && in.Array("problems", problems)) {
    for (const auto& problem : *problems)
      if (problem.is_string()) a.problems.push_back(problem.get<std::string>());
  }
  if (!ok || !in.Ok()) {
    error = in.Ok() ? "activity: must be an object." : in.Error();
    return std::nullopt;
  }
  return a;
}

}  // namespace sw::import
