// add_run, update_run, delete_run, restore_run (API.md; restore_run is the UI's undo).
#include <algorithm>
#include <cmath>

#include "core/actions/action_input.hpp"
#include "core/rules/load_rules.hpp"
#include "core/rules/shoe_rules.hpp"
#include "core/model/model_json.hpp"

namespace sw {
namespace {

// The shoe a run is put on: it must exist, and a retired shoe only when the run already had it or
// the run's date is within the pair's time in use (ShoeAvailableOn: a backdated run).
bool CheckRunShoe(FieldReader& in, const Model& model, Id shoe_id, std::optional<Id> current, Date date) {
  const Shoe* shoe = FindShoe(model, shoe_id);
  if (!shoe) return in.Fail("no shoe has id " + std::to_string(shoe_id) + ".");
  if (shoe->retired && current != shoe_id && !ShoeAvailableOn(model, *shoe, date))
    return in.Fail("shoe " + std::to_string(shoe_id) + " (" + shoe->name +
                   ") is retired; reactivate it or pick another shoe.");
  return true;
}

// Fields add_run and update_run share, read onto `run`. An absent field keeps the run's value;
// null clears duration_s / shoe_id.
bool ReadRunFields(FieldReader& in, const Model& model, Run& run, const ActionContext& context) {
  double duration = 0;
  Id shoe_id = 0;
  if (!(in.OptDate("date", run.date) && in.Check("date", CheckDateNotFuture(run.date, context.today)) &&
        in.OptNumber("distance_m", run.distance_m) && in.Check("distance_m", CheckRunDistance(run.distance_m)) &&
        in.OptNumber("duration_s", duration) &&
        (!in.Has("duration_s") || in.Check("duration_s", CheckDuration(duration))) &&
        in.OptId("shoe_id", shoe_id) && (!in.Has("shoe_id") || CheckRunShoe(in, model, shoe_id, run.shoe_id, run.date)) &&
        in.OptBool("warmup", run.warmup) && in.OptBool("cooldown", run.cooldown)))
    return false;
  if (in.Has("duration_s")) run.duration_s = duration;
  else if (in.IsNull("duration_s")) run.duration_s.reset();
  if (in.Has("shoe_id")) run.shoe_id = shoe_id;
  else if (in.IsNull("shoe_id")) run.shoe_id.reset();
  return true;
}

// A likely typo ("150" for 15.0 km) is refused unless the action says confirm: true, so neither a
// finger slip nor a script's unit mix-up lands in the totals unasked. `except`: the run being edited.
bool CheckUnusualDistance(FieldReader& in, const Model& model, const Run& run, std::optional<Id> except) {
  bool confirm = false;
  if (!in.OptBool("confirm", confirm)) return false;
  if (confirm || !IsUnusualRunDistance(model, run.distance_m, run.date, except)) return true;
  return in.Fail("\"distance_m\" " + std::to_string(std::lround(run.distance_m)) +
                 " m is far beyond this runner's recent runs (the limit is " +
                 std::to_string(std::lround(UnusualRunLimitM(model, run.date, except))) +
                 " m); check it for a typo, or send \"confirm\": true to save it as it is.");
}

// The distance needs the runner's yes: field "confirm" tells a form to ask ("Did you mean ...?").
ActionResult NeedsConfirm(const FieldReader& in) {
  ActionResult result = FailWith(in);
  result.field = "confirm";
  result.reason = "is far longer than your recent runs";
  return result;
}

}  // namespace

ActionResult ApplyAddRun(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "add_run");
  Model& model = draft.model;
  Run run;
  // Required first, so a missing field is named before any other complaint.
  if (!in.DateField("date", run.date) || !in.Number("distance_m", run.distance_m)) return FailWith(in);
  // Omitted shoe_id: the pair in use on the run's date (the default pair if it was available
  // then: a backdated run does not land on a pair bought later); "shoe_id": null: no shoe.
  if (!in.Has("shoe_id") && !in.IsNull("shoe_id")) run.shoe_id = DefaultShoeOn(model, run.date);
  if (!ReadRunFields(in, model, run, context)) return FailWith(in);
  if (!CheckUnusualDistance(in, model, run, std::nullopt)) return NeedsConfirm(in);
  if (!TakeNextId(model, context, run.id)) return NoMoreIds("add_run");
  Id id = run.id;
  InsertInIdOrder(model.runs, std::move(run));
  return Created(id);
}

