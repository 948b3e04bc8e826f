// TCX (Garmin Training Center): activities made of laps, each with the device's own totals
// (TotalTimeSeconds = timer time, DistanceMeters) followed by its track. The device's lap totals
// are trusted over anything recomputed from the track:
//  - distance = sum of lap DistanceMeters; moving = sum of lap TotalTimeSeconds;
//  - start = first lap's StartTime (the activity <Id> when no lap has one);
//  - elapsed = the later of the last trackpoint time and the last lap's end, minus the start;
//  - cadence per lap: Extensions/LX/AvgRunCadence, else (Polar) the lap's plain <Cadence>, else the
//    mean of the lap's non-zero trackpoint TPX/RunCadence or <Cadence>; per foot in TCX, so doubled
//    for sports on foot (a bike's <Cadence> is pedal rpm and is not a step rate). The activity's
//    cadence is the lap cadences weighted by lap time.
//
// Broken XML (a file cut short, a damaged byte): pugixml stops at the first error and keeps the
// tree it built up to there. A lap counts only if its closing tag lies before the error, i.e. the
// device finished writing it: a half-written lap has a total but a cut-off track, and its figures
// cannot be told apart from a real short lap. So a broken TCX gives its complete laps plus a
// problem sentence naming the line, or an error when no lap was complete. Namespace errors that
// pugixml does not check (malformed.tcx: the root element is missing and "xsi:" is used undeclared)
// leave every lap complete; those files are read in full, with a sentence saying what is wrong.
#include <algorithm>
#include <string>
#include <vector>

#include "core/import/readers/readers.hpp"
#include "core/import/readers/sport_names.hpp"
#include "core/import/readers/text_helpers.hpp"
#include "core/import/readers/xml_helpers.hpp"

