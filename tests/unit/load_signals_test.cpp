// Spike, ACWR, streak and longest-run signals of load_rules (the weekly totals: load_rules_test.cpp).
#include <catch2/catch.hpp>

#include "core/model/dates.hpp"
#include "core/rules/load_rules.hpp"

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

}  // namespace

// --- single-run spike -----------------------------------------------------------------------------

TEST_CASE("spike: exactly 10% longer is not a spike, 10.1% is", "[load]") {
  Model model;
  AddRun(model, "2026-11-10", 10000);
  Id run = AddRun(model, "2026-11-25", 11000);
  CHECK_FALSE(SummarizeLoad(model, D("2026-11-25")).spike_warning);
  model.runs[1].distance_m = 11010;
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  CHECK(load.spike_warning);
  REQUIRE(load.spike);
  CHECK(load.spike->run_id == run);
  CHECK(load.spike->date == D("2026-11-25"));
  CHECK(load.spike->percent_over == Approx(10.1));
  CHECK(load.spike->band == SpikeBand::Over10To30);
}

TEST_CASE("spike: exactly 10% on decimal miles is not a spike", "[load]") {
  for (double mi : {3.1, 5.0, 6.2, 13.1, 0.7}) {
    CAPTURE(mi);
    Model model;
    AddRun(model, "2026-11-10", mi * kMetresPerMile);
    AddRun(model, "2026-11-25", mi * 1.1 * kMetresPerMile);
    CHECK_FALSE(SummarizeLoad(model, D("2026-11-25")).spike_warning);
  }
}

TEST_CASE("spike: no history in the 30 days before the run means no spike", "[load]") {
  Model model;
  AddRun(model, "2026-10-25", 5000);  // 31 days before 11-25: outside
  AddRun(model, "2026-11-25", 30000);
  CHECK_FALSE(SummarizeLoad(model, D("2026-11-25")).spike_warning);
  model.runs[0].date = D("2026-10-26");  // exactly 30 days before: inside
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  REQUIRE(load.spike);
  CHECK(load.spike->band == SpikeBand::Over100);
  // A first-ever run is never a spike.
  Model first;
  AddRun(first, "2026-11-25", 42195);
  CHECK_FALSE(SummarizeLoad(first, D("2026-11-25")).spike_warning);
}

TEST_CASE("spike: only runs of the last 7 days (today and the 6 before) are checked", "[load]") {
  Model model;
  AddRun(model, "2026-11-01", 10000);
  Id spike_run = AddRun(model, "2026-11-19", 15000);  // 6 days before 11-25
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  REQUIRE(load.spike);
  CHECK(load.spike->run_id == spike_run);
  CHECK_FALSE(SummarizeLoad(model, D("2026-11-26")).spike_warning);  // now 7 days before
  // Tomorrow's run is not yet in the last 7 days.
  Model future;
  AddRun(future, "2026-11-20", 10000);
  AddRun(future, "2026-11-26", 15000);
  CHECK_FALSE(SummarizeLoad(future, D("2026-11-25")).spike_warning);
}

TEST_CASE("spike: same-day runs are not each other's history; the biggest spike is reported", "[load]") {
  Model model;
  AddRun(model, "2026-11-01", 10000);
  Id a = AddRun(model, "2026-11-20", 12000);  // +20% over 10 km
  AddRun(model, "2026-11-25", 10000);
  Id b = AddRun(model, "2026-11-25", 13000);  // +8.3% over 12 km: not a spike
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  REQUIRE(load.spike);
  CHECK(load.spike->run_id == a);
  model.runs.back().distance_m = 30000;  // +150% over 12 km
  load = SummarizeLoad(model, D("2026-11-25"));
  REQUIRE(load.spike);
  CHECK(load.spike->run_id == b);
  CHECK(load.spike->previous_longest_m == 12000);
  CHECK(load.spike->band == SpikeBand::Over100);
}

TEST_CASE("spike: a spike raises the bar for the runs after it", "[load]") {
  Model model;
  AddRun(model, "2026-11-10", 5000);
  Id big = AddRun(model, "2026-11-21", 10000);  // +100%
  AddRun(model, "2026-11-25", 10500);           // +5% over 10 km: fine
  LoadSummary load = SummarizeLoad(model, D("2026-11-25"));
  REQUIRE(load.spike);
  CHECK(load.spike->run_id == big);
  CHECK(load.spike->percent_over == Approx(100));
  CHECK(load.spike->band == SpikeBand::Over30To100);
}

