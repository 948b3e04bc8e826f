#include "core/model/model_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/model/dates.hpp"
#include "core/model/validation.hpp"
#include "core/model/sort_by_key.hpp"

// The model's names, its collections and the whole document, to and from JSON (one record
// each is record_json.cpp's).
// [SECTION] Names
// [SECTION] Collections and the document

namespace sw {

using nlohmann::json;

// [SECTION] Names

std::string_view WeekdayId(std::chrono::weekday day) { return kWeekdayNames[day.c_encoding()]; }
std::string_view PainAreaId(PainArea area) { return kPainAreaNames[int(area)]; }
std::string_view BodySideId(BodySide side) { return kBodySideNames[int(side)]; }
std::string_view ExerciseId(StrengthExercise exercise) { return kExerciseNames[int(exercise)]; }

std::string_view CollectionKey(Collection collection) {
  switch (collection) {
    case Collection::Settings: return "settings";
    case Collection::Shoes: return "shoes";
    case Collection::Runs: return "runs";
    case Collection::Strength: return "strength";
    case Collection::Pain: return "pain";
    case Collection::CadenceSessions: return "cadence_sessions";
  }
  return "settings";
}

double ShortFloat(float value) {
  if (!std::isfinite(value) || value == 0) return value;
  char text[32];
  for (int digits = 4; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, double(value));
    double d = std::strtod(text, nullptr);
    if (float(d) == value) return d;
  }
  return value;
}

// [SECTION] Collections and the document

json CollectionToJson(const Model& model, Collection collection) {
  json out = json::array();
  auto write_all = [&out](const auto& items, auto write) {
    for (const auto& item : items) out.push_back(write(item));
  };
  switch (collection) {
    case Collection::Settings: {
      json out = {{"settings", SettingsToJson(model.settings)},
                  {"default_shoe_id", model.default_shoe_id ? json(*model.default_shoe_id) : json(nullptr)},
                  {"next_id", model.next_id}};
      // Optional and additive: documents without it (and readers that ignore it) stay valid.
      if (model.last_backup)
        out["last_backup"] = {{"date", FormatDate(model.last_backup->date)}, {"next_id", model.last_backup->next_id}};
      return out;
    }
    case Collection::Shoes: write_all(model.shoes, ShoeToJson); break;
    case Collection::Runs: write_all(model.runs, RunToJson); break;
    case Collection::Strength: write_all(model.strength, StrengthToJson); break;
    case Collection::Pain: write_all(model.pain, PainToJson); break;
    case Collection::CadenceSessions:
      write_all(model.cadence_sessions, [](const CadenceSession& s) { return CadenceSessionToJson(s); });
      break;
  }
  return out;
}

namespace {

template <class T, class ReadFn>
bool ReadArray(const json& value, std::string_view key, std::vector<T>& out, std::string& error, ReadFn read) {
  if (!value.is_array()) {
    error = "\"" + std::string(key) + "\" must be a list.";
    return false;
  }
  std::vector<T> items;
  items.reserve(value.size());
  std::set<Id> ids;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    T item;
    if (!read(value[i], item, error, where)) return false;
    if (!ids.insert(item.id).second) {
      error = where + ": id " + std::to_string(item.id) + " is used twice in " + std::string(key) + ".";
      return false;
    }
    items.push_back(std::move(item));
  }
  out = std::move(items);
  return true;
}

bool ReadSettingsCollection(Model& model, const json& value, std::string& error) {
  if (!value.is_object()) {
    error = "The settings part must be an object.";
    return false;
  }
  FieldReader in(value, "document");
  const json* settings_json = nullptr;
  Settings settings;
  Id default_shoe = 0, next_id = 1;
  if (!in.Object("settings", settings_json)) return in.Finish(error);
  if (!SettingsFromJson(*settings_json, settings, error)) return false;
  in.OptId("default_shoe_id", default_shoe);
  // next_id may be one past the largest id.
  if (!in.Finish(error)) return false;
  if (!in.Has("next_id")) {
    error = "The document needs \"next_id\".";
    return false;
  }
  auto next = JsonWholeNumber(value["next_id"]);
  if (!next || *next < 1 || *next > kMaxId + 1) {
    error = "\"next_id\" must be a whole number from 1.";
    return false;
  }
  next_id = *next;
  std::optional<BackupMark> last_backup;
  if (in.Has("last_backup")) {
    const json* mark = nullptr;
    BackupMark read;
    if (!in.Object("last_backup", mark)) return in.Finish(error);
    FieldReader fields(*mark, "last_backup");
    if (!fields.DateField("date", read.date)) return fields.Finish(error);
    auto found = mark->find("next_id");
    std::optional<long long> mark_next = found == mark->end() ? std::nullopt : JsonWholeNumber(*found);
    if (!mark_next || *mark_next < 1 || *mark_next > kMaxId + 1) {
      error = "\"last_backup.next_id\" must be a whole number from 1.";
      return false;
    }
    read.next_id = *mark_next;
    last_backup = read;
  }
  model.settings = settings;
  model.last_backup = last_backup;
  model.default_shoe_id = in.Has("default_shoe_id") ? std::optional<Id>(default_shoe) : std::nullopt;
  model.next_id = next_id;
  return true;
}

}  // namespace

