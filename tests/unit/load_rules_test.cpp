#include <catch2/catch.hpp>

#include "core/model/dates.hpp"
#include "core/rules/load_rules.hpp"
#include "core/rules/rules_state_json.hpp"
#include "core/actions/state_json.hpp"

using namespace sw;
using namespace std::chrono;

namespace {

Date D(const char* text) { return *ParseDate(text); }

Id AddRun(Model& model, Date date, double m) {
  Run run;
  run.id = model.next_id++;
  run.date = date;
  run.distance_m = m;
  model.runs.push_back(run);
  return run.id;
}
Id AddRun(Model& model, const char* date, double m) { return AddRun(model, D(date), m); }

Model WithWeekStart(weekday start) {
  Model model;
  model.settings.week_start = start;
  return model;
}

}  // namespace

// --- weekly totals and the 10% rule -------------------------------------------------------------

TEST_CASE("empty history: zeros, no warnings, null acwr, 12 empty weeks", "[load]") {
  Model model;
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.this_week_start == D("2026-11-23"));
  CHECK(load.this_week_m == 0);
  CHECK(load.last_week_m == 0);
  CHECK(load.this_week_max_m == 0);
  CHECK_FALSE(load.ten_percent_exceeded);
  CHECK(load.longest_run_30d_m == 0);
  CHECK_FALSE(load.spike_warning);
  CHECK_FALSE(load.spike);
  CHECK_FALSE(load.acwr);
  CHECK_FALSE(load.acwr_band);
  CHECK(load.consecutive_run_days == 0);
  REQUIRE(load.weeks.size() == 12);
  for (const WeekTotal& week : load.weeks) CHECK(week.m == 0);
}

TEST_CASE("Monday week start: Sunday night belongs to last week, Monday to this week", "[load]") {
  Model model = WithWeekStart(Monday);
  AddRun(model, "2026-11-22", 10000);  // Sunday (late evening or not: a date is a date)
  AddRun(model, "2026-11-23", 4000);   // Monday
  AddRun(model, "2026-11-15", 1000);   // the Sunday before: two weeks ago
  AddRun(model, "2026-11-16", 2000);   // Monday of last week
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));  // Wednesday
  CHECK(load.this_week_start == D("2026-11-23"));
  CHECK(load.this_week_m == 4000);
  CHECK(load.last_week_m == 12000);
  // Today being Sunday: still this week (Mon..Sun).
  load = SummarizeLoad(model, D("2026-11-29"));
  CHECK(load.this_week_start == D("2026-11-23"));
  CHECK(load.this_week_m == 4000);
  // Today being Monday the 23rd: the Sunday run is last week.
  load = SummarizeLoad(model, D("2026-11-23"));
  CHECK(load.this_week_m == 4000);
  CHECK(load.last_week_m == 12000);
}

TEST_CASE("Sunday week start: the Sunday run opens this week, Saturday closes the last", "[load]") {
  Model model = WithWeekStart(Sunday);
  AddRun(model, "2026-11-21", 3000);   // Saturday
  AddRun(model, "2026-11-22", 10000);  // Sunday
  AddRun(model, "2026-11-23", 4000);   // Monday
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.this_week_start == D("2026-11-22"));
  CHECK(load.this_week_m == 14000);
  CHECK(load.last_week_m == 3000);
  // Today Saturday 28th: last day of the week that started Sunday 22nd.
  load = SummarizeLoad(model, D("2026-11-28"));
  CHECK(load.this_week_start == D("2026-11-22"));
  CHECK(load.this_week_m == 14000);
  // Today Sunday 29th: a new week; the 22nd..28th is now last week.
  load = SummarizeLoad(model, D("2026-11-29"));
  CHECK(load.this_week_m == 0);
  CHECK(load.last_week_m == 14000);
}

TEST_CASE("other week starts from settings work too", "[load]") {
  Model model = WithWeekStart(Saturday);
  AddRun(model, "2026-11-20", 1000);  // Friday
  AddRun(model, "2026-11-21", 2000);  // Saturday
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.this_week_start == D("2026-11-21"));
  CHECK(load.this_week_m == 2000);
  CHECK(load.last_week_m == 1000);
}

TEST_CASE("multiple runs on one day add up", "[load]") {
  Model model;
  AddRun(model, "2026-11-24", 5000);
  AddRun(model, "2026-11-24", 3000);
  AddRun(model, "2026-11-24", 2000);
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.this_week_m == 10000);
  CHECK(load.weeks.back().m == 10000);
  CHECK(load.longest_run_30d_m == 5000);  // the longest single run, not the day's total
  CHECK(load.consecutive_run_days == 1);
}

