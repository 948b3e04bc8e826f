// The cadence meter (core/cadence/cadence_meter.hpp) through core's one door: cadence_* actions
// applied with a fake clock (ActionContext::now_ms) and synthetic taps and motion.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "cadence_synth.hpp"
#include "core/actions/actions.hpp"
#include "core/cadence/cadence_meter.hpp"
#include "core/cadence/cadence_session_check.hpp"
#include "core/model/validation.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

namespace {

// One tab: the state, its clock and every effect the meter asked for, with the time asked.
struct Bench {
  AppState state;
  ActionContext context;
  struct Timed {
    double ms;
    Effect effect;
  };
  std::vector<Timed> effects;

  Bench() {
    context.today = D("2026-03-10");
    context.now_ms = 5000;  // performance.now() does not start at 0 for the meter
    state.model.settings.cadence_low_spm = 170;
    state.model.settings.cadence_high_spm = 180;
  }
  ActionResult Run(const Action& action) {
    ActionResult result = Apply(state, action, context);
    for (const Effect& e : result.effects) effects.push_back({context.now_ms, e});
    return result;
  }
  ActionResult Do(json fields) { return Run(Action(std::move(fields))); }
  ActionResult Tick(std::vector<MotionSample> samples = {}) {
    Action tick(json{{"type", "cadence_tick"}});
    tick.samples = std::move(samples);
    return Run(tick);
  }
  void At(double ms) { context.now_ms = ms; }
  // Ticks every 100 ms up to `until_ms`, tapping every `interval_ms` from the first tick on
  // (interval 0: no taps).
  void TapRun(double until_ms, double interval_ms) {
    double next_tap = context.now_ms;
    for (double t = context.now_ms; t <= until_ms + 1e-9; t += 100) {
      while (interval_ms > 0 && next_tap <= t + 1e-9) {
        At(next_tap);
        REQUIRE(Do({{"type", "cadence_tap"}}).ok);
        next_tap += interval_ms;
      }
      At(t);
      Tick();
    }
    At(until_ms);
  }
  CadenceReadout Readout() const { return state.cadence.Readout(context.now_ms, context.sensor); }

  std::vector<Timed> Spoken() const {
    std::vector<Timed> out;
    for (const Timed& t : effects)
      if (std::holds_alternative<Speak>(t.effect)) out.push_back(t);
    return out;
  }
  std::vector<std::string> SpokenTexts() const {
    std::vector<std::string> out;
    for (const Timed& t : Spoken()) out.push_back(std::get<Speak>(t.effect).text);
    return out;
  }
  std::vector<double> MetronomeBpms() const {
    std::vector<double> out;
    for (const Timed& t : effects)
      if (const auto* m = std::get_if<SetMetronome>(&t.effect)) out.push_back(m->bpm);
    return out;
  }
};

double TapInterval(double spm) { return CadenceMeter::kStepsPerTap * 60000.0 / spm; }

void AddSession(Model& model, Id id, double mean_spm) {
  CadenceSession session;
  session.id = id;
  session.date = D("2026-03-01");
  session.duration_s = 600;
  session.mean_spm = mean_spm;
  model.cadence_sessions.push_back(session);
  model.next_id = std::max(model.next_id, id + 1);
}

}  // namespace

