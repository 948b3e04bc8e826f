#include <catch2/catch.hpp>

#include <cmath>

#include "core/model/dates.hpp"
#include "core/rules/rules_state_json.hpp"
#include "core/rules/shoe_rules.hpp"
#include "core/actions/state_json.hpp"

using namespace sw;

namespace {

Date D(const char* text) { return *ParseDate(text); }

Shoe MakeShoe(Id id, double start_m = 0) {
  Shoe shoe;
  shoe.id = id;
  shoe.name = "Shoe " + std::to_string(id);
  shoe.start_distance_m = start_m;
  return shoe;
}

void AddRun(Model& model, const char* date, double m, std::optional<Id> shoe_id) {
  Run run;
  run.id = model.next_id++;
  run.date = D(date);
  run.distance_m = m;
  run.shoe_id = shoe_id;
  model.runs.push_back(run);
}

// `count` runs sharing `total_m`, spread from `first` to `last` (both included).
void AddRunsBetween(Model& model, Id shoe_id, const char* first, const char* last, int count, double total_m) {
  const int days = DaysBetween(D(first), D(last));
  for (int i = 0; i < count; ++i)
    AddRun(model, FormatDate(AddDays(D(first), i * days / (count - 1))).c_str(), total_m / count, shoe_id);
}

}  // namespace

TEST_CASE("a shoe's distance is its start distance plus every run on it", "[shoes]") {
  Model model;
  model.shoes = {MakeShoe(1, 100000), MakeShoe(2)};
  AddRun(model, "2026-03-01", 5000, 1);
  AddRun(model, "2026-03-02", 8000, 1);
  AddRun(model, "2026-03-02", 3000, 2);
  AddRun(model, "2026-03-03", 7000, std::nullopt);  // no shoe: counts for nobody's wear
  AddRun(model, "2026-03-03", 9000, 99);            // an unknown shoe id is ignored too
  auto summaries = SummarizeShoes(model, D("2026-03-04"));
  REQUIRE(summaries.size() == 2);
  CHECK(summaries[0].id == 1);
  CHECK(summaries[0].distance_m == 113000);
  CHECK(summaries[0].runs == 2);
  CHECK(summaries[1].distance_m == 3000);
  CHECK(summaries[1].runs == 1);
}

TEST_CASE("a new shoe with no runs is ok at zero with no projection", "[shoes]") {
  Model model;
  model.shoes = {MakeShoe(1)};
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], D("2026-03-04"));
  CHECK(s.distance_m == 0);
  CHECK(s.runs == 0);
  CHECK(s.status == ShoeStatus::Ok);
  CHECK(s.life_used == 0);
  CHECK_FALSE(s.projected_replace_date);
  CHECK_FALSE(s.wear_flagged);
  CHECK(SummarizeShoes(Model{}, D("2026-03-04")).empty());
}

TEST_CASE("status thresholds: warn and replace apply at exactly the threshold", "[shoes]") {
  Shoe shoe = MakeShoe(1);
  REQUIRE(shoe.warn_at_m == kDefaultWarnAtM);
  REQUIRE(shoe.replace_at_m == kDefaultReplaceAtM);
  CHECK(kDefaultWarnAtM == Approx(482803.2));
  CHECK(kDefaultReplaceAtM == Approx(804672));
  CHECK(StatusFor(shoe, 0) == ShoeStatus::Ok);
  CHECK(StatusFor(shoe, std::nextafter(kDefaultWarnAtM, 0.0)) == ShoeStatus::Ok);
  CHECK(StatusFor(shoe, kDefaultWarnAtM) == ShoeStatus::Warn);
  CHECK(StatusFor(shoe, std::nextafter(kDefaultReplaceAtM, 0.0)) == ShoeStatus::Warn);
  CHECK(StatusFor(shoe, kDefaultReplaceAtM) == ShoeStatus::Replace);
  CHECK(StatusFor(shoe, 2 * kDefaultReplaceAtM) == ShoeStatus::Replace);
}

TEST_CASE("status thresholds reached through logged runs, per-shoe thresholds", "[shoes]") {
  Model model;
  Shoe shoe = MakeShoe(1, 1000);
  shoe.warn_at_m = 10000;
  shoe.replace_at_m = 20000;
  model.shoes = {shoe};
  AddRun(model, "2026-03-01", 8999, 1);
  Date today = D("2026-03-05");
  CHECK(SummarizeShoe(model, model.shoes[0], today).status == ShoeStatus::Ok);
  model.runs[0].distance_m = 9000;  // 1000 start + 9000 = exactly warn
  CHECK(SummarizeShoe(model, model.shoes[0], today).status == ShoeStatus::Warn);
  AddRun(model, "2026-03-02", 9999, 1);
  CHECK(SummarizeShoe(model, model.shoes[0], today).status == ShoeStatus::Warn);
  model.runs[1].distance_m = 10000;  // exactly replace
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], today);
  CHECK(s.status == ShoeStatus::Replace);
  CHECK(s.life_used == 1.0);
  CHECK_FALSE(s.projected_replace_date);  // already due: nothing to project
}

