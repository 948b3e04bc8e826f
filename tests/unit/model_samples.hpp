#pragma once
// Models and fixtures shared by the [model] [schema] [backup] [csv] [fuzz] tests.
#include <fstream>
#include <sstream>
#include <string>

#include "core/model/dates.hpp"
#include "core/model/model.hpp"

namespace sw::test {

inline Date D(const char* text) { return *ParseDate(text); }

inline std::string ReadFixture(const std::string& name) {
  std::ifstream file(std::string(STRIDEWISE_SOURCE_DIR) + "/tests/unit/fixtures/" + name, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

inline std::string FixturePath(const std::string& name) {
  return std::string(STRIDEWISE_SOURCE_DIR) + "/tests/unit/fixtures/" + name;
}

// Every field away from its default, so a round trip that drops one shows. Matches
// fixtures/schema_v2.json exactly.
inline Model SampleModel() {
  Model m;
  m.settings.units = Units::Kilometres;
  m.settings.week_start = std::chrono::Sunday;
  m.settings.cadence_low_spm = 165;
  m.settings.cadence_high_spm = 178;
  m.settings.weekly_increase_limit_pct = 8.5;
  m.settings.default_warn_at_m = 400000;
  m.settings.default_replace_at_m = 700000;
  m.settings.strength_target_per_week = 3;
  m.settings.theme = Theme::Dark;
  m.settings.text_size_pct = 120;

  Shoe pegasus;
  pegasus.id = 1;
  pegasus.name = "Pegasus 40";
  pegasus.start_distance_m = 12000;
  pegasus.warn_at_m = 500000;
  pegasus.replace_at_m = 800000;
  pegasus.purchase_date = D("2025-09-01");
  pegasus.wear.uneven_wear = true;
  Shoe trail;
  trail.id = 2;
  trail.name = "Trail Caf\xC3\xA9 \xE2\x9C\x93";  // "Trail Café ✓": non-ASCII names survive
  trail.retired = true;
  trail.wear.discomfort = true;
  trail.wear.stride_change = true;
  m.shoes = {pegasus, trail};

  Run easy;
  easy.id = 3;
  easy.date = D("2026-03-01");
  easy.distance_m = 5000;
  easy.duration_s = 1500;
  easy.shoe_id = 1;
  easy.warmup = true;
  Run long_run;
  long_run.id = 4;
  long_run.date = D("2026-03-03");
  long_run.distance_m = 10000.5;
  long_run.cooldown = true;
  Run on_trail;
  on_trail.id = 9;
  on_trail.date = D("2026-02-20");
  on_trail.distance_m = 7250.25;
  on_trail.duration_s = 2700.5;
  on_trail.shoe_id = 2;
  // Imported from a watch (schema 4): what the watch measured comes along.
  on_trail.source = RunSource{"fit", "Garmin fenix 2", "trail.fit",
                              std::chrono::sys_days{D("2026-02-20")} + std::chrono::hours{7} + std::chrono::minutes{5}};
  on_trail.moving_s = 2700.5;
  on_trail.elapsed_s = 2810;
  on_trail.cadence_spm = 166.4;
  m.runs = {easy, long_run, on_trail};

  StrengthSession strength;
  strength.id = 5;
  strength.date = D("2026-03-02");
  strength.exercises = {StrengthExercise::Bridge, StrengthExercise::Plank, StrengthExercise::SingleLegSquat};
  m.strength = {strength};

  PainEntry pain;
  pain.id = 6;
  pain.date = D("2026-03-04");
  pain.area = PainArea::LowerBack;
  pain.side = BodySide::Both;
  pain.severity = 3;
  pain.worse_with_activity = true;
  pain.changes_gait = true;
  pain.note = "after hills,\n\"sharp\"";
  m.pain = {pain};

  CadenceSession cadence;
  cadence.id = 7;
  cadence.date = D("2026-03-05");
  cadence.duration_s = 6;
  cadence.mean_spm = 172.5;
  cadence.time_in_band_s = 4;
  cadence.low_spm = 165;
  cadence.high_spm = 178;
  cadence.series_spm = {0.0f, 171.3f, 172.0f, 173.25f, 168.7f, 0.1f};
  m.cadence_sessions = {cadence};

  m.default_shoe_id = 1;
  m.next_id = 10;
  return m;
}

}  // namespace sw::test
