#pragma once
// How the model is laid out in the browser's key -> document store. The store is written in
// parts so that one change writes one small document, and reading ten years of data at start
// stays cheap (the per-second cadence series, most of the bytes, are raw floats, not JSON):
//   "settings"              {"schema", "app", "settings", "default_shoe_id", "next_id"}
//   "shoes" "strength" "pain"   {"schema", "app", "<that list>": [...]}
//   "runs/<yyyy>"           {"schema", "app", "runs": [the runs dated in that year]}
//   "summary"               {"schema", "app", "run_years": [per year: runs, distance, each pair's share]}
//                           (run_summary.hpp: lets the first frame leave the older years for later)
//   "cadence"               {"schema", "app", "cadence_sessions": [every session, without its series]}
//   "series/<id>"           bytes: that session's per-second series, float32 little-endian
//   "damaged/<key>/<stamp>" a document that could not be read, moved aside unchanged
// Each text part is a partial backup document, so it migrates forward with the same steps.
// The layouts before (still read): "model" held everything but the cadence sessions, and
// "cadence/<id>" one session with its series as JSON (reading that asks for a full rewrite); then
// "cadence/<id>" held one session without its series (300 sessions were 300 documents to read
// before the first frame): reading those asks for them to be folded into "cadence".
// Decoding never fails as a whole: a part it cannot read is reported as damaged (to be moved
// aside), and the rest still loads.
// The series are read last, after the first frame (nothing on the first screen draws them, and
// they are most of the bytes): DecodeStore takes whatever documents it is given, DecodeSeries the
// series alone. A session whose series is not read yet holds an empty one, listed in
// AppState::unread_series; the encoder never writes such a placeholder over the stored series.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/storage/damaged_document.hpp"