TEST_CASE("a run dated tomorrow counts in its own calendar week", "[load]") {
  Model model = WithWeekStart(Monday);
  AddRun(model, "2026-11-26", 6000);  // tomorrow, a Thursday: this week
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.this_week_m == 6000);
  CHECK(load.weeks.back().m == 6000);
  // ...but is not part of the rolling windows that end today.
  CHECK(load.longest_run_30d_m == 0);
  CHECK(load.consecutive_run_days == 0);
  CHECK_FALSE(load.spike_warning);

  Model sunday = WithWeekStart(Monday);
  AddRun(sunday, "2026-11-30", 6000);  // tomorrow is Monday: next week, not this one
  load = SummarizeLoad(sunday, D("2026-11-29"));
  CHECK(load.this_week_m == 0);
  CHECK(load.weeks.back().m == 0);
}

TEST_CASE("10% rule: exactly +10% is within the cap, +10.01% exceeds it", "[load]") {
  Model model;
  AddRun(model, "2026-11-17", 10000);  // last week
  Id run = AddRun(model, "2026-11-24", 11000);
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.last_week_m == 10000);
  CHECK(load.this_week_max_m == Approx(11000));
  CHECK_FALSE(load.ten_percent_exceeded);
  model.runs[1].distance_m = 11001;  // +10.01%
  REQUIRE(model.runs[1].id == run);
  CHECK(SummarizeLoad(model, D("2026-11-25")).ten_percent_exceeded);
}

TEST_CASE("10% rule on decimal miles: 5 mi then 5.5 mi is exactly +10%", "[load]") {
  for (double last_mi : {5.0, 3.1, 7.3, 12.7, 26.2, 31.07, 0.3}) {
    Model model;
    AddRun(model, "2026-11-17", last_mi * kMetresPerMile);
    AddRun(model, "2026-11-24", last_mi * 1.1 * kMetresPerMile);
    CAPTURE(last_mi);
    CHECK_FALSE(SummarizeLoad(model, D("2026-11-25")).ten_percent_exceeded);
    model.runs[1].distance_m = last_mi * 1.1001 * kMetresPerMile;
    CHECK(SummarizeLoad(model, D("2026-11-25")).ten_percent_exceeded);
  }
}

TEST_CASE("10% rule: never exceeded when last week was zero", "[load]") {
  Model model;
  AddRun(model, "2026-11-10", 10000);  // two weeks ago only
  AddRun(model, "2026-11-24", 50000);
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.last_week_m == 0);
  CHECK(load.this_week_max_m == 0);
  CHECK(load.this_week_m == 50000);
  CHECK_FALSE(load.ten_percent_exceeded);
}

TEST_CASE("10% rule follows the limit in settings", "[load]") {
  Model model;
  model.settings.weekly_increase_limit_pct = 20;
  AddRun(model, "2026-11-17", 10000);
  AddRun(model, "2026-11-24", 12000);
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.this_week_max_m == Approx(12000));
  CHECK_FALSE(load.ten_percent_exceeded);
  model.runs[1].distance_m = 12002;
  CHECK(SummarizeLoad(model, D("2026-11-25")).ten_percent_exceeded);
}

TEST_CASE("12 weekly totals, oldest first, each with its start date", "[load]") {
  Model model = WithWeekStart(Monday);
  Date today = D("2026-11-25");
  AddRun(model, "2026-09-06", 999);    // Sunday before the oldest charted week: left out
  AddRun(model, "2026-09-07", 1000);   // Monday of the oldest week (11 weeks back)
  AddRun(model, "2026-11-22", 2000);   // last week's Sunday
  AddRun(model, "2026-11-23", 3000);   // this week
  AddRun(model, "2026-11-29", 500);    // this week's Sunday (future)
  LoadSummary load = SummarizeLoad(model, today);
  REQUIRE(load.weeks.size() == 12);
  CHECK(load.weeks.front().start == D("2026-09-07"));
  CHECK(load.weeks.back().start == D("2026-11-23"));
  for (std::size_t i = 1; i < load.weeks.size(); ++i) CHECK(DaysBetween(load.weeks[i - 1].start, load.weeks[i].start) == 7);
  CHECK(load.weeks[0].m == 1000);
  CHECK(load.weeks[10].m == 2000);
  CHECK(load.weeks[11].m == 3500);
  double sum = 0;
  for (const WeekTotal& week : load.weeks) sum += week.m;
  CHECK(sum == 6500);
}

