// StorageSync's writes: what goes into the next one (WriteNext), and its parts encoded and issued
// as one IndexedDB transaction (ContinueWrite). Its answer is OnWriteDone, in storage_sync.cpp.
// See storage_sync.hpp.
#include "storage_sync.hpp"

#include <cstddef>
#include <memory>
#include <string>

#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace sw {
namespace {

// A big write (a restored backup, an import of years) is encoded in slices of about this long,
// one task each, so the page keeps drawing.
constexpr double kWriteSliceMs = 8;
// A write of at most this many parts (a change to a record or two: its year of runs, the summary,
// settings, the shoes) is encoded and issued in the event that made it, however long that takes:
// a reload or a closed tab right after must find its transaction issued. Sliced by time, such a
// write was lost when the page's first, cold encoding (baseline wasm code) took over 8 ms.
constexpr std::size_t kPartsIssuedAtOnce = 12;

}  // namespace

void StorageSync::WriteNext() {
  if (!readable_ || writing_ || rebasing_ || !state_) return;  // never write a store we have not read
  if (pending_.empty() && !upkeep_) {
    if (missed_notice_ && !syncing_) {
      missed_notice_ = false;
      Load(LoadKind::OtherTab);
    }
    return;
  }
  writing_ = true;
  rebased_write_ = rebase_loaded_;
  fresh_write_ = fresh_change_;  // a retry's write holds no frame up
  fresh_change_ = false;
  write_started_ms_ = platform::NowMs();
  auto job = std::make_shared<WriteJob>();
  job->id = platform::StorageNewWrite();
  job->request.expect_rev = rev_;
  job->request.rev = rev_.value_or(0) + 1;
  job->actions = int(pending_.size());
  job->model = Model(state_->model);
  job->unread_series = state_->unread_series;
  job->encoder.emplace(stored_model_ ? &*stored_model_ : nullptr, job->model, &job->unread_series);
  job->upkeep = upkeep_;
  encode_ms_ = 0;
  ContinueWrite(job);  // a usual change is encoded and issued right here, in this event
}

void StorageSync::ContinueWrite(const std::shared_ptr<WriteJob>& job) {
  double slice_started = platform::NowMs();
  // Each part goes to the bridge as soon as it is encoded. A big change (a restored backup)
  // continues in the next task once a slice has taken kWriteSliceMs, so the page keeps drawing;
  // the transaction itself is still one, issued whole at the end.
  while (!job->encoder->Done()) {
    StoreChanges part;
    std::string key = job->encoder->Step(part);
    platform::StorageStage(job->id, key, part.put[key], part.binary.count(key) > 0);
    job->written.insert(key);
    if (!job->encoder->Done() && job->encoder->Parts() > kPartsIssuedAtOnce &&
        platform::NowMs() - slice_started > kWriteSliceMs) {
      encode_ms_ += platform::NowMs() - slice_started;
      platform::CallAfter(0, [this, job] { ContinueWrite(job); });
      return;
    }
  }
  platform::StorageWriteRequest& request = job->request;
  request.remove = job->encoder->removals();
  if (job->upkeep) {
    for (const auto& [key, value] : job->upkeep->put) {
      // A derived part this change rewrites (the run summary, the sessions) is newer than the
      // upkeep's copy, made when the store was read.
      if (job->written.count(key)) continue;
      platform::StorageStage(job->id, key, value, job->upkeep->binary.count(key) > 0);
      job->written.insert(key);
    }
    // A key rewritten in this transaction is replaced, not removed.
    for (const std::string& key : job->upkeep->remove)
      if (!job->written.count(key)) request.remove.push_back(key);
  }
  encode_ms_ += platform::NowMs() - slice_started;
  platform::StorageWrite(request, [this, job](platform::StorageWriteOutcome outcome, std::string error) {
    OnWriteDone(*job, outcome, error);
  }, job->id);
}

}  // namespace sw
