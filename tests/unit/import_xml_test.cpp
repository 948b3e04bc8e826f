// GPX and TCX readers against the shared real files and truth.json (an independent reading with
// Python's xml.etree; see its "_method"), plus damaged and hand-made files for the rules.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>

#include "core/import/readers/readers.hpp"
#include "import_test_files.hpp"
#include "core/model/dates.hpp"

using nlohmann::json;
using namespace sw::import;
using namespace sw::test;

namespace {

std::string Trimmed(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

bool HasProblem(const ImportedActivity& a, const std::string& part) {
  for (const auto& p : a.problems) {
    if (p.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("GPX files read as truth.json found them", "[import]") {
  const std::map<std::string, std::string> sports = {{"strava_export.gpx", "run"},
                                                     {"run.gpx", "run"},
                                                     {"activity_5039744860.gpx", "ride"},
                                                     {"cerknicko-without-times.gpx", "other"}};
  int files = 0;
  for (const auto& [name, t] : Truth()["files"].items()) {
    if (t["format"] != "gpx") continue;
    ++files;
    INFO(name);
    auto bytes = ReadBytes(DataDir() + name);
    ReadResult r = ReadGpx(bytes, name);
    REQUIRE(r.error.empty());
    REQUIRE(r.activities.size() == 1);
    const ImportedActivity& a = r.activities[0];
    CHECK(a.format == "gpx");
    CHECK(a.file == name);
    CHECK(a.sport == sports.at(name));
    CHECK(a.device == t["creator"].get<std::string>());
    CHECK(a.name == Trimmed(t["trk_name"].get<std::string>()));
    REQUIRE(a.distance_m);
    CHECK(*a.distance_m == Approx(t["distance_m_haversine"].get<double>()).epsilon(0.005));
    CHECK(a.laps.empty());
    if (t["trkpts_with_time"].get<int>() * 2 >= t["num_trkpts"].get<int>()) {
      REQUIRE(a.start_utc);
      CHECK(*a.start_utc == At(t["first_time"]));
      REQUIRE(a.elapsed_s);
      CHECK(*a.elapsed_s == Approx(t["elapsed_s_first_to_last"].get<double>()));
      REQUIRE(a.moving_s);
      CHECK(*a.moving_s <= *a.elapsed_s);
      CHECK(*a.moving_s > 0.8 * *a.elapsed_s);  // these are continuous workouts
    } else {
      // cerknicko: 5 of 296 points timed, all at the very end of the last track.
      CHECK_FALSE(a.start_utc);
      CHECK_FALSE(a.elapsed_s);
      CHECK_FALSE(a.moving_s);
      CHECK(HasProblem(a, "so its date and duration are unknown"));
    }
    if (!t["cad_mean_nonzero"].is_null() && a.sport == "run") {
      REQUIRE(a.cadence_spm);
      CHECK(*a.cadence_spm == Approx(2 * t["cad_mean_nonzero"].get<double>()).epsilon(0.005));
    } else {
      CHECK_FALSE(a.cadence_spm);  // none in the file, or a bike's rpm
    }
  }
  CHECK(files == 4);
}

TEST_CASE("A GPX track without times says so and keeps its distance", "[import]") {
  std::string text(reinterpret_cast<const char*>(ReadBytes(DataDir() + "run.gpx").data()),
                   ReadBytes(DataDir() + "run.gpx").size());
  std::string untimed = std::regex_replace(text, std::regex("<time>[^<]*</time>"), "");
  ReadResult r = ReadGpx(FromText(untimed), "untimed.gpx");
  REQUIRE(r.activities.size() == 1);
  const ImportedActivity& a = r.activities[0];
  CHECK(a.problems == std::vector<std::string>{"The track has no times, so its date and duration are unknown."});
  CHECK_FALSE(a.start_utc);
  CHECK_FALSE(a.moving_s);
  CHECK_FALSE(a.elapsed_s);
  CHECK(*a.distance_m == Approx(4806.84).epsilon(0.001));
}

TEST_CASE("GPX moving time leaves out stops, and the sport and cadence come from any prefix", "[import]") {
  // 0.0001 deg of latitude ~ 11.1 m. Moving 11 m/s... kept simple: 10 s moving, 60 s standing,
  // 10 s moving (0.5 m/s is the threshold).
  std::string gpx = R"(<?xml version="1.0"?>
<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1" xmlns:x="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" creator="Hand">
 <g:trk><g:name>Intervals</g:name><g:type>running</g:type><g:trkseg>
  <g:trkpt lat="52.0000" lon="4.0"><g:time>2024-05-01T06:00:00Z</g:time><g:extensions><x:TrackPointExtension><x:cad>80</x:cad></x:TrackPointExtension></g:extensions></g:trkpt>
  <g:trkpt lat="52.0003" lon="4.0"><g:time>2024-05-01T06:00:10Z</g:time><g:extensions><x:TrackPointExtension><x:cad>90</x:cad></x:TrackPointExtension></g:extensions></g:trkpt>
  <g:trkpt lat="52.0003" lon="4.0"><g:time>2024-05-01T06:01:10Z</g:time><g:extensions><x:TrackPointExtension><x:cad>0</x:cad></x:TrackPointExtension></g:extensions></g:trkpt>
  <g:trkpt lat="52.0006" lon="4.0"><g:time>2024-05-01T06:01:20+00:00</g:time></g:trkpt>
 </g:trkseg><g:trkseg>
  <g:trkpt lat="52.0100" lon="4.0"><g:time>2024-05-01T06:05:00Z</g:time></g:trkpt>
  <g:trkpt lat="52.0103" lon="4.0"><g:time>2024-05-01T06:05:10Z</g:time></g:trkpt>
 </g:trkseg></g:trk></g:gpx>)";
  ReadResult r = ReadGpx(FromText(gpx), "hand.gpx");
  REQUIRE(r.activities.size() == 1);
  const ImportedActivity& a = r.activities[0];
  CHECK(a.problems.empty());
  CHECK(a.sport == "run");
  CHECK(a.sport_in_file == "running");
  CHECK(a.name == "Intervals");
  CHECK(a.device == "Hand");
  CHECK(*a.start_utc == At("2024-05-01T06:00:00Z"));
  CHECK(*a.elapsed_s == Approx(310));  // first to last point, the gap between segments included
  CHECK(*a.moving_s == Approx(30));    // three 10 s stretches; the stop and the segment gap left out
  CHECK(*a.distance_m == Approx(3 * 33.36).epsilon(0.01));  // segments not joined
  CHECK(*a.cadence_spm == Approx(170));  // mean of 80 and 90 (0 left out), doubled
}

TEST_CASE("A GPX without a sport, a cut-short GPX and XML that is not GPX", "[import]") {
  std::string gpx = R"(<gpx creator="x"><trk><trkseg><trkpt lat="1" lon="1"><time>2024-05-01T06:00:00Z</time></trkpt>
<trkpt lat="1.001" lon="1"><time>2024-05-01T06:01:00Z</time></trkpt></trkseg></trk></gpx>)";
  ReadResult plain = ReadGpx(FromText(gpx), "a.gpx");
  REQUIRE(plain.activities.size() == 1);
  CHECK(plain.activities[0].sport == "other");
  CHECK(plain.activities[0].problems == std::vector<std::string>{"The file does not say which sport this was."});

  auto bytes = ReadBytes(DataDir() + "strava_export.gpx");
  bytes.resize(200000);
  ReadResult cut = ReadGpx(bytes, "strava_export.gpx");
  REQUIRE(cut.activities.size() == 1);
  CHECK(HasProblem(cut.activities[0], "The file is damaged or cut short at line"));
  CHECK(*cut.activities[0].distance_m < 12594.65);

  ReadResult tcx = ReadGpx(ReadBytes(DataDir() + "run.tcx"), "run.tcx");
  CHECK(tcx.activities.empty());
  CHECK(tcx.error == "run.tcx is not a GPX file (its root element is <TrainingCenterDatabase>, not <gpx>).");
  CHECK(ReadGpx(FromText("<gpx><wpt lat=\"1\" lon=\"2\"/></gpx>"), "w.gpx").error ==
        "w.gpx has no track points: a GPX route or a list of waypoints is a plan, not a recorded activity.");
  CHECK(ReadGpx(FromText("<gpx><trk>"), "c.gpx").error == "c.gpx is not well-formed XML (line 1): start-end tags mismatch.");
  CHECK(ReadGpx(FromText("not xml"), "n.gpx").error == "n.gpx is not an XML file (it holds no XML elements).");
  CHECK(ReadGpx(FromText(" \n"), "e.gpx").error == "e.gpx is empty.");
}

TEST_CASE("TCX files read as truth.json found them", "[import]") {
  int files = 0;
  for (const auto& [name, t] : Truth()["files"].items()) {
    if (t["format"] != "tcx" || !t["well_formed_xml"].get<bool>()) continue;
    ++files;
    INFO(name);
    ReadResult r = ReadTcx(ReadBytes(DataDir() + name), name);
    REQUIRE(r.error.empty());
    REQUIRE(r.activities.size() == 1);
    const ImportedActivity& a = r.activities[0];
    CHECK(a.problems.empty());
    CHECK(a.format == "tcx");
    CHECK(a.sport == "run");
    CHECK(a.sport_in_file == t["sport"].get<std::string>());
    CHECK(a.device == t["creator_name"].get<std::string>());
    CHECK(a.laps.size() == t["num_laps"].get<std::size_t>());
    REQUIRE(a.start_utc);
    CHECK(*a.start_utc == At(t["lap_start_time_first"]));
    REQUIRE(a.distance_m);
    CHECK(*a.distance_m == Approx(t["sum_lap_distance_m"].get<double>()).epsilon(0.005));
    REQUIRE(a.moving_s);
    CHECK(*a.moving_s == Approx(t["sum_lap_total_time_s"].get<double>()));
    REQUIRE(a.elapsed_s);
    CHECK(*a.elapsed_s >= t["elapsed_s_first_to_last_trackpoint"].get<double>() - 0.01);
    CHECK(*a.elapsed_s <= t["elapsed_s_first_to_last_trackpoint"].get<double>() + 2);
    if (!t["lap_AvgRunCadence"].is_null()) {
      REQUIRE(a.cadence_spm);
      CHECK(*a.cadence_spm == Approx(2 * t["lap_AvgRunCadence_time_weighted"].get<double>()).epsilon(0.005));
      for (std::size_t i = 0; i < a.laps.size(); ++i) {
        CHECK(*a.laps[i].cadence_spm == Approx(2 * t["lap_AvgRunCadence"][i].get<double>()));
      }
    } else if (!t["Cadence_mean_nonzero"].is_null()) {  // Polar: running cadence in plain <Cadence>
      REQUIRE(a.cadence_spm);
      CHECK(*a.cadence_spm == Approx(2 * t["Cadence_mean_nonzero"].get<double>()).epsilon(0.005));
    } else {
      CHECK_FALSE(a.cadence_spm);
    }
  }
  CHECK(files == 3);
}

TEST_CASE("malformed.tcx: every lap is read, and the sentence says what is wrong", "[import]") {
  const json& fallback = Truth()["files"]["malformed.tcx"]["regex_fallback"];
  ReadResult r = ReadTcx(ReadBytes(DataDir() + "malformed.tcx"), "malformed.tcx");
  REQUIRE(r.activities.size() == 1);
  const ImportedActivity& a = r.activities[0];
  CHECK(a.sport_in_file == fallback["sport"].get<std::string>());
  CHECK(a.laps.size() == fallback["num_laps"].get<std::size_t>());
  CHECK(*a.distance_m == Approx(fallback["sum_lap_distance_m"].get<double>()));
  CHECK(*a.moving_s == Approx(fallback["sum_lap_total_time_s"].get<double>()));
  CHECK(*a.start_utc == At("2012-12-26T21:29:53Z"));
  CHECK(a.device == "Forerunner 410 Software Version 2.20");
  CHECK(a.problems ==
        std::vector<std::string>{"The file is not well-formed TCX: the prefix \"xsi\" is not declared (line 4653), "
                                 "and its <TrainingCenterDatabase> root element is missing. Its 3 laps are complete, "
                                 "so they were read as written."});
}

TEST_CASE("A TCX cut short keeps the laps finished before the break", "[import]") {
  auto bytes = ReadBytes(DataDir() + "run_garmin.tcx");
  auto cut = bytes;
  cut.resize(100000);  // inside the third lap's track
  ReadResult r = ReadTcx(cut, "run_garmin.tcx");
  REQUIRE(r.activities.size() == 1);
  const ImportedActivity& a = r.activities[0];
  CHECK(a.laps.size() == 2);
  CHECK(*a.distance_m == Approx(2000));
  CHECK(*a.moving_s == Approx(390 + 372));
  REQUIRE(a.problems.size() == 1);
  CHECK(a.problems[0].rfind("The file is damaged or cut short at line ", 0) == 0);
  CHECK(a.problems[0].find("2 of its 3 laps were complete before that point and read; the unfinished one was left out.") !=
        std::string::npos);

  cut.resize(3000);  // inside the first lap
  ReadResult none = ReadTcx(cut, "run_garmin.tcx");
  CHECK(none.activities.empty());
  CHECK(std::regex_match(none.error, std::regex(R"(run_garmin\.tcx is not well-formed XML \(line \d+\): .+\.)")));

  CHECK(ReadTcx(ReadBytes(DataDir() + "run.gpx"), "run.gpx").error ==
        "run.gpx is not a TCX file (its root element is <gpx>, not <TrainingCenterDatabase>).");
}

TEST_CASE("TCX: biking has no step cadence, several activities each count, courses are not workouts", "[import]") {
  std::string tcx = R"(<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
 <Activities>
  <Activity Sport="Biking"><Id>2024-05-01T06:00:00Z</Id>
   <Lap StartTime="2024-05-01T06:00:00Z"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters><Cadence>85</Cadence></Lap>
  </Activity>
  <Activity Sport="Other"><Id>2024-05-02T06:00:00Z</Id></Activity>
 </Activities>
 <Courses><Course><Lap><TotalTimeSeconds>1</TotalTimeSeconds></Lap></Course></Courses>
</TrainingCenterDatabase>)";
  ReadResult r = ReadTcx(FromText(tcx), "two.tcx");
  REQUIRE(r.activities.size() == 2);
  CHECK(r.activities[0].sport == "ride");
  CHECK_FALSE(r.activities[0].cadence_spm);
  CHECK(*r.activities[0].elapsed_s == Approx(600));
  CHECK(r.activities[1].sport == "other");
  CHECK(*r.activities[1].start_utc == At("2024-05-02T06:00:00Z"));  // from <Id>: no laps
  CHECK(r.activities[1].problems ==
        std::vector<std::string>{"The activity has no laps, so its distance and duration are unknown."});
}

TEST_CASE("GPX text in Latin-1: declared is converted, undeclared bytes become U+FFFD", "[import]") {
  const std::string body = "<gpx creator=\"M\xfcller GPS\"><trk><name>Caf\xe9 run</name><type>running</type><trkseg>"
                           "<trkpt lat=\"1\" lon=\"1\"><time>2024-05-01T06:00:00Z</time></trkpt></trkseg></trk></gpx>";
  ReadResult declared = ReadGpx(FromText("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body), "a.gpx");
  REQUIRE(declared.activities.size() == 1);
  CHECK(declared.activities[0].name == "Caf\xC3\xA9 run");
  CHECK(declared.activities[0].device == "M\xC3\xBCller GPS");
  ReadResult undeclared = ReadGpx(FromText(body), "b.gpx");
  REQUIRE(undeclared.activities.size() == 1);
  CHECK(undeclared.activities[0].name == "Caf\xEF\xBF\xBD run");
  CHECK_NOTHROW(ActivityToJson(undeclared.activities[0], nullptr).dump());
}
