#include "storage_sync.hpp"

#include <chrono>
#include <ctime>

#include "core/actions.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace sw {
namespace {

// Wall-clock ms (Date.now()): comparable between tabs, unlike performance.now().
double EpochMs() {
  using namespace std::chrono;
  return double(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

std::string TimeStamp() {
  std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  return text;
}

const char* StatusId(StorageSync::Status status) {
  switch (status) {
    case StorageSync::Status::Loading: return "loading";
    case StorageSync::Status::Saved: return "saved";
    case StorageSync::Status::Saving: return "saving";
    case StorageSync::Status::Error: return "error";
  }
  return "error";
}

}  // namespace

void StorageSync::Start(AppState* state, std::function<void()> on_loaded) {
  state_ = state;
  status_ = Status::Loading;
  double started = platform::NowMs();
  Load([this, started, on_loaded = std::move(on_loaded)](bool ok) {
    load_ms_ = platform::NowMs() - started;
    loaded_ = true;
    if (ok && status_ == Status::Loading) status_ = Status::Saved;
    on_loaded();
    platform::StorageWatch([this] {
      // Another tab committed. With nothing of ours in flight, take its data now; otherwise our
      // next write meets the new revision and rebases.
      if (!Busy()) Load([](bool) {}, /*from_other_tab=*/true);
    });
    platform::StorageRequestPersist([this](bool supported, bool granted) {
      if (supported) persisted_ = granted;
      platform::RequestFrames(1);
    });
  });
}

void StorageSync::Load(std::function<void(bool ok)> then, bool from_other_tab) {
  platform::StorageLoadAll([this, then = std::move(then), from_other_tab](bool ok, std::map<std::string, std::string> docs,
                                                          std::string error) {
    if (!ok) {
      // The app still opens with an empty model; nothing is written over what could not be read.
      status_ = Status::Error;
      error_ = "Your saved data could not be read (" + error + "). Nothing has been changed.";
      then(false);
      return;
    }
    // Another tab's data arrived while this tab has changes of its own in flight: drop it. Our
    // write then meets the newer revision and rebases onto it (never the other way round, which
    // would show, and later save, a model without our change).
    if (from_other_tab && Busy()) return;
    if (from_other_tab) last_sync_epoch_ms_ = EpochMs();
    double decode_started = platform::NowMs();
    DecodedStore decoded = DecodeStore(docs);
    decode_ms_ = platform::NowMs() - decode_started;
    earlier_damaged_keys_ = decoded.kept_aside;
    upkeep_.reset();
    if (!decoded.damaged.empty() || decoded.needs_rewrite) {
      // Move each unreadable document aside (same bytes, new key, in one transaction) before
      // anything could overwrite it; drop the earlier layout's documents once all is rewritten.
      StoreChanges upkeep;
      std::string stamp = TimeStamp();
      for (DamagedDocument& d : decoded.damaged) {
        std::string key = DamagedKey(d.key, stamp);
        upkeep.put[key] = d.text;
        if (d.binary) upkeep.binary.insert(key);
        upkeep.remove.push_back(d.key);
        damaged_.push_back({std::move(d), key});
      }
      for (const std::string& key : decoded.obsolete_keys) upkeep.remove.push_back(key);
      upkeep_ = std::move(upkeep);
    }
    rev_ = decoded.rev;
    if (decoded.needs_rewrite) stored_model_.reset();
    else stored_model_ = decoded.model;
    state_->model = std::move(decoded.model);
    platform::RequestFrames(2);
    then(true);
    WriteNext();  // the upkeep, if any (no-op when a rebase has already started its write)
  });
}

void StorageSync::OnModelChanged(const nlohmann::json& action, const ActionContext& context) {
  pending_.push_back({action, context});
  if (!writing_) WriteNext();
}

void StorageSync::WriteNext() {
  if ((pending_.empty() && !upkeep_) || !state_ || writing_) return;
  writing_ = true;
  status_ = Status::Saving;
  platform::StorageWriteRequest request;
  request.expect_rev = rev_;
  request.rev = rev_.value_or(0) + 1;
  StoreChanges changes = EncodeStoreChanges(stored_model_ ? &*stored_model_ : nullptr, state_->model);
  if (upkeep_) {
    for (const auto& [key, value] : upkeep_->put) changes.put[key] = value;
    changes.binary.insert(upkeep_->binary.begin(), upkeep_->binary.end());
    // A key rewritten in this transaction is replaced, not removed.
    for (const std::string& key : upkeep_->remove)
      if (!changes.put.count(key)) changes.remove.push_back(key);
  }
  request.put = std::move(changes.put);
  request.binary = std::move(changes.binary);
  request.remove = std::move(changes.remove);
  double write_started = platform::NowMs();
  write_started_ms_ = write_started;
  int actions_in_write = int(pending_.size());
  Model written = state_->model;
  long long new_rev = request.rev;
  encode_ms_ = platform::NowMs() - write_started;
  platform::StorageWrite(request, [this, actions_in_write, written = std::move(written), new_rev, write_started](
                                      platform::StorageWriteOutcome outcome, std::string error) mutable {
    writing_ = false;
    last_save_ms_ = platform::NowMs() - write_started;
    if (outcome == platform::StorageWriteOutcome::Committed) {
      rev_ = new_rev;
      last_commit_epoch_ms_ = EpochMs();
      stored_model_ = std::move(written);
      upkeep_.reset();
      pending_.erase(pending_.begin(), pending_.begin() + std::min<int>(actions_in_write, int(pending_.size())));
      error_.clear();
      status_ = pending_.empty() ? Status::Saved : Status::Saving;
      if (!pending_.empty()) WriteNext();
    } else if (outcome == platform::StorageWriteOutcome::Conflict) {
      ++conflicts_;
      Rebase();
    } else {
      status_ = Status::Error;
      error_ = "Not saved: " + error + ". Your changes are kept in this tab; Stridewise tries again.";
      platform::RequestFrameAfter(5000);
      retry_pending_ = true;
    }
    platform::RequestFrames(2);
  });
}

void StorageSync::Rebase() {
  std::vector<PendingAction> mine = std::move(pending_);
  pending_.clear();
  rebasing_ = true;
  Load([this, mine = std::move(mine)](bool ok) {
    rebasing_ = false;
    if (!ok) {
      pending_ = mine;  // keep them: the next change or retry writes them
      retry_pending_ = true;
      return;
    }
    std::vector<std::string> dropped;
    for (const PendingAction& p : mine) {
      ActionResult result = Apply(*state_, p.action, p.context);
      if (result.ok) pending_.push_back(p);
      else dropped.push_back(result.error);
    }
    if (!dropped.empty()) {
      error_ = "Another tab changed the same data; one change could not be applied: " + dropped.front();
    }
    if (pending_.empty()) status_ = dropped.empty() ? Status::Saved : Status::Error;
    else WriteNext();
  });
}

void StorageSync::RetryIfFailed() {
  if (retry_pending_ && !writing_) {
    retry_pending_ = false;
    WriteNext();
  }
}

nlohmann::json StorageSync::ToJson() const {
  nlohmann::json out = {{"status", StatusId(status_)}};
  if (!error_.empty()) out["error"] = error_;
  out["persisted"] = persisted_ ? nlohmann::json(*persisted_) : nlohmann::json(nullptr);
  if (rev_) out["rev"] = *rev_;
  if (!damaged_.empty()) {
    nlohmann::json damaged = nlohmann::json::array();
    for (const Damaged& d : damaged_)
      damaged.push_back({{"key", d.document.key}, {"reason", d.document.reason}, {"kept_as", d.kept_as}});
    out["damaged"] = damaged;
  }
  if (!earlier_damaged_keys_.empty()) out["kept_aside_earlier"] = earlier_damaged_keys_;
  out["conflicts_resolved"] = conflicts_;
  // Measured figures for the storage benchmark: reading + decoding everything at start, and
  // the last write from encoding to the committed transaction.
  out["timing"] = {{"load_ms", load_ms_}, {"load_decode_ms", decode_ms_}, {"last_encode_ms", encode_ms_}, {"last_save_ms", last_save_ms_},
                   {"last_commit_at", last_commit_epoch_ms_}, {"last_sync_at", last_sync_epoch_ms_}};
  return out;
}

}  // namespace sw