TEST_CASE("spike bands follow the study: 10-30%, 30-100%, over 100%", "[load]") {
  CHECK(SpikeBandFor(10.1) == SpikeBand::Over10To30);
  CHECK(SpikeBandFor(30) == SpikeBand::Over10To30);
  CHECK(SpikeBandFor(30.01) == SpikeBand::Over30To100);
  CHECK(SpikeBandFor(100) == SpikeBand::Over30To100);
  CHECK(SpikeBandFor(100.01) == SpikeBand::Over100);
  CHECK(SpikeBandId(SpikeBand::Over10To30) == "10-30%");
  CHECK(SpikeBandId(SpikeBand::Over30To100) == "30-100%");
  CHECK(SpikeBandId(SpikeBand::Over100) == ">100%");
  // And through real runs: 13 km over 10 km is exactly +30%.
  Model model;
  AddRun(model, "2026-11-10", 10000);
  AddRun(model, "2026-11-25", 13000);
  CHECK(SummarizeLoad(model, D("2026-11-25")).spike->band == SpikeBand::Over10To30);
  model.runs[1].distance_m = 20000;
  CHECK(SummarizeLoad(model, D("2026-11-25")).spike->band == SpikeBand::Over30To100);
  model.runs[1].distance_m = 20010;
  CHECK(SummarizeLoad(model, D("2026-11-25")).spike->band == SpikeBand::Over100);
}

// --- ACWR -----------------------------------------------------------------------------------------

TEST_CASE("acwr: null with 27 days of history, a number with 28", "[load]") {
  Date today = D("2026-11-28");
  Model model;
  for (int back = 26; back >= 0; --back) AddRun(model, AddDays(today, -back), 5000);  // 27 days
  CHECK_FALSE(SummarizeLoad(model, today).acwr);
  CHECK_FALSE(SummarizeLoad(model, today).acwr_band);
  AddRun(model, AddDays(today, -27), 5000);  // first run 27 days before today: 28 days
  LoadSummary load = SummarizeLoad(model, today);
  REQUIRE(load.acwr);
  CHECK(*load.acwr == Approx(1.0));
  CHECK(load.acwr_band == AcwrBand::SweetSpot);
}

TEST_CASE("acwr: history counts from the first run ever, older runs fall out of the window", "[load]") {
  Date today = D("2026-11-28");
  Model model;
  AddRun(model, AddDays(today, -60), 5000);  // long history, outside the 28 days
  AddRun(model, AddDays(today, -20), 4000);  // chronic only
  AddRun(model, AddDays(today, -3), 6000);   // acute + chronic
  AddRun(model, AddDays(today, 1), 9000);    // tomorrow: in neither window
  LoadSummary load = SummarizeLoad(model, today);
  REQUIRE(load.acwr);
  CHECK(*load.acwr == Approx(6000 / (10000 / 4.0)));  // 2.4
  CHECK(load.acwr_band == AcwrBand::Danger);
  // The 28-day window's first day (today - 27) is in, the day before is out.
  Model edge;
  AddRun(edge, AddDays(today, -28), 100000);
  AddRun(edge, AddDays(today, -27), 2000);
  AddRun(edge, today, 2000);
  load = SummarizeLoad(edge, today);
  REQUIRE(load.acwr);
  CHECK(*load.acwr == Approx(2.0));
}

TEST_CASE("acwr: null with zero chronic load even with long history", "[load]") {
  Model model;
  AddRun(model, "2026-09-01", 10000);
  LoadSummary load = SummarizeLoad(model, D("2026-11-28"));
  CHECK_FALSE(load.acwr);
  CHECK_FALSE(load.acwr_band);
}

TEST_CASE("acwr: zero this week with chronic load is 0, low", "[load]") {
  Date today = D("2026-11-28");
  Model model;
  AddRun(model, AddDays(today, -27), 10000);
  AddRun(model, AddDays(today, -7), 10000);
  LoadSummary load = SummarizeLoad(model, today);
  REQUIRE(load.acwr);
  CHECK(*load.acwr == 0);
  CHECK(load.acwr_band == AcwrBand::Low);
}

