#include <catch2/catch.hpp>

#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"
#include "core/rules/pain_rules.hpp"

using namespace sw;

namespace {

const Date kToday = *ParseDate("2026-11-23");

struct PainFlags {
  bool worse = false;
  bool gait = false;
};

void AddPain(Model& model, const char* date, PainArea area, int severity, BodySide side = BodySide::None,
             PainFlags flags = {}) {
  PainEntry entry;
  entry.id = model.next_id++;
  entry.date = *ParseDate(date);
  entry.area = area;
  entry.side = side;
  entry.severity = severity;
  entry.worse_with_activity = flags.worse;
  entry.changes_gait = flags.gait;
  model.pain.push_back(entry);
}

}  // namespace

TEST_CASE("no pain logged: no advice", "[pain]") {
  PainAdvice advice = EvaluatePain(Model{}, kToday);
  CHECK_FALSE(advice.see_doctor);
  CHECK(advice.reasons.empty());
  CHECK(advice.episodes.empty());
}

TEST_CASE("a single mild day without flags is never enough, nor is severity alone", "[pain]") {
  Model model;
  AddPain(model, "2026-11-23", PainArea::Knee, 2);
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK_FALSE(advice.see_doctor);
  REQUIRE(advice.episodes.size() == 1);
  CHECK(advice.episodes[0].current);
  CHECK(advice.episodes[0].days == 1);

  Model severe;
  AddPain(severe, "2026-11-23", PainArea::Knee, 9);
  CHECK_FALSE(EvaluatePain(severe, kToday).see_doctor);
}

TEST_CASE("a 3-day episode is not yet 'more than a few days', a 4-day one is", "[pain]") {
  Model model;
  AddPain(model, "2026-11-21", PainArea::Knee, 3);
  AddPain(model, "2026-11-22", PainArea::Knee, 3);
  AddPain(model, "2026-11-23", PainArea::Knee, 3);
  CHECK_FALSE(EvaluatePain(model, kToday).see_doctor);

  AddPain(model, "2026-11-20", PainArea::Knee, 2);
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK(advice.see_doctor);
  REQUIRE(advice.reasons.size() == 1);
  CHECK(advice.reasons[0] == "Knee pain has lasted 4 days (since 2026-11-20).");
  REQUIRE(advice.findings.size() == 1);
  CHECK(advice.findings[0].reason == PainReason::Lasting);
}

TEST_CASE("one missed day inside a streak does not break it; two do", "[pain]") {
  Model model;
  AddPain(model, "2026-11-20", PainArea::Ankle, 4);
  AddPain(model, "2026-11-22", PainArea::Ankle, 4);  // 21st not logged
  AddPain(model, "2026-11-23", PainArea::Ankle, 4);
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK(advice.see_doctor);
  REQUIRE(advice.episodes.size() == 1);
  CHECK(advice.episodes[0].days == 4);
  CHECK(advice.episodes[0].entries == 3);

  Model split;
  AddPain(split, "2026-11-19", PainArea::Ankle, 4);
  AddPain(split, "2026-11-22", PainArea::Ankle, 4);  // 20th and 21st not logged: a new episode
  AddPain(split, "2026-11-23", PainArea::Ankle, 4);
  advice = EvaluatePain(split, kToday);
  CHECK_FALSE(advice.see_doctor);
  REQUIRE(advice.episodes.size() == 1);
  CHECK(advice.episodes[0].first_date == *ParseDate("2026-11-22"));
  CHECK(advice.episodes[0].days == 2);
}

TEST_CASE("different body areas never add up into one episode", "[pain]") {
  Model model;
  AddPain(model, "2026-11-20", PainArea::Knee, 3);
  AddPain(model, "2026-11-21", PainArea::Knee, 3);
  AddPain(model, "2026-11-22", PainArea::Ankle, 3);
  AddPain(model, "2026-11-23", PainArea::Ankle, 3);
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK_FALSE(advice.see_doctor);
  REQUIRE(advice.episodes.size() == 2);
  CHECK(advice.episodes[0].area == PainArea::Ankle);  // area order: foot, ankle, knee, ...
  CHECK(advice.episodes[1].area == PainArea::Knee);
}

TEST_CASE("left and right are separate; 'both' and unsided entries join either side", "[pain]") {
  Model model;
  AddPain(model, "2026-11-20", PainArea::Knee, 3, BodySide::Left);
  AddPain(model, "2026-11-21", PainArea::Knee, 3, BodySide::Left);
  AddPain(model, "2026-11-22", PainArea::Knee, 3, BodySide::Right);
  AddPain(model, "2026-11-23", PainArea::Knee, 3, BodySide::Right);
  CHECK_FALSE(EvaluatePain(model, kToday).see_doctor);

  Model joined;
  AddPain(joined, "2026-11-20", PainArea::Knee, 3, BodySide::Left);
  AddPain(joined, "2026-11-21", PainArea::Knee, 3, BodySide::Left);
  AddPain(joined, "2026-11-22", PainArea::Knee, 3, BodySide::Both);
  AddPain(joined, "2026-11-23", PainArea::Knee, 3, BodySide::None);
  PainAdvice advice = EvaluatePain(joined, kToday);
  CHECK(advice.see_doctor);
  REQUIRE(advice.reasons.size() == 1);
  CHECK(advice.reasons[0] == "Left knee pain has lasted 4 days (since 2026-11-20).");
}

