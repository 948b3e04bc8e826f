#pragma once
// Keeps the model and IndexedDB in step. Loads before anything is shown - all but the older
// years of runs (the run summary stands in for them) and the cadence series, which are taken in
// after the first frame (AfterFirstFrame, storage_sync_later.cpp; nothing on the first screen
// needs them, and they are most of the bytes) and never overwritten while unread; writes each accepted
// change at once, in one transaction, counted as saved only when it commits; rebases on
// another tab's newer write (reload, re-apply this tab's unsaved actions with the ids they were
// given, write again); moves unreadable documents aside under damaged/ before anything else is
// written, never overwriting them; rewrites a store found in the earlier layout in one transaction.
//
// What never happens: a tab that has not read the store writes to it (its model would replace
// the runner's data); a failed or silent storage freezes the app. Then the app stays usable, says
// plainly that nothing is being saved, keeps every change in memory and tries again on a back-off.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actions/action.hpp"
#include "core/model/state.hpp"
#include "core/storage/storage_codec.hpp"
#include "platform/storage.hpp"

namespace sw {

class StorageSync {
 public:
  enum class Status { Loading, Saved, Saving, Error };
  // Why nothing is being saved right now.
  enum class Problem { None, Unreadable, Silent, WriteFailed };

  // Loads the stored model into `state` and calls `on_usable` once the app may draw: when the
  // data is in, when reading it failed, or when storage has not answered for a few seconds.
  void Start(AppState* state, std::function<void()> on_usable);
  // After Apply() accepted `action` and changed the model: write it now. `created_id`: the id
  // the action gave a new record (a rebase gives it the same one again).
  void OnModelChanged(const Action& action, const ActionContext& context, std::optional<long long> created_id);
  // The runner's "Try again": read the store again (if it could not be read) or write now.
  void RetryNow();
  // The first frame with the data is drawn: read what was left for later (the cadence series).
  // Also done by itself a little later, for a tab that draws no frame (hidden).
  void AfterFirstFrame();
  // Every part of the store is in the model (the series left for later included).
  bool AllLoaded() const { return readable_ && !series_later_ && !RunsLater(); }
  // Older years of runs are still to be taken in (Model::unread_run_years).
  bool RunsLater() const { return !runs_later_.empty() || !runs_text_later_.empty(); }
  // Their text is still being read (the first read's second part).
  bool RunTextsPending() const { return !runs_text_later_.empty(); }
  // Takes every older year in now, in this task: for an action or a screen that needs every run.
  // False while their text is still being read (the first read's second part, which comes
  // within moments of the first frame): nothing is taken then.
  bool TakeRunsNow();

  // The ids this tab hands out (its slot, held while the page lives).
  IdSpace id_space() const;

  // Whether the next frame should wait: a write for a fresh change is waiting for its commit
  // (at most `commit_wait_ms` after it was issued: change and "Saved" then appear together), or
  // this tab is bringing in another tab's commit - reading it, or rebasing onto it and writing
  // again (at most `sync_wait_ms` after that began). A frame drawn meanwhile would only hold the
  // storage answers up (they run on the same thread) and show a state about to change.
  bool FrameShouldWait(double now_ms, double commit_wait_ms, double sync_wait_ms) const {
    if (syncing_ || rebasing_ || (Writing() && rebased_write_)) return now_ms - sync_started_ms_ < sync_wait_ms;
    // Counted from the newest write issued: a chained one carries the latest change.
    return Writing() && fresh_write_ && now_ms - (chained_ ? chained_ : in_flight_)->started_ms < commit_wait_ms;
  }

  Status status() const;
  Problem problem() const { return problem_; }
  bool usable() const { return usable_; }  // the app may draw and take changes
  const std::string& error() const { return error_; }
  // What the screens show (the title bar's status, the storage notice), read every frame without
  // building state().save: the problem's words, or else a change a rebase could not re-apply.
  const std::string& shown_error() const { return problem_ != Problem::None ? error_ : dropped_note_; }
  const std::string& reason() const { return reason_; }  // the browser's words for problem()
  std::optional<bool> persisted() const { return persisted_; }  // navigator.storage.persist()'s answer
  nlohmann::json ToJson() const;  // state().save
  // Unreadable documents found in this session, each kept aside under damaged/ (for export).
  const std::vector<KeptAside>& damaged() const { return damaged_; }

