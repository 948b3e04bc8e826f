#include "core/cadence/cadence_target.hpp"

#include <cmath>

namespace sw {

bool IsPlausibleRunCadence(double mean_spm) {
  return mean_spm >= kPlausibleRunLowSpm && mean_spm <= kPlausibleRunHighSpm;
}

std::optional<PersonalTarget> ComputePersonalTarget(const Model& model) {
  PersonalTarget target;
  double sum = 0;
  for (auto it = model.cadence_sessions.rbegin();
       it != model.cadence_sessions.rend() && int(target.session_ids.size()) < kPersonalTargetSessions; ++it) {
    if (!IsPlausibleRunCadence(it->mean_spm)) continue;
    sum += it->mean_spm;
    target.session_ids.push_back(it->id);
    target.session_dates.push_back(it->date);
  }
  if (target.session_ids.empty()) return std::nullopt;
  target.baseline_spm = sum / double(target.session_ids.size());
  target.low_spm = int(std::lround(target.baseline_spm * 1.05));
  target.high_spm = int(std::lround(target.baseline_spm * 1.10));
  return target;
}

}  // namespace sw
