#include <catch2/catch.hpp>

#include <algorithm>

#include "core/actions/actions.hpp"
#include "core/storage/backup.hpp"
#include "core/model/model_json.hpp"
#include "core/storage/runs_csv.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

TEST_CASE("export then import restores the model exactly", "[backup]") {
  for (bool pretty : {true, false}) {
    ParsedBackup back = ParseBackup(ExportBackup(SampleModel(), pretty));
    INFO(back.error);
    REQUIRE(back.ok);
    CHECK(back.model == SampleModel());
    CHECK(back.schema == kCurrentSchema);
  }
  CHECK(BackupFileName(D("2026-03-10")) == "stridewise-backup-2026-03-10.json");
  CHECK(ParseBackup("\xEF\xBB\xBF" + ExportBackup(SampleModel())).ok);  // a BOM from an editor is fine
}

TEST_CASE("a schema 1 backup imports through the migration", "[backup]") {
  ParsedBackup back = ParseBackup(ReadFixture("schema_v1.json"));
  REQUIRE(back.ok);
  CHECK(back.schema == 1);
  CHECK(back.model.runs.size() == 3);
  CHECK(back.model.runs[2].distance_m == 7250.25);
}

TEST_CASE("bad backups get a clear error", "[backup]") {
  CHECK(ParseBackup("{\"schema\": 2, ").error ==
        "This file is not valid JSON (damaged, cut short or not a backup), so nothing was imported.");
  CHECK(ParseBackup("").error ==
        "This file is not valid JSON (damaged, cut short or not a backup), so nothing was imported.");
  CHECK(ParseBackup(R"({"schema": 2, "app": "runkeeper"})").error ==
        "This is not a Stridewise file (it has no \"app\": \"stridewise\").");
  CHECK(ParseBackup(R"({"schema": 9, "app": "stridewise"})").error ==
        "This file comes from a newer version of Stridewise (schema 9; this app reads schemas 1 to 4). "
        "Update the app to open it.");
  json doc = ModelToJson(SampleModel());
  doc["runs"][1]["distance_m"] = -5;
  CHECK(ParseBackup(doc.dump()).error ==
        "This backup has a problem, so nothing was imported: runs[1]: \"distance_m\" must be more than 0 and at "
        "most 300 km (300000 m).");
  CHECK_FALSE(ParseBackup(std::string(kMaxBackupBytes + 1, ' ')).ok);
}

TEST_CASE("a backup keeps short runs an earlier version saved, and refuses runs of 0 or less", "[backup]") {
  // New runs need 10 m (add_run), but a backup is the runner's own data: one short run saved
  // before that rule must not make the whole backup unreadable.
  json doc = ModelToJson(SampleModel());
  for (double short_run : {0.001, 5.0, 9.99}) {
    doc["runs"][0]["distance_m"] = short_run;
    ParsedBackup parsed = ParseBackup(doc.dump());
    REQUIRE(parsed.ok);
    CHECK(parsed.model.runs[0].distance_m == short_run);
  }
  for (double bad : {0.0, -5.0, 300001.0}) {
    doc["runs"][0]["distance_m"] = bad;
    CHECK(ParseBackup(doc.dump()).error ==
          "This backup has a problem, so nothing was imported: runs[0]: \"distance_m\" must be more than 0 and at "
          "most 300 km (300000 m).");
  }
}

TEST_CASE("a backup that is not valid UTF-8 is refused, naming the byte offset and line", "[backup]") {
  const std::string good = ExportBackup(SampleModel());
  const std::size_t name_at = good.find("\"name\": \"") + 9;
  const std::size_t line = 1 + std::count(good.begin(), good.begin() + std::ptrdiff_t(name_at), '\n');
  for (const char* bad_bytes : {"\xFF", "\xC3", "\xC0\xAF", "\xED\xA0\x80"}) {  // stray, cut short, overlong, surrogate
    std::string bad = good;
    bad.insert(name_at, bad_bytes);
    INFO("bytes " << bad_bytes);
    CHECK(ParseBackup(bad).error == "This file is not valid UTF-8 text (the first bad byte is at byte offset " +
                                        std::to_string(name_at) + ", line " + std::to_string(line) +
                                        "), so nothing was imported.");
  }
  // The offset counts in the file as it is, byte-order mark included.
  CHECK(ParseBackup("\xEF\xBB\xBF{\n\xFF}").error ==
        "This file is not valid UTF-8 text (the first bad byte is at byte offset 5, line 2), so nothing was imported.");
  CHECK(ParseBackup(ExportBackup(SampleModel())).ok);
}