 private:
  // Retries after a failed read or write: 1 s, 2 s, 4 s ... (storage_sync.cpp caps the wait).
  static constexpr double kFirstRetryMs = 1000;
  struct PendingAction {
    Action action;
    ActionContext context;
    std::optional<long long> created_id;
  };
  // A write under way: what it will store, encoded part by part (ContinueWrite).
  struct WriteJob {
    int id = 0;  // the bridge's write: parts are staged under it
    bool issued = false;     // its transaction is issued (a write may be chained on it)
    double started_ms = 0;   // NowMs() when it began (state().save.timing.last_save_ms)
    platform::StorageWriteRequest request;
    int actions = 0;  // pending actions it saves
    Model model;      // the model it writes (becomes stored_model_ on commit)
    std::set<Id> unread_series;  // sessions whose series it must not write (not read yet)
    std::optional<StoreChangeEncoder> encoder;  // reads `model` and `unread_series`: declared after them
    std::optional<StoreChanges> upkeep;
    std::set<std::string> written;  // keys staged so far
  };
  // Why a load was started: the answer is handled accordingly.
  enum class LoadKind { Initial, Retry, OtherTab, Rebase };
  void Load(LoadKind kind);
  void OnLoaded(LoadKind kind, bool ok, std::map<std::string, std::string> docs, const std::string& error);
  void OnOtherTab(std::optional<long long> rev);
  // Takes the decoded store as this tab's model and base revision, then re-applies this tab's
  // unsaved actions on top of it.
  void Adopt(DecodedStore decoded, bool series_later);
  // Moves unreadable documents aside (planned as upkeep, written with the next write).
  void KeepAside(std::vector<DamagedDocument> damaged, const std::vector<std::string>& in_store, StoreChanges& upkeep);
  // The series left for later: read them, then take them in when no write or read is under way.
  void LoadSeries();
  void OnSeriesLoaded(unsigned generation, bool ok, std::map<std::string, std::string> docs);
  void TakeSeries();
  // After the first frame: the older years of runs, one per task, then the series.
  void TakeLater();
  // Years of runs decoded after the first frame: which, and their runs.
  struct DecodedYears {
    std::vector<int> years;
    std::vector<Run> runs;
  };
  void ReadRunTexts();  // the first read's second part: the text of the years in runs_text_later_
  void OnRunTexts(unsigned generation, bool ok, std::map<std::string, std::string> docs);
  void DecodeRunYearLater();  // the first of runs_later_, into decoded_
  void TakeDecodedRuns();     // decoded_ into the model (one load_runs) and the stored model
  void AddToStoredModel(DecodedYears years);  // those years, read, are what is stored
  void RunsComplete();   // the last year is in
  bool PlanRunsUpkeep();  // damaged years kept aside, the summary rebuilt (when no write is in flight)
  void AfterWrite();      // a write ended (committed, refused or failed)
  void Reapply();
  void MarkUsable();
  // Sets why nothing is saved (None: all well) with the browser's own words, and the sentence
  // state().save.error gives for it.
  void SetProblem(Problem problem, std::string reason);
  // Changes of this tab not yet committed, a write in flight, or a rebase under way.
  bool Busy() const { return Writing() || rebasing_ || !pending_.empty() || upkeep_; }
  bool Writing() const { return in_flight_ != nullptr; }  // a write of ours is in flight
  void WriteNext();
  // A change made while our write is in flight: written at once, chained on that write's revision
  // (storage_sync_write.cpp), rather than only once it has committed.
  void ChainNext();
  // The revision a write based on `base` stores: a number no other tab can take (below).
  long long NextRevision(std::optional<long long> base) const;
  // This tab holds its id slot (a Web Lock): its revision numbers are its own.
  bool HoldsSlot() const;
  std::shared_ptr<WriteJob> NewWrite(std::optional<long long> expect, const Model* base, int actions);
  void ContinueWrite(const std::shared_ptr<WriteJob>& job);
  void OnWriteDone(WriteJob& job, platform::StorageWriteOutcome outcome, const std::string& error);
  void ScheduleRetry();
  void Retry();

