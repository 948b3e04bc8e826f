// The run summary (issue 17): the first read leaves the older years of runs for after the first
// frame, and the "summary" document stands in for them. These tests hold the two to agreeing:
// every pair's figures from a store read with years left for later equal a whole read's; a
// summary that disagrees with any year (tampered, left by an earlier build, a damaged year) is
// found and rebuilt from the runs; and a year never read is never written over or lost.
#include <catch2/catch.hpp>

#include <random>

#include "core/rules/derived.hpp"
#include "core/storage/run_summary.hpp"
#include "storage_sync_harness.hpp"

using namespace sw;
using namespace sw::test;
using namespace sw::test::storage_sync;

namespace {

// Six years of runs (2021-2026) on three pairs and none, from a fixed seed.
Model YearsModel(unsigned seed) {
  std::mt19937 random(seed);
  Model m;
  for (Id id = 1; id <= 3; ++id) {
    Shoe shoe;
    shoe.id = id;
    shoe.name = "Pair " + std::to_string(id);
    shoe.start_distance_m = id == 2 ? 50000 : 0;
    m.shoes.push_back(shoe);
  }
  m.shoes[0].retired = true;  // retired before retired_on was kept: its last run decides
  Id next = 10;
  Date day = D("2021-01-03");
  while (day <= D(kToday)) {
    Run run;
    run.id = next++;
    run.date = day;
    run.distance_m = 3000 + double(random() % 12000) + 0.1 * double(random() % 10);
    int pair = int(random() % 4);
    if (pair) run.shoe_id = pair;
    m.runs.push_back(run);
    day = AddDays(day, 1 + int(random() % 4));
  }
  m.next_id = next;
  return m;
}

std::map<std::string, std::string> StoreOf(const Model& m) { return EncodeStoreChanges(nullptr, m).put; }

void RequireSameShoes(const Model& later, const Model& whole) {
  for (const char* today : {"2024-06-01", kToday}) {
    std::vector<ShoeSummary> a = SummarizeShoes(later, D(today)), b = SummarizeShoes(whole, D(today));
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].distance_m == Approx(b[i].distance_m).margin(1e-6));
      CHECK(a[i].runs == b[i].runs);
      CHECK(a[i].first_run == b[i].first_run);
      CHECK(a[i].last_run == b[i].last_run);
      CHECK(a[i].status == b[i].status);
      CHECK(a[i].projected_replace_date == b[i].projected_replace_date);
    }
  }
  for (const char* date : {"2021-06-01", "2023-02-01", "2026-03-01"})
    CHECK(DefaultShoeOn(later, D(date)) == DefaultShoeOn(whole, D(date)));
}

// Runs from 2021-01-03 to `until` on three pairs and none, every 1 to `max_gap` days, warm-up and
// cool-down ticked at random; with `sparse_from`, only three runs between it and `until`.
Model RunsUntil(unsigned seed, Date until, int max_gap, std::optional<Date> sparse_from = std::nullopt) {
  std::mt19937 random(seed);
  Model m = YearsModel(seed);
  m.runs.clear();
  Id next = 10;
  for (Date day = D("2021-01-03"); day <= until; day = AddDays(day, 1 + int(random() % unsigned(max_gap)))) {
    if (sparse_from && day >= *sparse_from && AddDays(until, -3) > day) continue;
    Run run;
    run.id = next++;
    run.date = day;
    run.distance_m = 3000 + double(random() % 12000);
    run.warmup = random() % 2;
    run.cooldown = random() % 3 == 0;
    if (int pair = int(random() % 4)) run.shoe_id = pair;
    m.runs.push_back(run);
  }
  m.next_id = next;
  return m;
}