TEST_CASE("cadence_start switches the sensor on and ticks at the band's middle or the personal target",
          "[cadence_meter]") {
  Bench bench;
  // Options before a start: nothing ticks yet.
  ActionResult options = bench.Do({{"type", "cadence_options"}, {"metronome", true}});
  REQUIRE(options.ok);
  CHECK(options.effects.empty());

  ActionResult start = bench.Do({{"type", "cadence_start"}});
  REQUIRE(start.ok);
  CHECK(start.answer == json{{"sensor", "idle"}});
  CHECK_FALSE(start.model_changed);
  REQUIRE(start.effects.size() == 2);
  CHECK(std::get<SetMotionSensor>(start.effects[0]).on);
  CHECK(std::get<SetMetronome>(start.effects[1]).bpm == 175);  // (170 + 180) / 2
  CHECK(bench.state.model_revision == 0);

  ActionResult again = bench.Do({{"type", "cadence_start"}});
  CHECK(again.ok);
  CHECK(again.answer == json{{"already", true}});
  CHECK(again.effects.empty());

  // No sessions yet: "personal" falls back to the band.
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"metronome_at", "personal"}}).ok);
  CHECK(bench.MetronomeBpms() == std::vector<double>{175});
  // Three running sessions averaging 170: the personal target is 179-187, its middle 183.
  AddSession(bench.state.model, 1, 160);
  AddSession(bench.state.model, 2, 170);
  AddSession(bench.state.model, 3, 180);
  bench.Tick();
  CHECK(bench.state.cadence.metronome_bpm() == 183);
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"metronome_at", "band"}}).ok);
  CHECK(bench.state.cadence.metronome_bpm() == 175);
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"metronome_at", "personal"}}).ok);
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"metronome", false}}).ok);
  CHECK(bench.MetronomeBpms() == std::vector<double>{175, 183, 175, 183, 0});
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"metronome", true}}).ok);

  bench.At(8000);
  ActionResult stop = bench.Do({{"type", "cadence_stop"}});
  REQUIRE(stop.ok);
  bool sensor_off = false;
  for (const Effect& e : stop.effects)
    if (const auto* s = std::get_if<SetMotionSensor>(&e)) sensor_off = !s->on;
  CHECK(sensor_off);
  CHECK(bench.MetronomeBpms().back() == 0);
  CHECK(bench.state.cadence.metronome_bpm() == 0);
}

TEST_CASE("cadence_start reports a sensor that cannot deliver, and the meter goes tap-along", "[cadence_meter]") {
  Bench bench;
  bench.context.sensor = {SensorState::Denied, "Motion access was denied."};
  ActionResult start = bench.Do({{"type", "cadence_start"}});
  REQUIRE(start.ok);
  CHECK(start.answer == json{{"sensor", "denied"}, {"message", "Motion access was denied."}});
  CadenceReadout view = bench.Readout();
  CHECK(view.measuring);
  CHECK(view.sensor == "denied");
  CHECK(view.tap_along);
  CHECK(view.message == "Motion access was denied.");
  CHECK(view.confidence == 0);
}

TEST_CASE("cadence_options checks everything before it changes anything", "[cadence_meter]") {
  Bench bench;
  ActionResult low = bench.Do({{"type", "cadence_options"}, {"voice", false}, {"announce_every_s", 5}});
  CHECK_FALSE(low.ok);
  CHECK(low.error == "cadence_options: \"announce_every_s\" must be from 10 to 3600.");
  CHECK(low.field == "announce_every_s");
  CHECK(bench.state.cadence.voice());  // not half-applied
  CHECK_FALSE(bench.Do({{"type", "cadence_options"}, {"announce_every_s", 3601}}).ok);
  CHECK_FALSE(bench.Do({{"type", "cadence_options"}, {"metronome_at", "fast"}}).ok);
  CHECK_FALSE(bench.Do({{"type", "cadence_options"}, {"pocket", "yes"}}).ok);
  CHECK(bench.state.cadence.announce_every_s() == 60);
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"announce_every_s", 10}, {"pocket", true}}).ok);
  CHECK(bench.state.cadence.announce_every_s() == 10);
  CHECK(bench.state.cadence.pocket());
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"announce_every_s", 3600}}).ok);
}

TEST_CASE("cadence_tick is fine when not measuring", "[cadence_meter]") {
  Bench bench;
  ActionResult tick = bench.Tick({{0.0, 1, 2, 3, NAN, NAN, NAN}});
  CHECK(tick.ok);
  CHECK(tick.effects.empty());
  CHECK_FALSE(tick.model_changed);
  CHECK(bench.state.cadence.series().empty());
  CHECK(bench.state.cadence.samples() == 0);
}