  AppState* state_ = nullptr;
  std::shared_ptr<WriteJob> in_flight_;  // the write whose answer comes next; null: none
  std::shared_ptr<WriteJob> chained_;    // issued on in_flight_'s revision, answered after it
  std::function<void()> on_usable_;
  bool usable_ = false;
  bool readable_ = false;  // the store has been read: only then may this tab write to it
  bool rebasing_ = false;
  bool syncing_ = false;  // reading another tab's commit
  bool rebased_write_ = false;  // the write in flight re-applies our changes after a conflict
  bool fresh_change_ = false;  // a change came in since the last write was issued
  bool fresh_write_ = false;   // the write in flight carries such a change (frames wait for it)
  bool rebase_loaded_ = false;  // set while WriteNext runs right after a rebase's read
  double sync_started_ms_ = 0;  // NowMs() when the read of another tab's commit (or a rebase) began
  Problem problem_ = Problem::None;
  std::string reason_;         // the browser's words for problem_
  std::string error_;          // why nothing is saved (problem_), in plain words
  std::string dropped_note_;   // a change a rebase could not re-apply
  std::optional<long long> rev_;       // the stored revision our model is based on
  // What that revision holds (null: rewrite every part). Not const: the series read later are
  // moved into it (TakeSeries); while a load action still shares it, it is copied instead.
  std::shared_ptr<Model> stored_model_;
  // Store upkeep found on loading, written with (or before) the next change: unreadable parts
  // moved aside under damaged/, the earlier layout's documents removed.
  std::optional<StoreChanges> upkeep_;
  std::vector<PendingAction> pending_;  // accepted here but not yet committed
  std::vector<KeptAside> damaged_;
  std::vector<std::string> earlier_damaged_keys_;  // kept aside by an earlier session
  std::optional<bool> persisted_;
  int conflicts_ = 0;
  bool missed_notice_ = false;  // another tab committed while we were busy: catch up after
  int failed_attempts_ = 0;     // in a row, for the back-off
  bool retry_scheduled_ = false;
  unsigned read_attempt_ = 0;   // the newest retry's read: an older one's watchdog stands down
  double retry_at_ms_ = 0;      // NowMs() of the next retry
  int fallback_slot_ = 0;       // the id slot when the page could not take one
  double started_ms_ = 0;
  double decode_ms_ = 0;  // JSON text -> model, the last load
  double load_ms_ = 0, encode_ms_ = 0, last_save_ms_ = 0;
  double last_commit_epoch_ms_ = 0, last_sync_epoch_ms_ = 0;  // Date.now() of our last commit / another tab's data applied
  // The cadence series left out of the first read: still to read (series_later_), being read,
  // read and waiting for a moment without a write in flight (series_docs_). Each adopted store
  // has its generation: a series read for an earlier one is dropped (a later full read has them).
  bool series_later_ = false;
  bool series_reading_ = false;
  bool first_frame_drawn_ = false;
  unsigned adopt_generation_ = 0;
  std::optional<std::map<std::string, std::string>> series_docs_;  // read, not yet taken in
  std::vector<DamagedDocument> series_damaged_;  // found so far by TakeSeries: kept aside at the end
  // The older years of runs, read with the rest but decoded after the first frame ("runs/<yyyy>"
  // -> text); the years that could not be read; whether a year disagreed with the summary.
  std::map<std::string, std::string> runs_later_;
  // Older years whose text the first read hands over in its second part (ReadRunTexts): until
  // then no year is taken in, and TakeRunsNow cannot.
  std::set<std::string> runs_text_later_;
  bool reread_for_texts_ = false;  // that part could not be read: everything is read again
  std::vector<DamagedDocument> runs_damaged_;
  bool rebuild_summary_ = false;
  DecodedYears decoded_;              // decoded, not yet in the model
  DecodedYears taken_while_writing_;  // in the model, added to the stored model when the write ends
  double all_loaded_ms_ = -1;  // NowMs() when every part was in the model
  double later_take_ms_ = 0;  // the longest step taking in a year of runs or series read later
};

// state().save's words (API.md): "loading" "saved" "saving" "error"; "none" "unreadable"
// "not_answering" "not_saved".
const char* StatusId(StorageSync::Status status);
const char* ProblemId(StorageSync::Problem problem);

}  // namespace sw
