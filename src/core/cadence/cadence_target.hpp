#pragma once
// The personal cadence target: the runner's own measured cadence plus 5-10% (Heiderscheit et al.,
// 2011), taken only from sessions that look like running.
#include <optional>
#include <vector>

#include "core/cadence/cadence_history.hpp"
#include "core/model/model.hpp"

namespace sw {

// A session averaging outside this range was not a run measured well (a walk, a mis-tapped
// tap-along, a phone on a table), and a target built on it would be nonsense ("51-53").
inline constexpr double kPlausibleRunLowSpm = 130;
inline constexpr double kPlausibleRunHighSpm = 220;
inline constexpr int kPersonalTargetSessions = 3;  // the newest plausible sessions averaged

bool IsPlausibleRunCadence(double mean_spm);

struct PersonalTarget {
  double baseline_spm = 0;        // mean of the used sessions' mean cadence
  int low_spm = 0, high_spm = 0;  // baseline + 5% .. + 10%
  std::vector<Id> session_ids;    // the sessions (or imported runs) it came from, newest first
  std::vector<Date> session_dates;
};

// From the kPersonalTargetSessions newest plausible records of CadenceHistory: cadence sessions and
// imported runs that carry their watch's cadence (session_ids may name either); nullopt when none.
std::optional<PersonalTarget> ComputePersonalTarget(const std::vector<CadenceRecord>& history);
std::optional<PersonalTarget> ComputePersonalTarget(const Model& model);

}  // namespace sw
