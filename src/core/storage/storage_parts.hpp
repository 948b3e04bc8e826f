#pragma once
// The store's layout as reading (storage_codec.cpp) and writing (storage_encoder.cpp) both use it:
// the names of its keys and the partial backup documents its text parts are. Internal to
// core/storage: the rest of the app goes through storage_codec.hpp.
#include <string>

#include <nlohmann/json.hpp>

#include "core/model/model.hpp"
#include "core/model/model_json.hpp"

namespace sw::storage_parts {

inline constexpr const char* kSettingsKey = "settings";
inline constexpr const char* kRunsPrefix = "runs/";
inline constexpr const char* kCadencePrefix = "cadence/";

inline bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

// "runs/<yyyy>" of the run's year; "series/<id>".
std::string RunsKey(Date date);
std::string SeriesKey(Id id);

// A partial backup document holding one list.
nlohmann::json Part(Collection collection, nlohmann::json list);
nlohmann::json SettingsPart(const Model& model);
// Every session's fields, without the series (stored apart, as bytes).
nlohmann::json SessionsPart(const Model& model);

}  // namespace sw::storage_parts
