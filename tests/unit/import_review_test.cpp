// The import review and its actions: duplicates, the shoe in use on a date, default ticks, one
// change for the whole save, one Undo, and the replays a rebase re-applies.
#include <catch2/catch.hpp>

#include "core/actions/actions.hpp"
#include "core/actions/state_json.hpp"
#include "core/cadence/cadence_target.hpp"
#include "core/import/import_review.hpp"
#include "core/rules/derived.hpp"
#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"
#include "import_test_files.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::import;
using sw::test::At;
using sw::test::D;

namespace {

ImportedActivity Activity(const char* start_iso, double distance_m, std::string_view sport = sport::kRun) {
  ImportedActivity a;
  a.file = "run.fit";
  a.format = "fit";
  a.sport = std::string(sport);
  a.sport_in_file = "running";
  a.start_utc = At(start_iso);
  a.utc_offset_s = 0;
  a.distance_m = distance_m;
  a.moving_s = distance_m * 0.3;
  a.elapsed_s = distance_m * 0.31;
  a.cadence_spm = 171.2;
  a.device = "Garmin fenix 2";
  return a;
}

Shoe MakeShoe(Id id, const char* name, std::optional<const char*> bought, bool retired = false) {
  Shoe shoe;
  shoe.id = id;
  shoe.name = name;
  if (bought) shoe.purchase_date = D(*bought);
  shoe.retired = retired;
  return shoe;
}

Run LoggedRun(Id id, const char* date, double distance_m, std::optional<Id> shoe) {
  Run run;
  run.id = id;
  run.date = D(date);
  run.distance_m = distance_m;
  run.shoe_id = shoe;
  return run;
}

// Two pairs in turn: the old one (retired) ran Jan-Jun 2024, the new one from July 2024.
Model TwoPairs() {
  Model m;
  m.shoes = {MakeShoe(1, "Old Pegasus", "2023-12-20", true), MakeShoe(2, "New Pegasus", "2024-06-25")};
  m.default_shoe_id = 2;
  m.runs = {LoggedRun(3, "2024-01-05", 8000, 1), LoggedRun(4, "2024-06-20", 10000, 1),
            LoggedRun(5, "2024-07-02", 6000, 2)};
  m.next_id = 6;
  return m;
}

json ReadAnswer(std::vector<ImportedActivity> activities, std::vector<FileFailure> failed = {}) {
  json list = json::array();
  for (const auto& a : activities) list.push_back(ActivityToJson(a, nullptr));
  json failures = json::array();
  for (const auto& f : failed) failures.push_back({{"name", f.name}, {"error", f.error}});
  return {{"type", "import_read"}, {"activities", list}, {"failed", failures}};
}

}  // namespace

TEST_CASE("the pair in use on a date: retired pairs count for the days they ran", "[import-review]") {
  Model m = TwoPairs();
  CHECK(ShoeInUseOn(m, D("2024-03-10")) == Id{1});  // between the old pair's runs: retired, but in use then
  CHECK(ShoeInUseOn(m, D("2024-08-01")) == Id{2});  // after the old pair's last run
  CHECK(ShoeInUseOn(m, D("2024-06-22")) == Id{1});  // both bought; the old pair ran two days before
  CHECK_FALSE(ShoeInUseOn(m, D("2023-01-01")));    // before any pair was bought
  Model unused;
  unused.shoes = {MakeShoe(1, "A", "2024-01-01"), MakeShoe(2, "B", "2024-05-01")};
  unused.default_shoe_id = 1;
  CHECK(ShoeInUseOn(unused, D("2024-06-01")) == Id{2});  // no runs yet: the newest pair bought by then
  CHECK(ShoeInUseOn(unused, D("2024-03-01")) == Id{1});
  Model undated;
  undated.shoes = {MakeShoe(1, "A", std::nullopt), MakeShoe(2, "B", std::nullopt)};
  undated.default_shoe_id = 2;
  CHECK(ShoeInUseOn(undated, D("2024-06-01")) == Id{2});  // nothing dated: the default pair
}