// What Home shows from runs, from a first read on `today`, equals a whole read's.
void RequireSameHome(const Model& later, const Model& whole, Date today) {
  const Derived a = Derive(later, today), b = Derive(whole, today);
  CHECK(a.load.this_week_m == Approx(b.load.this_week_m));
  CHECK(a.load.last_week_m == Approx(b.load.last_week_m));
  CHECK(a.load.ten_percent_exceeded == b.load.ten_percent_exceeded);
  CHECK(a.load.longest_run_30d_m == b.load.longest_run_30d_m);
  REQUIRE(a.load.weeks.size() == b.load.weeks.size());
  for (std::size_t i = 0; i < a.load.weeks.size(); ++i) CHECK(a.load.weeks[i].m == Approx(b.load.weeks[i].m));
  CHECK(a.load.spike.has_value() == b.load.spike.has_value());
  if (a.load.spike && b.load.spike) CHECK(a.load.spike->run_id == b.load.spike->run_id);
  CHECK(a.load.acwr.has_value() == b.load.acwr.has_value());
  if (a.load.acwr && b.load.acwr) CHECK(*a.load.acwr == Approx(*b.load.acwr));
  CHECK(a.load.consecutive_run_days == b.load.consecutive_run_days);
  CHECK(a.warmup.runs == b.warmup.runs);
  CHECK(a.warmup.with_both == b.warmup.with_both);
  CHECK(a.warmup.with_warmup == b.warmup.with_warmup);
  CHECK(a.warmup.with_cooldown == b.warmup.with_cooldown);
  CHECK(a.backup_reminder_days == b.backup_reminder_days);
  REQUIRE(a.shoes.size() == b.shoes.size());
  for (std::size_t i = 0; i < a.shoes.size(); ++i) {
    CHECK(a.shoes[i].distance_m == Approx(b.shoes[i].distance_m).margin(1e-6));
    CHECK(a.shoes[i].status == b.shoes[i].status);
    CHECK(a.shoes[i].projected_replace_date == b.shoes[i].projected_replace_date);
  }
}

}  // namespace

TEST_CASE("what Home shows from a first read equals a whole read's, early and late in a year, for any runner",
          "[run_summary]") {
  for (const char* day : {"2026-01-02", "2026-03-10", "2026-04-01", "2026-11-30"}) {
    const Date today = D(day);
    for (unsigned seed = 1; seed <= 4; ++seed) {
      INFO(day << ", seed " << seed);
      // Every day (a streak across every year), every few days, and a runner back after a long
      // break (three runs this year: the warm-up card's last ten runs reach back years).
      for (const Model& m : {RunsUntil(seed, today, 1), RunsUntil(seed, today, 4),
                             RunsUntil(seed, today, 3, D("2023-07-01"))}) {
        for (std::optional<BackupMark> backup : {std::optional<BackupMark>(),
                                                 std::optional<BackupMark>(BackupMark{D("2022-05-01"), 200})}) {
          Model stored = m;
          stored.last_backup = backup;
          auto docs = StoreOf(stored);
          DecodedStore whole = DecodeStore(docs), later = DecodeStore(docs, FirstScreenNeeds(today));
          CHECK_FALSE(later.summary_stale);
          CHECK(later.damaged.empty());
          CHECK_FALSE(later.model.unread_run_years.empty());
          // The first screen's days are read; years before them only for the last ten runs.
          const int from_year = int(FirstScreenNeeds(today).from.year());
          for (const RunYearDigest& unread : later.model.unread_run_years) CHECK(unread.year < from_year);
          RequireSameHome(later.model, whole.model, today);
        }
      }
    }
  }
}