TEST_CASE("tap-along: the median interval, two steps a tap, a pause restarts, stale after 3 s", "[cadence_meter]") {
  Bench bench;
  CHECK(bench.Do({{"type", "cadence_tap"}}).error == "Start the cadence meter before tapping along.");
  REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
  auto tap_at = [&](double ms) {
    bench.At(ms);
    ActionResult r = bench.Do({{"type", "cadence_tap"}});
    REQUIRE(r.ok);
    return r.answer.at("spm").get<double>();
  };
  // Two taps are one interval: no reading yet. The third gives one: 600 ms a tap = 200 steps/min.
  CHECK(tap_at(10000) == 0);
  CHECK(tap_at(10600) == 0);
  CHECK(tap_at(11200) == 200);
  // Intervals 600, 600, 500, 700, 900: the median of an odd count is the middle one (600).
  tap_at(11700);
  tap_at(12400);
  CHECK(tap_at(13300) == 200);
  // Six intervals 600 600 500 700 900 650: the mean of the two middle ones, 625 ms -> 192 steps/min.
  CHECK(tap_at(13950) == Approx(192.0));
  CHECK(bench.Readout().spm == Approx(2 * 60000.0 / 625));
  // Two steps a tap: 7 taps, 14 steps.
  CHECK(bench.Readout().steps == 14);
  CHECK(bench.Readout().tap_along);
  // Only the last 8 intervals count: nine more at 500 ms leave only those.
  double t = 13950;
  for (int i = 0; i < 9; ++i) tap_at(t += 500);
  CHECK(bench.Readout().spm == 240);
  CHECK(bench.Readout().steps == 32);
  // Stale after 3 s without a tap.
  bench.At(t + 2999);
  CHECK(bench.Readout().spm == 240);
  bench.At(t + 3000);
  CHECK(bench.Readout().spm == 0);
  // A pause over 2 s starts a new run of taps: two taps after it give no reading yet.
  t += 2100;
  CHECK(tap_at(t) == 0);
  CHECK(tap_at(t += 700) == 0);
  CHECK(tap_at(t += 700) == 171.4);  // 2 x 60000 / 700, to a tenth
  // The meter's JSON rounds to a tenth, like state().cadence always did.
  json out = CadenceToJson(bench.state.cadence, bench.state.model, bench.context.now_ms, bench.context.sensor,
                           std::nullopt);
  CHECK(out["spm"] == 171.4);
  CHECK(out["tap_along"] == true);
  CHECK(out["steps"] == 38);
  // Stopped, the session is kept as a tapped one (the history and state() say "tap").
  bench.At(t + 1000);
  REQUIRE(bench.Do({{"type", "cadence_stop"}}).ok);
  REQUIRE(bench.state.model.cadence_sessions.size() == 1);
  CHECK(bench.state.model.cadence_sessions[0].tapped);
}

TEST_CASE("cadence_tap's t_ms must be a recent performance.now() time after the last tap", "[cadence_meter]") {
  Bench bench;
  REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
  bench.At(20000);
  auto tap = [&](json t_ms) { return bench.Do({{"type", "cadence_tap"}, {"t_ms", std::move(t_ms)}}); };
  ActionResult ahead = tap(21001);
  CHECK_FALSE(ahead.ok);
  CHECK(ahead.field == "t_ms");
  CHECK(ahead.error == "cadence_tap: \"t_ms\" must be a recent performance.now() time, after the last tap.");
  CHECK_FALSE(tap(9999).ok);
  CHECK_FALSE(tap("soon").ok);
  REQUIRE(tap(19000).ok);  // a tap the caller timed a second ago
  REQUIRE(tap(19800).ok);
  CHECK_FALSE(tap(19700).ok);  // before the last tap
  ActionResult third = tap(20600);
  REQUIRE(third.ok);
  CHECK(third.answer["spm"] == 150);  // 800 ms a tap, from the given times
  REQUIRE(tap(21000).ok);             // up to a second ahead of the clock
}