TEST_CASE("the start distance alone can put a shoe past its thresholds", "[shoes]") {
  Model model;
  model.shoes = {MakeShoe(1, kDefaultWarnAtM), MakeShoe(2, kDefaultReplaceAtM)};
  auto s = SummarizeShoes(model, D("2026-03-05"));
  CHECK(s[0].status == ShoeStatus::Warn);
  CHECK(s[1].status == ShoeStatus::Replace);
}

TEST_CASE("any wear sign flags the shoe for replacement whatever its mileage", "[shoes]") {
  Model model;
  model.shoes = {MakeShoe(1)};
  AddRun(model, "2026-03-01", 5000, 1);
  Date today = D("2026-03-05");
  for (int sign = 0; sign < 3; ++sign) {
    Shoe& shoe = model.shoes[0];
    shoe.wear = {};
    (sign == 0 ? shoe.wear.uneven_wear : sign == 1 ? shoe.wear.discomfort : shoe.wear.stride_change) = true;
    ShoeSummary s = SummarizeShoe(model, shoe, today);
    CHECK(s.status == ShoeStatus::Replace);
    CHECK(s.wear_flagged);
    CHECK(s.life_used < 0.01);  // the bar still shows real mileage
    CHECK_FALSE(s.projected_replace_date);
  }
  model.shoes[0].wear = {};
  CHECK(SummarizeShoe(model, model.shoes[0], today).status == ShoeStatus::Ok);
  CHECK_FALSE(AnyWearSign(ShoeWear{}));
}

TEST_CASE("retired wins over mileage and wear signs", "[shoes]") {
  Model model;
  Shoe shoe = MakeShoe(1, 2 * kDefaultReplaceAtM);
  shoe.retired = true;
  shoe.wear.discomfort = true;
  model.shoes = {shoe, MakeShoe(2)};
  model.shoes[1].retired = true;
  AddRun(model, "2026-03-01", 5000, 2);
  auto s = SummarizeShoes(model, D("2026-03-05"));
  CHECK(s[0].status == ShoeStatus::Retired);
  CHECK(s[0].wear_flagged);
  CHECK(s[1].status == ShoeStatus::Retired);
  CHECK(s[1].distance_m == 5000);  // a retired shoe keeps its history
  CHECK_FALSE(s[1].projected_replace_date);
}

TEST_CASE("status ids are the API names", "[shoes]") {
  CHECK(ShoeStatusId(ShoeStatus::Ok) == "ok");
  CHECK(ShoeStatusId(ShoeStatus::Warn) == "warn");
  CHECK(ShoeStatusId(ShoeStatus::Replace) == "replace");
  CHECK(ShoeStatusId(ShoeStatus::Retired) == "retired");
}

TEST_CASE("life used is distance over replace threshold", "[shoes]") {
  Model model;
  Shoe shoe = MakeShoe(1, 250);
  shoe.replace_at_m = 1000;
  shoe.warn_at_m = 600;
  model.shoes = {shoe};
  CHECK(SummarizeShoe(model, model.shoes[0], D("2026-03-05")).life_used == 0.25);
  AddRun(model, "2026-03-01", 1250, 1);
  CHECK(SummarizeShoe(model, model.shoes[0], D("2026-03-05")).life_used == 1.5);  // not clamped
  model.shoes[0].replace_at_m = 0;  // degenerate threshold: full, never a division by zero
  CHECK(SummarizeShoe(model, model.shoes[0], D("2026-03-05")).life_used == 1.0);
}