TEST_CASE("a year's digest: its first run and the days run in a row up to its end, that year alone",
          "[run_summary]") {
  std::vector<Run> runs;
  Id id = 1;
  auto add = [&](const char* date) { runs.push_back(Run{.id = id++, .date = D(date), .distance_m = 5000}); };
  for (Date day = D("2023-12-20"); day <= D("2025-01-03"); day = AddDays(day, 1)) add(FormatDate(day).c_str());
  add("2025-12-31");
  add("2025-12-31");  // two runs on a day count it once
  add("2025-12-30");
  add("2025-06-01");
  std::vector<RunYearDigest> digests = DigestRuns(runs);
  REQUIRE(digests.size() == 3);
  CHECK(digests[0].first == D("2023-12-20"));
  CHECK(digests[0].days_run_at_end == 12);  // 20-31 December
  CHECK(digests[1].days_run_at_end == 366);  // 2024: every day of a leap year
  CHECK(digests[2].first == D("2025-01-01"));
  CHECK(digests[2].days_run_at_end == 2);
  // A summary from before these fields is not read (it is rebuilt from the runs).
  std::vector<RunYearDigest> back;
  nlohmann::json old = nlohmann::json::parse(RunSummaryDocument(digests));
  for (auto& year : old["run_years"]) year.erase("days_run_at_end");
  CHECK_FALSE(ReadRunSummary(old.dump(), back).empty());
}

TEST_CASE("the run summary round-trips, and anything else is refused as a summary", "[run_summary]") {
  Model m = YearsModel(1);
  std::vector<RunYearDigest> digests = DigestRuns(m.runs);
  REQUIRE(digests.size() == 6);
  CHECK(digests.front().year == 2021);
  int runs = 0;
  for (const RunYearDigest& d : digests) runs += d.runs;
  CHECK(runs == int(m.runs.size()));
  std::vector<RunYearDigest> back;
  REQUIRE(ReadRunSummary(RunSummaryDocument(digests), back).empty());
  REQUIRE(back.size() == digests.size());
  for (std::size_t i = 0; i < back.size(); ++i) CHECK(SameDigest(back[i], digests[i]));
  for (const char* bad : {"", "[]", "{\"schema\": [1]}", "{\"schema\": 4, \"run_years\": [{\"year\": \"2021\"}]}",
                          "{\"schema\": 4, \"run_years\": [{\"year\": 2021, \"runs\": 1, \"distance_m\": -5, "
                          "\"max_id\": 3, \"shoes\": []}]}",
                          "{\"schema\": 3, \"run_years\": []}"}) {
    INFO(bad);
    CHECK_FALSE(ReadRunSummary(bad, back).empty());
  }
}

TEST_CASE("a store read with the older years left for later gives every pair exactly a whole read's figures",
          "[run_summary]") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    INFO("seed " << seed);
    Model m = YearsModel(seed);
    auto docs = StoreOf(m);
    DecodedStore whole = DecodeStore(docs);
    DecodedStore later = DecodeStore(docs, FirstScreenNeeds(D(kToday)));
    CHECK_FALSE(whole.summary_stale);
    CHECK_FALSE(later.summary_stale);
    CHECK(whole.model.unread_run_years.empty());
    // 2025 and 2026 are read; 2021-2024 wait, their text kept as stored.
    REQUIRE(later.model.unread_run_years.size() == 4);
    CHECK(later.later_runs.size() == 4);
    CHECK(later.later_runs.at("runs/2021") == docs.at("runs/2021"));
    for (const Run& run : later.model.runs) CHECK(int(run.date.year()) >= 2025);
    CHECK(later.model.next_id == whole.model.next_id);
    RequireSameShoes(later.model, whole.model);
    // Taking each year in, oldest first, gives the whole read's model, and each agrees.
    AppState state;
    state.model = Model(later.model);
    for (const auto& [key, text] : later.later_runs) {
      const RunYearDigest expected = state.model.unread_run_years.front();
      DecodedRunYear year = DecodeRunYear(key, text, expected, state.model);
      CHECK(year.damaged.empty());
      CHECK_FALSE(year.summary_stale);
      Action load(json{{"type", "load_runs"}, {"years", {expected.year}}});
      auto runs = std::make_shared<Model>();
      runs->runs = year.runs;
      load.model = runs;
      REQUIRE(Apply(state, load, ActionContext{}).ok);
      RequireSameShoes(state.model, whole.model);
    }
    CHECK(state.model == whole.model);
  }
}

