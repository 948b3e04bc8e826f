// FIT activities: the decoded sessions, laps and file id (fit_decoder.*) become one activity per
// session; laps go to sessions by time. A file without a session (cut short before its summary)
// is decoded again, collecting its records instead. A file cut short or damaged gives what was
// read before the damage, with a plain sentence saying so.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/import/activity.hpp"
#include "core/import/readers/fit_decoder.hpp"
#include "core/import/readers/fit_profile.hpp"
#include "core/import/readers/readers.hpp"
#include "core/model/dates.hpp"

namespace sw::import {

namespace {

using namespace fit;

// ---------------------------------------------------------------------------------------------
// From decoded messages to activities.

std::chrono::sys_seconds ToSysSeconds(std::uint32_t fit_time) {
  return std::chrono::sys_seconds{std::chrono::seconds{std::int64_t(fit_time) + fit::kFitEpochUnix}};
}

std::string SportInFile(std::optional<std::uint8_t> sport) {
  if (!sport) return "";
  if (*sport < std::size(fit::kSportNames)) return std::string(fit::kSportNames[*sport]);
  return std::to_string(*sport);
}

std::string_view NormalisedSport(std::optional<std::uint8_t> sport, std::optional<std::uint8_t> sub_sport) {
  namespace v = fit::sport_value;
  namespace sub = fit::sub_sport_value;
  if (!sport) return sport::kOther;
  switch (*sport) {
    case v::kRunning:
      if (sub_sport == sub::kTreadmill) return sport::kTreadmillRun;
      if (sub_sport == sub::kTrail) return sport::kTrailRun;
      if (sub_sport == sub::kTrack) return sport::kTrackRun;
      return sport::kRun;
    case v::kCycling: return sport::kRide;
    case v::kSwimming: return sport::kSwim;
    case v::kWalking: return sport::kWalk;
    case v::kHiking: return sport::kHike;
    case v::kMultisport: return sport::kMultisport;
    default: return sport::kOther;
  }
}

// FIT cadence counts one foot (strides) on foot, so steps are twice it; a bike's or a swimmer's
// cadence is pedal or arm strokes, which are not steps at all.
bool CadenceIsStrides(std::optional<std::uint8_t> sport) {
  namespace v = fit::sport_value;
  return sport == v::kRunning || sport == v::kWalking || sport == v::kHiking;
}

std::optional<double> StepsPerMinute(std::optional<double> cadence, std::optional<std::uint8_t> sport) {
  if (!cadence || !CadenceIsStrides(sport)) return std::nullopt;
  return 2 * *cadence;
}

std::string_view ManufacturerName(std::uint16_t manufacturer) {
  switch (manufacturer) {
    case fit::manufacturer::kGarmin:
    case fit::manufacturer::kGarminFr405Antfs: return "Garmin";
    case fit::manufacturer::kDynastreamOem:
    case fit::manufacturer::kDynastream: return "Dynastream";
    case fit::manufacturer::kTacx: return "Tacx";
    case 16: return "Timex";
    case 23: return "Suunto";
    case 32: return "Wahoo";
    case 95: return "Stryd";
    case 123: return "Polar";
    case 260: return "Zwift";
    case 265: return "Strava";
    case 267: return "Bryton";
    case 289: return "Hammerhead";
    case 294: return "COROS";
    case 310: return "Decathlon";
    default: return "";
  }
}

// garmin_product names for the devices in the shared sample files and a few common running
// watches; others are named by number.
std::string_view GarminProductName(std::uint16_t product) {
  switch (product) {
    case 1: return "HRM1";
    case 717: return "Forerunner 405";
    case 1018: return "Forerunner 310XT";
    case 1036: return "Edge 500";
    case 1124: return "Forerunner 110";
    case 1328: return "Forerunner 910XT";
    case 1436: return "Forerunner 70";
    case 1623: return "Forerunner 620";
    case 1632: return "Forerunner 220";
    case 1765: return "Forerunner 920XT";
    case 1967: return "fenix 2";
    case 2050: return "fenix 3";
    case 2153: return "Forerunner 225";
    case 2157: return "Forerunner 230";
    case 2431: return "Forerunner 235";
    case 2691: return "Forerunner 935";
    case 2697: return "fenix 5";
    case 2886: return "Forerunner 645";
    case 2888: return "Forerunner 645 Music";
    case 3076: return "Forerunner 245";
    case 3113: return "Forerunner 945";
    case 3290: return "fenix 6";
    case 3589: return "Forerunner 745";
    case 3869: return "Forerunner 55";
    case 3906: return "fenix 7";
    case 3992: return "Forerunner 255";
    case 4024: return "Forerunner 955";
    case 4315: return "Forerunner 965";
    case 65534: return "Connect";
    default: return "";
  }
}

std::string DeviceName(const FileId& id) {
  if (!id.manufacturer) return "";
  const std::uint16_t maker = *id.manufacturer;
  std::string name(ManufacturerName(maker));
  if (name.empty()) return "FIT manufacturer " + std::to_string(maker);
  namespace m = fit::manufacturer;
  const bool garmin_numbered = maker == m::kGarmin || maker == m::kGarminFr405Antfs || maker == m::kDynastream ||
                               maker == m::kDynastreamOem || maker == m::kTacx;
  if (garmin_numbered && id.product) {
    std::string_view product = GarminProductName(*id.product);
    return product.empty() ? name + " product " + std::to_string(*id.product) : name + " " + std::string(product);
  }
  return name;
}

std::string_view FileTypeName(std::uint8_t type) {
  switch (type) {
    case 1: return "device description";
    case 2: return "settings";
    case 3: return "sport settings";
    case 5: return "workout";
    case 6: return "course";
    case 7: return "schedule";
    case 9: return "weight";
    case 10: return "totals";
    case 11: return "goals";
    case 14: return "blood pressure";
    case 15:
    case 28:
    case 32: return "daily monitoring";
    case 34: return "segment";
    default: return "";
  }
}

// start_time, or for a writer that left it out, the end (the message's timestamp) less the
// elapsed time.
std::optional<std::uint32_t> StartOf(const Summary& summary) {
  if (summary.start_time) return summary.start_time;
  if (summary.timestamp && summary.elapsed_s && *summary.elapsed_s <= double(*summary.timestamp))
    return *summary.timestamp - std::uint32_t(std::llround(*summary.elapsed_s));
  return std::nullopt;
}

ImportedLap ToLap(const Summary& lap, std::optional<std::uint8_t> sport) {
  ImportedLap out;
  if (std::optional<std::uint32_t> start = StartOf(lap)) out.start_utc = ToSysSeconds(*start);
  out.distance_m = lap.distance_m;
  out.moving_s = lap.moving_s;
  out.elapsed_s = lap.elapsed_s;
  out.cadence_spm = StepsPerMinute(lap.cadence, sport);
  return out;
}

// The session a lap belongs to: the last one started at or before the lap (a multisport leg's
// lap starts the same second as the leg, within the previous leg's fractional elapsed time, so
// "latest start" decides where a start..start+elapsed window would not). A lap with no start is
// placed by when it was written; one before every session goes to the first.
std::size_t SessionOfLap(const Summary& lap, const std::vector<Summary>& sessions) {
  const std::optional<std::uint32_t> start_of_lap = StartOf(lap);
  const std::optional<std::uint32_t> when = start_of_lap ? start_of_lap : lap.timestamp;
  std::size_t best = 0;
  if (!when) return best;
  std::optional<std::uint32_t> best_start;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const std::optional<std::uint32_t> start = StartOf(sessions[i]);
    if (start && *start <= *when && (!best_start || *start >= *best_start)) {
      best = i;
      best_start = start;
    }
  }
  return best;
}

constexpr const char* kEndsBeforeSummary =
    "The file ends early: no summary was saved, so distance and time come from the recorded points.";

std::string DamageSentence(const Decoded& d, std::size_t file_size, bool from_records) {
  if (d.stop == Stop::kUnfinished) {
    if (from_records) return kEndsBeforeSummary;
    return "The device did not finish writing the file; everything in it was read.";
  }
  if (d.stop == Stop::kTruncated) {
    if (from_records) return kEndsBeforeSummary;
    return "The file ends early (" + std::to_string(d.missing_bytes) +
           " bytes are missing); everything before the cut was read.";
  }
  if (d.stop == Stop::kDamaged) {
    const std::string where = "byte " + std::to_string(d.stop_offset) + " of " + std::to_string(file_size);
    if (from_records)
      return "Part of the file could not be read (from " + where +
             " on) and no summary came before it, so distance and time come from the recorded points.";
    return "Part of the file could not be read: it stops making sense at " + where + ", so only what came before was used.";
  }
  if (from_records) return "The file has no summary, so distance and time come from the recorded points.";
  return "";
}

// Problems every activity of the file shares.
std::vector<std::string> FileProblems(const Decoded& d, std::size_t file_size, bool from_records,
                                      std::optional<std::uint32_t> start_time) {
  std::vector<std::string> problems;
  if (std::string damage = DamageSentence(d, file_size, from_records); !damage.empty()) problems.push_back(damage);
  // Only a complete file's checksum can be compared; a cut-short one already says so.
  if (d.checksum_mismatch && d.stop == Stop::kComplete)
    problems.push_back("The file's check sum does not match its contents, so some values may be wrong.");
  if (start_time && *start_time < fit::kFirstRealDateTime) {
    std::string sentence = "The device's clock was not set, so the start it records (" +
                           FormatDate(Date{std::chrono::floor<std::chrono::days>(ToSysSeconds(*start_time))}) +
                           ") is not the real date.";
    // Some watches kept local time while their UTC clock was unset: that tells the real day.
    if (d.activity_local_time && *d.activity_local_time >= fit::kFirstRealDateTime) {
      const auto local = ToSysSeconds(*d.activity_local_time);
      const auto day = std::chrono::floor<std::chrono::days>(local);
      const std::chrono::hh_mm_ss clock{local - day};
      char hhmm[16];
      std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", int(clock.hours().count()), int(clock.minutes().count()));
      sentence += " Its local clock read " + FormatDate(Date{day}) + " " + hhmm + " when the activity was saved.";
    }
    problems.push_back(sentence);
  }
  return problems;
}

std::optional<int> UtcOffset(const Decoded& d) {
  if (!d.activity_time || !d.activity_local_time) return std::nullopt;
  const std::int64_t offset = std::int64_t(*d.activity_local_time) - std::int64_t(*d.activity_time);
  // Time zones lie within -12 h..+14 h; anything else is a clock that was not set.
  if (offset < -12 * 3600 || offset > 14 * 3600) return std::nullopt;
  return int(offset);
}

std::string NoActivityError(const Decoded& d, std::size_t file_size) {
  const std::string prefix = "The FIT file holds no activity: ";
  if (d.file_id.type && *d.file_id.type != fit::file_type::kActivity) {
    std::string_view name = FileTypeName(*d.file_id.type);
    return prefix + (name.empty() ? "it is a FIT file of type " + std::to_string(*d.file_id.type)
                                  : "it is a " + std::string(name) + " file") +
           ", not a recorded workout.";
  }
  if (d.stop == Stop::kTruncated)
    return prefix + "it ends early (" + std::to_string(d.missing_bytes) + " bytes are missing), before any workout was saved.";
  if (d.stop == Stop::kDamaged)
    return prefix + "it is damaged from byte " + std::to_string(d.stop_offset) + " of " + std::to_string(file_size) +
           " on, before any workout was saved.";
  return prefix + "it has no workout summary and no recorded points.";
}

ImportedActivity BaseActivity(std::string_view file_name, const Decoded& d) {
  ImportedActivity a;
  a.file = std::string(file_name);
  a.format = "fit";
  a.utc_offset_s = UtcOffset(d);
  a.device = DeviceName(d.file_id);
  return a;
}

}  // namespace

