// One record each, to and from JSON (model_json.hpp): writing, then reading with every field
// checked through validation.hpp's FieldReader. The collections and the whole document that
// hold them are model_json.cpp's.
#include <algorithm>
#include <cmath>
#include <set>

#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"
#include "core/model/validation.hpp"

namespace sw {

using nlohmann::json;

// [SECTION] Writing

json SettingsToJson(const Settings& s) {
  return {{"units", s.units == Units::Miles ? "mi" : "km"},
          {"week_start", WeekdayId(s.week_start)},
          {"cadence_low_spm", s.cadence_low_spm},
          {"cadence_high_spm", s.cadence_high_spm},
          {"weekly_increase_limit_pct", s.weekly_increase_limit_pct},
          {"default_warn_at_m", s.default_warn_at_m},
          {"default_replace_at_m", s.default_replace_at_m},
          {"strength_target_per_week", s.strength_target_per_week},
          {"theme", kThemeNames[int(s.theme)]},
          {"text_size_pct", s.text_size_pct}};
}

json ShoeToJson(const Shoe& shoe) {
  json out = {{"id", shoe.id},
              {"name", shoe.name},
              {"start_distance_m", shoe.start_distance_m},
              {"warn_at_m", shoe.warn_at_m},
              {"replace_at_m", shoe.replace_at_m},
              {"retired", shoe.retired},
              {"wear",
               {{"uneven_wear", shoe.wear.uneven_wear},
                {"discomfort", shoe.wear.discomfort},
                {"stride_change", shoe.wear.stride_change}}}};
  if (shoe.purchase_date) out["purchase_date"] = FormatDate(*shoe.purchase_date);
  if (shoe.retired_on) out["retired_on"] = FormatDate(*shoe.retired_on);
  return out;
}

json RunToJson(const Run& run) {
  json out = {{"id", run.id}, {"date", FormatDate(run.date)}, {"distance_m", run.distance_m}};
  if (run.duration_s) out["duration_s"] = *run.duration_s;
  if (run.shoe_id) out["shoe_id"] = *run.shoe_id;
  out["warmup"] = run.warmup;
  out["cooldown"] = run.cooldown;
  if (run.source) {
    json source = {{"format", run.source->format}, {"device", run.source->device}, {"file", run.source->file}};
    if (run.source->start_utc) source["start_utc"] = FormatIsoUtc(*run.source->start_utc);
    out["source"] = std::move(source);
  }
  if (run.moving_s) out["moving_s"] = *run.moving_s;
  if (run.elapsed_s) out["elapsed_s"] = *run.elapsed_s;
  if (run.cadence_spm) out["cadence_spm"] = *run.cadence_spm;
  return out;
}

json StrengthToJson(const StrengthSession& session) {
  json exercises = json::array();
  for (StrengthExercise exercise : session.exercises) exercises.push_back(ExerciseId(exercise));
  return {{"id", session.id}, {"date", FormatDate(session.date)}, {"exercises", std::move(exercises)}};
}

json PainToJson(const PainEntry& entry) {
  return {{"id", entry.id},
          {"date", FormatDate(entry.date)},
          {"area", PainAreaId(entry.area)},
          {"side", BodySideId(entry.side)},
          {"severity", entry.severity},
          {"worse_with_activity", entry.worse_with_activity},
          {"changes_gait", entry.changes_gait},
          {"note", entry.note}};
}

json CadenceSessionToJson(const CadenceSession& session, bool with_series) {
  json out = {{"id", session.id},
              {"date", FormatDate(session.date)},
              {"duration_s", session.duration_s},
              {"mean_spm", session.mean_spm},
              {"time_in_band_s", session.time_in_band_s},
              {"low_spm", session.low_spm},
              {"high_spm", session.high_spm}};
  if (session.tapped) out["tapped"] = true;  // absent on sensor sessions and on every older one
  if (!with_series) return out;
  json series = json::array();
  series.get_ref<json::array_t&>().reserve(session.series_spm.size());
  for (float spm : session.series_spm) series.push_back(ShortFloat(spm));
  out["series_spm"] = std::move(series);
  return out;
}

// [SECTION] Reading

namespace {

bool NotAnObject(const json& value, const std::string& where, std::string& error) {
  if (value.is_object()) return false;
  error = where + ": must be an object.";
  return true;
}

}  // namespace

bool ReadSettingsFields(FieldReader& in, Settings& out) {
  Settings s = out;  // absent fields keep their values
  int units = s.units == Units::Miles ? 0 : 1, week_start = int(s.week_start.c_encoding());
  int theme = int(s.theme);
  if (!(in.OptChoice("units", kUnitNames, units) && in.OptChoice("week_start", kWeekdayNames, week_start) &&
        in.OptInt("cadence_low_spm", s.cadence_low_spm) && in.OptInt("cadence_high_spm", s.cadence_high_spm) &&
        in.Check("cadence_low_spm", CheckCadenceBand(s.cadence_low_spm, s.cadence_high_spm)) &&
        in.OptNumber("weekly_increase_limit_pct", s.weekly_increase_limit_pct) &&
        in.Check("weekly_increase_limit_pct", CheckWeeklyLimit(s.weekly_increase_limit_pct)) &&
        in.OptNumber("default_warn_at_m", s.default_warn_at_m) &&
        in.Check("default_warn_at_m", CheckThreshold(s.default_warn_at_m)) &&
        in.OptNumber("default_replace_at_m", s.default_replace_at_m) &&
        in.Check("default_replace_at_m", CheckThreshold(s.default_replace_at_m)) &&
        in.Check("default_warn_at_m", CheckThresholdOrder(s.default_warn_at_m, s.default_replace_at_m)) &&
        in.OptInt("strength_target_per_week", s.strength_target_per_week) &&
        in.Check("strength_target_per_week", CheckStrengthTarget(s.strength_target_per_week)) &&
        in.OptChoice("theme", kThemeNames, theme) && in.OptInt("text_size_pct", s.text_size_pct) &&
        in.Check("text_size_pct", CheckTextSize(s.text_size_pct))))
    return false;
  s.theme = Theme(theme);
  s.units = units == 0 ? Units::Miles : Units::Kilometres;
  s.week_start = std::chrono::weekday{unsigned(week_start)};
  out = s;
  return true;
}

bool SettingsFromJson(const json& value, Settings& out, std::string& error, const std::string& where) {
  if (NotAnObject(value, where, error)) return false;
  FieldReader in(value, where);
  Settings s;  // missing fields take the defaults
  if (!ReadSettingsFields(in, s)) return in.Finish(error);
  out = s;
  return true;
}

bool ShoeFromJson(const json& value, Shoe& out, std::string& error, const std::string& where) {
  if (NotAnObject(value, where, error)) return false;
  FieldReader in(value, where);
  Shoe shoe;
  std::string name;
  Date purchase{}, retired_on{};
  const bool has_purchase = in.Has("purchase_date");
  const bool has_retired_on = in.Has("retired_on");
  in.IdField("id", shoe.id) && in.String("name", name) && in.Check("name", CleanName(name, shoe.name)) &&
      in.OptNumber("start_distance_m", shoe.start_distance_m) &&
      in.Check("start_distance_m", CheckShoeDistance(shoe.start_distance_m)) &&
      in.OptNumber("warn_at_m", shoe.warn_at_m) && in.Check("warn_at_m", CheckThreshold(shoe.warn_at_m)) &&
      in.OptNumber("replace_at_m", shoe.replace_at_m) &&
      in.Check("replace_at_m", CheckThreshold(shoe.replace_at_m)) &&
      in.Check("warn_at_m", CheckThresholdOrder(shoe.warn_at_m, shoe.replace_at_m)) &&
      in.OptDate("purchase_date", purchase) && in.OptBool("retired", shoe.retired) &&
      in.OptDate("retired_on", retired_on);
  if (in.Ok() && in.Has("wear")) {
    const json* wear = nullptr;
    if (in.Object("wear", wear)) {
      FieldReader w(*wear, where + ".wear");
      w.OptBool("uneven_wear", shoe.wear.uneven_wear) && w.OptBool("discomfort", shoe.wear.discomfort) &&
          w.OptBool("stride_change", shoe.wear.stride_change);
      if (!w.Ok()) {
        error = w.Error();
        return false;
      }
    }
  }
  if (!in.Finish(error)) return false;
  if (has_purchase) shoe.purchase_date = purchase;
  if (has_retired_on && shoe.retired) shoe.retired_on = retired_on;  // an active pair has none
  out = std::move(shoe);
  return true;
}

// An imported run's "source" object (optional): {format, device, file, start_utc?}.
static bool ReadRunSource(FieldReader& in, std::optional<RunSource>& out) {
  const json* object = nullptr;
  if (!in.Has("source")) return true;
  if (!in.Object("source", object)) return false;
  FieldReader source_in(*object, "source");
  RunSource source;
  int format = 0;
  std::string start;
  bool ok = source_in.Choice("format", kRunSourceFormats, format) && source_in.OptString("device", source.device) &&
            source_in.Check("device", CheckSourceText(source.device)) && source_in.OptString("file", source.file) &&
            source_in.Check("file", CheckSourceText(source.file)) && source_in.OptString("start_utc", start);
  if (ok && source_in.Has("start_utc")) {
    source.start_utc = ParseIsoUtc(start);
    if (!source.start_utc) ok = source_in.FailField("start_utc", "must be a time like 2026-03-09T07:05:00Z");
  }
  if (ok) ok = source_in.Ok();
  if (!ok) return in.Fail(source_in.Error());
  source.format = std::string(kRunSourceFormats[format]);
  out = std::move(source);
  return true;
}

bool RunFromJson(const json& value, Run& out, std::string& error, const std::string& where) {
  if (NotAnObject(value, where, error)) return false;
  FieldReader in(value, where);
  Run run;
  double duration = 0;
  Id shoe_id = 0;
  double moving = 0, elapsed = 0, cadence = 0;
  in.IdField("id", run.id) && in.DateField("date", run.date) && in.Number("distance_m", run.distance_m) &&
      in.Check("distance_m", CheckStoredRunDistance(run.distance_m)) && in.OptNumber("duration_s", duration) &&
      (!in.Has("duration_s") || in.Check("duration_s", CheckDuration(duration))) && in.OptId("shoe_id", shoe_id) &&
      in.OptBool("warmup", run.warmup) && in.OptBool("cooldown", run.cooldown) &&
      in.OptNumber("moving_s", moving) && (!in.Has("moving_s") || in.Check("moving_s", CheckDuration(moving))) &&
      in.OptNumber("elapsed_s", elapsed) && (!in.Has("elapsed_s") || in.Check("elapsed_s", CheckDuration(elapsed))) &&
      in.OptNumber("cadence_spm", cadence) &&
      (!in.Has("cadence_spm") || in.Check("cadence_spm", CheckRunCadence(cadence))) &&
      ReadRunSource(in, run.source);
  if (!in.Finish(error)) return false;
  if (in.Has("duration_s")) run.duration_s = duration;
  if (in.Has("shoe_id")) run.shoe_id = shoe_id;
  if (in.Has("moving_s")) run.moving_s = moving;
  if (in.Has("elapsed_s")) run.elapsed_s = elapsed;
  if (in.Has("cadence_spm")) run.cadence_spm = cadence;
  out = run;
  return true;
}

// Shared with log_strength: a non-empty list of known exercises, each at most once.
bool ReadExercises(FieldReader& in, std::vector<StrengthExercise>& out) {
  const json* list = nullptr;
  if (!in.Array("exercises", list)) return false;
  if (list->empty()) return in.Fail("\"exercises\" must list at least one of bridge, plank, single_leg_squat.");
  std::vector<StrengthExercise> exercises;
  for (const json& item : *list) {
    auto known = std::find(std::begin(kExerciseNames), std::end(kExerciseNames),
                           item.is_string() ? item.get_ref<const std::string&>() : std::string());
    if (known == std::end(kExerciseNames))
      return in.Fail("\"exercises\" must be one of bridge, plank, single_leg_squat.");
    auto exercise = StrengthExercise(known - std::begin(kExerciseNames));
    if (std::find(exercises.begin(), exercises.end(), exercise) != exercises.end())
      return in.Fail("\"exercises\" lists " + std::string(ExerciseId(exercise)) + " twice.");
    exercises.push_back(exercise);
  }
  out = std::move(exercises);
  return true;
}

bool StrengthFromJson(const json& value, StrengthSession& out, std::string& error, const std::string& where) {
  if (NotAnObject(value, where, error)) return false;
  FieldReader in(value, where);
  StrengthSession session;
  in.IdField("id", session.id) && in.DateField("date", session.date) && ReadExercises(in, session.exercises);
  if (!in.Finish(error)) return false;
  out = std::move(session);
  return true;
}

bool PainFromJson(const json& value, PainEntry& out, std::string& error, const std::string& where) {
  if (NotAnObject(value, where, error)) return false;
  FieldReader in(value, where);
  PainEntry entry;
  int area = 0, side = 0;
  std::string note;
  in.IdField("id", entry.id) && in.DateField("date", entry.date) && in.Choice("area", kPainAreaNames, area) &&
      in.Choice("side", kBodySideNames, side) && in.Int("severity", entry.severity) &&
      in.Check("severity", CheckSeverity(entry.severity)) &&
      in.OptBool("worse_with_activity", entry.worse_with_activity) &&
      in.OptBool("changes_gait", entry.changes_gait) && in.OptString("note", note) &&
      in.Check("note", CleanNote(note, entry.note));
  if (!in.Finish(error)) return false;
  entry.area = PainArea(area);
  entry.side = BodySide(side);
  out = std::move(entry);
  return true;
}

bool CadenceSessionFromJson(const json& value, CadenceSession& out, std::string& error, const std::string& where) {
  if (NotAnObject(value, where, error)) return false;
  FieldReader in(value, where);
  CadenceSession session;
  auto non_negative = [](double v, double max) {
    return std::isfinite(v) && v >= 0 && v <= max ? std::string() : "must be from 0 to " + std::to_string(int(max));
  };
  in.IdField("id", session.id) && in.DateField("date", session.date) &&
      in.OptNumber("duration_s", session.duration_s) &&
      in.Check("duration_s", non_negative(session.duration_s, kMaxDurationS)) &&
      in.OptNumber("mean_spm", session.mean_spm) && in.Check("mean_spm", non_negative(session.mean_spm, kMaxSpm)) &&
      in.OptNumber("time_in_band_s", session.time_in_band_s) &&
      in.Check("time_in_band_s", non_negative(session.time_in_band_s, kMaxDurationS)) &&
      in.OptInt("low_spm", session.low_spm) && in.OptInt("high_spm", session.high_spm) &&
      in.Check("low_spm", CheckCadenceBand(session.low_spm, session.high_spm)) &&
      in.OptBool("tapped", session.tapped);
  if (in.Ok() && in.Has("series_spm")) {
    const json* series = nullptr;
    if (in.Array("series_spm", series)) {
      if (series->size() > std::size_t(kMaxDurationS)) {
        in.Fail("\"series_spm\" has more values than seconds in 48 hours.");
      } else {
        std::vector<float> values;
        values.reserve(series->size());
        for (const json& item : *series) {
          auto spm = JsonFiniteNumber(item);
          if (!spm || *spm < 0 || *spm > kMaxSpm) {
            in.Fail("\"series_spm\" must hold numbers from 0 to 1000.");
            break;
          }
          values.push_back(float(*spm));
        }
        session.series_spm = std::move(values);
      }
    }
  }
  if (!in.Finish(error)) return false;
  out = std::move(session);
  return true;
}

}  // namespace sw