namespace sw {

inline constexpr const char* kRevisionKey = "rev";
inline constexpr const char* kDamagedPrefix = "damaged/";
inline constexpr const char* kLegacyModelKey = "model";
inline constexpr const char* kSeriesPrefix = "series/";  // web/storage_preload.js names it too
inline constexpr const char* kCadenceKey = "cadence";

struct DecodedStore {
  Model model;  // with older_years_later: model.unread_run_years lists the years in later_runs
  // "runs/<yyyy>" -> text: the older years left for later (DecodeRunYear), by key.
  std::map<std::string, std::string> later_runs;
  // Older years left for later whose text the read itself left for later (`texts_later`).
  std::set<std::string> later_runs_unread;
  // A document the read left for later is needed now (an older year the summary does not
  // describe, or one the first screen needs): decode again once its text is in.
  bool needs_texts_later = false;
  // The "summary" document is missing, unreadable or disagrees with the runs read: rewrite it.
  bool summary_stale = false;
  std::optional<long long> rev;  // nullopt: nothing stored yet
  std::vector<DamagedDocument> damaged;
  std::vector<std::string> kept_aside;  // keys under damaged/ already in the store
  // The store is in the earlier layout: the next write must write every part and remove these.
  bool needs_rewrite = false;
  std::vector<std::string> obsolete_keys;  // also "cadence/<id>" documents, once folded
  // Sessions were read from "cadence/<id>" documents: the next write folds them into "cadence"
  // (SessionsDocument) and removes those documents (listed in obsolete_keys).
  bool fold_sessions = false;
};

// What storage's first read must decode for the first screen (rules/derived.hpp's
// FirstScreenNeeds): every year of runs from `from`'s on, and before it as many years as it takes
// to hold `recent_runs` runs up to `today`.
struct FirstRead {
  Date today;
  Date from;
  int recent_runs = 0;
};

// `first_read`: the years of runs the first screen does not need are left undecoded when the run
// summary describes them (issue 17: the first frame needs only the newest weeks and every pair's
// total); their digests stand in for them in model.unread_run_years. Without it, all is decoded.
// `texts_later`: keys of stored documents the read has not handed over yet (the older years of
// runs, in the second part of the same read: platform::StorageLoadLater).
DecodedStore DecodeStore(const std::map<std::string, std::string>& docs,
                         const std::optional<FirstRead>& first_read = std::nullopt,
                         const std::set<std::string>& texts_later = {});

// One year left for later, read now: its runs in id order (links to pairs no longer there
// dropped), or the document as damaged. `expected`: its digest from the summary; `model` and
// `also_read` (years decoded but not in the model yet): what is read so far (an id already there
// makes the year unreadable). summary_stale: the year is not what the summary said, so the
// summary is to be rebuilt from the runs.
struct DecodedRunYear {
  std::vector<Run> runs;
  std::vector<DamagedDocument> damaged;
  bool summary_stale = false;
};
DecodedRunYear DecodeRunYear(const std::string& key, const std::string& text, const RunYearDigest& expected,
                             const Model& model, const std::vector<Run>& also_read = {});

// The series read after the rest: `sessions` holds one CadenceSession (id and series only) per
// readable "series/<id>"; the unreadable ones are reported as damaged. Other keys are ignored.
struct DecodedSeries {
  std::shared_ptr<Model> sessions;
  std::vector<DamagedDocument> damaged;
};
DecodedSeries DecodeSeries(const std::map<std::string, std::string>& docs);
// The ids of `model`'s sessions whose series is empty: after a read that left the series out,
// the ones still to read.
std::set<Id> SessionsWithoutSeries(const Model& model);

// DecodeStore one document at a time, for a caller that must not hold the thread for long: a
// restored backup arrives as the parts the store holds (backup_file.hpp) and is decoded over
// several frames. Add() reads a document as DecodeStore does, each taken whole or not at all;
// Finish() attaches the series, orders the lists and repairs references as DecodeStore does.
class StoreDecoder {
 public:
  StoreDecoder();
  ~StoreDecoder();
  StoreDecoder(const StoreDecoder&) = delete;
  StoreDecoder& operator=(const StoreDecoder&) = delete;
  // "" or why the document cannot be read (then it is left out). Keys that are not model parts
  // (the revision, documents kept aside) cannot be read here.
  std::string Add(const std::string& key, std::string value);
  Model Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct StoreChanges {
  std::map<std::string, std::string> put;
  std::set<std::string> binary;  // keys in `put` whose value is bytes, not text
  std::vector<std::string> remove;
};
// The documents to write to go from `before` to `after` (before == nullptr: write everything).
// `unread_series`: sessions whose stored series has not been read; an empty series in `after`
// for one of them is a placeholder and is never written (a non-empty one is new and is).
StoreChanges EncodeStoreChanges(const Model* before, const Model& after, const std::set<Id>* unread_series = nullptr);

// The same, one part at a time: a big change (a restored backup, years of imported runs) is
// encoded in slices so that no single task holds the page up. Planning only compares; each
// Step() encodes one part into `out` and returns its key. `before` and `after` must outlive it.
class StoreChangeEncoder {
 public:
  StoreChangeEncoder(const Model* before, const Model& after, const std::set<Id>* unread_series = nullptr);
  bool Done() const { return next_ >= steps_.size(); }
  std::size_t Parts() const { return steps_.size(); }  // the parts it encodes, one per Step()
  std::string Step(StoreChanges& out);
  const std::vector<std::string>& removals() const { return remove_; }  // keys to delete

 private:
  std::vector<std::function<std::string(StoreChanges&)>> steps_;
  std::size_t next_ = 0;
  std::vector<std::string> remove_;
};

// The key a damaged document is kept under: "damaged/<key>/<stamp>".
std::string DamagedKey(const std::string& key, const std::string& stamp);
// The "cadence" document for `model`'s sessions.
std::string SessionsDocument(const Model& model);
// "runs/<yyyy>": the key of a year's runs.
std::string RunsYearKey(int year);
// "cadence/<id>": one session's fields alone, the earlier layout's part (still read).
std::string CadenceKey(Id id);
// Whether a stored key holds bytes rather than text ("series/<id>").
bool IsBinaryKey(const std::string& key);

}  // namespace sw
