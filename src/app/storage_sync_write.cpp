// StorageSync's writes: what goes into the next one (WriteNext), a change made while one is in
// flight (ChainNext), the revision each stores (NextRevision), and the parts encoded and issued as
// one IndexedDB transaction (ContinueWrite). The answer is OnWriteDone, in storage_sync.cpp.
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
// Revision numbers step by this: a tab holding id slot s (0-15, a Web Lock) numbers its writes
// k*32 + s, a tab without one k*32 + 16 + its own pick, k one more than its base's.
constexpr long long kRevisionStride = 2 * platform::kTabSlots;

}  // namespace

// The bridge checks a write against the stored head by demoting the marker of the revision it is
// based on, found by that number. With numbers only their writer can take, a write may be based
// on one of ours not yet committed (ChainNext): if that one never landed, no marker of that number
// is the head, and the chained write fails as a conflict instead of landing on another tab's data.
long long StorageSync::NextRevision(std::optional<long long> base) const {
  long long step = base.value_or(0) / kRevisionStride + 1;
  return step * kRevisionStride + (HoldsSlot() ? 0 : platform::kTabSlots) + id_space().slot;
}

bool StorageSync::HoldsSlot() const {
  int slot = platform::StorageTabSlot();
  return slot >= 0 && slot < platform::kTabSlots;
}

void StorageSync::WriteNext() {
  if (!readable_ || rebasing_ || !state_) return;  // never write a store we have not read
  if (Writing()) {
    ChainNext();
    return;
  }
  if (pending_.empty() && !upkeep_) {
    if (missed_notice_ && !syncing_) {
      missed_notice_ = false;
      Load(LoadKind::OtherTab);
    }
    return;
  }
  rebased_write_ = rebase_loaded_;
  fresh_write_ = fresh_change_;  // a retry's write holds no frame up
  fresh_change_ = false;
  std::shared_ptr<WriteJob> job = NewWrite(rev_, stored_model_ ? &*stored_model_ : nullptr, int(pending_.size()));
  in_flight_ = job;
  job->id = platform::StorageNewWrite();
  job->upkeep = upkeep_;
  encode_ms_ = 0;
  ContinueWrite(job);  // a usual change is encoded and issued right here, in this event
}

// Waiting for the write in flight to commit, a change would live in this tab alone until then: a
// reload or a closed tab in that moment (seconds, after an import of years) would lose it. It is
// written now instead, based on the revision the write in flight stores, encoded against what
// that write stores; IndexedDB runs the two transactions in the order they were made. If the
// first does not commit, this one fails as a conflict (NextRevision), and the rebase or retry
// writes both changes again. Only a small change is chained (a big one waits, as it is sliced),
// only one at a time, and only by a tab whose revision numbers are its own.
void StorageSync::ChainNext() {
  const std::shared_ptr<WriteJob> base = in_flight_;
  if (!base || !base->issued || chained_ || !HoldsSlot()) return;
  if (int(pending_.size()) <= base->actions) return;  // nothing new since that write
  std::shared_ptr<WriteJob> job = NewWrite(base->request.rev, &base->model, int(pending_.size()) - base->actions);
  if (job->encoder->Parts() > kPartsIssuedAtOnce) return;  // a big change waits for the commit
  job->id = platform::StorageNewWrite();
  chained_ = job;
  fresh_write_ = fresh_write_ || fresh_change_;
  fresh_change_ = false;
  ContinueWrite(job);  // whole, in this event: never sliced (at most kPartsIssuedAtOnce parts)
}

// The model as it is now, to be written over `base` (what revision `expect` stores), saving the
// first `actions` pending actions.
std::shared_ptr<StorageSync::WriteJob> StorageSync::NewWrite(std::optional<long long> expect, const Model* base,
                                                             int actions) {
  auto job = std::make_shared<WriteJob>();
  job->started_ms = platform::NowMs();
  job->request.expect_rev = expect;
  job->request.rev = NextRevision(expect);
  job->actions = actions;
  job->model = Model(state_->model);
  job->unread_series = state_->unread_series;
  job->encoder.emplace(base, job->model, &job->unread_series);
  return job;
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
  job->encoder.reset();  // done; it points into the model of the write this one is based on
  job->issued = true;
  platform::StorageWrite(request, [this, job](platform::StorageWriteOutcome outcome, std::string error) {
    OnWriteDone(*job, outcome, error);
  }, job->id);
}

}  // namespace sw