ActionResult ApplyUpdateRun(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "update_run");
  Id id = 0;
  if (!in.IdField("id", id)) return FailWith(in);
  Run* run = FindRun(draft.model, id);
  if (!run) return ActionResult::Fail("update_run: no run has id " + std::to_string(id) + ".");
  // Only a new distance or date is asked about: retagging the shoe of a long run confirmed once
  // needs no second yes.
  const Run before = *run;
  if (!ReadRunFields(in, draft.model, *run, context)) return FailWith(in);
  bool moved = run->distance_m != before.distance_m || run->date != before.date;
  if (moved && !CheckUnusualDistance(in, draft.model, *run, id)) return NeedsConfirm(in);
  return ActionResult::Ok();
}

ActionResult ApplyDeleteRun(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "delete_run");
  Id id = 0;
  if (!in.IdField("id", id)) return FailWith(in);
  int index = IndexOfRun(draft.model, id);
  if (index < 0) return ActionResult::Fail("delete_run: no run has id " + std::to_string(id) + ".");
  draft.model.runs.erase(draft.model.runs.begin() + index);
  return ActionResult::Ok();
}

// {run_ids, shoe_id}: the runs onto that pair in one change (a runner who forgot to switch pairs
// for a month). Every id must name a run, once; the pair may be retired (it may well have been the
// pair in use then). Nothing moves unless all can.
ActionResult ApplyMoveRuns(AppState& draft, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "move_runs");
  const nlohmann::json* list = nullptr;
  Id shoe_id = 0;
  if (!in.Array("run_ids", list) || !in.IdField("shoe_id", shoe_id)) return FailWith(in);
  if (list->empty()) return ActionResult::Fail("move_runs: \"run_ids\" must name at least one run.");
  if (!FindShoe(draft.model, shoe_id))
    return ActionResult::Fail("move_runs: no shoe has id " + std::to_string(shoe_id) + ".");
  std::vector<Run*> runs;
  for (const nlohmann::json& id : *list) {
    if (!id.is_number_integer() || id.get<long long>() < 1)
      return ActionResult::Fail("move_runs: \"run_ids\" must hold run ids (whole numbers from 1).");
    Run* run = FindRun(draft.model, id.get<Id>());
    if (!run) return ActionResult::Fail("move_runs: no run has id " + std::to_string(id.get<Id>()) + ".");
    if (std::find(runs.begin(), runs.end(), run) != runs.end())
      return ActionResult::Fail("move_runs: run " + std::to_string(run->id) + " is listed twice.");
    runs.push_back(run);
  }
  for (Run* run : runs) run->shoe_id = shoe_id;
  ActionResult result;
  result.model_changed = true;
  result.answer = {{"moved", runs.size()}};
  return result;
}

// Puts back a run exactly as state() listed it, with its old id, where it stood among the others.
ActionResult ApplyRestoreRun(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "restore_run");
  Model& model = draft.model;
  const nlohmann::json* fields = nullptr;
  if (!in.Object("run", fields)) return FailWith(in);
  Run run;
  std::string error;
  if (!RunFromJson(*fields, run, error, "restore_run.run")) return ActionResult::Fail(error);
  if (FindRun(model, run.id))
    return ActionResult::Fail("restore_run: a run with id " + std::to_string(run.id) + " already exists.");
  if (run.shoe_id && !FindShoe(model, *run.shoe_id))
    return ActionResult::Fail("restore_run: no shoe has id " + std::to_string(*run.shoe_id) + ".");
  model.next_id = std::max(model.next_id, run.id + 1);
  InsertInIdOrder(model.runs, std::move(run));
  return ActionResult::Ok();
}

}  // namespace sw