TEST_CASE("a summary that disagrees with the runs is never trusted", "[run_summary]") {
  Model m = YearsModel(7);
  auto docs = StoreOf(m);
  std::vector<RunYearDigest> digests = DigestRuns(m.runs);
  SECTION("none (an earlier build): every year is read, and the summary is to be written") {
    docs.erase(kRunSummaryKey);
    DecodedStore later = DecodeStore(docs, FirstScreenNeeds(D(kToday)));
    CHECK(later.model.unread_run_years.empty());
    CHECK(later.model.runs.size() == m.runs.size());
    CHECK(later.summary_stale);
  }
  SECTION("unreadable: the same") {
    docs[kRunSummaryKey] = "{\"schema\": 4, \"run_years\": [";
    DecodedStore later = DecodeStore(docs, FirstScreenNeeds(D(kToday)));
    CHECK(later.model.unread_run_years.empty());
    CHECK(later.summary_stale);
  }
  SECTION("wrong about a year that is read: found at once") {
    digests.back().shoes.front().distance_m += 1000;
    docs[kRunSummaryKey] = RunSummaryDocument(digests);
    CHECK(DecodeStore(docs, FirstScreenNeeds(D(kToday))).summary_stale);
  }
  SECTION("a year missing from it: found at once, and that year is read") {
    digests.erase(digests.begin() + 1);  // 2022
    docs[kRunSummaryKey] = RunSummaryDocument(digests);
    DecodedStore later = DecodeStore(docs, FirstScreenNeeds(D(kToday)));
    CHECK(later.summary_stale);
    CHECK_FALSE(later.later_runs.count("runs/2022"));
  }
  SECTION("wrong about an older year: found when that year is read") {
    digests.front().runs += 1;
    docs[kRunSummaryKey] = RunSummaryDocument(digests);
    DecodedStore later = DecodeStore(docs, FirstScreenNeeds(D(kToday)));
    CHECK_FALSE(later.summary_stale);
    REQUIRE(later.model.unread_run_years.front().year == 2021);
    DecodedRunYear year = DecodeRunYear("runs/2021", docs.at("runs/2021"), later.model.unread_run_years.front(), later.model);
    CHECK(year.summary_stale);
    CHECK(year.damaged.empty());
  }
  SECTION("an older year damaged: kept aside when read, the summary then rebuilt") {
    docs["runs/2022"] = "{\"schema\": 4, \"app\": \"stridewise\", \"runs\": [{";
    DecodedStore later = DecodeStore(docs, FirstScreenNeeds(D(kToday)));
    DecodedRunYear year = DecodeRunYear("runs/2022", docs.at("runs/2022"), later.model.unread_run_years[1], later.model);
    CHECK(year.runs.empty());
    REQUIRE(year.damaged.size() == 1);
    CHECK(year.damaged[0].key == "runs/2022");
    CHECK(year.summary_stale);
  }
}

