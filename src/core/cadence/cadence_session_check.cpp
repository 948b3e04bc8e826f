#include "core/cadence/cadence_session_check.hpp"

#include <cmath>

#include "core/model/validation.hpp"

namespace sw {
namespace {

std::string CheckSpm(double spm) {
  return std::isfinite(spm) && spm >= 0 && spm <= kMaxSpm ? std::string() : "must be from 0 to 1000 steps per minute";
}

}  // namespace

std::string CheckCadenceSessionDuration(double seconds) {
  if (std::isfinite(seconds) && seconds > 0 && seconds <= kMaxCadenceSessionS) return {};
  return "must be more than 0 and at most " + std::to_string(long(kMaxCadenceSessionS)) + " seconds (" +
         std::to_string(long(kMaxCadenceSessionS / 3600)) + " hours)";
}

std::string CheckCadenceSeriesLength(std::size_t values) {
  if (values <= kMaxCadenceSeriesLength) return {};
  return "has more than " + std::to_string(kMaxCadenceSeriesLength) + " values (one per second of " +
         std::to_string(long(kMaxCadenceSessionS / 3600)) + " hours)";
}

bool CheckCadenceSession(const CadenceSession& session, Date today, FieldReader& in) {
  if (!(in.Check("date", CheckDateNotFuture(session.date, today)) &&
        in.Check("duration_s", CheckCadenceSessionDuration(session.duration_s)) &&
        in.Check("mean_spm", CheckSpm(session.mean_spm)) &&
        in.Check("time_in_band_s", std::isfinite(session.time_in_band_s) && session.time_in_band_s >= 0 &&
                                           session.time_in_band_s <= session.duration_s + 1
                                       ? std::string()
                                       : "must be from 0 to the session's duration") &&
        in.Check("low_spm", CheckCadenceBand(session.low_spm, session.high_spm))))
    return false;
  if (!in.Check("series_spm", CheckCadenceSeriesLength(session.series_spm.size()))) return false;
  for (float spm : session.series_spm)
    if (!CheckSpm(spm).empty()) return in.FailField("series_spm", "must hold numbers from 0 to 1000");
  return true;
}

}  // namespace sw