TEST_CASE("the review ticks runs, leaves rides and swims unticked, and marks what the log has", "[import-review]") {
  Model m = TwoPairs();
  m.runs.push_back(LoggedRun(6, "2024-07-10", 5000, 2));  // typed by hand, no start time
  Run imported = LoggedRun(7, "2024-07-12", 12000, 2);
  imported.source = RunSource{"fit", "", "a.fit", At("2024-07-12T06:00:00Z")};
  m.runs.push_back(imported);
  m.next_id = 8;
  // Listed out of order: the review puts the newest first.
  std::vector<ImportedActivity> found = {
      Activity("2024-07-10T17:00:00Z", 5050),                    // the typed run (same day, +1 %)
      Activity("2024-07-20T06:00:00Z", 8000),                    // new run
      Activity("2024-07-12T06:03:00Z", 12100),                   // the imported one, 3 min later, +0.8 %
      Activity("2024-07-20T07:30:00Z", 40000, sport::kRide),     // a ride
      Activity("2024-07-12T09:00:00Z", 12000),                   // same distance, three hours later: another run
      Activity("2024-07-21T06:00:00Z", 5),                       // 5 m: cannot be a run in the log
      Activity("2024-07-20T06:00:00Z", 8000),                    // the new run again (picked twice)
  };
  std::vector<ImportRow> rows = BuildReview(m, found);
  REQUIRE(rows.size() == 7);
  CHECK_FALSE(rows[0].selected);  // 2024-07-21, 5 m
  CHECK(rows[0].cannot_save.find("10 m to 300 km") != std::string::npos);
  CHECK_FALSE(rows[1].selected);  // the ride
  CHECK_FALSE(rows[1].shoe_id);   // a ride wears no running shoe
  CHECK(rows[2].selected);        // the new run
  CHECK(rows[2].shoe_id == Id{2});
  CHECK(rows[2].date == D("2024-07-20"));
  CHECK(rows[3].duplicate == Duplicate::InBatch);
  CHECK_FALSE(rows[3].selected);
  CHECK(rows[4].duplicate == Duplicate::None);  // 09:00 on 07-12
  CHECK(rows[4].selected);
  CHECK(rows[5].duplicate == Duplicate::InLog);  // 06:03 on 07-12
  CHECK(rows[5].duplicate_run_id == Id{7});
  CHECK(rows[6].duplicate == Duplicate::InLog);  // the typed run
  CHECK(rows[6].duplicate_run_id == Id{6});
  CHECK_FALSE(rows[6].selected);
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK(*rows[i - 1].activity.start_utc >= *rows[i].activity.start_utc);
}

TEST_CASE("the local date: the file's offset, else the caller's time zone", "[import-review]") {
  ImportedActivity late = Activity("2024-07-20T23:30:00Z", 5000);
  late.utc_offset_s = 2 * 3600;  // 01:30 the next morning where the runner was
  CHECK(LocalDate(late, nullptr) == D("2024-07-21"));
  late.utc_offset_s.reset();
  CHECK(LocalDate(late, [](std::chrono::sys_seconds) { return -5 * 3600; }) == D("2024-07-20"));
  CHECK(LocalDate(late, [](std::chrono::sys_seconds) { return 3600; }) == D("2024-07-21"));
  late.local_date_in_file = D("2024-07-19");
  CHECK(LocalDate(late, nullptr) == D("2024-07-19"));
}

TEST_CASE("the worker's JSON reads back into the same activity", "[import-review]") {
  ImportedActivity a = Activity("2024-07-20T06:00:00Z", 8000.25);
  a.moving_s = 2400.5;  // figures the JSON keeps exactly (it rounds to centimetres and centiseconds)
  a.elapsed_s = 2480.25;
  a.name = "Morning Run";
  a.laps = {ImportedLap{At("2024-07-20T06:00:00Z"), 4000, 1200, 1210, 170.0},
            ImportedLap{At("2024-07-20T06:20:10Z"), 4000.25, 1200, 1230, std::nullopt}};
  a.problems = {"The file ends early."};
  std::string error;
  auto back = ActivityFromJson(ActivityToJson(a, nullptr), error);
  REQUIRE(back);
  a.local_date_in_file = D("2024-07-20");  // the JSON carries the date the worker decided...
  a.utc_offset_s.reset();                  // ...not the offset it came from
  CHECK(*back == a);
  CHECK_FALSE(ActivityFromJson(json{{"file", "x"}}, error));
  CHECK(error.find("format") != std::string::npos);
  CHECK_FALSE(ActivityFromJson(json{{"file", "x"}, {"format", "fit"}, {"sport", "run"}, {"start_utc", "yesterday"}}, error));
  CHECK(error.find("start_utc") != std::string::npos);
}