TEST_CASE("a year not read yet is never written or removed; a restored backup replaces it", "[run_summary]") {
  Model m = YearsModel(3);
  auto docs = StoreOf(m);
  DecodedStore later = DecodeStore(docs, FirstScreenNeeds(D(kToday)));
  REQUIRE(later.model.unread_run_years.size() == 4);
  SECTION("a change to this year writes it and the summary, which still describes the unread years") {
    Model after = later.model;
    after.runs.back().distance_m += 500;
    StoreChanges changes = EncodeStoreChanges(&later.model, after);
    CHECK(changes.put.count("runs/2026"));
    CHECK(changes.put.count(kRunSummaryKey));
    for (int year = 2021; year <= 2024; ++year) CHECK_FALSE(changes.put.count(RunsYearKey(year)));
    CHECK(changes.remove.empty());
    std::vector<RunYearDigest> summary;
    REQUIRE(ReadRunSummary(changes.put.at(kRunSummaryKey), summary).empty());
    Model whole = DecodeStore(docs).model;
    whole.runs.back().distance_m += 500;
    std::vector<RunYearDigest> expected = DigestRuns(whole.runs);
    REQUIRE(summary.size() == expected.size());
    for (std::size_t i = 0; i < summary.size(); ++i) CHECK(SameDigest(summary[i], expected[i]));
  }
  SECTION("a rewrite of every part leaves them alone") {
    StoreChanges all = EncodeStoreChanges(nullptr, later.model);
    for (int year = 2021; year <= 2024; ++year) CHECK_FALSE(all.put.count(RunsYearKey(year)));
    CHECK(all.remove.empty());
  }
  SECTION("a restored backup without them removes them") {
    Model restored = RunnerModel();  // runs in 2025 and 2026 only
    StoreChanges changes = EncodeStoreChanges(&later.model, restored);
    for (int year = 2021; year <= 2024; ++year)
      CHECK(std::count(changes.remove.begin(), changes.remove.end(), RunsYearKey(year)) == 1);
    // and load_runs arriving afterwards for the model that was replaced changes nothing
    AppState state;
    state.model = Model(restored);
    Action load(json{{"type", "load_runs"}, {"years", {2021}}});
    auto runs = std::make_shared<Model>();
    runs->runs = {m.runs.front()};
    load.model = runs;
    REQUIRE(Apply(state, load, ActionContext{}).ok);
    CHECK(state.model == restored);
  }
}

TEST_CASE("which actions wait for every run", "[run_summary]") {
  for (const char* type : {"add_run", "update_run", "delete_run", "move_runs", "import_save", "import_backup",
                           "export_backup", "export_csv", "undo_import", "delete_runs", "import_read"})
    CHECK(NeedsEveryRun(type));
  for (const char* type : {"navigate", "log_pain", "add_shoe", "retire_shoe", "cadence_start", "load_runs"})
    CHECK_FALSE(NeedsEveryRun(type));
}

TEST_CASE("StorageSync shows the summary first, takes the older years in after the first frame, and rebuilds a "
          "summary that was wrong",
          "[run_summary][storage_sync][later]") {
  ResetPlatform();
  Model m = YearsModel(11);
  Seed(m, 3);
  Model whole = StoredModel();
  bool tamper = GENERATE(false, true);
  if (tamper) {  // wrong about 2022: found only when 2022 is read
    std::vector<RunYearDigest> digests = DigestRuns(whole.runs);
    digests[1].distance_m += 1;
    fake::PutDocs({{kRunSummaryKey, RunSummaryDocument(digests)}}, 3);
  }
  std::map<std::string, std::string> stored_before = fake::Docs();
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  CHECK(tab.state.model.unread_run_years.size() == 4);
  CHECK(tab.sync.RunsLater());
  CHECK(tab.Save()["parts_loading"] == json::array({"older_runs"}));
  RequireSameShoes(tab.state.model, whole);
  // Nothing is taken before the first frame; then one year per task.
  fake::AdvanceMs(1);
  fake::DrainStorage();
  CHECK(tab.state.model.unread_run_years.size() == 4);
  tab.sync.AfterFirstFrame();  // the frame's own task takes nothing more
  CHECK(tab.state.model.unread_run_years.size() == 4);
  SECTION("in the background, in tasks after the frame's") {
    fake::AdvanceMs(0);
  }
  SECTION("at once, for an action that needs every run, after a change that needs none") {
    Change(tab.state, tab.sync, json{{"type", "log_pain"}, {"date", "2026-03-09"}, {"area", "knee"}, {"side", "left"},
                                     {"severity", 2}});
    fake::DrainStorage();
    for (int year = 2021; year <= 2024; ++year) CHECK(fake::Doc(RunsYearKey(year)) == stored_before.at(RunsYearKey(year)));
    tab.sync.TakeRunsNow();
  }
  fake::DrainStorage();
  REQUIRE_FALSE(tab.sync.RunsLater());
  CHECK(tab.sync.AllLoaded());
  CHECK(tab.state.model.unread_run_years.empty());
  CHECK(tab.state.model.runs == whole.runs);
  CHECK(tab.state.model == StoredModel());
  for (int year = 2021; year <= 2026; ++year) CHECK(fake::Doc(RunsYearKey(year)) == stored_before.at(RunsYearKey(year)));
  // The stored summary now agrees with the runs whether or not it did before.
  std::vector<RunYearDigest> summary, expected = DigestRuns(whole.runs);
  REQUIRE(ReadRunSummary(*fake::Doc(kRunSummaryKey), summary).empty());
  REQUIRE(summary.size() == expected.size());
  for (std::size_t i = 0; i < summary.size(); ++i) CHECK(SameDigest(summary[i], expected[i]));
  CHECK(DecodeStore(StoredDocs(), FirstScreenNeeds(D(kToday))).summary_stale == false);
}