TEST_CASE("projection averages the last 8 weeks of use", "[shoes]") {
  Model model;
  Shoe shoe = MakeShoe(1);
  shoe.replace_at_m = 1000000;
  shoe.warn_at_m = 900000;
  model.shoes = {shoe};
  Date today = D("2026-06-30");
  // Old run outside the window: counts for distance, not for the rate; makes the span 56 days.
  AddRun(model, "2026-01-01", 100000, 1);
  // 56 days ending today: 2026-05-06 .. 2026-06-30. 56 km in the window -> 1 km/day.
  AddRun(model, "2026-05-05", 50000, 1);  // the day before the window: not recent
  AddRun(model, "2026-05-06", 28000, 1);
  AddRun(model, "2026-06-01", 0, 1);  // a fifth run, so the shoe has enough runs to project
  AddRun(model, "2026-06-30", 28000, 1);
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], today);
  REQUIRE(s.distance_m == 206000);
  // 794 km left at 1 km/day.
  REQUIRE(s.projected_replace_date);
  CHECK(FormatDate(*s.projected_replace_date) == FormatDate(AddDays(today, 794)));
}

TEST_CASE("projection needs at least 5 runs over at least 4 weeks", "[shoes]") {
  Model model;
  model.shoes = {MakeShoe(1)};
  Date today = D("2026-03-20");
  // The case: one run projected "Replace about May 2031".
  AddRun(model, "2026-03-20", 5000, 1);
  CHECK_FALSE(SummarizeShoe(model, model.shoes[0], today).projected_replace_date);
  // Five runs, but all within 27 days: still too little to go on.
  model.runs.clear();
  AddRunsBetween(model, 1, "2026-02-22", "2026-03-20", 5, 40000);
  CHECK_FALSE(SummarizeShoe(model, model.shoes[0], today).projected_replace_date);
  // Four runs over 4 weeks: one run short.
  model.runs.clear();
  AddRunsBetween(model, 1, "2026-02-21", "2026-03-20", 4, 40000);
  CHECK_FALSE(SummarizeShoe(model, model.shoes[0], today).projected_replace_date);
  // Five runs over 4 weeks: a projection.
  model.runs.clear();
  AddRunsBetween(model, 1, "2026-02-21", "2026-03-20", 5, 40000);
  CHECK(SummarizeShoe(model, model.shoes[0], today).projected_replace_date);
}

TEST_CASE("projection divides by the span since the first run, at least 4 weeks", "[shoes]") {
  Model model;
  Shoe shoe = MakeShoe(1);
  shoe.replace_at_m = 100000;
  shoe.warn_at_m = 90000;
  model.shoes = {shoe};
  Date today = D("2026-03-20");
  // First run 27 days ago: span 28 days; 56 km -> 2 km/day; 44 km left -> 22 days.
  AddRunsBetween(model, 1, "2026-02-21", "2026-03-20", 5, 56000);
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], today);
  REQUIRE(s.projected_replace_date);
  CHECK(FormatDate(*s.projected_replace_date) == "2026-04-11");

  // Runs dated up to tomorrow still divide by 4 weeks, not 27 days: 14 km -> 0.5 km/day.
  model.runs.clear();
  AddRunsBetween(model, 1, "2026-02-22", "2026-03-21", 5, 14000);
  s = SummarizeShoe(model, model.shoes[0], today);
  REQUIRE(s.projected_replace_date);
  CHECK(*s.projected_replace_date == AddDays(today, 172));

  // Partial days round up: the shoe is due on the day it crosses the line, not the day before.
  model.runs.clear();
  AddRunsBetween(model, 1, "2026-02-21", "2026-03-20", 5, 58000);  // 42 km at 58/28 km/day -> 20.3 -> 21
  s = SummarizeShoe(model, model.shoes[0], today);
  CHECK(*s.projected_replace_date == AddDays(today, 21));
}

TEST_CASE("no projection without recent use", "[shoes]") {
  Model model;
  model.shoes = {MakeShoe(1)};
  AddRun(model, "2025-12-01", 10000, 1);  // long ago only
  Date today = D("2026-03-20");
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], today);
  CHECK(s.distance_m == 10000);
  CHECK_FALSE(s.projected_replace_date);
  // Runs on another shoe do not count towards this one's rate.
  model.shoes.push_back(MakeShoe(2));
  AddRunsBetween(model, 2, "2026-02-20", "2026-03-19", 5, 10000);
  CHECK_FALSE(SummarizeShoe(model, model.shoes[0], today).projected_replace_date);
  CHECK(SummarizeShoe(model, model.shoes[1], today).projected_replace_date);
}

TEST_CASE("a run dated tomorrow counts for the shoe and its projection", "[shoes]") {
  Model model;
  model.shoes = {MakeShoe(1)};
  Date today = D("2026-03-20");
  AddRunsBetween(model, 1, "2026-02-22", "2026-03-21", 5, 14000);
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], today);
  CHECK(s.distance_m == 14000);
  CHECK(s.runs == 5);
  REQUIRE(s.projected_replace_date);  // min span 28 days: 0.5 km/day
  CHECK(*s.projected_replace_date == AddDays(today, int(std::ceil((kDefaultReplaceAtM - 14000) / 500.0))));
}

