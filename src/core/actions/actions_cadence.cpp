// add_cadence_session: the cadence meter (src/app/cadence_meter.cpp) saves a finished
// measurement through this action, so a session is checked like any other input.
#include <cmath>

#include "core/actions/action_input.hpp"

namespace sw {
namespace {

inline constexpr double kMaxSessionS = 12 * 3600;   // one measurement: at most 12 hours
inline constexpr std::size_t kMaxSeriesLength = 43200;  // one value per second of 12 hours

std::string CheckSessionDuration(double seconds) {
  return std::isfinite(seconds) && seconds > 0 && seconds <= kMaxSessionS ? std::string()
                                                                          : "must be more than 0 and at most 43200 seconds (12 hours)";
}

std::string CheckSpm(double spm) {
  return std::isfinite(spm) && spm >= 0 && spm <= kMaxSpm ? std::string() : "must be from 0 to 1000 steps per minute";
}

}  // namespace

ActionResult ApplyAddCadenceSession(AppState& draft, const nlohmann::json& action, const ActionContext& context) {
  FieldReader in(action, "add_cadence_session");
  CadenceSession session;
  session.low_spm = draft.model.settings.cadence_low_spm;
  session.high_spm = draft.model.settings.cadence_high_spm;
  if (!(in.DateField("date", session.date) && in.Check("date", CheckDateNotFuture(session.date, context.today)) &&
        in.Number("duration_s", session.duration_s) &&
        in.Check("duration_s", CheckSessionDuration(session.duration_s)) &&
        in.Number("mean_spm", session.mean_spm) && in.Check("mean_spm", CheckSpm(session.mean_spm)) &&
        in.OptNumber("time_in_band_s", session.time_in_band_s) &&
        in.Check("time_in_band_s", session.time_in_band_s >= 0 && session.time_in_band_s <= session.duration_s + 1
                                       ? std::string()
                                       : "must be from 0 to the session's duration") &&
        in.OptInt("low_spm", session.low_spm) && in.OptInt("high_spm", session.high_spm) &&
        in.Check("low_spm", CheckCadenceBand(session.low_spm, session.high_spm))))
    return FailWith(in);
  if (in.Has("series_spm")) {
    const nlohmann::json* series = nullptr;
    if (!in.Array("series_spm", series)) return FailWith(in);
    if (series->size() > kMaxSeriesLength) {
      in.Fail("\"series_spm\" has more than 43200 values (one per second of 12 hours).");
      return FailWith(in);
    }
    session.series_spm.reserve(series->size());
    for (const nlohmann::json& item : *series) {
      std::optional<double> spm = JsonFiniteNumber(item);
      if (!spm || !CheckSpm(*spm).empty()) {
        in.Fail("\"series_spm\" must hold numbers from 0 to 1000.");
        return FailWith(in);
      }
      session.series_spm.push_back(float(*spm));
    }
  }
  if (!TakeNextId(draft.model, context, session.id)) return NoMoreIds("add_cadence_session");
  draft.model.cadence_sessions.push_back(std::move(session));
  return Created(draft.model.cadence_sessions.back().id);
}

}  // namespace sw
