// Writing the store: which parts a change must write (StoreChangeEncoder, planned by comparing
// only), and each part encoded when its step comes. Reading is storage_codec.cpp; the layout
// both share, storage_parts.hpp.
#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/model/model_json.hpp"
#include "core/storage/run_summary.hpp"
#include "core/storage/storage_codec.hpp"
#include "core/storage/storage_parts.hpp"

namespace sw {
namespace {

using nlohmann::json;
using namespace storage_parts;

// The series are stored as the floats' own bytes: reading 200 half-hour sessions is a copy,
// not 360,000 numbers to parse (storage_codec.cpp reads them back). WebAssembly and this
// machine are little-endian.
static_assert(std::endian::native == std::endian::little, "series bytes are stored little-endian");

std::string SeriesBytes(const std::vector<float>& series) {
  std::string bytes(series.size() * sizeof(float), '\0');
  if (!series.empty()) std::memcpy(bytes.data(), series.data(), bytes.size());
  return bytes;
}

// Every field of a session but its series: what the "cadence" document holds.
bool SameSessionFields(const CadenceSession& a, const CadenceSession& b) {
  return a.id == b.id && a.date == b.date && a.duration_s == b.duration_s && a.mean_spm == b.mean_spm &&
         a.time_in_band_s == b.time_in_band_s && a.low_spm == b.low_spm && a.high_spm == b.high_spm &&
         a.tapped == b.tapped;
}

}  // namespace

StoreChangeEncoder::StoreChangeEncoder(const Model* before, const Model& after, const std::set<Id>* unread_series) {
  // Planning compares only; each step encodes one part (JSON text, or a series' bytes).
  auto put = [this](std::string key, std::function<json()> document) {
    steps_.push_back([key = std::move(key), document = std::move(document)](StoreChanges& out) {
      out.put[key] = document().dump();
      return key;
    });
  };
  if (!before || before->settings != after.settings || before->default_shoe_id != after.default_shoe_id ||
      before->next_id != after.next_id || before->last_backup != after.last_backup)
    put(kSettingsKey, [&after] { return SettingsPart(after); });
  if (!before || before->shoes != after.shoes)
    put("shoes", [&after] { return Part(Collection::Shoes, CollectionToJson(after, Collection::Shoes)); });
  if (!before || before->strength != after.strength)
    put("strength", [&after] { return Part(Collection::Strength, CollectionToJson(after, Collection::Strength)); });
  if (!before || before->pain != after.pain)
    put("pain", [&after] { return Part(Collection::Pain, CollectionToJson(after, Collection::Pain)); });

  // Runs by year: logging a run writes this year's runs only.
  using Years = std::map<std::string, std::vector<const Run*>>;
  auto by_year = [](const Model& model) {
    Years years;
    for (const Run& run : model.runs) years[RunsKey(run.date)].push_back(&run);
    return years;
  };
  Years old_years = before ? by_year(*before) : Years{};
  Years new_years = by_year(after);
  // A year not read yet is never written or removed: its stored runs are not in `after`. One
  // unread in `before` and gone from `after` (a restored backup without that year) is removed.
  auto unread_keys = [](const Model& model) {
    std::set<std::string> keys;
    for (const RunYearDigest& digest : model.unread_run_years) keys.insert(RunsYearKey(digest.year));
    return keys;
  };
  std::set<std::string> unread = unread_keys(after);
  if (before)
    for (const std::string& key : unread_keys(*before)) old_years.try_emplace(key);
  auto same_runs = [](const Run* a, const Run* b) { return *a == *b; };
  bool runs_changed = !before;
  for (auto& [key, runs] : new_years) {
    if (unread.count(key)) continue;
    auto old = old_years.find(key);
    if (before && old != old_years.end() &&
        std::equal(runs.begin(), runs.end(), old->second.begin(), old->second.end(), same_runs))
      continue;
    runs_changed = true;
    put(key, [runs = std::move(runs)] {
      json list = json::array();
      for (const Run* run : runs) list.push_back(RunToJson(*run));
      return Part(Collection::Runs, std::move(list));
    });
  }
  for (const auto& [key, runs] : old_years)
    if (!new_years.count(key) && !unread.count(key)) {
      remove_.push_back(key);
      runs_changed = true;
    }
  // The summary follows the runs (run_summary.hpp), in the same transaction.
  if (runs_changed || (before && before->unread_run_years != after.unread_run_years))
    steps_.push_back([&after](StoreChanges& out) {
      out.put[kRunSummaryKey] = RunSummaryDocument(SummarizeStoredRuns(after));
      return std::string(kRunSummaryKey);
    });

  // Cadence sessions: their fields in one document (rewritten when any session's fields change,
  // one comes or one goes), each series apart as bytes, rewritten only when it changed.
  std::map<Id, const CadenceSession*> old_sessions;
  if (before)
    for (const CadenceSession& session : before->cadence_sessions) old_sessions[session.id] = &session;
  bool sessions_changed = !before || before->cadence_sessions.size() != after.cadence_sessions.size();
  for (const CadenceSession& session : after.cadence_sessions) {
    auto old = old_sessions.find(session.id);
    const CadenceSession* was = old == old_sessions.end() ? nullptr : old->second;
    if (was && *was == session) continue;
    if (!was || !SameSessionFields(*was, session)) sessions_changed = true;
    // An unread series' empty placeholder must not replace what is stored (before == nullptr,
    // a full rewrite, included).
    bool placeholder = unread_series && session.series_spm.empty() && unread_series->count(session.id);
    if (!placeholder && (!was || was->series_spm != session.series_spm)) {
      const CadenceSession* now = &session;
      steps_.push_back([now](StoreChanges& out) {
        std::string key = SeriesKey(now->id);
        out.put[key] = SeriesBytes(now->series_spm.values());
        out.binary.insert(key);
        return key;
      });
    }
  }
  if (sessions_changed) put(kCadenceKey, [&after] { return SessionsPart(after); });
  std::set<Id> kept;
  for (const CadenceSession& session : after.cadence_sessions) kept.insert(session.id);
  for (const auto& [id, session] : old_sessions)
    if (!kept.count(id)) remove_.push_back(SeriesKey(id));
}

std::string StoreChangeEncoder::Step(StoreChanges& out) { return steps_[next_++](out); }

StoreChanges EncodeStoreChanges(const Model* before, const Model& after, const std::set<Id>* unread_series) {
  StoreChanges changes;
  StoreChangeEncoder encoder(before, after, unread_series);
  while (!encoder.Done()) encoder.Step(changes);
  changes.remove = encoder.removals();
  return changes;
}

}  // namespace sw