TEST_CASE("acwr bands (Gabbett 2016): low, sweet spot, caution, danger", "[load]") {
  CHECK(AcwrBandFor(0) == AcwrBand::Low);
  CHECK(AcwrBandFor(0.79) == AcwrBand::Low);
  CHECK(AcwrBandFor(0.8) == AcwrBand::SweetSpot);
  CHECK(AcwrBandFor(1.3) == AcwrBand::SweetSpot);
  CHECK(AcwrBandFor(1.31) == AcwrBand::Caution);
  CHECK(AcwrBandFor(1.49) == AcwrBand::Caution);
  CHECK(AcwrBandFor(1.5) == AcwrBand::Danger);
  CHECK(AcwrBandFor(3) == AcwrBand::Danger);
  CHECK(AcwrBandId(AcwrBand::Low) == "low");
  CHECK(AcwrBandId(AcwrBand::SweetSpot) == "sweet spot");
  CHECK(AcwrBandId(AcwrBand::Caution) == "caution");
  CHECK(AcwrBandId(AcwrBand::Danger) == "danger");
  // Band edges reached through data: acute 13 km of a 40 km month is 1.3.
  Date today = D("2026-11-28");
  Model model;
  AddRun(model, AddDays(today, -27), 27000);
  AddRun(model, today, 13000);
  LoadSummary load = SummarizeLoad(model, today);
  CHECK(*load.acwr == Approx(1.3));
  CHECK(load.acwr_band == AcwrBand::SweetSpot);
  model.runs[0].distance_m = 32000;  // 8 km of a 40 km month is 0.8
  model.runs[1].distance_m = 8000;
  load = SummarizeLoad(model, today);
  CHECK(*load.acwr == Approx(0.8));
  CHECK(load.acwr_band == AcwrBand::SweetSpot);
  model.runs[1].distance_m = 7000;  // 7 of 39
  CHECK(SummarizeLoad(model, today).acwr_band == AcwrBand::Low);
  model.runs[0].distance_m = 25000;  // 15 of 40 = 1.5
  model.runs[1].distance_m = 15000;
  CHECK(SummarizeLoad(model, today).acwr_band == AcwrBand::Danger);
}

// --- streak and longest run -----------------------------------------------------------------------

TEST_CASE("consecutive run days end today or yesterday; a gap day breaks the streak", "[load]") {
  Date today = D("2026-11-25");
  Model model;
  AddRun(model, AddDays(today, -5), 1000);
  // gap on today - 4
  AddRun(model, AddDays(today, -3), 1000);
  AddRun(model, AddDays(today, -2), 1000);
  AddRun(model, AddDays(today, -1), 1000);
  AddRun(model, AddDays(today, -1), 1000);  // two runs one day: still one day
  CHECK(SummarizeLoad(model, today).consecutive_run_days == 3);  // yesterday's streak is alive
  AddRun(model, today, 1000);
  CHECK(SummarizeLoad(model, today).consecutive_run_days == 4);
  AddRun(model, AddDays(today, -4), 1000);  // fill the gap
  CHECK(SummarizeLoad(model, today).consecutive_run_days == 6);
  // Two days without a run: the streak is over.
  CHECK(SummarizeLoad(model, AddDays(today, 2)).consecutive_run_days == 0);
  // A run logged for tomorrow does not extend today's count.
  AddRun(model, AddDays(today, 1), 1000);
  CHECK(SummarizeLoad(model, today).consecutive_run_days == 6);
}

TEST_CASE("longest run of the last 30 days: today and the 29 days before", "[load]") {
  Date today = D("2026-11-25");
  Model model;
  AddRun(model, AddDays(today, -30), 40000);  // out
  AddRun(model, AddDays(today, -29), 21000);  // in
  AddRun(model, today, 10000);
  AddRun(model, AddDays(today, 1), 50000);    // tomorrow: not yet
  CHECK(SummarizeLoad(model, today).longest_run_30d_m == 21000);
}


TEST_CASE("a streak longer than the 12 charted weeks is counted in full", "[load]") {
  Date today = D("2026-11-25");
  Model model;
  for (int back = 0; back < 150; ++back) {
    AddRun(model, AddDays(today, -back), 3000);
    if (back % 7 == 0) AddRun(model, AddDays(today, -back), 2000);  // doubles along the way
  }
  AddRun(model, AddDays(today, -151), 3000);  // after a gap day: not part of it
  CHECK(SummarizeLoad(model, today).consecutive_run_days == 150);
  CHECK(SummarizeLoad(model, AddDays(today, 1)).consecutive_run_days == 150);  // alive until tonight
  const Date gap = AddDays(today, -119);  // a double-run day, 17 weeks back
  std::erase_if(model.runs, [&](const Run& run) { return run.date == gap; });
  CHECK(SummarizeLoad(model, today).consecutive_run_days == 119);
  const Date edge = AddDays(WeekStart(today, Monday), -78);  // the day before the charted weeks
  std::erase_if(model.runs, [&](const Run& run) { return run.date == edge; });
  CHECK(SummarizeLoad(model, today).consecutive_run_days == DaysBetween(edge, today));
}