ReadResult ReadFit(Bytes bytes, std::string_view file_name) {
  ReadResult result;
  if (!IsFitHeaderAt(bytes, 0)) {
    result.error = "This is not a FIT file.";
    return result;
  }
  Decoded d = DecodeFit(bytes, /*collect_records=*/false);
  if (d.sessions.empty()) d = DecodeFit(bytes, /*collect_records=*/true);

  if (!d.sessions.empty()) {
    std::vector<std::vector<const Summary*>> laps_of(d.sessions.size());
    for (const Summary& lap : d.laps) laps_of[SessionOfLap(lap, d.sessions)].push_back(&lap);
    for (std::size_t i = 0; i < d.sessions.size(); ++i) {
      const Summary& s = d.sessions[i];
      ImportedActivity a = BaseActivity(file_name, d);
      a.sport = std::string(NormalisedSport(s.sport, s.sub_sport));
      a.sport_in_file = SportInFile(s.sport);
      const std::optional<std::uint32_t> start = StartOf(s);
      if (start) a.start_utc = ToSysSeconds(*start);
      a.distance_m = s.distance_m;
      a.moving_s = s.moving_s;
      a.elapsed_s = s.elapsed_s;
      a.cadence_spm = StepsPerMinute(s.cadence, s.sport);
      for (const Summary* lap : laps_of[i]) a.laps.push_back(ToLap(*lap, s.sport));
      a.problems = FileProblems(d, bytes.size(), false, start);
      result.activities.push_back(std::move(a));
    }
    return result;
  }

  // No session: a watch that stopped before writing its summary (flat battery, crash). The
  // records still say when, how far and at what cadence. Only for activity files: a course's
  // points have timestamps too, but nobody ran them yet.
  const RecordTrail& trail = d.trail;
  const bool activity_file = !d.file_id.type || *d.file_id.type == fit::file_type::kActivity;
  if (!activity_file || !trail.first_time) {
    result.error = NoActivityError(d, bytes.size());
    return result;
  }
  std::optional<std::uint8_t> sport = d.sport;
  std::optional<std::uint8_t> sub_sport = d.sub_sport;
  for (const Summary& lap : d.laps) {
    if (!sport && lap.sport) {
      sport = lap.sport;
      sub_sport = lap.sub_sport;
    }
  }
  ImportedActivity a = BaseActivity(file_name, d);
  a.sport = std::string(NormalisedSport(sport, sub_sport));
  a.sport_in_file = SportInFile(sport);
  a.start_utc = ToSysSeconds(*trail.first_time);
  a.distance_m = trail.last_distance_m;
  if (*trail.last_time >= *trail.first_time) {
    a.elapsed_s = double(*trail.last_time - *trail.first_time);
    if (trail.timer_seen) {
      double moving = trail.timer_total_s;
      // Still running when the file ends: the last span closes at the last record.
      if (trail.timer_running_since && *trail.last_time >= *trail.timer_running_since)
        moving += double(*trail.last_time - *trail.timer_running_since);
      a.moving_s = std::min(moving, *a.elapsed_s);
    }
  }
  if (trail.cadence_count > 0) a.cadence_spm = StepsPerMinute(trail.cadence_sum / trail.cadence_count, sport);
  for (const Summary& lap : d.laps) a.laps.push_back(ToLap(lap, sport));
  a.problems = FileProblems(d, bytes.size(), true, trail.first_time);
  result.activities.push_back(std::move(a));
  return result;
}

}  // namespace sw::import