TEST_CASE("severity may change inside an episode; a 0 entry ends it as pain gone", "[pain]") {
  Model model;
  AddPain(model, "2026-11-20", PainArea::Hip, 3);
  AddPain(model, "2026-11-21", PainArea::Hip, 6);
  AddPain(model, "2026-11-22", PainArea::Hip, 2);
  AddPain(model, "2026-11-23", PainArea::Hip, 1);
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK(advice.see_doctor);
  REQUIRE(advice.episodes.size() == 1);
  CHECK(advice.episodes[0].latest_severity == 1);
  CHECK(advice.episodes[0].max_severity == 6);

  SECTION("a 0 today means the pain is gone") {
    AddPain(model, "2026-11-23", PainArea::Hip, 0);  // logged after the 1 on the same day
    advice = EvaluatePain(model, kToday);
    CHECK_FALSE(advice.see_doctor);
    REQUIRE(advice.episodes.size() == 1);
    CHECK(advice.episodes[0].resolved);
    CHECK_FALSE(advice.episodes[0].current);
  }
  SECTION("a 0 in the middle splits the streak into two short episodes") {
    Model broken;
    AddPain(broken, "2026-11-20", PainArea::Hip, 3);
    AddPain(broken, "2026-11-21", PainArea::Hip, 3);
    AddPain(broken, "2026-11-22", PainArea::Hip, 0);
    AddPain(broken, "2026-11-23", PainArea::Hip, 2);
    advice = EvaluatePain(broken, kToday);
    CHECK_FALSE(advice.see_doctor);
    REQUIRE(advice.episodes.size() == 1);
    CHECK(advice.episodes[0].first_date == kToday);
  }
}

TEST_CASE("worse with activity on one entry of the current episode is enough", "[pain]") {
  Model model;
  AddPain(model, "2026-11-22", PainArea::Ankle, 2);
  AddPain(model, "2026-11-23", PainArea::Ankle, 2, BodySide::None, {.worse = true});
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK(advice.see_doctor);
  REQUIRE(advice.reasons.size() == 1);
  CHECK(advice.reasons[0] == "Your ankle pain gets worse when you run.");
  CHECK(advice.findings[0].reason == PainReason::WorseWithActivity);

  SECTION("the flag on an earlier entry of the same streak still counts") {
    Model earlier;
    AddPain(earlier, "2026-11-21", PainArea::Ankle, 2, BodySide::Right, {.worse = true});
    AddPain(earlier, "2026-11-23", PainArea::Ankle, 1, BodySide::Right);
    advice = EvaluatePain(earlier, kToday);
    CHECK(advice.see_doctor);
    CHECK(advice.reasons == std::vector<std::string>{"Your right ankle pain gets worse when you run."});
  }
  SECTION("the flag on a 0 entry or on a finished episode does not") {
    Model finished;
    AddPain(finished, "2026-11-18", PainArea::Ankle, 4, BodySide::None, {.worse = true});
    AddPain(finished, "2026-11-19", PainArea::Ankle, 0, BodySide::None, {.worse = true});
    AddPain(finished, "2026-11-23", PainArea::Ankle, 1);
    CHECK_FALSE(EvaluatePain(finished, kToday).see_doctor);
  }
}

TEST_CASE("pain that changes how you run is enough on its own", "[pain]") {
  Model model;
  AddPain(model, "2026-11-23", PainArea::Hip, 2, BodySide::Left, {.gait = true});
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK(advice.see_doctor);
  CHECK(advice.reasons == std::vector<std::string>{"Your left hip pain is changing the way you run."});
}

TEST_CASE("all three reasons are listed, per area", "[pain]") {
  Model model;
  for (const char* date : {"2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"})
    AddPain(model, date, PainArea::LowerBack, 3);
  AddPain(model, "2026-11-23", PainArea::LowerBack, 5, BodySide::None, {.worse = true, .gait = true});
  AddPain(model, "2026-11-23", PainArea::Foot, 2, BodySide::Both, {.worse = true});
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK(advice.see_doctor);
  CHECK(advice.reasons == std::vector<std::string>{
                              "Your foot pain (both sides) gets worse when you run.",
                              "Lower back pain has lasted 5 days (since 2026-11-19).",
                              "Your lower back pain gets worse when you run.",
                              "Your lower back pain is changing the way you run.",
                          });
}

