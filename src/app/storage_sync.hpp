#pragma once
// Keeps the model and IndexedDB in step. Loads before anything is shown; writes each accepted
// change at once, in one transaction, counted as saved only when it commits; rebases on
// another tab's newer write (reload, re-apply this tab's unsaved actions, write again); moves
// unreadable documents aside under damaged/ before anything else is written, never overwriting
// them; rewrites a store found in the earlier layout in the current one, in one transaction.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/state.hpp"
#include "core/storage_codec.hpp"

namespace sw {

class StorageSync {
 public:
  enum class Status { Loading, Saved, Saving, Error };

  // Loads the stored model into `state` and calls `on_loaded` (on a later frame).
  void Start(AppState* state, std::function<void()> on_loaded);
  // After Apply() accepted `action` and changed the model: write it now.
  void OnModelChanged(const nlohmann::json& action, const ActionContext& context);

  // After a failed write (quota, I/O): try again. The app calls it on its retry timer frames.
  void RetryIfFailed();

  // A write of this tab's is waiting for its transaction, issued less than `within_ms` ago.
  bool AwaitingCommit(double now_ms, double within_ms) const {
    return writing_ && now_ms - write_started_ms_ < within_ms;
  }

  Status status() const { return status_; }
  bool loaded() const { return loaded_; }
  nlohmann::json ToJson() const;  // state().save
  // Unreadable documents found in this session, each kept aside under damaged/ (for export).
  struct Damaged {
    DamagedDocument document;
    std::string kept_as;
  };
  const std::vector<Damaged>& damaged() const { return damaged_; }

 private:
  struct PendingAction {
    nlohmann::json action;
    ActionContext context;
  };
  void Load(std::function<void(bool ok)> then, bool from_other_tab = false);
  // Changes of this tab not yet committed, a write in flight, or a rebase under way.
  bool Busy() const { return writing_ || rebasing_ || !pending_.empty() || upkeep_; }
  void WriteNext();
  void Rebase();

  AppState* state_ = nullptr;
  Status status_ = Status::Loading;
  bool loaded_ = false;
  bool writing_ = false;
  std::string error_;
  std::optional<long long> rev_;       // the stored revision our model is based on
  std::optional<Model> stored_model_;  // what that revision holds (nullopt: rewrite every part)
  // Store upkeep found on loading, written with (or before) the next change: unreadable parts
  // moved aside under damaged/, the earlier layout's documents removed.
  std::optional<StoreChanges> upkeep_;
  std::vector<PendingAction> pending_;  // accepted here but not yet committed
  std::vector<Damaged> damaged_;
  std::vector<std::string> earlier_damaged_keys_;  // kept aside by an earlier session
  std::optional<bool> persisted_;
  int conflicts_ = 0;
  bool retry_pending_ = false;
  bool rebasing_ = false;
  double decode_ms_ = 0;  // JSON text -> model, the last load
  double load_ms_ = 0, encode_ms_ = 0, last_save_ms_ = 0;
  double write_started_ms_ = 0;  // NowMs() when the write in flight was issued
  double last_commit_epoch_ms_ = 0, last_sync_epoch_ms_ = 0;  // Date.now() of our last commit / another tab's data applied
};

}  // namespace sw
