#include "core/model/schema_migrations.hpp"

#include <cmath>

#include "core/model/model.hpp"
#include "core/model/model_json.hpp"
#include "core/model/validation.hpp"

namespace sw {
namespace {

using nlohmann::json;

// Schema 1 kept kilometres with metre precision; whole millimetres keep the conversion exact
// (5.2 km -> 5200 m, not 5200.000000000001).
double KmToMetres(double km) { return std::round(km * 1e6) / 1e3; }

// Renames `from` (km) to `to` (m) in one record; a wrong type fails with the record's name.
bool RenameKm(json& record, const char* from, const char* to, const std::string& where, std::string& error) {
  auto it = record.find(from);
  if (it == record.end()) return true;
  auto km = JsonFiniteNumber(*it);
  if (!km) {
    error = where + ": \"" + from + "\" must be a finite number.";
    return false;
  }
  record.erase(it);
  record[to] = KmToMetres(*km);
  return true;
}

bool EachRecord(json& document, const char* key, std::string& error,
                bool (*step)(json& record, const std::string& where, std::string& error)) {
  auto it = document.find(key);
  if (it == document.end()) return true;  // the schema-2 reader reports a missing list
  if (!it->is_array()) {
    error = std::string("\"") + key + "\" must be a list.";
    return false;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    json& record = (*it)[i];
    if (!record.is_object()) continue;  // left for the schema-2 reader to report with context
    if (!step(record, std::string(key) + "[" + std::to_string(i) + "]", error)) return false;
  }
  return true;
}

bool MigrateShoeV1(json& shoe, const std::string& where, std::string& error) {
  if (!RenameKm(shoe, "start_km", "start_distance_m", where, error) ||
      !RenameKm(shoe, "warn_at_km", "warn_at_m", where, error) ||
      !RenameKm(shoe, "replace_at_km", "replace_at_m", where, error))
    return false;
  shoe["wear"] = {{"uneven_wear", false}, {"discomfort", false}, {"stride_change", false}};
  return true;
}

bool MigrateRunV1(json& run, const std::string& where, std::string& error) {
  return RenameKm(run, "distance_km", "distance_m", where, error);
}

bool MigrateV1ToV2(json& document, std::string& error) {
  if (!EachRecord(document, "shoes", error, MigrateShoeV1) || !EachRecord(document, "runs", error, MigrateRunV1))
    return false;
  auto settings = document.find("settings");
  if (settings != document.end() && settings->is_object()) {
    Settings defaults;
    (*settings)["default_warn_at_m"] = defaults.default_warn_at_m;
    (*settings)["default_replace_at_m"] = defaults.default_replace_at_m;
    (*settings)["strength_target_per_week"] = defaults.strength_target_per_week;
  }
  document["strength"] = json::array();
  document["cadence_sessions"] = json::array();
  document["schema"] = 2;
  return true;
}

// Schema 3 added the look of the app; older documents get the defaults (follow the system, 100 %).
bool MigrateV2ToV3(json& document, std::string&) {
  auto settings = document.find("settings");
  if (settings != document.end() && settings->is_object()) {
    Settings defaults;
    (*settings)["theme"] = kThemeNames[int(defaults.theme)];
    (*settings)["text_size_pct"] = defaults.text_size_pct;
  }
  document["schema"] = 3;
  return true;
}

// Schema 4 lets a run keep where it was imported from (source, moving_s, elapsed_s, cadence_spm):
// all optional, so older documents need only the new number. An app that reads only schema 3
// refuses a schema 4 document (and keeps it) rather than drop those fields when it writes.
bool MigrateV3ToV4(json& document, std::string&) {
  document["schema"] = 4;
  return true;
}

using MigrationStep = bool (*)(json& document, std::string& error);
// kSteps[i] moves a document from schema kOldestSchema + i to the next one.
constexpr MigrationStep kSteps[] = {MigrateV1ToV2, MigrateV2ToV3, MigrateV3ToV4};
static_assert(kOldestSchema + int(std::size(kSteps)) == kCurrentSchema, "one migration step per schema");

}  // namespace

bool MigrateToCurrent(json& document, std::string& error, int* from_schema) {
  if (!document.is_object()) {
    error = "This is not a Stridewise file: it holds no JSON object.";
    return false;
  }
  auto app = document.find("app");
  if (app == document.end() || !app->is_string() || app->get_ref<const std::string&>() != kAppName) {
    error = "This is not a Stridewise file (it has no \"app\": \"stridewise\").";
    return false;
  }
  auto schema_it = document.find("schema");
  auto schema = schema_it == document.end() ? std::nullopt : JsonWholeNumber(*schema_it);
  if (!schema) {
    error = "This Stridewise file has no readable \"schema\" version number.";
    return false;
  }
  if (*schema > kCurrentSchema) {
    error = "This file comes from a newer version of Stridewise (schema " + std::to_string(*schema) +
            "; this app reads schemas " + std::to_string(kOldestSchema) + " to " + std::to_string(kCurrentSchema) +
            "). Update the app to open it.";
    return false;
  }
  if (*schema < kOldestSchema) {
    error = "This Stridewise file has an unknown schema " + std::to_string(*schema) + ".";
    return false;
  }
  if (from_schema) *from_schema = int(*schema);
  if (*schema == kCurrentSchema) return true;
  json migrated = document;  // a failed step must leave the caller's document as it was
  for (long long version = *schema; version < kCurrentSchema; ++version) {
    if (!kSteps[version - kOldestSchema](migrated, error)) {
      error = "Could not upgrade this file from schema " + std::to_string(version) + ": " + error;
      return false;
    }
  }
  document = std::move(migrated);
  return true;
}

}  // namespace sw
