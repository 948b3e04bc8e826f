#include <catch2/catch.hpp>

#include <string>

#include "core/model/dates.hpp"
#include "core/guide/guide_content.hpp"
#include "core/rules/routines.hpp"

using namespace sw;

TEST_CASE("warm-up, cool-down and strength routine hold the article's exercises", "[guide]") {
  auto ids = [](auto steps) {
    std::vector<std::string> out;
    for (const auto& step : steps) out.emplace_back(step.id);
    return out;
  };
  CHECK(ids(WarmupSteps()) == std::vector<std::string>{"leg_swings", "walking_lunges", "hip_circles"});
  CHECK(ids(CooldownSteps()) == std::vector<std::string>{"easy_jog", "stretching"});
  CHECK(ids(StrengthRoutine()) == std::vector<std::string>{"bridge", "plank", "single_leg_squat"});
  for (auto steps : {WarmupSteps(), CooldownSteps()})
    for (const RoutineStep& step : steps) {
      CHECK_FALSE(step.how_to.empty());
      CHECK(step.seconds > 0);
      CHECK_FALSE(step.duration.empty());
    }
  for (const StrengthStep& step : StrengthRoutine()) {
    CHECK(step.sets > 0);
    CHECK((step.reps > 0) != (step.hold_seconds > 0));
    CHECK(&StrengthStepFor(step.exercise) == &step);
    CHECK(FindStrengthStep(step.id) == &step);
  }
  CHECK(StrengthStepFor(StrengthExercise::Plank).hold_seconds > 0);
  CHECK(FindStrengthStep("burpee") == nullptr);
}

TEST_CASE("warm-up stats look at the newest 10 runs up to today", "[guide]") {
  Model model;
  Date today = *ParseDate("2026-11-23");
  auto add_run = [&](Date date, bool warmup, bool cooldown) {
    Run run;
    run.id = model.next_id++;
    run.date = date;
    run.distance_m = 5000;
    run.warmup = warmup;
    run.cooldown = cooldown;
    model.runs.push_back(run);
  };
  CHECK(WarmupStats(model, today).runs == 0);
  add_run(AddDays(today, -20), true, true);  // 12th newest: not counted
  add_run(AddDays(today, -19), true, true);  // 11th newest: not counted
  for (int day = 9; day >= 0; --day) add_run(AddDays(today, -day), day % 2 == 0, day < 6);
  add_run(AddDays(today, 1), true, true);  // tomorrow: not counted
  WarmupSummary summary = WarmupStats(model, today);
  CHECK(summary.runs == 10);
  CHECK(summary.with_warmup == 5);   // days 0 2 4 6 8
  CHECK(summary.with_cooldown == 6); // days 0-5
  CHECK(summary.with_both == 3);     // days 0 2 4
}

TEST_CASE("rest-day advice appears after 5 days in a row", "[guide]") {
  CHECK_FALSE(RestDayAdvice(0));
  CHECK_FALSE(RestDayAdvice(4));
  REQUIRE(RestDayAdvice(5));
  CHECK(RestDayAdvice(5)->find("rest") != std::string_view::npos);
  CHECK(RestDayAdvice(12) == RestDayAdvice(5));
}

TEST_CASE("search finds words in any case across mistakes, FAQ, routines and evidence", "[guide]") {
  CHECK(SearchGuide("").empty());
  CHECK(SearchGuide("   ").empty());
  CHECK(SearchGuide("xylophone").empty());

  std::vector<GuideHit> hits = SearchGuide("PLANK");
  auto has = [&](GuideSection section) {
    for (const GuideHit& hit : hits)
      if (hit.section == section) return true;
    return false;
  };
  CHECK(has(GuideSection::Mistake));   // weak hips and core
  CHECK(has(GuideSection::Strength));  // the planks step
  CHECK_FALSE(has(GuideSection::Question));

  hits = SearchGuide("doctor");
  REQUIRE(hits.size() >= 1);
  CHECK(hits[0].section == GuideSection::Question);
  CHECK(hits[0].title == GuideFaq()[3].question);

  hits = SearchGuide("cadence knee");  // every word must match the same item
  CHECK(has(GuideSection::Evidence));
  for (const GuideHit& hit : hits) CHECK(hit.section != GuideSection::Strength);

  hits = SearchGuide("warm-up");
  CHECK(has(GuideSection::Warmup));
  CHECK(has(GuideSection::Mistake));
  for (const GuideHit& hit : hits) CHECK_FALSE(hit.snippet.empty());

  hits = SearchGuide("heiderscheit");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].tool == Screen::Cadence);
}

TEST_CASE("every fact of CONTENT.md's mistakes, FAQ and evidence has a place in the guide", "[guide]") {
  // One term per fact; each must be findable, so the Guide screen (and its search) shows it.
  const char* facts[] = {
      "leg swings", "walking lunges", "hip circles", "easy jog", "stretch",          // 1 warm-up
      "plantar fasciitis", "stress fractures", "300-500 miles", "480-800 km",         // 2 shoes
      "uneven", "gait analysis", "fitting",                                           //
      "midfoot", "runner's knee", "bursitis", "IT band",                              // 3 overstriding
      "bridges", "planks", "single-leg squats",                                       // 4 hips and core
      "10%", "rest days",                                                             // 5 mileage
      "pain",                                                                         // 6 pain
      "ankles, not the waist", "170-180", "shoulders", "arms",                        // FAQ form
      "cross-training", "sports-medicine", "few days", "changes how you run",         // FAQ
      "5,205", "30 days", "2.3 times", "Gabbett", "0.8-1.3", "1.5",                   // evidence
      "Heiderscheit", "5-10%", "Buist", "Nielsen", "24%",
  };
  for (const char* fact : facts) {
    INFO(fact);
    CHECK_FALSE(SearchGuide(fact).empty());
  }
  CHECK(GuideMistakes().size() == 6);
  CHECK(GuideFaq().size() == 4);
  CHECK(GuideEvidenceItems().size() == 4);
  for (const GuideMistake& mistake : GuideMistakes()) CHECK_FALSE(mistake.tool_section.empty());
}

TEST_CASE("search answers natural questions by stem and synonym, best match first", "[guide][search]") {
  auto first_title = [](std::string_view query) {
    std::vector<GuideHit> hits = SearchGuide(query);
    return hits.empty() ? std::string_view() : hits.front().title;
  };
  // The three questions, each of which found nothing.
  CHECK(first_title("how often should I replace my shoes") == GuideMistakes()[1].title);  // old shoes
  CHECK(first_title("How often should I replace my shoes?") == GuideMistakes()[1].title);
  CHECK(first_title("mileage") == GuideMistakes()[4].title);       // adding distance too fast
  CHECK(first_title("shin splints") == GuideMistakes()[4].title);
  CHECK_FALSE(SearchGuide("shin pain").empty());
  // Stems and synonyms.
  CHECK(first_title("trainers") == GuideMistakes()[1].title);
  CHECK(first_title("sneakers") == GuideMistakes()[1].title);
  CHECK_FALSE(SearchGuide("kilometres").empty());
  CHECK_FALSE(SearchGuide("injuries").empty());
  // Filler words alone find nothing, and do not have to appear in the item.
  CHECK(SearchGuide("how should I").empty());
  CHECK(first_title("what is the 10% rule") == GuideEvidenceItems()[3].title);
  // A word the guide never uses does not hide the rest.
  CHECK(first_title("how do I stop shin splints") == GuideMistakes()[4].title);
}