TEST_CASE("weeks across a year boundary", "[load]") {
  Model model;
  AddRun(model, "2026-12-27", 1000);  // Sunday
  AddRun(model, "2026-12-28", 2000);  // Monday
  AddRun(model, "2027-01-01", 3000);
  LoadSummary load = SummarizeLoad(model, D("2027-01-02"));
  CHECK(load.this_week_start == D("2026-12-28"));
  CHECK(load.this_week_m == 5000);
  CHECK(load.last_week_m == 1000);
}

// --- daylight saving: weeks are calendar days, a 23- or 25-hour day is still one day -------------

TEST_CASE("EU daylight-saving weeks (2026-03-29, 2026-10-25) hold exactly their 7 days", "[load]") {
  for (const char* sunday_text : {"2026-03-29", "2026-10-25"}) {
    CAPTURE(sunday_text);
    Date change = D(sunday_text);  // clocks change in the night to this Sunday
    Model model = WithWeekStart(Monday);
    Date monday = AddDays(change, -6);
    for (int i = 0; i < 7; ++i) AddRun(model, AddDays(monday, i), 1000 * (i + 1));
    AddRun(model, AddDays(change, 1), 100);   // the Monday after: next week
    AddRun(model, AddDays(monday, -1), 50);   // the Sunday before: previous week
    LoadSummary load = SummarizeLoad(model, change);
    CHECK(load.this_week_start == monday);
    CHECK(load.this_week_m == 28000);
    CHECK(load.last_week_m == 50);
    CHECK(load.consecutive_run_days == 8);
    load = SummarizeLoad(model, AddDays(change, 1));
    CHECK(load.this_week_start == AddDays(change, 1));
    CHECK(load.this_week_m == 100);
    CHECK(load.last_week_m == 28000);
    CHECK(load.consecutive_run_days == 9);
  }
}

TEST_CASE("US daylight-saving weeks (2026-03-08, 2026-11-01) with Sunday week starts", "[load]") {
  for (const char* sunday_text : {"2026-03-08", "2026-11-01"}) {
    CAPTURE(sunday_text);
    Date change = D(sunday_text);  // a Sunday: the first day of a US week
    REQUIRE(weekday{Days(change)} == Sunday);
    Model model = WithWeekStart(Sunday);
    for (int i = 0; i < 7; ++i) AddRun(model, AddDays(change, i), 1000);
    AddRun(model, AddDays(change, -1), 300);  // Saturday before the change: last week
    AddRun(model, AddDays(change, 7), 700);   // the next Sunday: the week after
    LoadSummary load = SummarizeLoad(model, AddDays(change, 3));
    CHECK(load.this_week_start == change);
    CHECK(load.this_week_m == 7000);
    CHECK(load.last_week_m == 300);
    load = SummarizeLoad(model, AddDays(change, 7));
    CHECK(load.this_week_m == 700);
    CHECK(load.last_week_m == 7000);
    CHECK(load.weeks[10].start == change);
    CHECK(load.weeks[10].m == 7000);
  }
}

TEST_CASE("rolling windows over a daylight-saving change count calendar days", "[load]") {
  Model model;
  // 2026-03-29 is the EU change. The 30-day window ending 2026-04-27 starts 2026-03-29.
  AddRun(model, "2026-03-28", 20000);
  AddRun(model, "2026-03-29", 15000);
  LoadSummary load = SummarizeLoad(model, D("2026-04-27"));
  CHECK(load.longest_run_30d_m == 15000);
  // A run a week after the change compares against the 30 days before, change included.
  AddRun(model, "2026-04-05", 22100);  // +10.5% over 20 km on 03-28
  load = SummarizeLoad(model, D("2026-04-05"));
  REQUIRE(load.spike);
  CHECK(load.spike->previous_longest_m == 20000);
}

// --- leap days ------------------------------------------------------------------------------------

TEST_CASE("leap day: the week spanning February and March 2024", "[load]") {
  Model model = WithWeekStart(Monday);
  AddRun(model, "2024-02-25", 1);     // Sunday: last week
  AddRun(model, "2024-02-26", 10);    // Monday
  AddRun(model, "2024-02-29", 100);   // the leap day
  AddRun(model, "2024-03-01", 1000);
  AddRun(model, "2024-03-03", 10000); // Sunday
  AddRun(model, "2024-03-04", 5);     // next Monday
  LoadSummary load = SummarizeLoad(model, D("2024-02-29"));
  CHECK(load.this_week_start == D("2024-02-26"));
  CHECK(load.this_week_m == 11110);
  CHECK(load.last_week_m == 1);
  load = SummarizeLoad(model, D("2024-03-04"));
  CHECK(load.this_week_m == 5);
  CHECK(load.last_week_m == 11110);
  // Sunday starts: the leap-day week is Sun 02-25 .. Sat 03-02.
  model.settings.week_start = Sunday;
  load = SummarizeLoad(model, D("2024-03-01"));
  CHECK(load.this_week_start == D("2024-02-25"));
  CHECK(load.this_week_m == 1111);
}

