// Strava's activities.csv and Garmin Connect's Activities.csv: the shared real and synthetic
// Strava exports against truth.json, a small Garmin export written for these tests
// (fixtures/import/garmin_activities.csv), and hand-made CSV for quoting, units and languages.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "core/import/readers/readers.hpp"
#include "import_test_files.hpp"
#include "core/import/readers/strava_csv.hpp"
#include "core/model/dates.hpp"

using nlohmann::json;
using namespace sw::import;
using namespace sw::test;

namespace {

std::chrono::local_seconds Local(const char* iso) {
  return std::chrono::local_seconds{At(iso).time_since_epoch()};
}

}  // namespace

TEST_CASE("Strava activities.csv files: run totals as truth.json counted them", "[import]") {
  for (const char* name : {"strava_activities_JoBoSo.csv", "strava_activities_athlytics_synthetic.csv"}) {
    INFO(name);
    const json& t = Truth()["files"][name];
    ReadResult r = ReadStravaCsv(ReadBytes(DataDir() + name), name);
    REQUIRE(r.error.empty());
    CHECK(r.skipped.empty());
    CHECK(r.activities.size() == t["num_rows"].get<std::size_t>());
    std::size_t runs = 0;
    double distance = 0, elapsed = 0, moving = 0;
    for (const ImportedActivity& a : r.activities) {
      CHECK(a.format == "strava_csv");
      CHECK(a.device == "Strava export");
      CHECK(a.start_utc);
      CHECK(a.problems.empty());
      if (a.sport_in_file != "Run") continue;
      CHECK(a.sport == "run");
      ++runs;
      distance += a.distance_m.value_or(0);
      elapsed += a.elapsed_s.value_or(0);
      moving += a.moving_s.value_or(0);
    }
    CHECK(runs == t["runs"].get<std::size_t>());
    // The real export's 2nd Distance column is metres; the synthetic file's only one is metres too.
    double truth_m = t.contains("runs_sum_distance_col2_m") ? t["runs_sum_distance_col2_m"].get<double>()
                                                            : t["runs_sum_distance_col1"].get<double>();
    CHECK(distance == Approx(truth_m).epsilon(0.005));
    CHECK(elapsed == Approx(t["runs_sum_elapsed_time_s"].get<double>()));
    CHECK(moving == Approx(t["runs_sum_moving_time_s"].get<double>()));

    const json& first = t["first_run_row"];
    auto run = std::find_if(r.activities.begin(), r.activities.end(),
                            [](const ImportedActivity& a) { return a.sport_in_file == "Run"; });
    REQUIRE(run != r.activities.end());
    CHECK(run->name == first["Activity Name"].get<std::string>());
    CHECK(run->start_utc == ParseStravaDate(first["Activity Date"].get<std::string>()));
    CHECK(*run->elapsed_s == Approx(std::stod(first["Elapsed Time"].get<std::string>())));
  }
  ReadResult real = ReadStravaCsv(ReadBytes(DataDir() + "strava_activities_JoBoSo.csv"), "activities.csv");
  auto first_run = std::find_if(real.activities.begin(), real.activities.end(),
                                [](const ImportedActivity& a) { return a.sport == "run"; });
  CHECK(*first_run->start_utc == At("2016-10-10T20:55:48Z"));  // "Oct 10, 2016, 8:55:48 PM", UTC
  CHECK(*first_run->distance_m == Approx(6639.39990234375));  // the metres column, not "6.64"
}

