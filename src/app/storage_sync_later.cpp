// StorageSync's later reads (issue 17): what the first frame does not show - the older years of
// runs (decoded from the first read, one year per task) and the cadence series (read after the
// first frame, 50 per task) - taken in without a long task, without writing over anything not yet
// read, and with the run summary checked against every year taken in. See storage_sync.hpp.
#include "storage_sync.hpp"

#include <algorithm>

#include "core/actions/actions.hpp"
#include "core/storage/run_summary.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace sw {
namespace {

// Series taken in per task (45-minute sessions: about 0.5 MB).
constexpr std::size_t kSeriesPerStep = 50;

}  // namespace

void StorageSync::AfterFirstFrame() {
  if (first_frame_drawn_) return;
  first_frame_drawn_ = true;
  if (series_later_ && !series_reading_) LoadSeries();
  // In a task of its own: the first frame's task ends with the frame.
  unsigned generation = adopt_generation_;
  platform::CallAfter(0, [this, generation] {
    if (generation == adopt_generation_) TakeLater();
  });
}

bool StorageSync::TakeRunsNow() {
  if (!runs_text_later_.empty()) return false;  // still being read: OnRunTexts takes them in
  if (runs_later_.empty()) return true;
  while (!runs_later_.empty()) DecodeRunYearLater();
  RunsComplete();
  return true;
}

// The first read's second part, in the same read transaction as the first (one snapshot): the
// text of the older years it left for later. Asked for at once; it comes within moments.
void StorageSync::ReadRunTexts() {
  unsigned generation = adopt_generation_;
  platform::StorageLoadLater([this, generation](bool ok, std::map<std::string, std::string> docs, std::string) {
    OnRunTexts(generation, ok, std::move(docs));
  });
}

void StorageSync::OnRunTexts(unsigned generation, bool ok, std::map<std::string, std::string> docs) {
  if (generation != adopt_generation_) return;  // a later read of everything has them
  bool all_in = ok;
  for (const std::string& key : runs_text_later_) all_in = all_in && docs.count(key);
  if (!all_in) {
    // Never guessed at (a year missing from its own snapshot is not a damaged year): everything
    // is read again in one transaction and taken as if another tab had committed it.
    reread_for_texts_ = true;
    Load(LoadKind::OtherTab);
    return;
  }
  for (const std::string& key : runs_text_later_) runs_later_[key] = std::move(docs[key]);
  runs_text_later_.clear();
  platform::RequestFrame();  // a screen drawn meanwhile from the newest years is drawn whole
  if (!first_frame_drawn_) return;  // AfterFirstFrame takes them in
  platform::CallAfter(0, [this, generation] {
    if (generation == adopt_generation_) TakeLater();
  });
}

// One older year decoded (not yet in the model: the summary's digest still stands in for it, so
// nothing on screen changes and nothing is derived again until every year is in).
void StorageSync::DecodeRunYearLater() {
  auto node = runs_later_.extract(runs_later_.begin());
  const std::vector<RunYearDigest>& unread = state_->model.unread_run_years;
  auto expected = std::find_if(unread.begin(), unread.end(),
                               [&](const RunYearDigest& d) { return RunsYearKey(d.year) == node.key(); });
  if (expected == unread.end()) return;  // the model was replaced meanwhile (a restored backup)
  DecodedRunYear read = DecodeRunYear(node.key(), node.mapped(), *expected, state_->model, decoded_.runs);
  decoded_.years.push_back(expected->year);
  decoded_.runs.insert(decoded_.runs.end(), std::make_move_iterator(read.runs.begin()),
                       std::make_move_iterator(read.runs.end()));
  for (DamagedDocument& d : read.damaged) runs_damaged_.push_back(std::move(d));
  if (read.summary_stale) rebuild_summary_ = true;
}

// Every older year decoded: in the model at once, through core's door (one new revision, so the
// summaries are derived again once, not once per year).
void StorageSync::TakeDecodedRuns() {
  if (decoded_.years.empty()) return;
  Action load(nlohmann::json{{"type", "load_runs"}, {"years", decoded_.years}});
  auto runs = std::make_shared<Model>();
  runs->runs = decoded_.runs;
  load.model = std::move(runs);
  Apply(*state_, load, ActionContext{});
  // What is stored holds the same runs: the model writes are compared against takes them too, or
  // the next write would write them again. A write in flight (years taken at once for an action)
  // makes its own model the stored one when it ends: they are added to that one then.
  if (Writing()) {
    taken_while_writing_.years.insert(taken_while_writing_.years.end(), decoded_.years.begin(), decoded_.years.end());
    taken_while_writing_.runs.insert(taken_while_writing_.runs.end(), std::make_move_iterator(decoded_.runs.begin()),
                                     std::make_move_iterator(decoded_.runs.end()));
  } else {
    AddToStoredModel(std::move(decoded_));
  }
  decoded_ = {};
}

void StorageSync::AddToStoredModel(DecodedYears years) {
  if (!stored_model_ || years.years.empty()) return;
  if (stored_model_.use_count() > 1) stored_model_ = std::make_shared<Model>(*stored_model_);
  auto& unread = stored_model_->unread_run_years;
  std::vector<int> taken;
  for (int year : years.years)
    if (std::erase_if(unread, [year](const RunYearDigest& d) { return d.year == year; })) taken.push_back(year);
  std::erase_if(years.runs, [&](const Run& run) { return !std::count(taken.begin(), taken.end(), int(run.date.year())); });
  AddRunsInIdOrder(stored_model_->runs, std::move(years.runs));
}