TEST_CASE("zones: time in band counts whole seconds in the band", "[cadence_meter]") {
  Bench bench;
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"voice", false}}).ok);
  REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
  const double start = bench.context.now_ms;
  // 20 s at 176 (in the 170-180 band), a 5 s pause, 15 s at 160 (below).
  bench.TapRun(start + 20000, TapInterval(176));
  bench.TapRun(start + 25000, 0);
  bench.TapRun(start + 40000, TapInterval(160));
  const std::vector<float>& series = bench.state.cadence.series();
  REQUIRE(series.size() == 40);
  CHECK(series[0] == 0);  // no reading before the third tap
  CHECK(series[1] == Approx(176));
  CHECK(series[19] == Approx(176));
  CHECK(series[23] == 0);  // stale
  CHECK(series[39] == Approx(160));
  // In band: from the second second (the first has no reading yet) until the taps go stale.
  long in_band = std::count_if(series.begin(), series.end(),
                               [](float v) { return std::lround(v) >= 170 && std::lround(v) <= 180; });
  CHECK(bench.state.cadence.time_in_band_s() == double(in_band));
  CHECK(in_band >= 19);
  CHECK(in_band <= 22);
  CadenceReadout view = bench.Readout();
  CHECK(view.elapsed_s == Approx(40));
  CHECK(view.time_in_band_s == double(in_band));
  CHECK(view.series == series);
}

TEST_CASE("announcements: a zone change once settled 3 s, periodically, none with voice off", "[cadence_meter]") {
  SECTION("zone changes wait for the settle time") {
    Bench bench;
    REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
    const double start = bench.context.now_ms;
    bench.TapRun(start + 12000, TapInterval(160));
    std::vector<Bench::Timed> spoken = bench.Spoken();
    REQUIRE(spoken.size() == 1);
    CHECK(std::get<Speak>(spoken[0].effect).text == "160, quicken your steps");
    // The reading starts with the third tap (1.5 s in); spoken once it has lasted 3 s.
    const double first_reading = start + 2 * TapInterval(160);
    CHECK(spoken[0].ms >= first_reading + 3000);
    CHECK(spoken[0].ms <= first_reading + 3000 + 100);

    // A pause (no reading: nothing said), then a run in the band: said once settled.
    bench.TapRun(start + 16000, 0);
    CHECK(bench.Spoken().size() == 1);
    const double in_band_from = start + 16000 + 2 * TapInterval(176);
    bench.TapRun(start + 30000, TapInterval(176));
    spoken = bench.Spoken();
    REQUIRE(spoken.size() == 2);
    CHECK(std::get<Speak>(spoken[1].effect).text == "176, in range");
    CHECK(spoken[1].ms >= in_band_from + 3000);
    CHECK(spoken[1].ms <= in_band_from + 3000 + 100);
    // Too fast: "ease off".
    bench.TapRun(start + 34000, 0);
    bench.TapRun(start + 44000, TapInterval(200));
    CHECK(bench.SpokenTexts().back() == "200, ease off");
  }
  SECTION("every announce_every_s while the zone stays") {
    Bench bench;
    REQUIRE(bench.Do({{"type", "cadence_options"}, {"announce_every_s", 10}}).ok);
    REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
    const double start = bench.context.now_ms;
    bench.TapRun(start + 45000, TapInterval(176));
    std::vector<Bench::Timed> spoken = bench.Spoken();
    // Settled at ~4.4 s, then 14.4, 24.4, 34.4, 44.4.
    REQUIRE(spoken.size() == 5);
    for (std::size_t i = 1; i < spoken.size(); ++i) {
      CHECK(spoken[i].ms - spoken[i - 1].ms >= 10000);
      CHECK(spoken[i].ms - spoken[i - 1].ms <= 10100);
      CHECK(std::get<Speak>(spoken[i].effect).text == "176, in range");
    }
    // The default: once a minute.
    Bench minute;
    REQUIRE(minute.Do({{"type", "cadence_start"}}).ok);
    minute.TapRun(minute.context.now_ms + 125000, TapInterval(176));
    CHECK(minute.Spoken().size() == 3);  // settled, then at 60 s and 120 s
    CHECK(minute.Spoken()[1].ms == Approx(minute.Spoken()[0].ms + 60000).margin(100));
  }
  SECTION("voice off: nothing is said, not even on stop") {
    Bench bench;
    REQUIRE(bench.Do({{"type", "cadence_options"}, {"voice", false}, {"announce_every_s", 10}}).ok);
    REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
    bench.TapRun(bench.context.now_ms + 40000, TapInterval(160));
    REQUIRE(bench.Do({{"type", "cadence_stop"}}).ok);
    CHECK(bench.Spoken().empty());
  }
  SECTION("voice off: screen readers get the same readouts, at the same pace, in the live region") {
    Bench voice, silent;
    REQUIRE(voice.Do({{"type", "cadence_options"}, {"announce_every_s", 10}}).ok);
    REQUIRE(silent.Do({{"type", "cadence_options"}, {"voice", false}, {"announce_every_s", 10}}).ok);
    for (Bench* b : {&voice, &silent}) {
      REQUIRE(b->Do({{"type", "cadence_start"}}).ok);
      b->TapRun(b->context.now_ms + 40000, TapInterval(176));
    }
    std::vector<Bench::Timed> said;
    for (const Bench::Timed& t : silent.effects)
      if (std::holds_alternative<Announce>(t.effect)) said.push_back(t);
    std::vector<Bench::Timed> spoken = voice.Spoken();
    REQUIRE(spoken.size() == 4);
    REQUIRE(said.size() == spoken.size());
    for (std::size_t i = 0; i < said.size(); ++i) {
      CHECK(std::get<Announce>(said[i].effect).text == std::get<Speak>(spoken[i].effect).text);
      CHECK(said[i].ms - silent.effects.front().ms == Approx(spoken[i].ms - voice.effects.front().ms).margin(1));
    }
    // With the voice on, nothing goes to the live region: a screen reader user hears it once.
    for (const Bench::Timed& t : voice.effects) CHECK_FALSE(std::holds_alternative<Announce>(t.effect));
  }
}