TEST_CASE("Strava dates: English month names, 12-hour clock, UTC", "[import]") {
  CHECK(ParseStravaDate("Aug 24, 2025, 5:35:12 PM") == At("2025-08-24T17:35:12Z"));
  CHECK(ParseStravaDate("Oct 02, 2024, 8:35:00 AM") == At("2024-10-02T08:35:00Z"));
  CHECK(ParseStravaDate("Jan 1, 2024, 12:05:00 AM") == At("2024-01-01T00:05:00Z"));
  CHECK(ParseStravaDate("Jan 1, 2024, 12:05:00 PM") == At("2024-01-01T12:05:00Z"));
  CHECK(ParseStravaDate("September 3, 2023, 23:10:00") == At("2023-09-03T23:10:00Z"));
  CHECK(ParseStravaDate("3 Sep 2023, 23:10:00") == At("2023-09-03T23:10:00Z"));
  CHECK(ParseStravaDate("2023-09-03 23:10:00") == At("2023-09-03T23:10:00Z"));
  CHECK_FALSE(ParseStravaDate("Feb 30, 2024, 1:00:00 PM"));
  CHECK_FALSE(ParseStravaDate("Foo 3, 2024, 1:00:00 PM"));
  CHECK_FALSE(ParseStravaDate("Jan 1, 2024, 13:00:00 PM"));
  CHECK_FALSE(ParseStravaDate(""));
}

TEST_CASE("Strava CSV: quoting, BOM, HTML headers, cadence, unreadable rows", "[import]") {
  std::string csv =
      "\xEF\xBB\xBF"
      "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
      "<span class=\"translation_missing\" title=\"translation missing: en-US.x\">Total Steps</span>,Filename,"
      "Elapsed Time,Moving Time,Distance,Average Cadence\r\n"
      "1,\"Aug 24, 2025, 5:35:12 PM\",\"Run, then \"\"coffee\"\"\",Run,\"two\r\nlines\",1800,5.01,5000,"
      "activities/1.fit.gz,1800.0,1750.0,5012.5,84.5\r\n"
      "\r\n"
      "2,\"Aug 25, 2025, 6:00:00 AM\",Spin,Ride,,3600,30.0,,activities/2.gpx,3600.0,3500.0,30000.0,90\r\n"
      "3,yesterday,Lost,Run,,100,1.0,,,100.0,100.0,1000.0,\r\n"
      "4,\"Aug 26, 2025, 6:00:00 AM\",Treadmill,Virtual Run,,1200,3.0,,,,1190,3000,80";  // no final newline
  StravaCsvRows rows = ReadStravaCsvRows(FromText(csv), "activities.csv");
  REQUIRE(rows.error.empty());
  REQUIRE(rows.rows.size() == 3);
  const ImportedActivity& run = rows.rows[0].activity;
  CHECK(run.name == "Run, then \"coffee\"");
  CHECK(*run.start_utc == At("2025-08-24T17:35:12Z"));
  CHECK(*run.distance_m == Approx(5012.5));
  CHECK(*run.elapsed_s == Approx(1800));
  CHECK(*run.moving_s == Approx(1750));
  CHECK(*run.cadence_spm == Approx(169));  // per foot in the file
  CHECK(rows.rows[0].filename == "activities/1.fit.gz");
  CHECK(rows.rows[1].activity.sport == "ride");
  CHECK_FALSE(rows.rows[1].activity.cadence_spm);  // pedal rpm, not steps
  CHECK(rows.rows[2].activity.sport == "treadmill_run");
  CHECK(*rows.rows[2].activity.elapsed_s == Approx(1200));
  CHECK(rows.skipped == std::vector<std::string>{
                            "activities.csv, line 6 (activity 3): the date \"yesterday\" could not be read, so "
                            "the row was left out."});

  ReadResult result = ReadStravaCsv(FromText(csv), "activities.csv");
  CHECK(result.activities.size() == 3);
  CHECK(result.skipped.size() == 1);

  // A quote inside an unquoted field is text, and cannot swallow the rows after it.
  std::string stray = "Activity ID,Activity Date,Activity Name,Activity Type\n"
                      "1,2025-08-24 17:35:12,12\" vinyl run,Run\n"
                      "2,2025-08-25 17:35:12,next,Run\n";
  ReadResult s = ReadStravaCsv(FromText(stray), "activities.csv");
  REQUIRE(s.activities.size() == 2);
  CHECK(s.activities[0].name == "12\" vinyl run");
  // Latin-1 bytes (not UTF-8) come back as U+FFFD, so the JSON can always be written.
  ReadResult latin = ReadStravaCsv(FromText("Activity ID,Activity Date,Activity Name,Activity Type\n"
                                            "1,2025-08-24 17:35:12,Caf\xe9 run,Run\n"),
                                   "activities.csv");
  REQUIRE(latin.activities.size() == 1);
  CHECK(latin.activities[0].name == "Caf\xEF\xBF\xBD run");
  CHECK_NOTHROW(ActivityToJson(latin.activities[0], nullptr).dump());
}