TEST_CASE("import: read, review, save in one change, undo in one change", "[import-review][actions]") {
  AppState state;
  state.model = TwoPairs();
  ActionContext context;
  context.today = D("2024-08-01");
  REQUIRE(Apply(state, {{"type", "import_reading"}, {"total", 2}}, context).ok);
  CHECK(state.import.status == ImportStatus::Reading);
  REQUIRE(Apply(state, {{"type", "import_progress"}, {"done", 1}}, context).ok);
  CHECK(StateToJson(state, context)["import"]["progress"] == json{{"done", 1}, {"total", 2}});
  // The worker counts the files inside a zip: the total it found replaces the files handed over.
  REQUIRE(Apply(state, {{"type", "import_progress"}, {"done", 40}, {"total", 2000}}, context).ok);
  CHECK(StateToJson(state, context)["import"]["progress"] == json{{"done", 40}, {"total", 2000}});
  CHECK_FALSE(Apply(state, {{"type", "import_progress"}, {"done", 0}, {"total", 0}}, context).ok);
  CHECK(StateToJson(state, context)["import"]["progress"] == json{{"done", 40}, {"total", 2000}});
  ActionResult read = Apply(state, ReadAnswer({Activity("2024-03-10T06:00:00Z", 8000), Activity("2024-07-20T06:00:00Z", 9000),
                                              Activity("2024-07-21T06:00:00Z", 30000, sport::kRide)},
                                             {{"notes.txt", "This file is not an activity file."}}),
                             context);
  REQUIRE(read.ok);
  CHECK_FALSE(read.model_changed);
  json view = StateToJson(state, context)["import"];
  CHECK(view["status"] == "review");
  REQUIRE(view["found"].size() == 3);
  // Newest first: the ride (07-21), 07-20, 03-10.
  CHECK(view["found"][0]["selected"] == false);
  CHECK(view["found"][1]["shoe_id"] == 2);
  CHECK(view["found"][2]["shoe_id"] == 1);  // the retired pair, in use in March
  CHECK(view["failed"] == json::array({{{"name", "notes.txt"}, {"error", "This file is not an activity file."}}}));

  // Per row and for all ticked rows at once.
  REQUIRE(Apply(state, {{"type", "import_review_set"}, {"index", 0}, {"selected", true}}, context).ok);
  REQUIRE(Apply(state, {{"type", "import_review_shoe_all"}, {"shoe_id", 2}}, context).ok);
  CHECK(state.import.rows[0].shoe_id == Id{2});
  CHECK(state.import.rows[2].shoe_id == Id{2});
  REQUIRE(Apply(state, {{"type", "import_review_set"}, {"index", 2}, {"shoe_id", 1}}, context).ok);
  REQUIRE(Apply(state, {{"type", "import_review_set"}, {"index", 0}, {"selected", false}}, context).ok);
  CHECK_FALSE(Apply(state, {{"type", "import_review_set"}, {"index", 3}, {"selected", true}}, context).ok);
  CHECK_FALSE(Apply(state, {{"type", "import_review_set"}, {"index", 0}, {"shoe_id", 99}}, context).ok);

  const auto revision = state.model_revision;
  const std::size_t runs_before = state.model.runs.size();
  ActionResult saved = Apply(state, json{{"type", "import_save"}}, context);
  REQUIRE(saved.ok);
  CHECK(state.model_revision == revision + 1);  // one change for the whole import
  CHECK(saved.answer["imported"] == 2);
  REQUIRE(state.model.runs.size() == runs_before + 2);
  const Run& first = state.model.runs[runs_before + 1];  // ids in review order: 07-20, then 03-10
  CHECK(first.shoe_id == Id{1});
  CHECK(first.date == D("2024-03-10"));
  CHECK(first.duration_s == 2400);  // the moving time
  CHECK(first.moving_s == 2400);
  CHECK(first.elapsed_s == Approx(2480));
  CHECK(first.cadence_spm == Approx(171.2));
  REQUIRE(first.source);
  CHECK(first.source->device == "Garmin fenix 2");
  CHECK(first.source->start_utc == At("2024-03-10T06:00:00Z"));
  REQUIRE(saved.effects.size() == 1);
  const auto* save = std::get_if<SaveChange>(&saved.effects[0]);
  REQUIRE(save);
  CHECK(save->replay.Type() == "restore_runs");
  CHECK(StateToJson(state, context)["import"]["status"] == "done");
  CHECK(StateToJson(state, context)["runs"].back()["source"]["format"] == "fit");

  // The replay puts the same runs back on another tab's data, with their ids, once.
  AppState other;
  other.model = TwoPairs();
  REQUIRE(Apply(other, save->replay, context).ok);
  CHECK(other.model.runs == state.model.runs);
  REQUIRE(Apply(other, save->replay, context).ok);
  CHECK(other.model.runs == state.model.runs);

  ActionResult undone = Apply(state, json{{"type", "undo_import"}}, context);
  REQUIRE(undone.ok);
  CHECK(undone.answer["removed"] == 2);
  CHECK(state.model.runs == TwoPairs().runs);
  CHECK(state.model_revision == revision + 2);
  const auto* undo_save = std::get_if<SaveChange>(&undone.effects.at(0));
  REQUIRE(undo_save);
  CHECK(undo_save->replay.Type() == "delete_runs");
  REQUIRE(Apply(other, undo_save->replay, context).ok);
  CHECK(other.model.runs == TwoPairs().runs);
  CHECK_FALSE(Apply(state, json{{"type", "undo_import"}}, context).ok);  // nothing left to undo
}