TEST_CASE("an older year taken at once while a write is in flight: a damaged year is kept aside, the summary rebuilt",
          "[run_summary][storage_sync][later]") {
  ResetPlatform();
  Model m = YearsModel(5);
  Seed(m, 3);
  const std::string damaged = "{\"schema\": 4, \"app\": \"stridewise\", \"runs\": [{";
  fake::PutDocs({{"runs/2022", damaged}}, 3);
  Tab tab;
  tab.Start();
  fake::DrainStorage();
  REQUIRE(tab.state.model.unread_run_years.size() == 4);
  tab.sync.AfterFirstFrame();
  // A change that needs no run is being written when an action needs every run.
  Change(tab.state, tab.sync, json{{"type", "log_pain"}, {"date", "2026-03-09"}, {"area", "knee"}, {"side", "left"},
                                   {"severity", 2}});
  REQUIRE(tab.sync.status() == StorageSync::Status::Saving);
  tab.sync.TakeRunsNow();
  CHECK_FALSE(tab.sync.RunsLater());
  // The action itself: a 2021 run edited, saved after the write in flight.
  const Id old_run = m.runs[2].id;
  Change(tab.state, tab.sync, json{{"type", "update_run"}, {"id", old_run}, {"distance_m", 7777}});
  for (int i = 0; i < 10 && tab.sync.status() != StorageSync::Status::Saved; ++i) {
    fake::AdvanceMs(20);
    fake::DrainStorage();
  }
  REQUIRE(tab.sync.status() == StorageSync::Status::Saved);
  // 2022 is kept aside as it was and no longer where a write could replace it.
  CHECK_FALSE(fake::Doc("runs/2022"));
  bool kept = false;
  for (const auto& [key, value] : fake::Docs()) kept = kept || (key.rfind("damaged/runs/2022/", 0) == 0 && value == damaged);
  CHECK(kept);
  // What is stored reads back as this tab's model, with a summary that agrees with it.
  DecodedStore stored = DecodeStore(StoredDocs(), FirstScreenNeeds(D(kToday)));
  CHECK_FALSE(stored.summary_stale);
  CHECK(DecodeStore(StoredDocs()).model == tab.state.model);
  for (const Run& run : tab.state.model.runs) CHECK(int(run.date.year()) != 2022);
  REQUIRE(RunWithId(DecodeStore(StoredDocs()).model, old_run));
  CHECK(RunWithId(DecodeStore(StoredDocs()).model, old_run)->distance_m == 7777);
}