TEST_CASE("cadence_stop: too short or without steps is not saved", "[cadence_meter]") {
  SECTION("too short") {
    Bench bench;
    REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
    bench.TapRun(bench.context.now_ms + 9500, TapInterval(176));
    ActionResult stop = bench.Do({{"type", "cadence_stop"}});
    REQUIRE(stop.ok);
    CHECK(stop.answer == json{{"message", "Not saved: measure for at least 10 seconds."}});
    CHECK_FALSE(stop.model_changed);
    CHECK_FALSE(stop.id);
    for (const Effect& e : stop.effects) CHECK_FALSE(std::holds_alternative<SaveChange>(e));
    CHECK(bench.state.model.cadence_sessions.empty());
    CHECK(bench.state.model_revision == 0);
    CHECK(bench.SpokenTexts().back() == "Stopped. Average 176 steps per minute.");
    CHECK(bench.Readout().message == "Not saved: measure for at least 10 seconds.");
    CHECK_FALSE(bench.Readout().measuring);
  }
  SECTION("no steps") {
    Bench bench;
    REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
    bench.TapRun(bench.context.now_ms + 15000, 0);
    ActionResult stop = bench.Do({{"type", "cadence_stop"}});
    REQUIRE(stop.ok);
    CHECK(stop.answer == json{{"message", "Not saved: no steps were measured."}});
    CHECK_FALSE(stop.model_changed);
    CHECK(bench.SpokenTexts() == std::vector<std::string>{"Stopped."});
  }
  SECTION("not running") {
    Bench bench;
    ActionResult stop = bench.Do({{"type", "cadence_stop"}});
    CHECK_FALSE(stop.ok);
    CHECK(stop.error == "The cadence meter is not running.");
  }
}

