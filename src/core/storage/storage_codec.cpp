// Reading the store: its documents decoded into a model, each part taken whole or not at all
// (writing is storage_encoder.cpp; the layout both share, storage_parts.hpp).
#include "core/storage/storage_codec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

#include "core/model/model_json.hpp"
#include "core/model/schema_migrations.hpp"
#include "core/model/sort_by_key.hpp"
#include "core/model/validation.hpp"
#include "core/storage/run_summary.hpp"
#include "core/storage/storage_parts.hpp"

namespace sw {
namespace {

using nlohmann::json;
using namespace storage_parts;

// "" with `out` filled, or why a series' stored bytes (storage_encoder.cpp's SeriesBytes) are
// not a series.
std::string ReadSeriesBytes(const std::string& bytes, CadenceSeries& out) {
  if (bytes.size() % sizeof(float) != 0) return "its length is not a whole number of values";
  if (bytes.size() / sizeof(float) > std::size_t(kMaxDurationS)) return "it has more values than seconds in 48 hours";
  std::vector<float> series(bytes.size() / sizeof(float));
  if (!series.empty()) std::memcpy(series.data(), bytes.data(), bytes.size());
  for (float spm : series)
    if (!std::isfinite(spm) || spm < 0 || spm > kMaxSpm) return "it holds a value that is not a cadence";
  out = std::move(series);
  return {};
}

// What a key holds, in the words of a damage report, and which list of the model it fills.
struct PartKind {
  std::string what;
  std::optional<Collection> collection;  // nullopt: the legacy whole-model document
};

std::optional<PartKind> KindOf(const std::string& key) {
  if (key == kLegacyModelKey) return PartKind{"Your saved log", std::nullopt};
  if (key == kSettingsKey) return PartKind{"Your saved settings", Collection::Settings};
  if (key == "shoes") return PartKind{"Your saved shoes", Collection::Shoes};
  if (key == "strength") return PartKind{"Your saved hip-and-core sessions", Collection::Strength};
  if (key == "pain") return PartKind{"Your saved pain log", Collection::Pain};
  if (StartsWith(key, kRunsPrefix)) return PartKind{"Your saved runs of " + key.substr(5), Collection::Runs};
  if (key == kCadenceKey) return PartKind{"Your saved cadence sessions", Collection::CadenceSessions};
  if (StartsWith(key, kCadencePrefix)) return PartKind{"A saved cadence session", Collection::CadenceSessions};
  return std::nullopt;  // not ours (or the revision, or kept aside): left alone
}


// Reads one text part into `part` (a fresh model); "" or why it cannot be read.
std::string ReadPart(const std::string& key, const PartKind& kind, const std::string& text, Model& part,
                     bool& legacy) {
  json document = json::parse(std::string_view(text), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return "it is not valid JSON (damaged or cut short)";
  std::string error;
  if (kind.collection == Collection::CadenceSessions && document.is_object() && !document.contains("app")) {
    // The earlier layout: the bare session, its series inline.
    legacy = true;
    CadenceSession session;
    if (!CadenceSessionFromJson(document, session, error, key)) return error;
    part.cadence_sessions.push_back(std::move(session));
  } else {
    if (!MigrateToCurrent(document, error)) return error;
    if (!kind.collection) {  // the earlier layout's whole-model document
      legacy = true;
      if (!ModelFromJson(document, part, error)) return error;
    } else if (*kind.collection == Collection::Settings) {
      if (!CollectionFromJson(part, Collection::Settings, document, error)) return error;
    } else {
      auto list = document.find(CollectionKey(*kind.collection));
      if (list == document.end()) return "it has no \"" + std::string(CollectionKey(*kind.collection)) + "\" list";
      if (!CollectionFromJson(part, *kind.collection, *list, error)) return error;
    }
  }
  // Each record must be where the layout puts it, or a later write would leave a stale copy.
  for (const Run& run : part.runs)
    if (kind.collection && RunsKey(run.date) != key) return "run " + std::to_string(run.id) + " is not from that year";
  for (const CadenceSession& session : part.cadence_sessions)
    if (StartsWith(key, kCadencePrefix) && CadenceKey(session.id) != key) return "it holds another session";
  return {};
}

// Builds one model from the parts, each taken whole or not at all. Ids are checked across parts
// (a record stored twice makes the second part unreadable) without copying what is built so far.
class Assembler {
 public:
  Model model;

  // "" or why the part cannot be read.
  std::string Read(const std::string& key, const PartKind& kind, const std::string& text, bool& legacy) {
    Model part;
    std::string error = ReadPart(key, kind, text, part, legacy);
    if (!error.empty()) return error;
    if (!(Fresh(shoes_, part.shoes, error) && Fresh(runs_, part.runs, error) && Fresh(strength_, part.strength, error) &&
          Fresh(pain_, part.pain, error) && Fresh(sessions_, part.cadence_sessions, error)))
      return error;
    Take(shoes_, model.shoes, part.shoes);
    Take(runs_, model.runs, part.runs);
    Take(strength_, model.strength, part.strength);
    Take(pain_, model.pain, part.pain);
    Take(sessions_, model.cadence_sessions, part.cadence_sessions);
    if (!kind.collection || *kind.collection == Collection::Settings) {
      model.settings = part.settings;
      model.default_shoe_id = part.default_shoe_id;
      model.next_id = std::max(model.next_id, part.next_id);
      model.last_backup = part.last_backup;
    }
    return {};
  }

 private:
  template <class T>
  static bool Fresh(const std::set<Id>& ids, const std::vector<T>& items, std::string& error) {
    for (const T& item : items) {
      if (!ids.count(item.id)) continue;
      error = "id " + std::to_string(item.id) + " is saved twice";
      return false;
    }
    return true;
  }
  template <class T>
  static void Take(std::set<Id>& ids, std::vector<T>& into, std::vector<T>& from) {
    for (T& item : from) {
      ids.insert(item.id);
      into.push_back(std::move(item));
    }
  }
  std::set<Id> shoes_, runs_, strength_, pain_, sessions_;
};

// Parts that were lost or moved aside can leave references behind: a run's shoe, the default
// shoe, ids at or past next_id. Dropping the dangling links keeps the rest usable and valid.
void RepairReferences(Model& model) {
  std::set<Id> shoe_ids;
  for (const Shoe& shoe : model.shoes) shoe_ids.insert(shoe.id);
  for (Run& run : model.runs)
    if (run.shoe_id && !shoe_ids.count(*run.shoe_id)) run.shoe_id.reset();
  if (model.default_shoe_id) {
    const Shoe* shoe = FindShoe(model, *model.default_shoe_id);
    if (!shoe || shoe->retired) model.default_shoe_id.reset();
  }
  auto past = [&model](const auto& items) {
    for (const auto& item : items) model.next_id = std::max(model.next_id, item.id + 1);
  };
  past(model.shoes);
  past(model.runs);
  past(model.strength);
  past(model.pain);
  past(model.cadence_sessions);
}

}  // namespace

static int RunsUpTo(const std::vector<Run>& runs, Date day) {
  return int(std::count_if(runs.begin(), runs.end(), [day](const Run& run) { return run.date <= day; }));
}

// Year of a "runs/<yyyy>" key (0 when it is not one).
int YearOfRunsKey(const std::string& key) {
  if (!StartsWith(key, kRunsPrefix) || key.size() != std::strlen(kRunsPrefix) + 4) return 0;
  return std::atoi(key.c_str() + std::strlen(kRunsPrefix));
}

DecodedStore DecodeStore(const std::map<std::string, std::string>& docs, const std::optional<FirstRead>& first_read,
                         const std::set<std::string>& texts_later) {
  DecodedStore out;
  // The run summary, if there is a readable one: it lets the older years wait, and is checked
  // against every year read (here, and in DecodeRunYear later).
  std::vector<RunYearDigest> summary;
  bool summary_read = false, summary_unreadable = false;
  if (auto it = docs.find(kRunSummaryKey); it != docs.end()) {
    summary_read = ReadRunSummary(it->second, summary).empty();
    summary_unreadable = !summary_read;
  }
  // The years the first screen shows are always read; an older year waits only when the summary
  // describes it.
  std::vector<RunYearDigest> unread;
  std::set<std::string> run_year_keys = texts_later;  // the years stored, read or not
  for (auto it = docs.lower_bound(kRunsPrefix); it != docs.end() && StartsWith(it->first, kRunsPrefix); ++it)
    run_year_keys.insert(it->first);
  const int from_year = first_read ? int(first_read->from.year()) : 0;
  for (const std::string& key : run_year_keys) {
    const int year = YearOfRunsKey(key);
    const bool text_later = texts_later.count(key) > 0;
    auto digest = std::find_if(summary.begin(), summary.end(), [year](const RunYearDigest& d) { return d.year == year; });
    if (!first_read || !summary_read || !year || year >= from_year || digest == summary.end()) {
      out.needs_texts_later |= text_later;  // needed now, not read yet
      continue;
    }
    if (text_later) out.later_runs_unread.insert(key);
    else out.later_runs[key] = docs.at(key);
    unread.push_back(*digest);
  }
  if (auto it = docs.find(kRevisionKey); it != docs.end()) {
    char* end = nullptr;
    long long rev = std::strtoll(it->second.c_str(), &end, 10);
    // An unreadable revision still means "something is stored": writes must not assume empty.
    out.rev = (end && *end == '\0' && rev >= 0) ? rev : 0;
  }
  Assembler assembler;
  // The whole-model document first, so the parts' settings (if both were ever there) win.
  std::vector<std::pair<const std::string*, const std::string*>> order;
  for (const auto& [key, text] : docs) {
    if (key == kLegacyModelKey) order.insert(order.begin(), {&key, &text});
    else order.push_back({&key, &text});
  }
  for (const auto& [key_ptr, text_ptr] : order) {
    const std::string& key = *key_ptr;
    if (StartsWith(key, kDamagedPrefix)) {
      out.kept_aside.push_back(key);
      continue;
    }
    std::optional<PartKind> kind = KindOf(key);
    if (!kind || out.later_runs.count(key)) continue;
    bool legacy = false;
    std::string error = assembler.Read(key, *kind, *text_ptr, legacy);
    if (!error.empty()) {
      out.damaged.push_back({key, *text_ptr, kind->what + " could not be read: " + error + "."});
      continue;
    }
    if (legacy) out.needs_rewrite = true;
    if (key == kLegacyModelKey) out.obsolete_keys.push_back(key);
    if (StartsWith(key, kCadencePrefix)) {  // folded into "cadence" by the next write
      out.obsolete_keys.push_back(key);
      out.fold_sessions = true;
    }
  }
  out.model = std::move(assembler.model);
  out.model.unread_run_years = std::move(unread);
  // The series last: each belongs to a session read above. One without its session is left alone.
  std::map<std::string, CadenceSession*> by_series_key;
  for (CadenceSession& session : out.model.cadence_sessions) by_series_key[SeriesKey(session.id)] = &session;
  for (auto it = docs.lower_bound(kSeriesPrefix); it != docs.end() && StartsWith(it->first, kSeriesPrefix); ++it) {
    auto session = by_series_key.find(it->first);
    if (session == by_series_key.end()) continue;
    std::string error = ReadSeriesBytes(it->second, session->second->series_spm);
    if (!error.empty())
      out.damaged.push_back({it->first, it->second, "A saved cadence series could not be read: " + error + ".", true});
  }
  SortById(out.model.runs);
  SortById(out.model.cadence_sessions);
  // Home's last few runs (the warm-up card) may lie further back than its weeks: the newest years
  // left for later are read now until they are in.
  while (first_read && !out.model.unread_run_years.empty() &&
         RunsUpTo(out.model.runs, first_read->today) < first_read->recent_runs) {
    const RunYearDigest expected = out.model.unread_run_years.back();
    if (out.later_runs_unread.count(RunsYearKey(expected.year))) {
      out.needs_texts_later = true;  // its text is still to come
      break;
    }
    out.model.unread_run_years.pop_back();
    auto text = out.later_runs.extract(RunsYearKey(expected.year));
    DecodedRunYear year = DecodeRunYear(text.key(), text.mapped(), expected, out.model);
    AddRunsInIdOrder(out.model.runs, std::move(year.runs));
    for (DamagedDocument& d : year.damaged) out.damaged.push_back(std::move(d));
  }
  RepairReferences(out.model);
  for (const RunYearDigest& digest : out.model.unread_run_years)
    out.model.next_id = std::max(out.model.next_id, digest.max_id + 1);
  // The summary must describe exactly the years read and the years left for later.
  bool agrees = summary_read && SummaryAgrees(summary, out.model.runs, out.model.unread_run_years);
  out.summary_stale = summary_unreadable || (summary_read ? !agrees : !out.model.runs.empty());
  return out;
}

DecodedRunYear DecodeRunYear(const std::string& key, const std::string& text, const RunYearDigest& expected,
                             const Model& model, const std::vector<Run>& also_read) {
  DecodedRunYear out;
  std::optional<PartKind> kind = KindOf(key);
  Model part;
  bool legacy = false;
  std::string error = kind && kind->collection == Collection::Runs ? ReadPart(key, *kind, text, part, legacy)
                                                                    : "it is not a year of runs";
  if (error.empty()) {
    std::set<Id> ids;
    for (const Run& run : model.runs) ids.insert(run.id);
    for (const Run& run : also_read) ids.insert(run.id);
    for (const Run& run : part.runs)
      if (!ids.insert(run.id).second) error = "id " + std::to_string(run.id) + " is saved twice";
  }
  if (!error.empty()) {
    out.damaged.push_back({key, text, kind ? kind->what + " could not be read: " + error + "." : error});
    out.summary_stale = true;  // it described runs that are now kept aside
    return out;
  }
  for (Run& run : part.runs)  // a pair lost since (a damaged "shoes") leaves no dangling link
    if (run.shoe_id && !FindShoe(model, *run.shoe_id)) run.shoe_id.reset();
  std::vector<RunYearDigest> digest = DigestRuns(part.runs);
  out.summary_stale = digest.size() != 1 || !SameDigest(digest.front(), expected);
  out.runs = std::move(part.runs);
  return out;
}

DecodedSeries DecodeSeries(const std::map<std::string, std::string>& docs) {
  DecodedSeries out;
  out.sessions = std::make_shared<Model>();
  for (auto it = docs.lower_bound(kSeriesPrefix); it != docs.end() && StartsWith(it->first, kSeriesPrefix); ++it) {
    const std::string digits = it->first.substr(std::strlen(kSeriesPrefix));
    char* end = nullptr;
    long long id = std::strtoll(digits.c_str(), &end, 10);
    if (digits.empty() || !end || *end != '\0' || SeriesKey(id) != it->first) continue;  // not ours: left alone
    CadenceSession session;
    session.id = id;
    std::string error = ReadSeriesBytes(it->second, session.series_spm);
    if (!error.empty()) {
      out.damaged.push_back({it->first, it->second, "A saved cadence series could not be read: " + error + ".", true});
      continue;
    }
    out.sessions->cadence_sessions.push_back(std::move(session));
  }
  return out;
}

std::set<Id> SessionsWithoutSeries(const Model& model) {
  std::set<Id> ids;
  for (const CadenceSession& session : model.cadence_sessions)
    if (session.series_spm.empty()) ids.insert(session.id);
  return ids;
}

struct StoreDecoder::Impl {
  Assembler assembler;
  std::map<std::string, CadenceSeries> series;  // by key: attached once every session is read
};

StoreDecoder::StoreDecoder() : impl_(std::make_unique<Impl>()) {}
StoreDecoder::~StoreDecoder() = default;

std::string StoreDecoder::Add(const std::string& key, std::string value) {
  if (IsBinaryKey(key)) {
    CadenceSeries series;
    std::string error = ReadSeriesBytes(value, series);
    if (!error.empty()) return "A cadence series could not be read: " + error + ".";
    impl_->series[key] = std::move(series);
    return {};
  }
  if (key == kRunSummaryKey) return {};  // derived from the runs: written anew with them
  std::optional<PartKind> kind = KindOf(key);
  if (!kind) return "\"" + key + "\" is not a part of the data.";
  bool legacy = false;
  std::string error = impl_->assembler.Read(key, *kind, value, legacy);
  if (!error.empty()) return kind->what + " could not be read: " + error + ".";
  return {};
}

Model StoreDecoder::Finish() {
  Model model = std::move(impl_->assembler.model);
  for (CadenceSession& session : model.cadence_sessions)
    if (auto it = impl_->series.find(SeriesKey(session.id)); it != impl_->series.end())
      session.series_spm = std::move(it->second);
  impl_->series.clear();
  SortById(model.runs);
  SortById(model.cadence_sessions);
  RepairReferences(model);
  return model;
}

}  // namespace sw