bool CollectionFromJson(Model& model, Collection collection, const json& value, std::string& error) {
  std::string_view key = CollectionKey(collection);
  switch (collection) {
    case Collection::Settings: return ReadSettingsCollection(model, value, error);
    case Collection::Shoes: return ReadArray(value, key, model.shoes, error, ShoeFromJson);
    case Collection::Runs:
      // Runs are kept in id order (the order they were logged), whatever order a file lists them
      // in, so storage can keep them by year and read them back in the same order.
      if (!ReadArray(value, key, model.runs, error, RunFromJson)) return false;
      SortById(model.runs);
      return true;
    case Collection::Strength: return ReadArray(value, key, model.strength, error, StrengthFromJson);
    case Collection::Pain: return ReadArray(value, key, model.pain, error, PainFromJson);
    case Collection::CadenceSessions:
      return ReadArray(value, key, model.cadence_sessions, error, CadenceSessionFromJson);
  }
  return false;
}

namespace {

template <class T>
bool IdsBelowNext(const std::vector<T>& items, std::string_view key, Id next_id, std::string& error) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id >= next_id) {
      error = std::string(key) + "[" + std::to_string(i) + "]: id " + std::to_string(items[i].id) +
              " is not below next_id " + std::to_string(next_id) + ".";
      return false;
    }
  }
  return true;
}

}  // namespace

bool ValidateModel(const Model& model, std::string& error) {
  if (model.next_id < 1 || model.next_id > kMaxId + 1) {
    error = "next_id " + std::to_string(model.next_id) + " is out of range.";
    return false;
  }
  if (!IdsBelowNext(model.shoes, "shoes", model.next_id, error) ||
      !IdsBelowNext(model.runs, "runs", model.next_id, error) ||
      !IdsBelowNext(model.strength, "strength", model.next_id, error) ||
      !IdsBelowNext(model.pain, "pain", model.next_id, error) ||
      !IdsBelowNext(model.cadence_sessions, "cadence_sessions", model.next_id, error))
    return false;
  std::set<Id> shoe_ids;
  for (const Shoe& shoe : model.shoes) shoe_ids.insert(shoe.id);
  for (std::size_t i = 0; i < model.runs.size(); ++i) {
    const Run& run = model.runs[i];
    if (run.shoe_id && !shoe_ids.count(*run.shoe_id)) {
      error = "runs[" + std::to_string(i) + "]: \"shoe_id\" " + std::to_string(*run.shoe_id) + " names no shoe.";
      return false;
    }
  }
  if (model.default_shoe_id) {
    const Shoe* shoe = FindShoe(model, *model.default_shoe_id);
    if (!shoe || shoe->retired) {
      error = "\"default_shoe_id\" " + std::to_string(*model.default_shoe_id) +
              (shoe ? " is a retired shoe." : " names no shoe.");
      return false;
    }
  }
  return true;
}

json ModelToJson(const Model& model) {
  json doc = CollectionToJson(model, Collection::Settings);
  doc["schema"] = kCurrentSchema;
  doc["app"] = kAppName;
  for (Collection collection : kAllCollections)
    if (collection != Collection::Settings) doc[std::string(CollectionKey(collection))] = CollectionToJson(model, collection);
  return doc;
}

bool ModelFromJson(const json& document, Model& out, std::string& error) {
  if (!document.is_object()) {
    error = "The document must be a JSON object.";
    return false;
  }
  auto app = document.find("app");
  if (app == document.end() || !app->is_string() || app->get_ref<const std::string&>() != kAppName) {
    error = "This is not a Stridewise document (no \"app\": \"stridewise\").";
    return false;
  }
  auto schema = document.find("schema");
  if (schema == document.end() || JsonWholeNumber(*schema) != std::optional<long long>(kCurrentSchema)) {
    error = "The document is not at schema " + std::to_string(kCurrentSchema) + ".";
    return false;
  }
  Model model;
  for (Collection collection : kAllCollections) {
    if (collection == Collection::Settings) {
      if (!CollectionFromJson(model, collection, document, error)) return false;
      continue;
    }
    auto it = document.find(CollectionKey(collection));
    if (it == document.end()) {
      error = "The document has no \"" + std::string(CollectionKey(collection)) + "\" list.";
      return false;
    }
    if (!CollectionFromJson(model, collection, *it, error)) return false;
  }
  if (!ValidateModel(model, error)) return false;
  out = std::move(model);
  return true;
}

}  // namespace sw