TEST_CASE("summary and the confirmation message count what a backup holds", "[backup]") {
  BackupSummary s = SummarizeBackup(SampleModel());
  CHECK((s.runs == 3 && s.shoes == 2 && s.pain == 1 && s.strength == 1 && s.cadence_sessions == 1));
  CHECK(s.first_date == D("2026-02-20"));
  CHECK(s.last_date == D("2026-03-05"));
  CHECK(DescribeSummary(s) ==
        "3 runs, 2 shoes, 1 pain entry, 1 strength session, 1 cadence session\ndates: 2026-02-20 to 2026-03-05\n");
  Model one;
  one.runs.resize(1);
  one.shoes.resize(1);
  CHECK(ConfirmReplaceMessage(SampleModel(), one) == "Replace 3 runs and 2 shoes with 1 run and 1 shoe?");
  CHECK(ConfirmReplaceMessage(Model{}, SampleModel()) == "Replace 0 runs and 0 shoes with 3 runs and 2 shoes?");
}

TEST_CASE("import_backup asks first, then replaces the whole model", "[backup]") {
  AppState state;
  ActionContext context;
  context.today = D("2026-03-10");
  REQUIRE(Apply(state, {{"type", "add_shoe"}, {"name", "Mine"}}, context).ok);
  const Model before = state.model;
  const auto revision = state.model_revision;
  std::string text = ExportBackup(SampleModel());
  ActionResult ask = Apply(state, {{"type", "import_backup"}, {"json", text}}, context);
  // Without confirm the backup waits for the runner's Replace; nothing is changed or saved.
  REQUIRE(ask.ok);
  CHECK(ask.answer["confirm_required"] == true);
  CHECK(ask.answer["message"] == "Replace 0 runs and 1 shoe with 3 runs and 2 shoes?");
  REQUIRE(state.pending_import);
  CHECK(*state.pending_import->model == SampleModel());
  CHECK(ask.effects.empty());
  CHECK(state.model == before);
  CHECK(state.model_revision == revision);
  ActionResult bad = Apply(state, {{"type", "import_backup"}, {"json", text.substr(0, 100)}, {"confirm", true}}, context);
  CHECK_FALSE(bad.ok);
  CHECK(state.model == before);
  CHECK(state.model_revision == revision);
  CHECK(Apply(state, nlohmann::json{{"type", "import_backup"}}, context).error == "import_backup needs \"json\".");
  CHECK(Apply(state, {{"type", "import_backup"}, {"json", 5}}, context).error ==
        "import_backup: \"json\" must be the backup file's text.");
  REQUIRE(Apply(state, {{"type", "import_backup"}, {"json", text}, {"confirm", true}}, context).ok);
  CHECK(state.model == SampleModel());
  CHECK(state.model_revision == revision + 1);
  // The parsed document itself works too.
  AppState other;
  REQUIRE(Apply(other, {{"type", "import_backup"}, {"json", json::parse(text)}, {"confirm", true}}, context).ok);
  CHECK(other.model == SampleModel());
}

TEST_CASE("runs CSV: units, durations, shoe names, RFC 4180 quoting and the formula guard", "[csv]") {
  Model m = SampleModel();  // km
  m.shoes[0].name = "=HYPERLINK(\"x\"), 2";
  CHECK(RunsCsv(m) ==
        "date,distance,unit,duration,shoe\r\n"
        "2026-02-20,7.25,km,0:45:01,Trail Caf\xC3\xA9 \xE2\x9C\x93\r\n"
        "2026-03-01,5.00,km,0:25:00,\"'=HYPERLINK(\"\"x\"\"), 2\"\r\n"
        "2026-03-03,10.00,km,,\r\n");
  m.settings.units = Units::Miles;
  m.runs = {m.runs[0]};
  m.runs[0].distance_m = kMetresPerMile * 26.2;
  m.runs[0].duration_s = 3 * 3600 + 59 * 60 + 59.6;
  m.shoes[0].name = "+1 \"fast\"";
  CHECK(RunsCsv(m, true) ==
        "\xEF\xBB\xBF" "date,distance,unit,duration,shoe\r\n2026-03-01,26.20,mi,4:00:00,\"'+1 \"\"fast\"\"\"\r\n");
  CHECK(CsvField("-2") == "'-2");
  CHECK(CsvField("@sum") == "'@sum");
  CHECK(CsvField("a\nb") == "\"a\nb\"");
  CHECK(CsvField("plain") == "plain");
  CHECK(RunsCsv(Model{}) == "date,distance,unit,duration,shoe\r\n");
}
