#include "storage_codec.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <nlohmann/json.hpp>

#include "model_json.hpp"
#include "schema_migrations.hpp"

namespace sw {
namespace {

using nlohmann::json;

std::string CadenceKey(Id id) { return kCadencePrefix + std::to_string(id); }

// Everything but the cadence sessions, which live under their own keys.
json ModelDocument(const Model& model) {
  Model without_sessions = model;
  without_sessions.cadence_sessions.clear();
  return ModelToJson(without_sessions);
}

bool SameExceptSessions(const Model& a, const Model& b) {
  return a.settings == b.settings && a.shoes == b.shoes && a.runs == b.runs && a.strength == b.strength &&
         a.pain == b.pain && a.default_shoe_id == b.default_shoe_id && a.next_id == b.next_id;
}

// Reads the main document; on failure says why in words a runner understands.
bool ReadModelDocument(const std::string& text, Model& out, std::string& reason) {
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    reason = "Your saved log could not be read: it is not valid JSON (damaged or cut short).";
    return false;
  }
  std::string error;
  if (!MigrateToCurrent(document, error)) {
    reason = "Your saved log could not be read: " + error;
    return false;
  }
  if (!ModelFromJson(document, out, error)) {
    reason = "Your saved log could not be read: " + error;
    return false;
  }
  return true;
}

}  // namespace

std::string DamagedKey(const std::string& key, const std::string& stamp) {
  return kDamagedPrefix + key + "/" + stamp;
}

DecodedStore DecodeStore(const std::map<std::string, std::string>& docs) {
  DecodedStore out;
  if (auto it = docs.find(kRevisionKey); it != docs.end()) {
    char* end = nullptr;
    long long rev = std::strtoll(it->second.c_str(), &end, 10);
    // An unreadable revision still means "something is stored": writes must not assume empty.
    out.rev = (end && *end == '\0' && rev >= 0) ? rev : 0;
  }
  if (auto it = docs.find(kModelKey); it != docs.end()) {
    std::string reason;
    Model model;
    if (ReadModelDocument(it->second, model, reason)) out.model = std::move(model);
    else out.damaged.push_back({kModelKey, it->second, reason});
  }
  for (const auto& [key, text] : docs) {
    if (key.rfind(kDamagedPrefix, 0) == 0) {
      out.kept_aside.push_back(key);
      continue;
    }
    if (key.rfind(kCadencePrefix, 0) != 0) continue;
    json value = json::parse(text, nullptr, false);
    CadenceSession session;
    std::string error;
    if (value.is_discarded()) error = "it is not valid JSON";
    else CadenceSessionFromJson(value, session, error, key);
    if (error.empty() && std::any_of(out.model.cadence_sessions.begin(), out.model.cadence_sessions.end(),
                                     [&](const CadenceSession& c) { return c.id == session.id; }))
      error = "its id is used twice";
    if (!error.empty()) {
      out.damaged.push_back({key, text, "A saved cadence session could not be read: " + error + "."});
      continue;
    }
    out.model.cadence_sessions.push_back(std::move(session));
  }
  std::sort(out.model.cadence_sessions.begin(), out.model.cadence_sessions.end(),
            [](const CadenceSession& a, const CadenceSession& b) { return a.id < b.id; });
  // New ids must never collide with anything read, whatever the main document said.
  for (const CadenceSession& c : out.model.cadence_sessions) out.model.next_id = std::max(out.model.next_id, c.id + 1);
  return out;
}

StoreChanges EncodeStoreChanges(const Model* before, const Model& after) {
  StoreChanges changes;
  if (!before || !SameExceptSessions(*before, after)) changes.put[kModelKey] = ModelDocument(after).dump();
  for (const CadenceSession& session : after.cadence_sessions) {
    const CadenceSession* old = nullptr;
    if (before)
      for (const CadenceSession& b : before->cadence_sessions)
        if (b.id == session.id) old = &b;
    if (!old || !(*old == session)) changes.put[CadenceKey(session.id)] = CadenceSessionToJson(session).dump();
  }
  if (before) {
    for (const CadenceSession& b : before->cadence_sessions) {
      bool kept = std::any_of(after.cadence_sessions.begin(), after.cadence_sessions.end(),
                              [&](const CadenceSession& a) { return a.id == b.id; });
      if (!kept) changes.remove.push_back(CadenceKey(b.id));
    }
  }
  return changes;
}

}  // namespace sw