namespace sw::import {

namespace {

struct LapReading {
  ImportedLap lap;
  std::optional<Millis> start;
  std::optional<Millis> last_trackpoint;
};

std::optional<double> MeanOfNonZero(const std::vector<double>& values) {
  double sum = 0;
  std::size_t n = 0;
  for (double v : values) {
    if (v > 0 && v < 1000) {
      sum += v;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return sum / double(n);
}

// Whether the element's end tag was written before the parse error at `error_offset`.
bool ClosedBefore(const XmlDocument& xml, const pugi::xml_node& node, std::size_t error_offset) {
  std::ptrdiff_t start = node.offset_debug();
  if (start < 0) return false;
  std::string closing = std::string("</") + node.name();
  std::size_t at = xml.text.find(closing, std::size_t(start));
  return at != std::string_view::npos && at + closing.size() <= error_offset;
}

LapReading ReadLap(const pugi::xml_node& lap_node, bool counts_steps) {
  LapReading r;
  r.start = ParseIsoTime(Attribute(lap_node, "StartTime").value());
  if (r.start) r.lap.start_utc = std::chrono::floor<std::chrono::seconds>(*r.start);
  // Out-of-range totals (negative, or beyond 1,000,000 km or 31 years) are damage, not a workout.
  if (auto d = ChildNumber(lap_node, "DistanceMeters"); d && *d >= 0 && *d < 1e9) r.lap.distance_m = *d;
  if (auto t = ChildNumber(lap_node, "TotalTimeSeconds"); t && *t >= 0 && *t < 1e9) r.lap.moving_s = *t;

  std::vector<double> run_cadence, plain_cadence;
  for (pugi::xml_node track = lap_node.first_child(); track; track = track.next_sibling()) {
    if (!IsElement(track, "Track")) continue;
    for (pugi::xml_node tp = track.first_child(); tp; tp = tp.next_sibling()) {
      if (!IsElement(tp, "Trackpoint")) continue;
      if (auto t = ParseIsoTime(ChildText(tp, "Time"))) {
        if (!r.last_trackpoint || *t > *r.last_trackpoint) r.last_trackpoint = *t;
      }
      if (auto c = ChildNumber(tp, "Cadence")) plain_cadence.push_back(*c);
      if (pugi::xml_node ext = Child(tp, "Extensions")) {
        if (auto c = ParseNumber(ElementText(FindDescendant(ext, "RunCadence")))) run_cadence.push_back(*c);
      }
    }
  }
  if (!counts_steps) return r;
  std::optional<double> per_foot;
  if (pugi::xml_node ext = Child(lap_node, "Extensions")) {
    if (auto c = ParseNumber(ElementText(FindDescendant(ext, "AvgRunCadence"))); c && *c > 0) per_foot = c;
  }
  if (!per_foot) {
    if (auto c = ChildNumber(lap_node, "Cadence"); c && *c > 0) per_foot = c;
  }
  if (!per_foot) per_foot = MeanOfNonZero(run_cadence);
  if (!per_foot) per_foot = MeanOfNonZero(plain_cadence);
  if (per_foot && *per_foot < 1000) r.lap.cadence_spm = 2 * *per_foot;
  return r;
}

ImportedActivity ReadActivity(const XmlDocument& xml, const pugi::xml_node& activity, std::string_view file_name,
                              std::string_view author, std::size_t& incomplete_laps) {
  ImportedActivity a;
  a.file = std::string(file_name);
  a.format = "tcx";
  a.sport_in_file = std::string(TrimText(Attribute(activity, "Sport").value()));
  a.sport = NormaliseSport(a.sport_in_file);
  if (a.sport_in_file.empty()) a.problems.push_back("The file does not say which sport this was.");
  a.device = std::string(ChildText(Child(activity, "Creator"), "Name"));
  if (a.device.empty()) a.device = std::string(author);
  bool counts_steps = CountsSteps(a.sport);

  std::vector<LapReading> laps;
  for (pugi::xml_node lap = activity.first_child(); lap; lap = lap.next_sibling()) {
    if (!IsElement(lap, "Lap")) continue;
    if (xml.broken && !ClosedBefore(xml, lap, xml.error_offset)) {
      ++incomplete_laps;
      continue;
    }
    laps.push_back(ReadLap(lap, counts_steps));
  }

  std::optional<Millis> start = laps.empty() ? std::nullopt : laps.front().start;
  if (!start) start = ParseIsoTime(ChildText(activity, "Id"));
  if (start) a.start_utc = std::chrono::floor<std::chrono::seconds>(*start);

  double distance = 0, moving = 0, cadence_weighted = 0, cadence_weight = 0;
  bool any_distance = false, any_time = false;
  std::optional<Millis> end;  // the latest instant the laps account for
  for (std::size_t i = 0; i < laps.size(); ++i) {
    LapReading& r = laps[i];
    if (r.lap.distance_m) {
      distance += *r.lap.distance_m;
      any_distance = true;
    }
    if (r.lap.moving_s) {
      moving += *r.lap.moving_s;
      any_time = true;
    }
    if (r.lap.cadence_spm) {
      double w = r.lap.moving_s && *r.lap.moving_s > 0 ? *r.lap.moving_s : 1.0;
      cadence_weighted += *r.lap.cadence_spm * w;
      cadence_weight += w;
    }
    std::optional<Millis> lap_end = r.last_trackpoint;
    if (r.start && r.lap.moving_s) {
      Millis by_timer = *r.start + std::chrono::milliseconds{static_cast<long long>(*r.lap.moving_s * 1000)};
      if (!lap_end || by_timer > *lap_end) lap_end = by_timer;
    }
    if (lap_end && (!end || *lap_end > *end)) end = lap_end;
    // A lap's wall-clock time runs to the next lap's start (the last lap: to its last point).
    std::optional<Millis> next = i + 1 < laps.size() ? laps[i + 1].start : r.last_trackpoint;
    if (r.start && next && *next >= *r.start) r.lap.elapsed_s = SecondsBetween(*r.start, *next);
    a.laps.push_back(r.lap);
  }
  if (any_distance) a.distance_m = distance;
  if (any_time) a.moving_s = moving;
  if (start && end && *end >= *start) {
    a.elapsed_s = SecondsBetween(*start, *end);
  } else if (any_time) {
    a.elapsed_s = moving;
  }
  if (cadence_weight > 0) a.cadence_spm = cadence_weighted / cadence_weight;
  if (laps.empty()) a.problems.push_back("The activity has no laps, so its distance and duration are unknown.");
  return a;
}

ReadResult ReadTcxText(Bytes bytes, std::string_view file_name) {
  ReadResult result;
  XmlDocument xml;
  if (std::string error = LoadXml(bytes, file_name, xml); !error.empty()) {
    result.error = std::move(error);
    return result;
  }
  pugi::xml_node root = xml.document.document_element();
  std::string_view root_name = LocalName(root);
  // A TCX whose root element went missing (malformed.tcx starts at <Activities>) is still read.
  bool root_missing = root_name == "Activities" || root_name == "Activity";
  if (root_name != "TrainingCenterDatabase" && !root_missing) {
    result.error = std::string(file_name) + " is not a TCX file (its root element is <" + root.name() +
                   ">, not <TrainingCenterDatabase>).";
    return result;
  }
  std::string author = std::string(ChildText(Child(root, "Author"), "Name"));

  // Every <Activity>, also those inside a MultiSportSession; Courses and Workouts are plans.
  std::vector<pugi::xml_node> activity_nodes;
  if (root_name == "Activity") {
    activity_nodes.push_back(root);
  } else {
    ForEachElement(xml.document, [&](const pugi::xml_node& node) {
      std::string_view name = LocalName(node);
      if (name == "Activity") {
        activity_nodes.push_back(node);
        return false;
      }
      return name != "Courses" && name != "Workouts" && name != "Author" && name != "Folders";
    });
  }

  std::size_t incomplete_laps = 0;
  for (const pugi::xml_node& node : activity_nodes) {
    ImportedActivity a = ReadActivity(xml, node, file_name, author, incomplete_laps);
    if (xml.broken && a.laps.empty()) continue;  // nothing of it was finished before the break
    result.activities.push_back(std::move(a));
  }

  if (result.activities.empty()) {
    if (xml.broken) {
      result.error = std::string(file_name) + " is not well-formed XML (line " + std::to_string(xml.error_line) +
                     "): " + xml.error_description + ".";
    } else {
      result.error = std::string(file_name) + " holds no activity (a TCX course or workout is a plan, not a "
                                              "recorded activity).";
    }
    return result;
  }

  std::size_t laps = 0;
  for (const auto& a : result.activities) laps += a.laps.size();
  auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string damage;
  if (xml.broken) {
    damage = "The file is damaged or cut short at line " + std::to_string(xml.error_line) + " (" +
             xml.error_description + "): ";
    damage += incomplete_laps == 0
                  ? "its " + count(laps, "lap was", "laps were") + " complete before that point and read."
                  : std::to_string(laps) + " of its " + std::to_string(laps + incomplete_laps) + " laps " +
                        (laps == 1 ? "was" : "were") + " complete before that point and read; the unfinished " +
                        (incomplete_laps == 1 ? "one was" : "ones were") + " left out.";
  } else {
    std::vector<std::string> faults;
    if (std::string unbound = FirstUnboundPrefix(xml); !unbound.empty()) faults.push_back(unbound);
    if (root_missing) faults.push_back("its <TrainingCenterDatabase> root element is missing");
    if (!faults.empty()) {
      damage = "The file is not well-formed TCX: " + faults[0];
      for (std::size_t i = 1; i < faults.size(); ++i) damage += (i + 1 == faults.size() ? ", and " : ", ") + faults[i];
      damage += laps == 1 ? ". Its one lap is complete, so it was read as written."
                          : ". Its " + std::to_string(laps) + " laps are complete, so they were read as written.";
    }
  }
  if (!damage.empty()) {
    for (auto& a : result.activities) a.problems.push_back(damage);
  }
  return result;
}

}  // namespace

ReadResult ReadTcx(Bytes bytes, std::string_view file_name) {
  ReadResult result = ReadTcxText(bytes, file_name);
  MakeTextValid(result);
  return result;
}

}  // namespace sw::import