TEST_CASE("old episodes outside the window or no longer current are not counted", "[pain]") {
  Model model;
  // Eight days of flagged pain three weeks ago: outside the 14-day window.
  for (int day = 1; day <= 8; ++day)
    AddPain(model, FormatDate(AddDays(*ParseDate("2026-10-31"), day)).c_str(), PainArea::Knee, 5,
            BodySide::None, {.worse = true, .gait = true});
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK_FALSE(advice.see_doctor);
  CHECK(advice.episodes.empty());

  // Five days inside the window but the last entry three days ago: not current any more.
  Model stale;
  for (const char* date : {"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"})
    AddPain(stale, date, PainArea::Knee, 4, BodySide::None, {.worse = true});
  advice = EvaluatePain(stale, kToday);
  CHECK_FALSE(advice.see_doctor);
  REQUIRE(advice.episodes.size() == 1);
  CHECK_FALSE(advice.episodes[0].current);
  // ... but two days ago still is.
  CHECK(EvaluatePain(stale, *ParseDate("2026-11-22")).see_doctor);

  // Entries dated after today are ignored.
  Model future;
  AddPain(future, "2026-11-24", PainArea::Knee, 5, BodySide::None, {.gait = true});
  CHECK_FALSE(EvaluatePain(future, kToday).see_doctor);
}

TEST_CASE("the window keeps only the last 14 days of a long episode", "[pain]") {
  Model model;
  for (int day = 0; day < 20; ++day) AddPain(model, FormatDate(AddDays(kToday, -day)).c_str(), PainArea::Foot, 2);
  PainAdvice advice = EvaluatePain(model, kToday);
  CHECK(advice.see_doctor);
  REQUIRE(advice.episodes.size() == 1);
  CHECK(advice.episodes[0].days == kPainWindowDays);
  CHECK(advice.reasons[0] == "Foot pain has lasted 14 days (since 2026-11-10).");
}

TEST_CASE("names read as plain words", "[pain]") {
  CHECK(PainName(PainArea::LowerBack, BodySide::None) == "Lower back pain");
  CHECK(PainName(PainArea::Knee, BodySide::Right) == "Right knee pain");
  CHECK(PainName(PainArea::Other, BodySide::None) == "Pain in another area");
  CHECK(PainAreaLabel(PainArea::Hip) == "Hip");
}

TEST_CASE("pain context: the shoe of the latest run and the load around the date", "[pain]") {
  Model model;
  for (const char* name : {"Pegasus", "Trail"}) {
    Shoe shoe;
    shoe.id = model.next_id++;
    shoe.name = name;
    model.shoes.push_back(shoe);
  }
  auto add_run = [&](const char* date, double m, std::optional<Id> shoe) {
    Run run;
    run.id = model.next_id++;
    run.date = *ParseDate(date);
    run.distance_m = m;
    run.shoe_id = shoe;
    model.runs.push_back(run);
  };
  add_run("2026-10-27", 8000, 1);  // 27 days before the 23rd: in the 28-day window
  add_run("2026-10-26", 9000, 1);  // 28 days before: outside
  add_run("2026-11-17", 10000, 1); // 6 days before: in the 7-day window
  add_run("2026-11-16", 4000, 1);  // 7 days before: 28-day window only
  add_run("2026-11-23", 6000, 2);
  add_run("2026-11-25", 5000, 1);  // after the date: ignored
  PainContext context = PainContextFor(model, kToday);
  CHECK(context.shoe_name == "Trail");
  CHECK(context.shoe_id == Id{2});
  CHECK(context.run_date == kToday);
  CHECK(context.load_7d_m == Approx(16000));
  CHECK(context.weekly_avg_28d_m == Approx(28000 / 4.0));
  REQUIRE(context.load_ratio);
  CHECK(*context.load_ratio == Approx(16000 / 7000.0));

  PainContext empty = PainContextFor(Model{}, kToday);
  CHECK_FALSE(empty.run_id);
  CHECK(empty.shoe_name.empty());
  CHECK_FALSE(empty.load_ratio);
}

TEST_CASE("the new running pain areas have plain names and their own tracks", "[pain]") {
  CHECK(PainName(PainArea::Shin, BodySide::Left) == "Left shin pain");
  CHECK(PainName(PainArea::Achilles, BodySide::Right) == "Right Achilles pain");
  CHECK(PainName(PainArea::Heel, BodySide::Both) == "Heel and arch pain (both sides)");
  CHECK(PainName(PainArea::Hamstring, BodySide::None) == "Hamstring pain");
  // Every area is evaluated, in list order: a calf episode is its own, not "other".
  Model model;
  AddPain(model, "2026-11-20", PainArea::Calf, 4, BodySide::Left);
  AddPain(model, "2026-11-22", PainArea::Calf, 4, BodySide::Left);
  AddPain(model, "2026-11-23", PainArea::Calf, 4, BodySide::Left);
  PainAdvice advice = EvaluatePain(model, kToday);
  REQUIRE(advice.episodes.size() == 1);
  CHECK(advice.episodes[0].area == PainArea::Calf);
  CHECK(advice.see_doctor);  // 4 days
  REQUIRE(advice.reasons.size() == 1);
  CHECK(advice.reasons[0].find("Left calf pain") != std::string::npos);
  CHECK(std::size(kPainAreas) == std::size(kPainAreaNames));
}
