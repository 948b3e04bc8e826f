#include "core/cadence/cadence_target.hpp"

#include <cmath>

namespace sw {

bool IsPlausibleRunCadence(double mean_spm) {
  return mean_spm >= kPlausibleRunLowSpm && mean_spm <= kPlausibleRunHighSpm;
}

std::optional<PersonalTarget> ComputePersonalTarget(const std::vector<CadenceRecord>& history) {
  PersonalTarget target;
  double sum = 0;
  for (const CadenceRecord& record : history) {
    if (!IsPlausibleRunCadence(record.spm)) continue;
    sum += record.spm;
    target.session_ids.push_back(record.id);
    target.session_dates.push_back(record.date);
    if (target.session_ids.size() == std::size_t(kPersonalTargetSessions)) break;
  }
  if (target.session_ids.empty()) return std::nullopt;
  target.baseline_spm = sum / double(target.session_ids.size());
  target.low_spm = int(std::lround(target.baseline_spm * 1.05));
  target.high_spm = int(std::lround(target.baseline_spm * 1.10));
  return target;
}

std::optional<PersonalTarget> ComputePersonalTarget(const Model& model) {
  return ComputePersonalTarget(CadenceHistory(model));
}

}  // namespace sw
