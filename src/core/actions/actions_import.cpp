// Importing runs from watch and app files (import_*; API.md): the worker reads the files off the
// page's thread and answers with activities (import_reading -> import_progress -> import_read);
// core builds the review, the runner ticks rows and picks shoes, import_save adds the ticked runs
// in one change and undo_import takes them all back. restore_runs / delete_runs are what those two
// amount to when a rebase re-applies them on another tab's newer data.
#include <algorithm>
#include <set>

#include "core/actions/action_input.hpp"
#include "core/import/import_review.hpp"
#include "core/model/model_json.hpp"

namespace sw {

using import::ImportStatus;

namespace {

ActionResult Refuse(std::string_view type, const std::string& why) {
  return ActionResult::Fail(std::string(type) + ": " + why);
}

bool IsImportStatus(const AppState& state, ImportStatus status) { return state.import.status == status; }

// The ticked rows become runs, ids in order, appended in one step (new ids are the largest).
ActionResult SaveTickedRows(AppState& state, const ActionContext& context) {
  import::ImportSession& session = state.import;
  std::vector<Run> runs;
  Model& model = state.model;
  Id next_id = model.next_id;
  ActionContext fresh = context;
  fresh.reuse_id.reset();  // one reused id cannot serve many runs; restore_runs replays the ids
  for (const import::ImportRow& row : session.rows) {
    if (!row.selected) continue;
    if (!row.cannot_save.empty()) continue;  // never ticked (import_review_set refuses it)
    Run run = import::RunFromRow(row);
    if (run.shoe_id && !FindShoe(model, *run.shoe_id)) run.shoe_id.reset();
    if (!TakeNextId(model, fresh, run.id)) {
      model.next_id = next_id;
      return NoMoreIds("import_save");
    }
    runs.push_back(std::move(run));
  }
  session.last_import_ids.clear();
  nlohmann::json replay_runs = nlohmann::json::array();
  for (const Run& run : runs) {
    session.last_import_ids.push_back(run.id);
    replay_runs.push_back(RunToJson(run));
  }
  AddRunsInIdOrder(model.runs, std::move(runs));
  session.imported = int(session.last_import_ids.size());
  session.duplicates = int(std::count_if(session.rows.begin(), session.rows.end(),
                                         [](const import::ImportRow& r) { return r.duplicate != import::Duplicate::None; }));
  session.status = ImportStatus::Done;
  ActionResult result;
  result.answer = {{"imported", session.imported}, {"duplicates", session.duplicates}};
  if (session.imported == 0) return result;  // nothing ticked: nothing changed
  result.model_changed = true;
  result.replay = Action(nlohmann::json{{"type", "restore_runs"}, {"runs", std::move(replay_runs)}});
  return result;
}

}  // namespace

// The worker started reading {total} files; {confirm: true} saves what the review would tick
// without showing it (the page API's import_files with confirm).
ActionResult ApplyImportReading(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "import_reading");
  int total = 0;
  bool confirm = false;
  if (!in.Int("total", total) || !in.OptBool("confirm", confirm)) return FailWith(in);
  if (total < 1) return Refuse("import_reading", "\"total\" must be at least 1 file.");
  if (IsImportStatus(state, ImportStatus::Reading))
    return Refuse("import_reading", "files are already being read; cancel that import first.");
  std::vector<Id> undo = std::move(state.import.last_import_ids);
  state.import = import::ImportSession{};
  state.import.last_import_ids = std::move(undo);  // an earlier import stays undoable until this one saves
  state.import.status = ImportStatus::Reading;
  state.import.files_total = total;
  state.import.save_without_review = confirm;
  return ActionResult::Ok();
}

// {done, total?}: files read so far; total, when given, replaces import_reading's count (the
// worker counts the files inside a zip: a Strava export is one file holding thousands).
ActionResult ApplyImportProgress(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "import_progress");
  int done = 0;
  int total = 0;
  if (!in.Int("done", done) || !in.OptInt("total", total)) return FailWith(in);
  if (!IsImportStatus(state, ImportStatus::Reading)) return Refuse("import_progress", "no import is reading files.");
  if (in.Has("total") && total < 1) return Refuse("import_progress", "\"total\" must be at least 1 file.");
  if (in.Has("total")) state.import.files_total = total;
  state.import.files_done = std::clamp(done, 0, state.import.files_total);
  return ActionResult::Ok();
}

