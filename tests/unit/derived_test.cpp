// DerivedCache (core/rules/derived.hpp): the summaries are computed once per (model_revision,
// today), and they are exactly what the rules compute when called directly.
#include <catch2/catch.hpp>

#include "core/actions/state_json.hpp"
#include "core/guide/guide_state_json.hpp"
#include "core/rules/derived.hpp"
#include "core/rules/rules_state_json.hpp"
#include "core/storage/backup.hpp"
#include "model_samples.hpp"

namespace sw {
namespace {

using test::D;
using test::SampleModel;

// SampleModel's last entries are in early March 2026: a pain episode still current, a cadence
// session (plausible, so a personal target), runs both this week and last.
AppState SampleState() {
  AppState state;
  state.model = SampleModel();
  state.model_revision = 7;
  return state;
}

}  // namespace

TEST_CASE("DerivedCache recomputes only when the model revision or the day changes", "[derived]") {
  AppState state = SampleState();
  DerivedCache cache;
  CHECK(cache.computations() == 0);

  Date today = D("2026-03-05");
  const Derived* first = &cache.For(state, today);
  CHECK(cache.computations() == 1);
  for (int frame = 0; frame < 10; ++frame) cache.For(state, today);
  CHECK(cache.computations() == 1);
  CHECK(&cache.For(state, today) == first);

  // A change the model keeps (screen, say) without a revision bump: nothing to recompute.
  state.screen = Screen::Shoes;
  cache.For(state, today);
  CHECK(cache.computations() == 1);

  // An accepted model change bumps the revision.
  state.model.runs.pop_back();
  ++state.model_revision;
  CHECK(cache.For(state, today).load.weeks.size() == std::size_t(kLoadChartWeeks));
  CHECK(cache.computations() == 2);
  cache.For(state, today);
  CHECK(cache.computations() == 2);

  // Midnight: the same model, a new day.
  Date tomorrow = AddDays(today, 1);
  CHECK(cache.For(state, tomorrow).today == tomorrow);
  CHECK(cache.computations() == 3);
  cache.For(state, tomorrow);
  CHECK(cache.computations() == 3);

  // Back to the old day, or the revision going back (a reload): both differ from the last key.
  cache.For(state, today);
  CHECK(cache.computations() == 4);
  state.model_revision = 0;
  cache.For(state, today);
  CHECK(cache.computations() == 5);

  cache.Invalidate();
  cache.For(state, today);
  CHECK(cache.computations() == 6);
}

TEST_CASE("Derived values equal the rules' direct results", "[derived]") {
  AppState state = SampleState();
  for (const char* day : {"2026-03-05", "2026-03-08", "2026-04-20"}) {
    Date today = D(day);
    CAPTURE(day);
    DerivedCache cache;
    const Derived& derived = cache.For(state, today);
    const Model& model = state.model;

    std::vector<ShoeSummary> shoes = SummarizeShoes(model, today);
    REQUIRE(derived.shoes.size() == shoes.size());
    for (std::size_t i = 0; i < shoes.size(); ++i) {
      CHECK(derived.shoes[i].id == shoes[i].id);
      CHECK(derived.shoes[i].distance_m == shoes[i].distance_m);
      CHECK(derived.shoes[i].runs == shoes[i].runs);
      CHECK(derived.shoes[i].status == shoes[i].status);
      CHECK(derived.shoes[i].life_used == shoes[i].life_used);
      CHECK(derived.shoes[i].projected_replace_date == shoes[i].projected_replace_date);
      CHECK(derived.shoes[i].wear_flagged == shoes[i].wear_flagged);
      CHECK(derived.ShoeFor(shoes[i].id) == &derived.shoes[i]);
    }
    CHECK(derived.ShoeFor(12345) == nullptr);

    CHECK(LoadToJson(derived.load) == LoadToJson(SummarizeLoad(model, today)));
    CHECK(StrengthStateJson(derived.strength) == StrengthStateJson(SummarizeStrength(model, today)));
    CHECK(WarmupStateJson(derived.warmup) == WarmupStateJson(WarmupStats(model, today)));
    PainAdvice pain = EvaluatePain(model, today);
    CHECK(PainStateJson(derived.pain) == PainStateJson(pain));
    REQUIRE(derived.pain_contexts.size() == pain.episodes.size());
    for (std::size_t i = 0; i < pain.episodes.size(); ++i) {
      PainContext direct = PainContextFor(model, pain.episodes[i].last_date);
      CHECK(derived.pain_contexts[i].run_id == direct.run_id);
      CHECK(derived.pain_contexts[i].shoe_name == direct.shoe_name);
      CHECK(derived.pain_contexts[i].load_7d_m == direct.load_7d_m);
      CHECK(derived.pain_contexts[i].weekly_avg_28d_m == direct.weekly_avg_28d_m);
      CHECK(derived.pain_contexts[i].load_ratio == direct.load_ratio);
    }

    std::optional<PersonalTarget> target = ComputePersonalTarget(model);
    REQUIRE(derived.personal_target.has_value() == target.has_value());
    if (target) {
      CHECK(derived.personal_target->baseline_spm == target->baseline_spm);
      CHECK(derived.personal_target->low_spm == target->low_spm);
      CHECK(derived.personal_target->high_spm == target->high_spm);
      CHECK(derived.personal_target->session_ids == target->session_ids);
    }
    CHECK(derived.backup_reminder_days == BackupReminderDays(model, today));

    // state() reads the same values whether handed the cache's Derived or deriving itself.
    ActionContext context;
    context.today = today;
    CHECK(StateToJson(state, context, derived) == StateToJson(state, context));
  }
}

TEST_CASE("The sample model exercises every derived part", "[derived]") {
  AppState state = SampleState();
  DerivedCache cache;
  const Derived& derived = cache.For(state, D("2026-03-05"));
  CHECK(derived.shoes.size() == 2);
  CHECK(derived.load.this_week_m > 0);
  CHECK(derived.strength.sessions_this_week >= 0);
  CHECK(derived.warmup.runs == 3);
  CHECK(derived.pain.see_doctor);
  CHECK(derived.personal_target.has_value());
}

}  // namespace sw