TEST_CASE("projection crosses a leap day by calendar days", "[shoes]") {
  Model model;
  Shoe shoe = MakeShoe(1);
  shoe.replace_at_m = 44000;
  shoe.warn_at_m = 40000;
  model.shoes = {shoe};
  AddRunsBetween(model, 1, "2024-01-31", "2024-02-27", 5, 28000);  // span 28 days -> 1 km/day
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], D("2024-02-27"));
  REQUIRE(s.projected_replace_date);
  CHECK(FormatDate(*s.projected_replace_date) == "2024-03-14");  // 16 days on, via 02-29
}

TEST_CASE("a tiny rate against a huge threshold still gives a valid date", "[shoes]") {
  Model model;
  Shoe shoe = MakeShoe(1);
  shoe.replace_at_m = 1e12;
  shoe.warn_at_m = 1e12;
  model.shoes = {shoe};
  AddRunsBetween(model, 1, "2026-02-21", "2026-03-20", 5, 5);
  ShoeSummary s = SummarizeShoe(model, model.shoes[0], D("2026-03-20"));
  REQUIRE(s.projected_replace_date);
  CHECK(s.projected_replace_date->ok());
}

TEST_CASE("state() shoes carry the derived fields, merged by id", "[shoes]") {
  AppState state;
  Model& model = state.model;
  Shoe worn = MakeShoe(1, kDefaultReplaceAtM);
  Shoe fresh = MakeShoe(2);
  Shoe flagged = MakeShoe(3);
  flagged.wear.stride_change = true;
  model.shoes = {worn, fresh, flagged};
  AddRunsBetween(model, 2, "2026-02-20", "2026-03-19", 5, 28000);
  ActionContext context;
  context.today = D("2026-03-20");
  nlohmann::json shoes = StateToJson(state, context)["shoes"];
  REQUIRE(shoes.is_array());
  REQUIRE(shoes.size() == 3);
  CHECK(shoes[0]["id"] == 1);
  CHECK(shoes[0]["status"] == "replace");
  CHECK(shoes[0]["distance_m"] == kDefaultReplaceAtM);
  CHECK(shoes[0]["life_used"] == 1.0);
  CHECK_FALSE(shoes[0].contains("projected_replace_date"));
  CHECK(shoes[1]["status"] == "ok");
  CHECK(shoes[1]["runs"] == 5);
  CHECK(shoes[1]["distance_m"] == 28000);
  // 28 km over 29 days; 776.672 km left -> 804.4 -> 805 days.
  CHECK(shoes[1]["projected_replace_date"] == FormatDate(AddDays(context.today, 805)));
  CHECK(shoes[1]["wear_flagged"] == false);
  CHECK(shoes[2]["status"] == "replace");
  CHECK(shoes[2]["wear_flagged"] == true);

  // Stored fields written first are kept, and each shoe gets its own figures.
  nlohmann::json stored = nlohmann::json::array({{{"id", 2}, {"name", "B"}}, {{"id", 1}, {"name", "A"}}});
  AddDerivedShoesFields(stored, model, context.today);
  REQUIRE(stored.size() == 3);
  CHECK(stored[0]["name"] == "B");
  CHECK(stored[0]["distance_m"] == 28000);
  CHECK(stored[1]["name"] == "A");
  CHECK(stored[1]["status"] == "replace");
  CHECK(stored[2]["id"] == 3);
  // Junk in the array never throws.
  nlohmann::json junk = nlohmann::json::array({1, "x", {{"id", "1"}}});
  CHECK_NOTHROW(AddDerivedShoesFields(junk, model, context.today));
  CHECK(junk.size() == 6);
}

TEST_CASE("discomfort on a pair under about 50 miles still flags it, and may be the fit", "[shoes][wear]") {
  Shoe shoe = MakeShoe(1);
  shoe.wear.discomfort = true;
  CHECK(StatusFor(shoe, 20'000) == ShoeStatus::Replace);  // still one of the article's signs
  CHECK(DiscomfortMayBeFit(shoe, 20'000));
  CHECK(DiscomfortMayBeFit(shoe, kNewPairDistanceM - 1));
  CHECK_FALSE(DiscomfortMayBeFit(shoe, kNewPairDistanceM));  // past break-in: plain wear
  shoe.wear = {.uneven_wear = true, .discomfort = false, .stride_change = true};
  CHECK_FALSE(DiscomfortMayBeFit(shoe, 20'000));  // nothing about fit to say without discomfort
}
