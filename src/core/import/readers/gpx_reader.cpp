// GPX: a track of points (position, time, sometimes cadence in a Garmin TrackPointExtension).
// GPX has no summary, so everything is computed from the points:
//  - distance: haversine between consecutive points of each <trkseg>, R = 6371008.8 m, elevation
//    ignored, segments not joined (a new segment means the recording was paused or lost);
//  - start: the first point's time; elapsed: last time - first time;
//  - moving time: the gaps between consecutive timed points of a segment in which the runner
//    covered at least 0.5 m/s on average. A stop at a crossing (speed ~0) does not count; a gap
//    over which the runner kept going (a dropout, a smart-recording pause) does, whatever its
//    length; time between segments never counts. 0.5 m/s is below the slowest hiking pace and
//    above what GPS drift adds to a runner standing still over a few seconds;
//  - cadence: the mean of the non-zero <cad> values, doubled for sports on foot (per-foot in GPX).
#include <cmath>
#include <string>
#include <vector>

#include "core/import/readers/readers.hpp"
#include "core/import/readers/sport_names.hpp"
#include "core/import/readers/text_helpers.hpp"
#include "core/import/readers/xml_helpers.hpp"

namespace sw::import {

namespace {

constexpr double kEarthRadiusM = 6371008.8;  // IUGG mean radius, as truth.json's method
constexpr double kMovingSpeedMps = 0.5;

double HaversineM(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  a = std::fmin(1.0, std::fmax(0.0, a));
  return 2 * kEarthRadiusM * std::asin(std::sqrt(a));
}

// Strava writes its activity type as a number in GPX exports; only the two the shared files and
// Strava's documentation agree on are mapped, others stay "other" with the number kept for review.
std::string SportFromType(std::string_view type) {
  if (type == "9") return std::string(sport::kRun);
  if (type == "1") return std::string(sport::kRide);
  return NormaliseSport(type);
}

struct Point {
  double lat = 0, lon = 0;
  std::optional<Millis> time;
};

ReadResult ReadGpxText(Bytes bytes, std::string_view file_name) {
  ReadResult result;
  XmlDocument xml;
  if (std::string error = LoadXml(bytes, file_name, xml); !error.empty()) {
    result.error = std::move(error);
    return result;
  }
  pugi::xml_node root = xml.document.document_element();
  if (LocalName(root) != "gpx") {
    result.error = std::string(file_name) + " is not a GPX file (its root element is <" + root.name() + ">, not <gpx>).";
    return result;
  }

  ImportedActivity a;
  a.file = std::string(file_name);
  a.format = "gpx";
  a.device = std::string(TrimText(Attribute(root, "creator").value()));

  std::vector<std::vector<Point>> segments;
  std::size_t points = 0, timed = 0, bad_positions = 0;
  double cadence_sum = 0;
  std::size_t cadence_count = 0;
  pugi::xml_node first_track;
  for (pugi::xml_node trk = root.first_child(); trk; trk = trk.next_sibling()) {
    if (!IsElement(trk, "trk")) continue;
    if (!first_track) first_track = trk;
    for (pugi::xml_node seg = trk.first_child(); seg; seg = seg.next_sibling()) {
      if (!IsElement(seg, "trkseg")) continue;
      std::vector<Point>& segment = segments.emplace_back();
      for (pugi::xml_node pt = seg.first_child(); pt; pt = pt.next_sibling()) {
        if (!IsElement(pt, "trkpt")) continue;
        ++points;
        auto lat = ParseNumber(Attribute(pt, "lat").value());
        auto lon = ParseNumber(Attribute(pt, "lon").value());
        if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
          ++bad_positions;
          continue;
        }
        Point p{*lat, *lon, ParseIsoTime(ChildText(pt, "time"))};
        if (p.time) ++timed;
        segment.push_back(p);
        // Cadence sits in <extensions><gpxtpx:TrackPointExtension><gpxtpx:cad> (any prefix);
        // some writers put <cad> straight under <extensions>.
        if (pugi::xml_node ext = Child(pt, "extensions")) {
          if (pugi::xml_node cad = FindDescendant(ext, "cad")) {
            if (auto value = ParseNumber(ElementText(cad)); value && *value > 0 && *value < 1000) {
              cadence_sum += *value;
              ++cadence_count;
            }
          }
        }
      }
    }
  }
  if (points == 0) {
    result.error = xml.broken ? std::string(file_name) + " is not well-formed XML (line " +
                                    std::to_string(xml.error_line) + "): " + xml.error_description + "."
                              : std::string(file_name) +
                                    " has no track points: a GPX route or a list of waypoints is a plan, "
                                    "not a recorded activity.";
    return result;
  }
  if (points == bad_positions) {
    result.error = std::string(file_name) + " has no track point with a valid position.";
    return result;
  }

