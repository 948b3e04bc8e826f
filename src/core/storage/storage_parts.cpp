// The store's keys and the partial backup documents its text parts are (storage_parts.hpp).
#include "core/storage/storage_parts.hpp"

#include <cstdio>

#include "core/model/schema_migrations.hpp"
#include "core/storage/storage_codec.hpp"

namespace sw {
namespace storage_parts {

using nlohmann::json;

std::string RunsKey(Date date) { return RunsYearKey(int(date.year())); }
std::string SeriesKey(Id id) { return kSeriesPrefix + std::to_string(id); }

json Part(Collection collection, json list) {
  return {{"schema", kCurrentSchema}, {"app", kAppName}, {std::string(CollectionKey(collection)), std::move(list)}};
}

json SettingsPart(const Model& model) {
  json part = CollectionToJson(model, Collection::Settings);
  part["schema"] = kCurrentSchema;
  part["app"] = kAppName;
  return part;
}

json SessionsPart(const Model& model) {
  json list = json::array();
  for (const CadenceSession& session : model.cadence_sessions)
    list.push_back(CadenceSessionToJson(session, /*with_series=*/false));
  return Part(Collection::CadenceSessions, std::move(list));
}

}  // namespace storage_parts

using namespace storage_parts;

std::string RunsYearKey(int year) {
  char text[16];
  std::snprintf(text, sizeof text, "runs/%04d", year);
  return text;
}
std::string CadenceKey(Id id) { return kCadencePrefix + std::to_string(id); }

std::string SessionsDocument(const Model& model) { return SessionsPart(model).dump(); }

std::string DamagedKey(const std::string& key, const std::string& stamp) {
  return kDamagedPrefix + key + "/" + stamp;
}

bool IsBinaryKey(const std::string& key) { return StartsWith(key, kSeriesPrefix); }

}  // namespace sw
