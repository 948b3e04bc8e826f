#include "storage_sync.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/actions/actions.hpp"
#include "core/rules/derived.hpp"
#include "core/storage/run_summary.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace sw {
namespace {

// Storage that has not answered by then is treated as unavailable for now: the app opens,
// marked as not saving, and keeps trying.
constexpr double kSilentStorageMs = 4000;
// Retries wait kFirstRetryMs, then twice as long each time, at most this.
constexpr double kLongestRetryMs = 30000;
// Records created before the store has been read get ids from here, so they cannot clash with
// the stored records they are added to once it is read.
constexpr long long kUnreadIdBase = 1LL << 40;
// The series left out of the first read are read after the first frame, or after this long if
// no frame is drawn (a tab opened in the background draws none).
constexpr double kSeriesWithoutFrameMs = 1500;

// Wall-clock ms (Date.now()): comparable between tabs, unlike performance.now().
double EpochMs() {
  using namespace std::chrono;
  return double(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

// UTC, as YYYYMMDDTHHMMSSZ. std::chrono's calendar rather than strftime/gmtime, whose Emscripten
// JavaScript (4 KB of app.js) nothing else needs.
std::string TimeStamp() {
  using namespace std::chrono;
  const auto now = floor<seconds>(system_clock::now());
  const auto day = floor<days>(now);
  const year_month_day date{day};
  const hh_mm_ss time{now - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02u%02uT%02d%02d%02dZ", int(date.year()), unsigned(date.month()),
                unsigned(date.day()), int(time.hours().count()), int(time.minutes().count()),
                int(time.seconds().count()));
  return text;
}

}  // namespace

const char* StatusId(StorageSync::Status status) {
  switch (status) {
    case StorageSync::Status::Loading: return "loading";
    case StorageSync::Status::Saved: return "saved";
    case StorageSync::Status::Saving: return "saving";
    case StorageSync::Status::Error: return "error";
  }
  return "error";
}

const char* ProblemId(StorageSync::Problem problem) {
  switch (problem) {
    case StorageSync::Problem::None: return "none";
    case StorageSync::Problem::Unreadable: return "unreadable";
    case StorageSync::Problem::Silent: return "not_answering";
    case StorageSync::Problem::WriteFailed: return "not_saved";
  }
  return "none";
}

void StorageSync::Start(AppState* state, std::function<void()> on_usable) {
  state_ = state;
  on_usable_ = std::move(on_usable);
  started_ms_ = platform::NowMs();
  fallback_slot_ = int(static_cast<long long>(EpochMs() / 1000) % platform::kTabSlots);
  state_->model.next_id = kUnreadIdBase;
  Load(LoadKind::Initial);
  platform::CallAfter(kSeriesWithoutFrameMs, [this] { AfterFirstFrame(); });
  platform::CallAfter(kSilentStorageMs, [this] {
    if (usable_) return;
    SetProblem(Problem::Silent, "no answer from the browser's storage");
    MarkUsable();
    ScheduleRetry();
  });
}

void StorageSync::SetProblem(Problem problem, std::string reason) {
  problem_ = problem;
  reason_ = std::move(reason);
  switch (problem) {
    case Problem::None: error_.clear(); break;
    case Problem::Unreadable:
      error_ = "Your saved data cannot be read right now (" + reason_ + "). Nothing will be saved until it can; "
               "what you change now is kept in this tab and Stridewise keeps trying.";
      break;
    case Problem::Silent:
      error_ = "Your device's storage is not answering, so your saved data cannot be shown yet. You can use "
               "Stridewise, but nothing will be saved until the storage answers; Stridewise keeps trying.";
      break;
    case Problem::WriteFailed:
      error_ = "Not saved: " + reason_ + ". Your changes are kept in this tab and Stridewise tries again; "
               "export a backup to keep a copy.";
      break;
  }
}

void StorageSync::MarkUsable() {
  if (usable_) return;
  usable_ = true;
  load_ms_ = platform::NowMs() - started_ms_;
  // Other tabs' commits (and the page coming back into view) from now on; a notice heard while
  // the app downloaded arrives at once.
  platform::StorageWatch([this](std::optional<long long> rev) { OnOtherTab(rev); });
  platform::StorageRequestPersist([this](bool supported, bool granted) {
    if (supported) persisted_ = granted;
    platform::RequestFrame();
  });
  on_usable_();
}

IdSpace StorageSync::id_space() const {
  return {platform::kTabSlots, HoldsSlot() ? platform::StorageTabSlot() : fallback_slot_};
}

void StorageSync::Load(LoadKind kind) {
  if (kind == LoadKind::Rebase) rebasing_ = true;
  if (kind == LoadKind::OtherTab) syncing_ = true;
  if ((kind == LoadKind::Rebase || kind == LoadKind::OtherTab) && !rebased_write_) sync_started_ms_ = platform::NowMs();
  // A retry gives up on an open that never answered and opens the database again.
  bool fresh = kind == LoadKind::Retry;
  // The first read leaves the cadence series for after the first frame (LoadSeries); every later
  // one (a retry, another tab's commit, a rebase) reads everything, as the app is showing already.
  platform::StorageReadScope scope;
  if (kind == LoadKind::Initial) scope.skip_prefix = kSeriesPrefix;
  platform::StorageLoadAll(
      [this, kind](bool ok, std::map<std::string, std::string> docs, std::string error) {
        OnLoaded(kind, ok, std::move(docs), error);
      },
      fresh, scope);
}

void StorageSync::OnLoaded(LoadKind kind, bool ok, std::map<std::string, std::string> docs, const std::string& error) {
  if (kind == LoadKind::Rebase) rebasing_ = false;
  if (kind == LoadKind::OtherTab) syncing_ = false;
  if (!ok) {
    switch (kind) {
      case LoadKind::Initial:
      case LoadKind::Retry:
        if (readable_) return;  // an earlier attempt's late answer: another one has read the store
        SetProblem(Problem::Unreadable, error);
        MarkUsable();
        ScheduleRetry();
        return;
      case LoadKind::Rebase:  // our changes stay pending; the retry reads and writes again
        AfterWrite();  // read while the write that met the conflict was in flight
        SetProblem(Problem::WriteFailed, "your saved data could not be read again (" + error + ")");
        ScheduleRetry();
        return;
      case LoadKind::OtherTab:
        missed_notice_ = true;  // catch up after our next commit or when the page is shown again
        return;
    }
  }
  if ((kind == LoadKind::Initial || kind == LoadKind::Retry) && readable_) return;  // already read
  if (kind == LoadKind::OtherTab && Busy()) {
    // Our own changes are in flight: never show another tab's data without them. Our write
    // meets the newer revision and rebases, or we catch up once it has committed.
    missed_notice_ = true;
    return;
  }
  double decode_started = platform::NowMs();
  // The first read leaves the older years of runs for after the first frame, as long as the run
  // summary agrees with the years it read; one that does not is not trusted for the others either.
  std::optional<FirstRead> for_first_screen;
  if (kind == LoadKind::Initial) for_first_screen = FirstScreenNeeds(platform::Today());
  // The preload's read may hand the older years of runs over in a second part: their keys now.
  std::set<std::string> texts_later;
  if (auto it = docs.find(platform::kLaterKeysDoc); it != docs.end()) {
    nlohmann::json keys = nlohmann::json::parse(std::string_view(it->second), nullptr, /*allow_exceptions=*/false);
    if (keys.is_array())
      for (const nlohmann::json& key : keys)
        if (key.is_string()) texts_later.insert(key.get<std::string>());
    docs.erase(it);
  }
  DecodedStore decoded = DecodeStore(docs, for_first_screen, texts_later);
  if (!texts_later.empty() && (decoded.needs_texts_later || decoded.summary_stale)) {
    // A year the second part holds is needed now (one the summary does not describe or that the
    // first screen shows, or a summary to rebuild from every run): decoded with the rest once in.
    auto first_part = std::make_shared<std::map<std::string, std::string>>(std::move(docs));
    platform::StorageLoadLater([this, kind, first_part](bool part_ok, std::map<std::string, std::string> part,
                                                        std::string part_error) {
      if (!part_ok) return OnLoaded(kind, false, {}, part_error);
      part.merge(*first_part);
      OnLoaded(kind, true, std::move(part), {});
    });
    return;
  }
  if (decoded.summary_stale && !decoded.later_runs.empty()) decoded = DecodeStore(docs);
  decode_ms_ = platform::NowMs() - decode_started;
  if (kind == LoadKind::OtherTab && readable_ && decoded.rev == rev_ && !reread_for_texts_) {  // nothing new
    WriteNext();  // (catches up if another notice came while this read was under way)
    return;
  }
  if (kind == LoadKind::OtherTab || kind == LoadKind::Rebase) last_sync_epoch_ms_ = EpochMs();
  bool first_read = !readable_;
  Adopt(std::move(decoded), kind == LoadKind::Initial);
  if (first_read || problem_ == Problem::Unreadable || problem_ == Problem::Silent) {
    SetProblem(Problem::None, {});
    failed_attempts_ = 0;
  }
  platform::RequestFrame();
  MarkUsable();
  rebase_loaded_ = kind == LoadKind::Rebase;
  WriteNext();  // this tab's re-applied changes and the upkeep, if any
  rebase_loaded_ = false;
}

// Move each unreadable document aside (same bytes, new key, in one transaction) before anything
// could overwrite it.
void StorageSync::KeepAside(std::vector<DamagedDocument> damaged, const std::vector<std::string>& in_store,
                            StoreChanges& upkeep) {
  std::string stamp = TimeStamp();
  auto stored = [&](const std::string& key) {
    return std::find(in_store.begin(), in_store.end(), key) != in_store.end() || upkeep.put.count(key) > 0;
  };
  for (DamagedDocument& d : damaged) {
    // A move aside that never committed (a failed write, then a reread) is planned again,
    // not listed twice.
    std::erase_if(damaged_, [&](const KeptAside& k) {
      return k.document.key == d.key && !std::count(in_store.begin(), in_store.end(), k.kept_as);
    });
    // Never onto a key that holds a copy already (the same part damaged again within a second).
    std::string key = DamagedKey(d.key, stamp);
    for (int n = 2; stored(key); ++n) key = DamagedKey(d.key, stamp + "-" + std::to_string(n));
    upkeep.put[key] = d.text;
    if (d.binary) upkeep.binary.insert(key);
    upkeep.remove.push_back(d.key);
    damaged_.push_back({std::move(d), key});
  }
}

void StorageSync::Adopt(DecodedStore decoded, bool series_later) {
  readable_ = true;
  earlier_damaged_keys_ = decoded.kept_aside;
  upkeep_.reset();
  if (!decoded.damaged.empty() || decoded.needs_rewrite || decoded.summary_stale || decoded.fold_sessions) {
    // Drop the earlier layout's documents once all is rewritten.
    StoreChanges upkeep;
    KeepAside(std::move(decoded.damaged), decoded.kept_aside, upkeep);
    for (const std::string& key : decoded.obsolete_keys) upkeep.remove.push_back(key);
    // A summary that disagrees with the runs (or none, from an earlier build) is rebuilt from them.
    if (decoded.summary_stale) upkeep.put[kRunSummaryKey] = RunSummaryDocument(SummarizeStoredRuns(decoded.model));
    // Sessions kept one per document (the layout before) are folded into one, in one transaction
    // with removing those documents (obsolete_keys); a full rewrite writes it anyway.
    if (decoded.fold_sessions && !decoded.needs_rewrite) upkeep.put[kCadenceKey] = SessionsDocument(decoded.model);
    upkeep_ = std::move(upkeep);
  }
  rev_ = decoded.rev;
  // A new store: a series read still under way (or waiting) was for the one before.
  ++adopt_generation_;
  series_docs_.reset();
  series_damaged_.clear();
  runs_damaged_.clear();
  series_reading_ = false;
  runs_later_ = std::move(decoded.later_runs);
  runs_text_later_ = std::move(decoded.later_runs_unread);
  reread_for_texts_ = false;
  taken_while_writing_ = {};
  decoded_ = {};
  rebuild_summary_ = false;
  std::set<Id> unread = series_later ? SessionsWithoutSeries(decoded.model) : std::set<Id>{};
  series_later_ = !unread.empty();
  if (!series_later_ && !RunsLater() && all_loaded_ms_ < 0) all_loaded_ms_ = platform::NowMs();
  if (!runs_text_later_.empty()) ReadRunTexts();
  auto stored = std::make_shared<Model>(std::move(decoded.model));
  if (decoded.needs_rewrite) stored_model_.reset();
  else stored_model_ = stored;
  // Through core's one door, like every other change; this tab's own changes are then re-applied
  // on top of it (Reapply), each through the same door.
  Action load(nlohmann::json{{"type", "load_stored"}, {"unread_series", unread}});
  load.model = std::move(stored);
  Apply(*state_, load, ActionContext{});
  Reapply();
  if (series_later_ && first_frame_drawn_) LoadSeries();
  if (first_frame_drawn_) TakeLater();
}

void StorageSync::Reapply() {
  std::vector<PendingAction> mine = std::move(pending_);
  pending_.clear();
  for (PendingAction& p : mine) {
    ActionContext context = p.context;
    context.reuse_id = p.created_id;  // the id the runner (or the page API) was given stays theirs
    ActionResult result = Apply(*state_, p.action, context);
    if (result.ok) {
      p.created_id = result.id;
      pending_.push_back(std::move(p));
    } else {
      dropped_note_ = "Another tab changed the same data; one change of this tab could not be applied: " + result.error;
    }
  }
}

void StorageSync::OnModelChanged(const Action& action, const ActionContext& context,
                                 std::optional<long long> created_id) {
  pending_.push_back({action, context, created_id});
  fresh_change_ = true;
  WriteNext();
}

void StorageSync::OnOtherTab(std::optional<long long> rev) {
  if (!readable_) {
    // Another tab can reach the store (or the page is shown again): try to read it now.
    if (usable_ && !retry_scheduled_) Load(LoadKind::Retry);
    return;
  }
  if (rev && rev_ && *rev <= *rev_) return;  // a revision we already have
  if (Busy() || syncing_) {  // catch up once our own write has committed, or this read is done
    missed_notice_ = true;
    return;
  }
  if (rev) {
    Load(LoadKind::OtherTab);
    return;
  }
  // The page became visible: a notice may have been missed while it was hidden or frozen.
  platform::StorageLatestRev([this](bool ok, std::optional<long long> latest) {
    if (ok && latest != rev_) OnOtherTab(latest ? latest : std::optional<long long>(0));
  });
}

void StorageSync::OnWriteDone(WriteJob& job, platform::StorageWriteOutcome outcome, const std::string& error) {
  // Answers come in the order the writes were issued. One for a write no longer in flight is
  // ignored: a write chained on one that did not commit was dropped with it below (it cannot have
  // landed: NextRevision), and its actions are still pending, for the rebase or the retry.
  if (&job != in_flight_.get()) return;
  std::shared_ptr<WriteJob> next = std::move(chained_);  // issued on this one's revision, if any
  chained_.reset();
  in_flight_.reset();
  rebased_write_ = false;
  last_save_ms_ = platform::NowMs() - job.started_ms;
  if (outcome == platform::StorageWriteOutcome::Committed) {
    rev_ = job.request.rev;
    last_commit_epoch_ms_ = EpochMs();
    stored_model_ = std::make_shared<Model>(std::move(job.model));
    upkeep_.reset();
    pending_.erase(pending_.begin(), pending_.begin() + std::min<int>(job.actions, int(pending_.size())));
    if (problem_ == Problem::WriteFailed) SetProblem(Problem::None, {});
    if (job.actions > 0) dropped_note_.clear();
    failed_attempts_ = 0;
    if (next) {  // the write chained on this one is the one in flight now
      in_flight_ = std::move(next);
      ChainNext();  // what came in since it was issued
    } else {
      AfterWrite();
      WriteNext();  // what came in meanwhile, the upkeep planned, or the catch-up with a missed notice
    }
  } else if (outcome == platform::StorageWriteOutcome::Conflict) {
    // Another tab committed first: read its data, re-apply ours on top, write again.
    ++conflicts_;
    Load(LoadKind::Rebase);
  } else {
    AfterWrite();
    SetProblem(Problem::WriteFailed, error);
    ScheduleRetry();
  }
  platform::RequestFrame();
}

// Called after each failed read or write: counts it, and plans the next attempt on a back-off
// unless one is already planned.
void StorageSync::ScheduleRetry() {
  ++failed_attempts_;
  if (retry_scheduled_) return;
  double delay = std::min(kLongestRetryMs, kFirstRetryMs * std::pow(2.0, std::min(failed_attempts_ - 1, 10)));
  retry_scheduled_ = true;
  retry_at_ms_ = platform::NowMs() + delay;
  platform::CallAfter(delay, [this] {
    retry_scheduled_ = false;
    Retry();
  });
}

void StorageSync::Retry() {
  if (readable_) {
    WriteNext();  // a store that moved on meanwhile answers with a conflict: we rebase
    return;
  }
  Load(LoadKind::Retry);
  // A read that never answers must not end the retries: after the wait the first read gets,
  // the next one is planned (unless this read answered, or another began, meanwhile).
  unsigned attempt = ++read_attempt_;
  platform::CallAfter(kSilentStorageMs, [this, attempt] {
    if (readable_ || attempt != read_attempt_ || retry_scheduled_) return;
    ScheduleRetry();
  });
}

void StorageSync::RetryNow() { Retry(); }

StorageSync::Status StorageSync::status() const {
  if (!usable_) return Status::Loading;
  if (problem_ != Problem::None || (!dropped_note_.empty() && pending_.empty())) return Status::Error;
  if (Busy()) return Status::Saving;
  return Status::Saved;
}

nlohmann::json StorageSync::ToJson() const {
  nlohmann::json out = {{"status", StatusId(status())}};
  if (!shown_error().empty()) out["error"] = shown_error();
  out["problem"] = ProblemId(problem_);
  if (!reason_.empty()) out["reason"] = reason_;
  out["readable"] = readable_;
  out["unsaved_changes"] = pending_.size();
  out["retry_in_ms"] = retry_scheduled_ ? nlohmann::json(std::max(0.0, retry_at_ms_ - platform::NowMs()))
                                        : nlohmann::json(nullptr);
  out["failed_attempts"] = failed_attempts_;
  out["id_slot"] = id_space().slot;
  out["persisted"] = persisted_ ? nlohmann::json(*persisted_) : nlohmann::json(nullptr);
  if (rev_) out["rev"] = *rev_;
  if (!damaged_.empty()) {
    nlohmann::json damaged = nlohmann::json::array();
    for (const KeptAside& d : damaged_)
      damaged.push_back({{"key", d.document.key}, {"reason", d.document.reason}, {"kept_as", d.kept_as}});
    out["damaged"] = damaged;
  }
  if (!earlier_damaged_keys_.empty()) out["kept_aside_earlier"] = earlier_damaged_keys_;
  out["conflicts_resolved"] = conflicts_;
  // What is not in the model yet: the cadence series, read just after the first frame.
  out["parts_loading"] = nlohmann::json::array();
  if (RunsLater()) out["parts_loading"].push_back("older_runs");
  if (series_later_) out["parts_loading"].push_back("cadence_series");
  // Measured figures for the storage benchmark: reading + decoding everything at start, and
  // the last write from encoding to the committed transaction.
  out["timing"] = {{"load_ms", load_ms_}, {"load_decode_ms", decode_ms_}, {"last_encode_ms", encode_ms_}, {"last_save_ms", last_save_ms_},
                   {"last_commit_at", last_commit_epoch_ms_}, {"last_sync_at", last_sync_epoch_ms_},
                   {"all_loaded_ms", all_loaded_ms_ >= 0 ? nlohmann::json(all_loaded_ms_) : nlohmann::json(nullptr)},
                   {"later_take_ms", later_take_ms_}};
  return out;
}

}  // namespace sw
