#include "core/actions/state_json.hpp"

#include "core/storage/backup.hpp"
#include "core/model/dates.hpp"

#include "core/guide/guide_state_json.hpp"
#include "core/model/model_json.hpp"
#include "core/rules/rules_state_json.hpp"
#include "core/model/version.hpp"

namespace sw {

std::string_view UnitsId(Units units) { return units == Units::Miles ? "mi" : "km"; }

// The stored parts of state(): the document's own field names (model_json.cpp), so what a test
// reads back is exactly what storage and backups hold. Derived fields are added elsewhere.
nlohmann::json SettingsToStateJson(const Model& model) { return SettingsToJson(model.settings); }

nlohmann::json ShoeToStateJson(const Model& model, const Shoe& shoe) {
  nlohmann::json out = ShoeToJson(shoe);
  out["is_default"] = model.default_shoe_id == shoe.id;
  return out;
}

nlohmann::json RunToStateJson(const Run& run) { return RunToJson(run); }

nlohmann::json ShoesToStateJson(const Model& model) {
  nlohmann::json out = nlohmann::json::array();
  for (const Shoe& shoe : model.shoes) out.push_back(ShoeToStateJson(model, shoe));
  return out;
}

nlohmann::json RunsToStateJson(const Model& model) {
  nlohmann::json out = nlohmann::json::array();
  for (const Run& run : model.runs) out.push_back(RunToStateJson(run));
  return out;
}

// state().import: where an import of activity files stands, and its review rows.
nlohmann::json ImportToStateJson(const import::ImportSession& session) {
  nlohmann::json found = nlohmann::json::array();
  for (const import::ImportRow& row : session.rows) {
    nlohmann::json item = import::ActivityToJson(row.activity, nullptr);
    item.erase("laps");
    item["date"] = row.date ? nlohmann::json(FormatDate(*row.date)) : nlohmann::json(nullptr);
    item["selected"] = row.selected;
    item["shoe_id"] = row.shoe_id ? nlohmann::json(*row.shoe_id) : nlohmann::json(nullptr);
    item["laps"] = row.activity.laps.size();
    item["duplicate"] = row.duplicate == import::Duplicate::InLog     ? nlohmann::json("in_log")
                        : row.duplicate == import::Duplicate::InBatch ? nlohmann::json("in_batch")
                                                                      : nlohmann::json(nullptr);
    if (row.duplicate_run_id) item["duplicate_of"] = *row.duplicate_run_id;
    if (!row.cannot_save.empty()) item["cannot_save"] = row.cannot_save;
    found.push_back(std::move(item));
  }
  nlohmann::json failed = nlohmann::json::array();
  for (const import::FileFailure& failure : session.failed)
    failed.push_back({{"name", failure.name}, {"error", failure.error}});
  nlohmann::json out = {{"status", import::kImportStatusNames[int(session.status)]},
                        {"progress", {{"done", session.files_done}, {"total", session.files_total}}},
                        {"found", std::move(found)},
                        {"imported", session.imported},
                        {"duplicates", session.duplicates},
                        {"failed", std::move(failed)},
                        {"can_undo", !session.last_import_ids.empty()}};
  if (!session.error.empty()) out["error"] = session.error;
  return out;
}

nlohmann::json StateToJson(const AppState& state, const ActionContext& context, const Derived& derived) {
  return StateToJson(state, context, derived, [](std::string_view) { return true; });
}

nlohmann::json StateToJson(const AppState& state, const ActionContext& /*context*/, const Derived& derived,
                           const std::function<bool(std::string_view)>& want) {
  nlohmann::json out = nlohmann::json::object();
  if (want("version")) out["version"] = kVersion;
  if (want("screen")) out["screen"] = ScreenId(state.screen);
  if (want("settings")) out["settings"] = SettingsToStateJson(state.model);
  if (want("shoes")) {
    out["shoes"] = ShoesToStateJson(state.model);
    // Derived shoe fields merge into out["shoes"] by id (stored fields are written above).
    AddDerivedShoesFields(out["shoes"], derived.shoes);
  }
  if (want("runs")) out["runs"] = RunsToStateJson(state.model);
  if (want("default_shoe_id"))
    out["default_shoe_id"] = state.model.default_shoe_id ? nlohmann::json(*state.model.default_shoe_id) : nullptr;
  if (want("pain")) out["pain"] = PainStateJson(derived.pain);
  if (want("strength")) out["strength"] = StrengthStateJson(derived.strength);
  if (want("warmup")) out["warmup"] = WarmupStateJson(derived.warmup);
  if (want("backup")) {
    nlohmann::json backup = nlohmann::json::object();
    if (state.model.last_backup) backup["last_date"] = FormatDate(state.model.last_backup->date);
    const std::optional<int>& reminder = derived.backup_reminder_days;
    backup["reminder_days"] = reminder ? nlohmann::json(*reminder) : nlohmann::json(nullptr);
    out["backup"] = std::move(backup);
  }
  if (want("load")) out["load"] = LoadToJson(derived.load);
  if (want("history")) out["history"] = HistoryToJson(derived.history);
  if (want("import")) out["import"] = ImportToStateJson(state.import);
  return out;
}

nlohmann::json StateToJson(const AppState& state, const ActionContext& context) {
  return StateToJson(state, context, Derive(state.model, context.today));
}

}  // namespace sw