TEST_CASE("import_files with confirm saves what the review ticks without showing it", "[import-review][actions]") {
  AppState state;
  state.model = TwoPairs();
  ActionContext context;
  REQUIRE(Apply(state, {{"type", "import_reading"}, {"total", 1}, {"confirm", true}}, context).ok);
  ActionResult read = Apply(state, ReadAnswer({Activity("2024-07-20T06:00:00Z", 9000),
                                              Activity("2024-07-02T06:00:00Z", 6000),  // in the log already
                                              Activity("2024-07-21T06:00:00Z", 30000, sport::kRide)}),
                            context);
  REQUIRE(read.ok);
  CHECK(read.model_changed);
  CHECK(state.import.status == ImportStatus::Done);
  CHECK(state.import.imported == 1);
  CHECK(state.import.duplicates == 1);
  CHECK(state.model.runs.size() == TwoPairs().runs.size() + 1);
}

TEST_CASE("an import that finds nothing says why and changes nothing", "[import-review][actions]") {
  AppState state;
  state.model = TwoPairs();
  ActionContext context;
  REQUIRE(Apply(state, {{"type", "import_reading"}, {"total", 1}}, context).ok);
  CHECK_FALSE(Apply(state, {{"type", "import_reading"}, {"total", 1}}, context).ok);  // one at a time
  ActionResult read = Apply(state, ReadAnswer({}, {{"broken.tcx", "broken.tcx is not well-formed XML."}}), context);
  REQUIRE(read.ok);
  json view = StateToJson(state, context)["import"];
  CHECK(view["status"] == "error");
  CHECK(view["error"] == "No activity was found: broken.tcx: broken.tcx is not well-formed XML.");
  CHECK(state.model == TwoPairs());
  CHECK(state.model_revision == 0);
  // A worker answer that is not activities is refused whole.
  REQUIRE(Apply(state, json{{"type", "import_dismiss"}}, context).ok);
  REQUIRE(Apply(state, {{"type", "import_reading"}, {"total", 1}}, context).ok);
  CHECK_FALSE(Apply(state, {{"type", "import_read"}, {"activities", json::array({{{"file", "x"}}})}, {"failed", json::array()}}, context).ok);
  CHECK(state.import.status == ImportStatus::Reading);
  ActionResult aborted = Apply(state, json{{"type", "import_abort"}}, context);
  REQUIRE(aborted.ok);
  CHECK(std::holds_alternative<CancelImportRead>(aborted.effects.at(0)));
  CHECK(state.import.status == ImportStatus::Idle);
}

TEST_CASE("imported runs' cadence counts toward the personal target", "[import-review][cadence]") {
  Model m = TwoPairs();
  CHECK_FALSE(ComputePersonalTarget(m));
  Run old_import = LoggedRun(10, "2020-01-01", 5000, std::nullopt);
  old_import.cadence_spm = 150;  // imported last, but years ago: not among the newest
  Run recent = LoggedRun(8, "2024-07-20", 5000, 2);
  recent.cadence_spm = 170;
  Run walk = LoggedRun(9, "2024-07-21", 5000, 2);
  walk.cadence_spm = 110;  // not a run's cadence
  m.runs.insert(m.runs.end(), {recent, walk, old_import});
  CadenceSession session;
  session.id = 7;
  session.date = D("2024-07-19");
  session.mean_spm = 160;
  m.cadence_sessions = {session};
  auto target = ComputePersonalTarget(m);
  REQUIRE(target);
  CHECK(target->session_ids == std::vector<Id>{8, 7, 10});
  CHECK(target->baseline_spm == Approx(160));
}

