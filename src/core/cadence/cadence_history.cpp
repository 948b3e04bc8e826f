#include "core/cadence/cadence_history.hpp"

#include <algorithm>

namespace sw {

std::vector<CadenceRecord> CadenceHistory(const Model& model) {
  std::vector<CadenceRecord> history;
  history.reserve(model.cadence_sessions.size());
  for (const CadenceSession& session : model.cadence_sessions)
    history.push_back({session.date, session.id, false, session.mean_spm, session.duration_s, {}});
  for (const Run& run : model.runs) {
    if (!run.cadence_spm) continue;
    history.push_back({run.date, run.id, true, *run.cadence_spm, run.duration_s,
                       run.source ? run.source->device : std::string()});
  }
  std::sort(history.begin(), history.end(), [](const CadenceRecord& a, const CadenceRecord& b) {
    return a.date != b.date ? a.date > b.date : a.id > b.id;
  });
  return history;
}

}  // namespace sw