// The worker's answer: {activities: [ActivityToJson...], failed: [{name, error}], more?}. With
// more: true it is one batch of several (kept until the last); the last one builds the review.
ActionResult ApplyImportRead(AppState& state, const Action& given, const ActionContext& context) {
  FieldReader in(given.fields, "import_read");
  const nlohmann::json* activities_json = nullptr;
  const nlohmann::json* failed_json = nullptr;
  bool more = false;
  if (!in.Array("activities", activities_json) || !in.Array("failed", failed_json) || !in.OptBool("more", more))
    return FailWith(in);
  if (!IsImportStatus(state, ImportStatus::Reading)) return Refuse("import_read", "no import is reading files.");
  std::vector<import::ImportedActivity> activities;
  std::vector<import::FileFailure> failed;
  for (const auto& item : *failed_json) {
    FieldReader f(item, "failed");
    import::FileFailure failure;
    if (!f.String("name", failure.name) || !f.String("error", failure.error)) return FailWith(f);
    failed.push_back(std::move(failure));
  }
  for (const auto& item : *activities_json) {
    std::string error;
    std::optional<import::ImportedActivity> activity = import::ActivityFromJson(item, error);
    if (!activity) return Refuse("import_read", error);
    activities.push_back(std::move(*activity));
  }
  import::ImportSession& session = state.import;
  session.failed.insert(session.failed.end(), failed.begin(), failed.end());
  if (session.arriving.empty()) session.arriving = std::move(activities);
  else session.arriving.insert(session.arriving.end(), std::make_move_iterator(activities.begin()),
                               std::make_move_iterator(activities.end()));
  if (more) return ActionResult::Ok();
  activities = std::move(session.arriving);
  session.arriving.clear();
  session.files_done = session.files_total;
  if (activities.empty()) {
    session.status = ImportStatus::Error;
    session.error = session.failed.empty() ? "No activity was found in the files."
                                           : "No activity was found: " + session.failed.front().name + ": " +
                                                 session.failed.front().error;
    return ActionResult::Ok();
  }
  session.rows = import::BuildReview(state.model, std::move(activities));
  session.status = ImportStatus::Review;
  if (session.save_without_review) return SaveTickedRows(state, context);
  return ActionResult::Ok();
}

// One row of the review: {index, selected?, shoe_id? (null: no shoe)}.
ActionResult ApplyImportReviewSet(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "import_review_set");
  int index = 0;
  bool selected = false;
  Id shoe_id = 0;
  if (!in.Int("index", index) || !in.OptBool("selected", selected) || !in.OptId("shoe_id", shoe_id))
    return FailWith(in);
  if (!IsImportStatus(state, ImportStatus::Review)) return Refuse("import_review_set", "no import is waiting for review.");
  if (index < 0 || index >= int(state.import.rows.size()))
    return Refuse("import_review_set", "\"index\" must name a row of the review (0 to " +
                                           std::to_string(state.import.rows.size() - 1) + ").");
  import::ImportRow& row = state.import.rows[std::size_t(index)];
  if (in.Has("selected") && selected && !row.cannot_save.empty()) return Refuse("import_review_set", row.cannot_save);
  // A retired pair is fine: it may well have been the pair in use on that date.
  if (in.Has("shoe_id") && !FindShoe(state.model, shoe_id))
    return Refuse("import_review_set", "no shoe has id " + std::to_string(shoe_id) + ".");
  if (in.Has("selected")) row.selected = selected;
  if (in.Has("shoe_id")) row.shoe_id = shoe_id;
  else if (in.IsNull("shoe_id")) row.shoe_id.reset();
  return ActionResult::Ok();
}

// The same pair for every ticked row: {shoe_id} (null: no shoe).
ActionResult ApplyImportReviewShoeAll(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "import_review_shoe_all");
  Id shoe_id = 0;
  if (!in.OptId("shoe_id", shoe_id)) return FailWith(in);
  if (!in.Has("shoe_id") && !in.IsNull("shoe_id")) return Refuse("import_review_shoe_all", "needs \"shoe_id\" (or null).");
  if (!IsImportStatus(state, ImportStatus::Review))
    return Refuse("import_review_shoe_all", "no import is waiting for review.");
  if (in.Has("shoe_id") && !FindShoe(state.model, shoe_id))
    return Refuse("import_review_shoe_all", "no shoe has id " + std::to_string(shoe_id) + ".");
  for (import::ImportRow& row : state.import.rows) {
    if (!row.selected) continue;
    if (in.Has("shoe_id")) row.shoe_id = shoe_id;
    else row.shoe_id.reset();
  }
  return ActionResult::Ok();
}