void StorageSync::RunsComplete() {
  TakeDecodedRuns();
  if (!series_later_ && all_loaded_ms_ < 0) all_loaded_ms_ = platform::NowMs();
  if (PlanRunsUpkeep()) WriteNext();
  platform::RequestFrame();
}

bool StorageSync::PlanRunsUpkeep() {
  // A write's commit drops the upkeep it carried: planned when none is in flight.
  if (Writing() || RunsLater() || (!rebuild_summary_ && runs_damaged_.empty())) return false;
  if (!upkeep_) upkeep_.emplace();
  KeepAside(std::move(runs_damaged_), earlier_damaged_keys_, *upkeep_);
  runs_damaged_.clear();
  // Rebuilt from the runs as stored (every year is in stored_model_ now).
  if (rebuild_summary_ && stored_model_)
    upkeep_->put[kRunSummaryKey] = RunSummaryDocument(SummarizeStoredRuns(*stored_model_));
  rebuild_summary_ = false;
  return true;
}

void StorageSync::TakeLater() {
  if (!first_frame_drawn_) return;
  if (!runs_text_later_.empty()) return;  // OnRunTexts goes on once their text is in
  if (runs_later_.empty()) {
    TakeSeries();
    return;
  }
  // One year per task (about 400 runs: a few ms here, some 25 ms on a phone 4x slower), and not
  // while a write is in flight: its model becomes the stored one when it commits.
  if (Writing()) return;
  double started = platform::NowMs();
  DecodeRunYearLater();
  if (runs_later_.empty()) TakeDecodedRuns();
  later_take_ms_ = std::max(later_take_ms_, platform::NowMs() - started);
  if (runs_later_.empty()) RunsComplete();
  unsigned generation = adopt_generation_;
  platform::CallAfter(0, [this, generation] {
    if (generation == adopt_generation_) TakeLater();
  });
}

void StorageSync::LoadSeries() {
  series_reading_ = true;
  unsigned generation = adopt_generation_;
  platform::StorageReadScope scope;
  scope.only_prefix = kSeriesPrefix;
  platform::StorageLoadAll(
      [this, generation](bool ok, std::map<std::string, std::string> docs, std::string) {
        OnSeriesLoaded(generation, ok, std::move(docs));
      },
      false, scope);
}

void StorageSync::OnSeriesLoaded(unsigned generation, bool ok, std::map<std::string, std::string> docs) {
  if (generation != adopt_generation_) return;  // a later read of everything has them
  series_reading_ = false;
  if (!ok) {  // the sessions keep their unread series (never written over); read again soon
    platform::CallAfter(kFirstRetryMs, [this, generation] {
      if (generation == adopt_generation_ && series_later_ && !series_reading_) LoadSeries();
    });
    return;
  }
  series_docs_ = std::move(docs);
  TakeLater();
}

void StorageSync::TakeSeries() {
  // A write in flight carries a model without them and becomes stored_model_ when it commits:
  // they are taken in after that, so what is stored and what this tab knows is stored agree.
  // A few at a time, one task each, so no task holds the page long (issue 17: at most 50 ms on a
  // phone 4x slower than this machine). Each step attaches its series to the state and to the
  // stored model together, so a write that starts between two steps sees them agree.
  if (!series_docs_ || Writing()) return;
  double started = platform::NowMs();
  std::map<std::string, std::string> slice;
  while (!series_docs_->empty() && slice.size() < kSeriesPerStep)
    slice.insert(series_docs_->extract(series_docs_->begin()));
  bool last = series_docs_->empty();
  DecodedSeries read = DecodeSeries(slice);
  std::set<Id> unread = state_->unread_series;  // as they were: load_series takes them out
  {
    Action load(nlohmann::json{{"type", "load_series"}, {"complete", last}});
    load.model = read.sessions;
    Apply(*state_, load, ActionContext{});  // the state takes a copy of each
  }
  // What is stored holds the same series: patch the model writes are compared against (it takes
  // the decoded series themselves), or the next write would write every series again.
  if (stored_model_) {
    if (stored_model_.use_count() > 1) stored_model_ = std::make_shared<Model>(*stored_model_);
    std::map<Id, CadenceSession*> by_id;
    for (CadenceSession& session : read.sessions->cadence_sessions) by_id[session.id] = &session;
    for (CadenceSession& session : stored_model_->cadence_sessions) {
      auto it = by_id.find(session.id);
      if (it != by_id.end() && session.series_spm.empty() && unread.count(session.id))
        session.series_spm = std::move(it->second->series_spm);
    }
  }
  for (DamagedDocument& d : read.damaged) series_damaged_.push_back(std::move(d));
  later_take_ms_ = std::max(later_take_ms_, platform::NowMs() - started);
  if (!last) {
    unsigned generation = adopt_generation_;
    platform::CallAfter(0, [this, generation] {
      if (generation == adopt_generation_) TakeSeries();
    });
    return;
  }
  series_docs_.reset();
  series_later_ = false;
  all_loaded_ms_ = platform::NowMs();
  if (!series_damaged_.empty()) {
    if (!upkeep_) upkeep_.emplace();
    KeepAside(std::move(series_damaged_), earlier_damaged_keys_, *upkeep_);
    series_damaged_.clear();
    WriteNext();
  }
  platform::RequestFrame();
}

// What waited for the write in flight: the years taken meanwhile join the stored model, their
// upkeep is planned (written by the next write: at once after a commit, by the retry after a
// failure), and what was read later is taken in.
void StorageSync::AfterWrite() {
  AddToStoredModel(std::move(taken_while_writing_));
  taken_while_writing_ = {};
  PlanRunsUpkeep();
  TakeLater();
}

}  // namespace sw
