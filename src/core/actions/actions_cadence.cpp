// The cadence meter's actions (state.cadence, core/cadence/cadence_meter.hpp) and
// add_cadence_session, the page API's way to keep a session. A session the meter measured is kept
// by cadence_stop directly, checked by the same CheckCadenceSession as add_cadence_session.
#include <algorithm>
#include <cmath>

#include "core/actions/action_input.hpp"
#include "core/cadence/cadence_meter.hpp"
#include "core/cadence/cadence_session_check.hpp"
#include "core/model/model_json.hpp"

namespace sw {

ActionResult ApplyAddCadenceSession(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "add_cadence_session");
  CadenceSession session;
  session.low_spm = draft.model.settings.cadence_low_spm;
  session.high_spm = draft.model.settings.cadence_high_spm;
  // The fields' types here; their values in CheckCadenceSession (cadence_stop's check too).
  if (!(in.DateField("date", session.date) && in.Number("duration_s", session.duration_s) &&
        in.Number("mean_spm", session.mean_spm) && in.OptNumber("time_in_band_s", session.time_in_band_s) &&
        in.OptInt("low_spm", session.low_spm) && in.OptInt("high_spm", session.high_spm) &&
        in.OptBool("tapped", session.tapped)))
    return FailWith(in);
  if (in.Has("series_spm")) {
    const nlohmann::json* series = nullptr;
    if (!in.Array("series_spm", series)) return FailWith(in);
    if (!in.Check("series_spm", CheckCadenceSeriesLength(series->size()))) return FailWith(in);
    std::vector<float> values;
    values.reserve(series->size());
    for (const nlohmann::json& item : *series) {
      std::optional<double> spm = JsonFiniteNumber(item);
      if (!spm) {
        in.FailField("series_spm", "must hold numbers from 0 to 1000");
        return FailWith(in);
      }
      // Clamped only so the float holds it: anything out of range stays out, for the check.
      values.push_back(float(std::clamp(*spm, -1e9, 1e9)));
    }
    session.series_spm = std::move(values);
  }
  if (!CheckCadenceSession(session, context.today, in)) return FailWith(in);
  if (!TakeNextId(draft.model, context, session.id)) return NoMoreIds("add_cadence_session");
  Id id = session.id;
  InsertInIdOrder(draft.model.cadence_sessions, std::move(session));
  return Created(id);
}

ActionResult ApplyDeleteCadenceSession(AppState& draft, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "delete_cadence_session");
  Id id = 0;
  if (!in.IdField("id", id)) return FailWith(in);
  auto& sessions = draft.model.cadence_sessions;
  auto found = std::find_if(sessions.begin(), sessions.end(), [&](const CadenceSession& s) { return s.id == id; });
  if (found == sessions.end())
    return ActionResult::Fail("delete_cadence_session: no cadence session has id " + std::to_string(id) + ".");
  sessions.erase(found);
  return ActionResult::Ok();
}

ActionResult ApplyCadenceStart(AppState& state, const Action&, const ActionContext& context) {
  ActionResult result;
  if (!state.cadence.Start(state.model, context.now_ms, result.effects)) {
    result.answer = {{"already", true}};
    return result;
  }
  result.answer = {{"sensor", SensorStateName(context.sensor.state)}};
  if (!context.sensor.message.empty()) result.answer["message"] = context.sensor.message;
  return result;
}

ActionResult ApplyCadenceStop(AppState& state, const Action&, const ActionContext& context) {
  if (!state.cadence.measuring()) return ActionResult::Fail("The cadence meter is not running.");
  ActionResult result;
  std::optional<CadenceSession> session = state.cadence.Stop(state.model, context.now_ms, result.effects);
  if (session) {
    session->date = context.today;
    static const nlohmann::json kNoFields = nlohmann::json::object();
    FieldReader check(kNoFields, "cadence_stop");
    if (!CheckCadenceSession(*session, context.today, check)) {
      state.cadence.SetMessage("Not saved: " + check.Error());
    } else if (!TakeNextId(state.model, context, session->id)) {
      state.cadence.SetMessage("Not saved: no more ids are available.");
    } else {
      // What a rebase re-applies on another tab's newer data: the same session, exactly (the
      // model's writer keeps each float's value), through the page API's action.
      nlohmann::json replay = CadenceSessionToJson(*session);
      replay.erase("id");
      replay["type"] = "add_cadence_session";
      result.replay = Action(std::move(replay));
      result.id = session->id;
      result.model_changed = true;
      result.answer["session_id"] = session->id;
      InsertInIdOrder(state.model.cadence_sessions, std::move(*session));
      state.cadence.SetMessage("Session saved.");
    }
  }
  result.answer["message"] = state.cadence.message();
  return result;
}

ActionResult ApplyCadenceTap(AppState& state, const Action& action, const ActionContext& context) {
  if (!state.cadence.measuring()) return ActionResult::Fail("Start the cadence meter before tapping along.");
  FieldReader in(action.fields, "cadence_tap");
  // t_ms: the tap's own performance.now(), for callers that time taps themselves.
  double tap_ms = context.now_ms;
  if (!in.OptNumber("t_ms", tap_ms)) return FailWith(in);
  if (in.Has("t_ms") && !state.cadence.TapTimeOk(tap_ms, context.now_ms)) {
    in.FailField("t_ms", "must be a recent performance.now() time, after the last tap");
    return FailWith(in);
  }
  state.cadence.Tap(tap_ms);
  ActionResult result;
  result.answer = {{"spm", std::round(state.cadence.LiveSpm(context.now_ms) * 10) / 10}};
  return result;
}

ActionResult ApplyCadenceOptions(AppState& state, const Action& action, const ActionContext&) {
  FieldReader in(action.fields, "cadence_options");
  CadenceOptions options;
  auto flag = [&](const char* key, std::optional<bool>& out) {
    if (!in.Has(key)) return true;
    bool value = false;
    if (!in.Bool(key, value)) return false;
    out = value;
    return true;
  };
  static constexpr std::string_view kMetronomeAt[] = {"band", "personal"};
  int at = -1;
  double every = 0;
  if (!(flag("voice", options.voice) && flag("metronome", options.metronome) && flag("pocket", options.pocket) &&
        in.OptChoice("metronome_at", kMetronomeAt, at) && in.OptNumber("announce_every_s", every) &&
        in.Check("announce_every_s", !in.Has("announce_every_s") || (every >= CadenceMeter::kMinAnnounceEveryS &&
                                                                     every <= CadenceMeter::kMaxAnnounceEveryS)
                                         ? std::string()
                                         : "must be from 10 to 3600")))
    return FailWith(in);
  if (at >= 0) options.metronome_personal = at == 1;
  if (in.Has("announce_every_s")) options.announce_every_s = every;
  ActionResult result;
  state.cadence.SetOptions(options, state.model, result.effects);
  return result;
}

ActionResult ApplyCadenceTick(AppState& state, const Action& action, const ActionContext& context) {
  ActionResult result;
  state.cadence.Tick(state.model, context.now_ms, action.samples, result.effects);
  return result;
}

}  // namespace sw
