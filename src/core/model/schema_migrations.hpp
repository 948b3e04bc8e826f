#pragma once
// Older documents move forward one schema at a time until they are at kCurrentSchema
// (model_json.hpp). Storage and backups both call this before ModelFromJson.
//
// Schema history:
//   1  distances in kilometres: runs[].distance_km, shoes[].start_km / warn_at_km /
//      replace_at_km; no shoe wear checklist, no strength sessions, no cadence sessions, no
//      default thresholds or strength target in settings.
//   2  distances in metres (distance_m, start_distance_m, warn_at_m, replace_at_m), shoes[].wear,
//      "strength", "cadence_sessions", settings.default_warn_at_m / default_replace_at_m /
//      strength_target_per_week.
//   3  settings.theme ("system" | "light" | "dark") and settings.text_size_pct (80-150).
#include <string>

#include <nlohmann/json.hpp>

namespace sw {

inline constexpr int kOldestSchema = 1;

// Brings `document` to the current schema. On failure `document` is left as it was and `error`
// says why in plain words: not a JSON object, not a Stridewise document, no schema, a schema
// newer than this app reads, or content an old schema cannot hold. `from_schema` (optional)
// gets the document's original schema when it could be read.
bool MigrateToCurrent(nlohmann::json& document, std::string& error, int* from_schema = nullptr);

}  // namespace sw