TEST_CASE("Strava CSV: a single Distance column is metres, or km said in a sentence", "[import]") {
  std::string metres = "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance\n"
                       "1,\"Aug 24, 2025, 5:35:12 PM\",Run,1800,5012\n";
  ReadResult m = ReadStravaCsv(FromText(metres), "a.csv");
  REQUIRE(m.activities.size() == 1);
  CHECK(*m.activities[0].distance_m == Approx(5012));
  CHECK(m.activities[0].problems.empty());

  std::string km = "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance\n"
                   "1,\"Aug 24, 2025, 5:35:12 PM\",Run,1800,5.01\n";
  ReadResult k = ReadStravaCsv(FromText(km), "a.csv");
  REQUIRE(k.activities.size() == 1);
  CHECK(*k.activities[0].distance_m == Approx(5010));
  CHECK(k.activities[0].problems ==
        std::vector<std::string>{"The file's single Distance column does not say whether it is in kilometres or "
                                 "miles; it was read as kilometres."});
}

TEST_CASE("Strava CSV errors in plain words", "[import]") {
  CHECK(ReadStravaCsv(FromText("Name,Date\nx,y\n"), "other.csv").error ==
        "other.csv is not a Strava activities.csv: it has no \"Activity Date\" column.");
  CHECK(ReadStravaCsv(FromText("Activity ID,Activity Date,Activity Type\n"), "a.csv").error == "a.csv lists no activities.");
  CHECK(ReadStravaCsv(FromText("Activity ID,Activity Date,Activity Type\n1,never,Run\n"), "a.csv").error ==
        "a.csv: none of its 1 row has a date Stridewise can read, so nothing was imported.");
  CHECK(ReadAnyFile(FromText("Name,Date\nx,y\n"), "other.csv").error ==
        "other.csv is a CSV file, but not Strava's activities.csv or Garmin Connect's Activities.csv (it has no "
        "\"Activity Type\" column).");
}

TEST_CASE("Garmin Connect Activities.csv (English, km)", "[import]") {
  auto bytes = ReadBytes(FixtureDir() + "garmin_activities.csv");
  ReadResult r = ReadGarminCsv(bytes, "Activities.csv");
  REQUIRE(r.error.empty());
  REQUIRE(r.activities.size() == 5);
  CHECK(ReadAnyFile(bytes, "Activities.csv").activities == r.activities);  // picked by its header

  const ImportedActivity& a = r.activities[0];
  CHECK(a.format == "garmin_csv");
  CHECK(a.device == "Garmin Connect export");
  CHECK(a.name == "Easy run, canal loop");
  CHECK(a.sport == "run");
  CHECK(a.sport_in_file == "Running");
  CHECK_FALSE(a.start_utc);  // local wall clock only
  CHECK(*a.local_start_in_file == Local("2024-03-01T07:12:00Z"));
  CHECK(*a.local_date_in_file == *sw::ParseDate("2024-03-01"));
  CHECK(*a.distance_m == Approx(8020));
  CHECK(*a.moving_s == Approx(45 * 60 + 10));
  CHECK(*a.elapsed_s == Approx(46 * 60 + 20));
  CHECK(*a.cadence_spm == Approx(164));  // already steps per minute
  CHECK(a.problems.empty());              // km told by steps x stride length

  CHECK(r.activities[1].sport == "treadmill_run");
  CHECK(r.activities[2].sport == "ride");
  CHECK_FALSE(r.activities[2].cadence_spm);
  CHECK(*r.activities[2].distance_m == Approx(25400));
  CHECK(r.activities[3].sport == "trail_run");
  CHECK(r.activities[3].name == "Hill \"repeats\" at dawn");
  CHECK(*r.activities[3].moving_s == Approx(3940));
  CHECK(r.activities[4].sport == "walk");
  CHECK(*r.activities[4].cadence_spm == Approx(112));

  json j = ActivityToJson(a, nullptr);
  CHECK(j["local_date"] == "2024-03-01");
}