TEST_CASE("cadence_stop keeps the session's floats exactly, with a replay for a rebase", "[cadence_meter]") {
  Bench bench;
  bench.state.model.next_id = 12;
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"pocket", true}}).ok);
  REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
  const double start = bench.context.now_ms;
  // 650 ms a tap: 184.615... steps/min, no round number; then 177.
  bench.TapRun(start + 15000, 650);
  bench.TapRun(start + 30000, TapInterval(177));
  bench.At(start + 30400);  // the last second is taken by the stop itself
  std::vector<float> before_stop = bench.state.cadence.series();
  ActionResult stop = bench.Do({{"type", "cadence_stop"}});
  REQUIRE(stop.ok);
  CHECK(stop.model_changed);
  REQUIRE(stop.id);
  CHECK(*stop.id == 12);
  CHECK(stop.answer == json{{"session_id", 12}, {"message", "Session saved."}});
  CHECK(ResultToJson(stop)["session_id"] == 12);
  CHECK(bench.state.model_revision == 1);
  CHECK_FALSE(bench.state.cadence.pocket());
  CHECK(bench.Readout().message == "Session saved.");

  REQUIRE(bench.state.model.cadence_sessions.size() == 1);
  const CadenceSession& saved = bench.state.model.cadence_sessions[0];
  CHECK(saved.id == 12);
  CHECK(saved.date == D("2026-03-10"));
  CHECK(saved.duration_s == 30);
  CHECK(saved.low_spm == 170);
  CHECK(saved.high_spm == 180);
  CHECK(saved.series_spm == bench.state.cadence.series());  // the floats themselves
  CHECK(saved.series_spm.size() == before_stop.size());      // nothing new: 30 s were already in
  CHECK(saved.series_spm[5] == float(2 * 60000.0 / 650));
  double sum = 0;
  int stepping = 0;
  for (float v : saved.series_spm)
    if (v > 0) sum += v, ++stepping;
  CHECK(saved.mean_spm == sum / stepping);
  CHECK(saved.time_in_band_s == bench.state.cadence.time_in_band_s());
  CHECK(saved.time_in_band_s > 5);

  // The save: a SaveChange whose replay is an add_cadence_session of this very session.
  const SaveChange* save = nullptr;
  for (const Effect& e : stop.effects)
    if (const auto* s = std::get_if<SaveChange>(&e)) save = s;
  REQUIRE(save);
  CHECK(save->created_id == 12);
  CHECK(save->replay.Type() == "add_cadence_session");
  CHECK_FALSE(save->replay.fields.contains("id"));
  // Re-applied on another tab's data (a rebase), it adds the same session with the same id.
  AppState other;
  AddSession(other.model, 3, 170);
  other.model.next_id = 20;
  ActionContext rebase = bench.context;
  rebase.reuse_id = 12;
  ActionResult again = Apply(other, save->replay, rebase);
  REQUIRE(again.ok);
  REQUIRE(other.model.cadence_sessions.size() == 2);
  CHECK(other.model.cadence_sessions[1] == saved);
  // Through JSON text too (the rebase log): the floats survive.
  ActionResult from_text = Apply(other = AppState{}, Action(json::parse(save->replay.fields.dump())), rebase);
  REQUIRE(from_text.ok);
  CHECK(other.model.cadence_sessions[0] == saved);

  // A second stop: nothing running.
  CHECK_FALSE(bench.Do({{"type", "cadence_stop"}}).ok);
}

