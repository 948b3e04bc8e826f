#pragma once
// The model as JSON: the one document layout storage and backups share (schema 2):
//   {"schema": 2, "app": "stridewise", "settings": {...}, "shoes": [...], "runs": [...],
//    "strength": [...], "pain": [...], "cadence_sessions": [...], "default_shoe_id": id|null,
//    "next_id": n}
// Dates are "YYYY-MM-DD", enums the API.md strings, distances metres, durations seconds.
// Reading validates everything (types, ranges, unique ids, references) through validation.hpp
// and returns a readable error; it never throws and never leaves a half-read model behind.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/model/model.hpp"

namespace sw {

inline constexpr int kCurrentSchema = 4;
inline constexpr const char* kAppName = "stridewise";

// Parts of the model storage may keep under separate keys. Settings carries the top-level
// "settings", "default_shoe_id" and "next_id"; the others are the arrays of the same name.
enum class Collection { Settings, Shoes, Runs, Strength, Pain, CadenceSessions };
inline constexpr Collection kAllCollections[] = {Collection::Settings, Collection::Shoes,
                                                 Collection::Runs,     Collection::Strength,
                                                 Collection::Pain,     Collection::CadenceSessions};
// "settings", "shoes", "runs", "strength", "pain", "cadence_sessions".
std::string_view CollectionKey(Collection collection);

// Settings -> {"settings": {...}, "default_shoe_id": id|null, "next_id": n} (the document's own
// top-level keys, so the whole document can be passed back in); the others -> a JSON array.
nlohmann::json CollectionToJson(const Model& model, Collection collection);
// Replaces that part of `model` only when all of it reads; checks types, ranges and unique ids
// within the collection. Cross-collection rules are ValidateModel's (call it once all are read).
bool CollectionFromJson(Model& model, Collection collection, const nlohmann::json& value, std::string& error);
// Runs point at existing shoes, default_shoe_id at an active shoe, every id is below next_id.
bool ValidateModel(const Model& model, std::string& error);

// The whole document at the current schema.
nlohmann::json ModelToJson(const Model& model);
// Reads a current-schema document (migrate older ones first: schema_migrations.hpp). `out` is
// assigned only on success.
bool ModelFromJson(const nlohmann::json& document, Model& out, std::string& error);

// One record each, for storage that keeps records under their own keys (cadence sessions).
nlohmann::json SettingsToJson(const Settings& settings);
nlohmann::json ShoeToJson(const Shoe& shoe);
nlohmann::json RunToJson(const Run& run);
nlohmann::json StrengthToJson(const StrengthSession& session);
nlohmann::json PainToJson(const PainEntry& entry);
// with_series false: everything but the per-second series (storage keeps it apart, as bytes).
nlohmann::json CadenceSessionToJson(const CadenceSession& session, bool with_series = true);
// `where` names the record in errors ("runs[3]").
bool SettingsFromJson(const nlohmann::json& value, Settings& out, std::string& error,
                      const std::string& where = "settings");
bool ShoeFromJson(const nlohmann::json& value, Shoe& out, std::string& error, const std::string& where = "shoe");
bool RunFromJson(const nlohmann::json& value, Run& out, std::string& error, const std::string& where = "run");
bool StrengthFromJson(const nlohmann::json& value, StrengthSession& out, std::string& error,
                      const std::string& where = "strength session");
bool PainFromJson(const nlohmann::json& value, PainEntry& out, std::string& error,
                  const std::string& where = "pain entry");
bool CadenceSessionFromJson(const nlohmann::json& value, CadenceSession& out, std::string& error,
                            const std::string& where = "cadence session");

// API.md names.
std::string_view WeekdayId(std::chrono::weekday day);  // "monday" .. "sunday"
std::string_view PainAreaId(PainArea area);
std::string_view BodySideId(BodySide side);
std::string_view ExerciseId(StrengthExercise exercise);
inline constexpr std::string_view kUnitNames[] = {"mi", "km"};
inline constexpr std::string_view kThemeNames[] = {"system", "light", "dark"};  // Theme order
inline constexpr std::string_view kWeekdayNames[] = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};  // chrono order
// PainArea order. Stored in backups and the store: names are only ever added, never changed.
inline constexpr std::string_view kPainAreaNames[] = {"foot", "ankle",    "knee",      "hip",  "lower_back", "other",
                                                      "shin", "calf",     "achilles",  "hamstring", "heel"};
inline constexpr std::string_view kBodySideNames[] = {"left", "right", "both", "none"};
inline constexpr std::string_view kExerciseNames[] = {"bridge", "plank", "single_leg_squat"};

class FieldReader;
// The "exercises" field of a strength session (log_strength and documents): a non-empty list of
// known exercises, each at most once.
bool ReadExercises(FieldReader& in, std::vector<StrengthExercise>& out);

// The settings fields (documents and update_settings), read onto `out`; absent ones keep its
// values. All rules are checked on the result, so a cadence band can move in one step.
bool ReadSettingsFields(FieldReader& in, Settings& out);

// A float (cadence series) as the shortest decimal that reads back to the same float, so a
// per-second series costs ~5 characters a value instead of 17.
double ShortFloat(float value);

}  // namespace sw