TEST_CASE("the cadence history lists measured sessions and imported runs, newest day first", "[import-review][cadence]") {
  Model m = TwoPairs();
  CHECK(CadenceHistory(m).empty());
  Run typed = LoggedRun(8, "2024-07-22", 5000, 2);  // typed by hand: no cadence, not listed
  Run imported = LoggedRun(9, "2024-07-20", 10000, 2);
  imported.cadence_spm = 171.5;
  imported.duration_s = 3000;
  imported.source = RunSource{"fit", "Garmin Forerunner 245", "a.fit", At("2024-07-20T06:00:00Z")};
  Run no_device = LoggedRun(10, "2024-07-20", 4000, std::nullopt);  // same day, newer id: first
  no_device.cadence_spm = 120;
  no_device.source = RunSource{"gpx", "", "b.gpx", std::nullopt};
  m.runs.insert(m.runs.end(), {typed, imported, no_device});
  CadenceSession session;
  session.id = 7;
  session.date = D("2024-07-21");
  session.mean_spm = 165;
  session.duration_s = 1200;
  m.cadence_sessions = {session};

  const std::vector<CadenceRecord> history = CadenceHistory(m);
  REQUIRE(history.size() == 3);
  // A session carries its time in band and band; a watch's file has neither.
  CHECK(history[0] == CadenceRecord{D("2024-07-21"), 7, false, 165, 1200, "", false, 0.0, 170, 180});
  CHECK(history[1] == CadenceRecord{D("2024-07-20"), 10, true, 120, std::nullopt, ""});
  CHECK(history[2] == CadenceRecord{D("2024-07-20"), 9, true, 171.5, 3000, "Garmin Forerunner 245"});
  // The target takes the newest plausible records of the same list (120 is not a run's cadence).
  auto target = ComputePersonalTarget(history);
  REQUIRE(target);
  CHECK(target->session_ids == std::vector<Id>{7, 9});
  CHECK(Derive(m, D("2024-07-23")).cadence_history == history);
}

TEST_CASE("a stored imported run keeps its source; bad sources are refused", "[import-review][model]") {
  Run run = LoggedRun(3, "2024-07-20", 9000, std::nullopt);
  run.source = RunSource{"gpx", "Strava Android", "Morning_Run.gpx", At("2024-07-20T06:00:00Z")};
  run.moving_s = 2700;
  run.elapsed_s = 2800;
  run.cadence_spm = 172.5;
  Run back;
  std::string error;
  REQUIRE(RunFromJson(RunToJson(run), back, error, "run"));
  CHECK(back == run);
  json bad = RunToJson(run);
  bad["source"]["format"] = "docx";
  CHECK_FALSE(RunFromJson(bad, back, error, "run"));
  bad = RunToJson(run);
  bad["cadence_spm"] = 900;
  CHECK_FALSE(RunFromJson(bad, back, error, "run"));
  CHECK(error.find("cadence_spm") != std::string::npos);
  bad = RunToJson(run);
  bad["source"]["start_utc"] = "2024-07-20 06:00";
  CHECK_FALSE(RunFromJson(bad, back, error, "run"));
}

TEST_CASE("the worker's answer may come in batches: the review is built once, from all of them", "[import-review][actions]") {
  AppState state;
  state.model = TwoPairs();
  ActionContext context;
  REQUIRE(Apply(state, {{"type", "import_reading"}, {"total", 1}}, context).ok);
  json first = ReadAnswer({Activity("2024-07-20T06:00:00Z", 9000)});
  first["more"] = true;
  REQUIRE(Apply(state, first, context).ok);
  CHECK(state.import.status == ImportStatus::Reading);  // still reading: no review from half the answer
  CHECK(state.import.rows.empty());
  REQUIRE(Apply(state, ReadAnswer({Activity("2024-07-21T06:00:00Z", 9000), Activity("2024-07-20T06:01:00Z", 9050)},
                                  {{"x.txt", "not an activity file"}}),
                context)
              .ok);
  REQUIRE(state.import.status == ImportStatus::Review);
  REQUIRE(state.import.rows.size() == 3);
  CHECK(*state.import.rows[0].activity.start_utc == At("2024-07-21T06:00:00Z"));  // newest first, across batches
  CHECK(state.import.rows[2].duplicate == Duplicate::InBatch);  // the same run in two batches
  CHECK(state.import.failed.size() == 1);
  CHECK(state.import.arriving.empty());
}