  // Title and sport: the track's own, else the file's metadata (GPX 1.1) or top-level name (1.0).
  a.name = std::string(ChildText(first_track, "name"));
  if (a.name.empty()) a.name = std::string(ChildText(Child(root, "metadata"), "name"));
  if (a.name.empty()) a.name = std::string(ChildText(root, "name"));
  a.sport_in_file = std::string(ChildText(first_track, "type"));
  if (!a.sport_in_file.empty()) {
    a.sport = SportFromType(a.sport_in_file);
  } else {
    // No <type>: some watches (TomTom) name the track after the sport ("Running"). Only a name that
    // is exactly a sport word counts; "Morning Run" says nothing reliable.
    std::string from_name = NormaliseSport(ChildText(first_track, "name"));
    if (from_name != sport::kOther) {
      a.sport = from_name;
      a.sport_in_file = std::string(ChildText(first_track, "name"));
    } else {
      a.sport = std::string(sport::kOther);
      a.problems.push_back("The file does not say which sport this was.");
    }
  }

  double distance = 0, moving = 0;
  std::optional<Millis> first_time, last_time;
  bool backwards = false;
  for (const std::vector<Point>& segment : segments) {
    std::optional<Millis> previous_time;
    double since_previous_time_m = 0;  // distance covered since the previous timed point
    for (std::size_t i = 0; i < segment.size(); ++i) {
      if (i > 0) {
        double step = HaversineM(segment[i - 1].lat, segment[i - 1].lon, segment[i].lat, segment[i].lon);
        distance += step;
        since_previous_time_m += step;
      }
      if (!segment[i].time) continue;
      Millis t = *segment[i].time;
      if (!first_time) first_time = t;
      if (last_time && t < *last_time) backwards = true;
      last_time = t;
      if (previous_time) {
        double dt = SecondsBetween(*previous_time, t);
        if (dt > 0 && since_previous_time_m / dt >= kMovingSpeedMps) moving += dt;
      }
      previous_time = t;
      since_previous_time_m = 0;
    }
  }
  a.distance_m = distance;

  // Times on only a few points (a GPS that lost its clock) would date and time a fragment of the
  // track as if it were the whole; fewer than half the points timed counts as no times.
  if (timed == 0 || timed * 2 < points) {
    a.problems.push_back(timed == 0 ? "The track has no times, so its date and duration are unknown."
                                    : "The track has no times (only " + std::to_string(timed) + " of its " +
                                          std::to_string(points) +
                                          " points have one), so its date and duration are unknown.");
  } else {
    a.start_utc = std::chrono::floor<std::chrono::seconds>(*first_time);
    if (backwards) {
      a.problems.push_back("The track's times go backwards in places, so its duration is unknown.");
    } else {
      a.elapsed_s = SecondsBetween(*first_time, *last_time);
      a.moving_s = moving;
    }
  }
  if (cadence_count > 0 && CountsSteps(a.sport)) a.cadence_spm = 2 * cadence_sum / double(cadence_count);
  if (bad_positions > 0) {
    a.problems.push_back(std::to_string(bad_positions) + " track point" + (bad_positions == 1 ? " has" : "s have") +
                         " no valid position and " + (bad_positions == 1 ? "was" : "were") + " left out.");
  }
  if (xml.broken) {
    // A broken GPX keeps the points read before the break: each point is complete in itself.
    a.problems.push_back("The file is damaged or cut short at line " + std::to_string(xml.error_line) + " (" +
                         xml.error_description + "): only the " + std::to_string(points) +
                         " track points before that were read.");
  } else if (std::string unbound = FirstUnboundPrefix(xml); !unbound.empty()) {
    a.problems.push_back("The file is not well-formed GPX (" + unbound + "); it was read as written.");
  }
  result.activities.push_back(std::move(a));
  return result;
}

}  // namespace

ReadResult ReadGpx(Bytes bytes, std::string_view file_name) {
  ReadResult result = ReadGpxText(bytes, file_name);
  MakeTextValid(result);
  return result;
}

}  // namespace sw::import
