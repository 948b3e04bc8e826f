#pragma once
// The one check of a cadence session about to be kept, with the one limit on its length: the
// page API's add_cadence_session and the meter's cadence_stop both go through it, and the meter
// stops its per-second series at the same limit, so what it measures it can always keep.
#include <cstddef>
#include <string>

#include "core/model/model.hpp"

namespace sw {

class FieldReader;

// One measurement: at most 12 hours, one series value per second of it.
inline constexpr double kMaxCadenceSessionS = 12 * 3600;
inline constexpr std::size_t kMaxCadenceSeriesLength = std::size_t(kMaxCadenceSessionS);

// "" or the reason, to follow the field's name: "must be more than 0 and at most 43200 seconds
// (12 hours)".
std::string CheckCadenceSessionDuration(double seconds);

// "" or the reason: "has more than 43200 values (one per second of 12 hours)".
std::string CheckCadenceSeriesLength(std::size_t values);

// Date (not after `today`'s allowance), duration, mean, time in band, band, series length and
// values. The first problem is recorded on `in` (its `where` names the action); false then.
bool CheckCadenceSession(const CadenceSession& session, Date today, FieldReader& in);

}  // namespace sw
