#pragma once
// The runner's data: everything storage keeps and backups carry. Distances in metres,
// durations in seconds, dates are local calendar days (std::chrono::year_month_day).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sw {

using Id = std::int64_t;
using Date = std::chrono::year_month_day;

inline constexpr double kMetresPerMile = 1609.344;
inline constexpr double kDefaultWarnAtM = 300 * kMetresPerMile;     // 482,803 m
inline constexpr double kDefaultReplaceAtM = 500 * kMetresPerMile;  // 804,672 m

enum class Units { Miles, Kilometres };
// How the app looks: follow the phone's light/dark setting, or always one of them.
enum class Theme { System, Light, Dark };
// New areas go at the end: kPainAreaNames is indexed by this enum, and stored entries keep their names.
enum class PainArea { Foot, Ankle, Knee, Hip, LowerBack, Other, Shin, Calf, Achilles, Hamstring, Heel };
enum class BodySide { Left, Right, Both, None };
enum class StrengthExercise { Bridge, Plank, SingleLegSquat };

struct Settings {
  Units units = Units::Miles;
  std::chrono::weekday week_start = std::chrono::Monday;
  int cadence_low_spm = 170;
  int cadence_high_spm = 180;
  double weekly_increase_limit_pct = 10;
  double default_warn_at_m = kDefaultWarnAtM;
  double default_replace_at_m = kDefaultReplaceAtM;
  int strength_target_per_week = 2;
  Theme theme = Theme::System;
  int text_size_pct = 100;  // text and everything laid out around it, 80-150 %
  bool operator==(const Settings&) const = default;
};

struct ShoeWear {
  bool uneven_wear = false;
  bool discomfort = false;
  bool stride_change = false;
  bool operator==(const ShoeWear&) const = default;
};

struct Shoe {
  Id id = 0;
  std::string name;
  double start_distance_m = 0;
  double warn_at_m = kDefaultWarnAtM;
  double replace_at_m = kDefaultReplaceAtM;
  std::optional<Date> purchase_date;
  bool retired = false;
  // The day retire_shoe was applied; none for a pair retired before this was kept (an optional
  // field: older builds of the same schema ignore it) or an active pair.
  std::optional<Date> retired_on;
  ShoeWear wear;
  bool operator==(const Shoe&) const = default;
};

// Where an imported run came from; runs the runner typed have none.
struct RunSource {
  std::string format;  // "fit", "gpx", "tcx", "strava_csv", "garmin_csv"
  std::string device;  // the watch or app that recorded it, when the file says
  std::string file;    // the file's name as it was handed over (finds a file imported twice)
  std::optional<std::chrono::sys_seconds> start_utc;  // the recorded start (finds the same run again)
  bool operator==(const RunSource&) const = default;
};

struct Run {
  Id id = 0;
  Date date;
  double distance_m = 0;
  std::optional<double> duration_s;  // the time the runner counts: an import's moving time
  std::optional<Id> shoe_id;
  bool warmup = false;
  bool cooldown = false;
  // Imported runs keep what the watch measured (schema 4).
  std::optional<RunSource> source;
  std::optional<double> moving_s;     // pauses excluded
  std::optional<double> elapsed_s;    // pauses included
  std::optional<double> cadence_spm;  // the watch's average, steps per minute
  bool operator==(const Run&) const = default;
};

struct StrengthSession {
  Id id = 0;
  Date date;
  std::vector<StrengthExercise> exercises;
  bool operator==(const StrengthSession&) const = default;
};

struct PainEntry {
  Id id = 0;
  Date date;
  PainArea area = PainArea::Other;
  BodySide side = BodySide::None;
  int severity = 0;  // 0-10
  bool worse_with_activity = false;
  bool changes_gait = false;
  std::string note;
  bool operator==(const PainEntry&) const = default;
};

