#pragma once
// Core's one door: every change - a tap, the page API, the sensor pump, storage's load and
// rebase - is an Action (action.hpp) handed to Apply(). A rejected action returns a readable
// error (and, when one field is to blame, which) and changes nothing. An accepted one returns
// the effects the app must carry out; the app decides nothing itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actions/action.hpp"
#include "core/model/state.hpp"

namespace sw {

struct ActionResult {
  bool ok = true;
  std::string error;  // the whole sentence: `add_run: "distance_m" must be ...`
  std::string field;  // the field to blame ("distance_m"), empty when not one field
  std::string reason;  // the field's problem alone ("must be at least 10 m ..."), for a form
  std::optional<std::int64_t> id;  // the new record's id, for add_* actions
  nlohmann::json answer;  // more for the caller: {"filename": ...} (null: nothing more)
  std::vector<Effect> effects;
  // Set by Apply() for an action that changed the model (and by a handler that changed it only
  // sometimes, cadence_stop); the model revision is then bumped and a SaveChange effect added.
  bool model_changed = false;
  // What a rebase re-applies, when not the action itself (a confirmed import: its decoded model).
  std::optional<Action> replay;

  static ActionResult Ok() { return {}; }
  static ActionResult Fail(std::string message) {
    ActionResult r;
    r.ok = false;
    r.error = std::move(message);
    return r;
  }
};

ActionResult Apply(AppState& state, const Action& action, const ActionContext& context);
// The same for an action in the page API's words alone, as tests and the CLI write them.
inline ActionResult Apply(AppState& state, const nlohmann::json& action, const ActionContext& context) {
  return Apply(state, Action(action), context);
}

// {ok:true[,id][,answer...]} or {ok:false,error[,field]}: what dispatch() returns to JavaScript.
nlohmann::json ResultToJson(const ActionResult& result);

// Whether an action of this type reads, lists or writes runs, so that it must wait until every
// stored year of runs is read (Model::unread_run_years empty). Most do; the exceptions are listed
// in actions.cpp. The app reads the rest at once before applying such an action.
bool NeedsEveryRun(std::string_view type);

}  // namespace sw
