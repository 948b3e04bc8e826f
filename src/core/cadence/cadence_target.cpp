#include "core/cadence/cadence_target.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

bool IsPlausibleRunCadence(double mean_spm) {
  return mean_spm >= kPlausibleRunLowSpm && mean_spm <= kPlausibleRunHighSpm;
}

std::optional<PersonalTarget> ComputePersonalTarget(const Model& model) {
  // Measured sessions and imported runs with the watch's cadence, newest day first (an import
  // brings old runs with new ids, so the date decides, then the id).
  struct Measured {
    Date date;
    Id id;
    double spm;
  };
  std::vector<Measured> measured;
  for (const CadenceSession& session : model.cadence_sessions)
    if (IsPlausibleRunCadence(session.mean_spm)) measured.push_back({session.date, session.id, session.mean_spm});
  for (const Run& run : model.runs)
    if (run.cadence_spm && IsPlausibleRunCadence(*run.cadence_spm)) measured.push_back({run.date, run.id, *run.cadence_spm});
  const std::size_t used = std::min<std::size_t>(measured.size(), kPersonalTargetSessions);
  if (used == 0) return std::nullopt;
  std::partial_sort(measured.begin(), measured.begin() + std::ptrdiff_t(used), measured.end(),
                    [](const Measured& a, const Measured& b) { return a.date != b.date ? a.date > b.date : a.id > b.id; });
  PersonalTarget target;
  double sum = 0;
  for (std::size_t i = 0; i < used; ++i) {
    sum += measured[i].spm;
    target.session_ids.push_back(measured[i].id);
    target.session_dates.push_back(measured[i].date);
  }
  target.baseline_spm = sum / double(used);
  target.low_spm = int(std::lround(target.baseline_spm * 1.05));
  target.high_spm = int(std::lround(target.baseline_spm * 1.10));
  return target;
}

}  // namespace sw