TEST_CASE("leap day: 30-day windows over 2024-02-29", "[load]") {
  Model model;
  AddRun(model, "2024-02-28", 30000);
  AddRun(model, "2024-02-29", 20000);
  // The last 30 days of 2024-03-29 are 02-29 .. 03-29: the 28th is out, the 29th in.
  CHECK(SummarizeLoad(model, D("2024-03-29")).longest_run_30d_m == 20000);
  CHECK(SummarizeLoad(model, D("2024-03-28")).longest_run_30d_m == 30000);
  // A run on 03-30 compares with 02-29 .. 03-29 (the 30 days before it).
  AddRun(model, "2024-03-30", 22100);
  LoadSummary load = SummarizeLoad(model, D("2024-03-30"));
  REQUIRE(load.spike);
  CHECK(load.spike->previous_longest_m == 20000);
  CHECK(load.spike->percent_over == Approx(10.5));
  // Dated 03-29 instead, the 28th (30 km) is still in its window: no spike.
  model.runs.back().date = D("2024-03-29");
  CHECK_FALSE(SummarizeLoad(model, D("2024-03-30")).spike_warning);
}

TEST_CASE("leap day: streak and acwr windows step through 02-29", "[load]") {
  Model model;
  for (Date d = D("2024-02-01"); d <= D("2024-03-02"); d = AddDays(d, 1)) AddRun(model, d, 1000);
  LoadSummary load = SummarizeLoad(model, D("2024-03-02"));
  CHECK(load.consecutive_run_days == 31);  // Feb 2024 has 29 days, + 2 of March
  REQUIRE(load.acwr);
  CHECK(*load.acwr == Approx(1.0));
}

// --- state() "load" -------------------------------------------------------------------------------

TEST_CASE("state() load: the API.md names with null acwr on an empty history", "[load]") {
  AppState state;
  ActionContext context;
  context.today = D("2026-11-25");
  nlohmann::json load = StateToJson(state, context)["load"];
  for (const char* key : {"this_week_m", "last_week_m", "this_week_max_m", "ten_percent_exceeded", "longest_run_30d_m",
                          "spike_warning", "acwr", "acwr_band", "consecutive_run_days", "weeks", "week_start"}) {
    CAPTURE(key);
    CHECK(load.contains(key));
  }
  CHECK(load["acwr"].is_null());
  CHECK(load["acwr_band"].is_null());
  CHECK_FALSE(load.contains("spike"));
  CHECK(load["spike_warning"] == false);
  CHECK(load["ten_percent_exceeded"] == false);
  CHECK(load["this_week_m"] == 0);
  CHECK(load["week_start"] == "2026-11-23");
  REQUIRE(load["weeks"].size() == 12);
  CHECK(load["weeks"][0]["start"] == "2026-09-07");
  CHECK(load["weeks"][11] == nlohmann::json{{"start", "2026-11-23"}, {"m", 0.0}});
}

TEST_CASE("state() load: spike, acwr and totals as numbers and strings", "[load]") {
  AppState state;
  state.model.settings.week_start = Sunday;
  Date today = D("2026-11-25");
  AddRun(state.model, AddDays(today, -27), 10000);
  AddRun(state.model, AddDays(today, -7), 10000);
  Id spike = AddRun(state.model, today, 25000);
  ActionContext context;
  context.today = today;
  nlohmann::json load = StateToJson(state, context)["load"];
  CHECK(load["this_week_m"] == 25000.0);
  CHECK(load["last_week_m"] == 10000.0);
  CHECK(load["this_week_max_m"].get<double>() == Approx(11000));
  CHECK(load["ten_percent_exceeded"] == true);
  CHECK(load["week_start"] == "2026-11-22");
  CHECK(load["longest_run_30d_m"] == 25000.0);
  CHECK(load["spike_warning"] == true);
  REQUIRE(load.contains("spike"));
  CHECK(load["spike"]["run_id"] == spike);
  CHECK(load["spike"]["date"] == "2026-11-25");
  CHECK(load["spike"]["percent_over"].get<double>() == Approx(150));
  CHECK(load["spike"]["band"] == ">100%");
  CHECK(load["acwr"].get<double>() == Approx(25.0 / (45.0 / 4)));
  CHECK(load["acwr_band"] == "danger");
  CHECK(load["consecutive_run_days"] == 1);
  CHECK(load["weeks"].back()["m"] == 25000.0);
}