// A cadence session's series: one value per second; 0 where no rhythm was found. A value like a
// vector, but copies share the floats: the model is copied whole for an action that may fail
// half-way and for every write's snapshot, and ten years of sessions hold megabytes of series
// (200 half-hour sessions: 1.4 MB) that a session never changes once recorded. A change copies
// first when the floats are shared (copy on write).
class CadenceSeries {
 public:
  CadenceSeries() = default;
  CadenceSeries(std::vector<float> values);  // NOLINT: implicit, as `series = values` reads
  CadenceSeries(std::initializer_list<float> values) : CadenceSeries(std::vector<float>(values)) {}

  const std::vector<float>& values() const;
  std::size_t size() const { return values().size(); }
  bool empty() const { return values().empty(); }
  float operator[](std::size_t i) const { return values()[i]; }
  std::vector<float>::const_iterator begin() const { return values().begin(); }
  std::vector<float>::const_iterator end() const { return values().end(); }
  void push_back(float value) { Mutable().push_back(value); }
  void clear() { values_.reset(); }
  bool operator==(const CadenceSeries& other) const { return values_ == other.values_ || values() == other.values(); }
  bool operator==(const std::vector<float>& other) const { return values() == other; }

 private:
  std::vector<float>& Mutable();
  std::shared_ptr<std::vector<float>> values_;  // null: no values
};

struct CadenceSession {
  Id id = 0;
  Date date;
  double duration_s = 0;
  double mean_spm = 0;
  double time_in_band_s = 0;
  int low_spm = 170;
  int high_spm = 180;
  CadenceSeries series_spm;
  bool tapped = false;  // measured by tap-along (the runner tapped each right-foot landing), not the sensor
  bool operator==(const CadenceSession&) const = default;
};

// When the runner last exported a backup, and next_id then: every record with an id from there
// on was added after it (ids only grow). Settings shows the date; Home reminds after 30 days.
struct BackupMark {
  Date date;
  Id next_id = 1;
  bool operator==(const BackupMark&) const = default;
};

// A calendar year of runs that is stored but not read yet: storage reads the older years after
// the first frame (issue 17), and until then this digest stands in for them wherever a total
// spans every run (a pair's distance, runs, first and last run). Kept in the store as the
// "summary" document, rewritten with every change to the runs and checked against the runs
// whenever a year is read (src/core/storage/run_summary.hpp).
struct RunYearDigest {
  struct ShoeUse {
    Id shoe_id = 0;
    int runs = 0;
    double distance_m = 0;
    Date first, last;
    bool operator==(const ShoeUse&) const = default;
  };
  int year = 0;
  int runs = 0;
  double distance_m = 0;
  Id max_id = 0;                // the year's highest run id: new ids stay past it
  Date first;                   // the year's earliest run (Home's backup reminder, the ACWR's 28 days)
  int days_run_at_end = 0;      // days in a row with a run up to 31 December (Home's streak)
  std::vector<ShoeUse> shoes;   // by shoe id; runs without a pair are not listed
  bool operator==(const RunYearDigest&) const = default;
};

struct Model {
  Settings settings;
  std::vector<Shoe> shoes;
  std::vector<Run> runs;  // in id order: actions append, reading a document sorts
  // Years whose runs are stored but not in `runs` yet (oldest first); empty once all are read.
  // Only storage's first read leaves any; actions that need every run wait for them.
  std::vector<RunYearDigest> unread_run_years;
  std::vector<StrengthSession> strength;
  std::vector<PainEntry> pain;
  std::vector<CadenceSession> cadence_sessions;
  std::optional<Id> default_shoe_id;
  Id next_id = 1;
  std::optional<BackupMark> last_backup;

  Model() = default;
  Model(const Model&) = default;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;
  // Copied by constructing (`model = Model(other)`), never assigned from a copy: a copy-assignment
  // is a second copy path per record type, 0.8 KB gzip of the app's download for nothing.
  Model& operator=(const Model&) = delete;
  bool operator==(const Model&) const = default;
};

// Adds `added` to `runs` (both in id order, or `added` in any order) and keeps `runs` in id order.
void AddRunsInIdOrder(std::vector<Run>& runs, std::vector<Run> added);

}  // namespace sw