// The preload's first read hands the older years over in a second part of the same read
// transaction (web/storage_preload.js), so the first frame waits for neither their reading nor
// their decoding. Played here by fake::LeaveForLater.
TEST_CASE("the older years' text comes in a second part of the first read: drawn without it, taken in once it is "
          "in; never guessed at when that part fails",
          "[run_summary][storage_sync][later]") {
  ResetPlatform();
  Model m = YearsModel(11);
  Seed(m, 3);
  Model whole = StoredModel();
  std::map<std::string, std::string> stored_before = fake::Docs();
  const std::set<std::string> older = {"runs/2021", "runs/2022", "runs/2023", "runs/2024"};
  fake::LeaveForLater(older);
  Tab tab;
  tab.Start();
  bool part_fails = GENERATE(false, true);
  if (part_fails) fake::FailLoads("UnknownError: the transaction was aborted");  // the second part
  fake::DrainStorage(1);  // the first part alone
  REQUIRE(tab.sync.usable());
  CHECK(fake::LoadCount() == 1);
  CHECK(tab.state.model.unread_run_years.size() == 4);
  RequireSameShoes(tab.state.model, whole);
  RequireSameHome(tab.state.model, whole, D(kToday));
  CHECK(tab.Save()["parts_loading"] == json::array({"older_runs"}));
  // Until their text is in, nothing can take them in: an action that needs every run waits (the
  // app refuses it with a reason), and the first frame's task ends without them.
  CHECK_FALSE(tab.sync.TakeRunsNow());
  tab.sync.AfterFirstFrame();
  fake::AdvanceMs(0);
  CHECK(tab.state.model.unread_run_years.size() == 4);
  // A change that needs no run goes ahead and writes no year it has not read.
  Change(tab.state, tab.sync, json{{"type", "log_pain"}, {"date", "2026-03-09"}, {"area", "knee"}, {"side", "left"},
                                   {"severity", 2}});
  for (int round = 0; round < 5; ++round) {  // the part (or, when it fails, a whole read), then a task per year
    fake::DrainStorage();
    fake::AdvanceMs(0);
  }
  REQUIRE_FALSE(tab.sync.RunsLater());
  CHECK(tab.sync.TakeRunsNow());
  CHECK(fake::LoadCount() == (part_fails ? 2 : 1));
  CHECK(tab.state.model.runs == whole.runs);
  CHECK(tab.state.model == StoredModel());
  for (const std::string& key : older) CHECK(fake::Doc(key) == stored_before.at(key));
  CHECK(fake::Doc("pain").has_value());
  CHECK(tab.sync.status() == StorageSync::Status::Saved);
}

TEST_CASE("a year the first screen needs from the second part (a runner back after years away, a summary from an "
          "earlier build) is waited for before the first frame",
          "[run_summary][storage_sync][later]") {
  ResetPlatform();
  // Three runs this year: the warm-up card's last ten runs reach back to 2023.
  Model m = RunsUntil(3, D(kToday), 3, D("2023-07-01"));
  Seed(m, 3);
  bool earlier_build = GENERATE(false, true);
  if (earlier_build) fake::PutDocs({}, 3, {kRunSummaryKey});
  Model whole = StoredModel();
  fake::LeaveForLater({"runs/2021", "runs/2022", "runs/2023"});
  Tab tab;
  tab.Start();
  fake::DrainStorage(1);  // the first part: a year in the second is needed now
  CHECK_FALSE(tab.sync.usable());
  fake::DrainStorage();
  REQUIRE(tab.sync.usable());
  RequireSameHome(tab.state.model, whole, D(kToday));
  // Without a summary every year is read at once; with one, the years the card does not reach wait.
  CHECK(tab.state.model.unread_run_years.size() == (earlier_build ? 0u : 2u));
  tab.sync.AfterFirstFrame();
  for (int round = 0; round < 4; ++round) {
    fake::DrainStorage();
    fake::AdvanceMs(0);
  }
  REQUIRE_FALSE(tab.sync.RunsLater());
  CHECK(tab.state.model.runs == whole.runs);
  CHECK(tab.state.model == StoredModel());
}
