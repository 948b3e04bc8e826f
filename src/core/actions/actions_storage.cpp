// load_stored: storage's load comes in through the same door as every change. The model decoded
// from the store rides in the action (action.model); Apply() bumps the revision and saves nothing.
// load_series and load_runs: the cadence series and the older years of runs storage reads after
// the first frame, attached the same way.
#include <algorithm>

#include "core/actions/action_input.hpp"

namespace sw {

// {"type": "load_stored", "unread_series": [session ids]}: the sessions whose series were left
// for later (load_series); none when every part was read.
ActionResult ApplyLoadStored(AppState& state, const Action& given, const ActionContext&) {
  if (!given.model) return ActionResult::Fail("load_stored: there is no stored model to load.");
  std::set<Id> unread;
  if (auto it = given.fields.find("unread_series"); it != given.fields.end() && it->is_array())
    for (const auto& id : *it)
      if (id.is_number_integer()) unread.insert(id.get<Id>());
  state.model = Model(*given.model);  // copied whole (see Model: no copy-assignment)
  state.unread_series = std::move(unread);
  return ActionResult::Ok();
}

// {"type": "load_series", "complete": bool} with action.model holding sessions (id and series
// only). A series goes to its session only while that session's series is unread and still
// empty: a session replaced meanwhile (a restored backup with its own series) keeps its own.
// `complete`: the read is over; whatever was not found stays empty (and is no longer unread).
ActionResult ApplyLoadSeries(AppState& state, const Action& given, const ActionContext&) {
  if (given.model) {
    for (const CadenceSession& read : given.model->cadence_sessions) {
      if (!state.unread_series.erase(read.id)) continue;
      auto session = std::find_if(state.model.cadence_sessions.begin(), state.model.cadence_sessions.end(),
                                  [&](const CadenceSession& s) { return s.id == read.id; });
      if (session != state.model.cadence_sessions.end() && session->series_spm.empty())
        session->series_spm = read.series_spm;
    }
  }
  if (given.fields.value("complete", false)) state.unread_series.clear();
  return ActionResult::Ok();
}

// {"type": "load_runs", "years": [yyyy, ...]} with action.model holding those years' runs. A
// year is taken only while it is still unread: a store replaced meanwhile (a restored backup) has
// its own runs. The digests that stood in for them go.
ActionResult ApplyLoadRuns(AppState& state, const Action& given, const ActionContext&) {
  std::vector<int> taken;
  auto& unread = state.model.unread_run_years;
  if (auto years = given.fields.find("years"); years != given.fields.end() && years->is_array())
    for (const auto& year : *years) {
      if (!year.is_number_integer()) continue;
      auto digest = std::find_if(unread.begin(), unread.end(), [&](const RunYearDigest& d) { return d.year == year; });
      if (digest == unread.end()) continue;
      taken.push_back(digest->year);
      unread.erase(digest);
    }
  if (!given.model || taken.empty()) return ActionResult::Ok();
  std::vector<Run> runs;
  for (const Run& run : given.model->runs)
    if (std::count(taken.begin(), taken.end(), int(run.date.year()))) runs.push_back(run);
  AddRunsInIdOrder(state.model.runs, std::move(runs));
  return ActionResult::Ok();
}

}  // namespace sw