ActionResult ApplyImportSave(AppState& state, const Action&, const ActionContext& context) {
  if (!IsImportStatus(state, ImportStatus::Review)) return Refuse("import_save", "no import is waiting for review.");
  return SaveTickedRows(state, context);
}

// Close the review (nothing saved) or the finished import's summary. The last save stays undoable.
ActionResult ApplyImportDismiss(AppState& state, const Action&, const ActionContext&) {
  if (IsImportStatus(state, ImportStatus::Reading))
    return Refuse("import_dismiss", "files are being read; cancel with import_abort.");
  std::vector<Id> undo = std::move(state.import.last_import_ids);
  state.import = import::ImportSession{};
  state.import.last_import_ids = std::move(undo);
  return ActionResult::Ok();
}

// Cancel while the worker reads: the app stops it (effect) and nothing changes.
ActionResult ApplyImportAbort(AppState& state, const Action&, const ActionContext&) {
  if (!IsImportStatus(state, ImportStatus::Reading)) return Refuse("import_abort", "no import is reading files.");
  std::vector<Id> undo = std::move(state.import.last_import_ids);
  state.import = import::ImportSession{};
  state.import.last_import_ids = std::move(undo);
  ActionResult result;
  result.effects.push_back(CancelImportRead{});
  return result;
}

ActionResult ApplyPickImportFiles(AppState& state, const Action&, const ActionContext&) {
  if (IsImportStatus(state, ImportStatus::Reading))
    return Refuse("pick_import_files", "files are already being read.");
  ActionResult result;
  result.effects.push_back(PickImportFiles{});
  return result;
}

// Takes the last import's runs back out, all of them, in one change.
ActionResult ApplyUndoImport(AppState& state, const Action&, const ActionContext&) {
  std::vector<Id>& ids = state.import.last_import_ids;
  if (ids.empty()) return Refuse("undo_import", "there is no import to undo.");
  std::set<Id> taken(ids.begin(), ids.end());
  nlohmann::json removed = nlohmann::json::array();
  std::erase_if(state.model.runs, [&](const Run& run) {
    if (!taken.count(run.id)) return false;
    removed.push_back(run.id);
    return true;
  });
  ActionResult result;
  result.answer = {{"removed", removed.size()}};
  ids.clear();
  state.import.status = ImportStatus::Idle;
  state.import.imported = 0;
  if (removed.empty()) return result;  // already deleted one by one: nothing left to take back
  result.model_changed = true;
  result.replay = Action(nlohmann::json{{"type", "delete_runs"}, {"ids", std::move(removed)}});
  return result;
}

// {runs: [RunToJson...]}: runs put back with their ids (an import_save re-applied on a rebase).
ActionResult ApplyRestoreRuns(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "restore_runs");
  const nlohmann::json* list = nullptr;
  if (!in.Array("runs", list)) return FailWith(in);
  Model& model = state.model;
  std::vector<Run> added;
  std::set<Id> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Run run;
    std::string error;
    if (!RunFromJson((*list)[i], run, error, "restore_runs.runs[" + std::to_string(i) + "]"))
      return ActionResult::Fail(error);
    // Already there (a replay after the other tab saw it), or listed twice: kept once.
    if (IdInUse(model, run.id) || !seen.insert(run.id).second) continue;
    if (run.shoe_id && !FindShoe(model, *run.shoe_id)) run.shoe_id.reset();  // the pair was deleted meanwhile
    model.next_id = std::max(model.next_id, run.id + 1);
    added.push_back(std::move(run));
  }
  AddRunsInIdOrder(model.runs, std::move(added));
  return ActionResult::Ok();
}

// {ids: [...]}: those runs removed, the ones already gone ignored (undo_import re-applied).
ActionResult ApplyDeleteRuns(AppState& state, const Action& given, const ActionContext&) {
  FieldReader in(given.fields, "delete_runs");
  const nlohmann::json* list = nullptr;
  if (!in.Array("ids", list)) return FailWith(in);
  std::set<Id> ids;
  for (const auto& id : *list) {
    if (!id.is_number_integer()) return Refuse("delete_runs", "\"ids\" must hold run ids.");
    ids.insert(id.get<Id>());
  }
  std::erase_if(state.model.runs, [&](const Run& run) { return ids.count(run.id) > 0; });
  return ActionResult::Ok();
}

}  // namespace sw