TEST_CASE("Garmin Connect CSV: miles told by the stride, unknown units said, Danish headers", "[import]") {
  const std::string header = "Activity Type,Date,Title,Distance,Time,Avg Run Cadence,Avg Stride Length,Steps\n";
  // 8.02 km = 4.98 mi; 7,412 steps of 1.08 m.
  ReadResult miles = ReadGarminCsv(FromText(header + "Running,2024-03-01 07:12:00,Run,4.98,00:45:10,164,1.08,\"7,412\"\n"), "a.csv");
  REQUIRE(miles.activities.size() == 1);
  CHECK(*miles.activities[0].distance_m == Approx(4.98 * 1609.344));
  CHECK(miles.activities[0].problems.empty());
  // The same in feet (an imperial account's stride length).
  ReadResult feet = ReadGarminCsv(FromText(header + "Running,2024-03-01 07:12:00,Run,4.98,00:45:10,164,3.54,\"7,412\"\n"), "a.csv");
  CHECK(*feet.activities[0].distance_m == Approx(4.98 * 1609.344));

  ReadResult unknown = ReadGarminCsv(
      FromText("Activity Type,Date,Title,Distance,Time\nRunning,2024-03-01,Run,8.02,45:10\nRunning,bad,x,1,1:00\n"), "a.csv");
  REQUIRE(unknown.activities.size() == 1);
  CHECK(*unknown.activities[0].distance_m == Approx(8020));
  CHECK(*unknown.activities[0].moving_s == Approx(2710));
  CHECK(*unknown.activities[0].local_start_in_file == Local("2024-03-01T00:00:00Z"));
  CHECK(unknown.activities[0].problems ==
        std::vector<std::string>{"The file does not say whether its distances are in kilometres or miles; they were "
                                 "read as kilometres."});
  CHECK(unknown.skipped ==
        std::vector<std::string>{"a.csv, line 3: the date \"bad\" could not be read, so the row was left out."});

  std::string danish =
      "Aktivitetstype,Dato,Favorit,Titel,Distance,Kalorier,Tid,Gennemsnit kadence l\xc3\xb8" "b,"
      "Gennemsnitlig skridtl\xc3\xa6ngde,Tidsforbrug\n"
      "L\xc3\xb8" "b,2024-03-01 07:12:00,false,Morgenl\xc3\xb8" "b,\"8,02\",512,00:45:10,164,\"1,08\",00:46:20\n";
  ReadResult da = ReadAnyFile(FromText(danish), "Activities.csv");
  REQUIRE(da.activities.size() == 1);
  CHECK(da.activities[0].format == "garmin_csv");
  CHECK(da.activities[0].sport == "run");
  CHECK(*da.activities[0].distance_m == Approx(8020));  // decimal comma
  CHECK(*da.activities[0].cadence_spm == Approx(164));
  CHECK(*da.activities[0].elapsed_s == Approx(2780));

  CHECK(ReadGarminCsv(FromText("Title,Date\nx,2024-01-01\n"), "g.csv").error ==
        "g.csv is not a Garmin Connect Activities.csv: it has no \"Activity Type\" column.");
}