TEST_CASE("one limit: the meter stops its series at 12 hours, and add_cadence_session refuses more",
          "[cadence_meter]") {
  // The page API: 43201 s refused, in the words of the one check.
  AppState state;
  ActionContext context;
  context.today = D("2026-03-10");
  json action = {{"type", "add_cadence_session"}, {"date", "2026-03-10"}, {"duration_s", kMaxCadenceSessionS + 1},
                 {"mean_spm", 170}};
  ActionResult refused = Apply(state, action, context);
  CHECK_FALSE(refused.ok);
  CHECK(refused.field == "duration_s");
  CHECK(refused.reason == CheckCadenceSessionDuration(kMaxCadenceSessionS + 1));
  CHECK(refused.error ==
        "add_cadence_session: \"duration_s\" must be more than 0 and at most 43200 seconds (12 hours).");
  action["duration_s"] = kMaxCadenceSessionS;
  CHECK(Apply(state, action, context).ok);

  // The meter: a long measurement (a slow frame after hours) stops adding values at the limit,
  // so its session passes the same check and is kept.
  Bench bench;
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"voice", false}}).ok);
  REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
  const double start = bench.context.now_ms;
  bench.TapRun(start + 20000, TapInterval(176));
  bench.At(start + (kMaxCadenceSessionS + 100) * 1000);
  bench.Tick();
  CHECK(bench.state.cadence.series().size() == kMaxCadenceSeriesLength);
  ActionResult stop = bench.Do({{"type", "cadence_stop"}});
  REQUIRE(stop.ok);
  CHECK(stop.answer["message"] == "Session saved.");
  REQUIRE(bench.state.model.cadence_sessions.size() == 1);
  CHECK(bench.state.model.cadence_sessions[0].duration_s == kMaxCadenceSessionS);

  // One second more is what the check refuses, for either door.
  CadenceSession longer = bench.state.model.cadence_sessions[0];
  longer.duration_s = kMaxCadenceSessionS + 1;
  const json none = json::object();
  FieldReader in(none, "cadence_stop");
  CHECK_FALSE(CheckCadenceSession(longer, context.today, in));
  CHECK(in.Reason() == refused.reason);
  longer.duration_s = kMaxCadenceSessionS;
  longer.series_spm.push_back(170);
  FieldReader series_in(none, "cadence_stop");
  CHECK_FALSE(CheckCadenceSession(longer, context.today, series_in));
  CHECK(series_in.Error() == "cadence_stop: \"series_spm\" has more than 43200 values (one per second of 12 hours).");
}

TEST_CASE("the sensor: a synthetic run read live, stale once the samples stop", "[cadence_meter]") {
  Bench bench;
  bench.context.sensor = {SensorState::Ok, ""};
  REQUIRE(bench.Do({{"type", "cadence_options"}, {"voice", false}}).ok);
  REQUIRE(bench.Do({{"type", "cadence_start"}}).ok);
  const double start = bench.context.now_ms;
  PocketGait gait;
  gait.spm = 174;
  gait.duration_s = 30;
  std::vector<SynthSample> synth = MakePocketGait(gait);
  // The bridge delivers what arrived since the last frame, every 100 ms.
  std::size_t next = 0;
  for (int frame = 1; frame <= 300; ++frame) {
    const double t = frame / 10.0;
    std::vector<MotionSample> batch;
    for (; next < synth.size() && synth[next].t < t; ++next) {
      const SynthSample& s = synth[next];
      batch.push_back({s.t, s.ax, s.ay, s.az, s.rx, s.ry, s.rz});
    }
    bench.At(start + frame * 100);
    REQUIRE(bench.Tick(std::move(batch)).ok);
  }
  CadenceReadout view = bench.Readout();
  CHECK(view.sensor == "ok");
  CHECK_FALSE(view.tap_along);
  CHECK(view.spm == Approx(174).margin(3));
  CHECK(view.confidence > 0);
  CHECK(view.steps == Approx(174 * 30 / 60.0).margin(20));
  CHECK(bench.state.cadence.samples() == long(synth.size()));
  REQUIRE(view.series.size() == 30);
  CHECK(view.series.back() == Approx(174).margin(3));
  CHECK(view.time_in_band_s >= 15);
  json out = CadenceToJson(bench.state.cadence, bench.state.model, bench.context.now_ms, bench.context.sensor,
                           ComputePersonalTarget(bench.state.model));
  CHECK(out["measuring"] == true);
  CHECK(out["sensor"] == "ok");
  CHECK(out["samples"] == synth.size());
  CHECK(out["elapsed_s"] == 30.0);
  CHECK(out["low_spm"] == 170);
  CHECK(out["sessions"] == nlohmann::json::array());  // the saved sessions, listed
  CHECK_FALSE(out.contains("personal_target"));
  CHECK_FALSE(out.contains("message"));
  // No sample for over 2 s: no live reading.
  bench.At(start + 32001);
  bench.Tick();
  CHECK(bench.Readout().spm == 0);
  CHECK(bench.state.cadence.series().back() == 0);
}
