#pragma once
// Test controls for the native platform (native_storage.cpp, native_platform.cpp): native tests
// of the app's logic (tests/unit/storage_sync_test.cpp) play the browser with these. The store
// keeps the same contract as IndexedDB through web/lib/storage.js: documents and the head
// revision apart ("rev" is handed over with a load, as the bridge does), a write whose
// expect_rev is not the head is a Conflict, a write lands whole or not at all, and every answer
// runs later, from DrainStorage() (the app's StorageDrain each frame), never inside the call.
//
// The clock: NowMs() reads the OS clock until Reset(), a fake one from then on that moves only
// with AdvanceMs(), which also runs the CallAfter() timers that fall due, in time order.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sw::platform::native_test {

// Empties the store, drops every queued or held answer, failure, timer and watcher, and starts
// the fake clock at 0. Call it at the start of each test.
void Reset();

// ---- Storage answers -----------------------------------------------------------------------
// Runs the answers queued so far, and any they queue in turn, at most `limit` (so two sides
// that keep answering each other - a write that conflicts for ever - fail a test, not hang it).
// Returns how many ran.
int DrainStorage(int limit = 10000);
// The next `count` loads answer ok=false with `error` (as IndexedDB's UnknownError would).
void FailLoads(std::string error, int count = 1);
// The next `count` writes answer Failed with `error` (the disk is full): nothing is written.
void FailWrites(std::string error, int count = 1);
// While silent, storage takes requests and never answers them (an open that hangs). They are
// held: ReleaseHeld() answers them after all (reading the store as it is then).
void SetSilent(bool silent);
void ReleaseHeld();
int HeldRequests();
// The next first read (a load skipping a prefix, as the preload's) hands `keys` over in a second
// part of the same snapshot, as web/storage_preload.js does with the older years of runs: their
// names under kLaterKeysDoc, their text from StorageLoadLater (answered on a later drain).
void LeaveForLater(std::set<std::string> keys);
// The id slot this tab holds (0 after Reset); -1: none (no Web Locks, or every slot taken).
void SetTabSlot(int slot);
// Counts since Reset(): loads asked for, writes asked for and writes committed.
int LoadCount();
int WriteCount();
int CommitCount();

// ---- The stored documents ------------------------------------------------------------------
// Raw documents as stored, without the revision (that is StoredRev()).
const std::map<std::string, std::string>& Docs();
std::optional<std::string> Doc(const std::string& key);
// Keys stored as bytes (a Uint8Array in IndexedDB), as the writer asked.
const std::set<std::string>& BinaryKeys();
std::optional<long long> StoredRev();
// Puts documents (and removes keys) straight into the store, no revision check, no notice: an
// earlier session's data, an earlier layout, a damaged part. `rev` sets the head revision.
void PutDocs(const std::map<std::string, std::string>& docs, std::optional<long long> rev,
             const std::vector<std::string>& remove = {});
// Another tab's commit: writes `put` and `remove` whole, makes head + 1 the head and, like its
// BroadcastChannel message, queues the StorageWatch callback with that revision. Returns it.
long long CommitFromOtherTab(const std::map<std::string, std::string>& put,
                             const std::vector<std::string>& remove = {}, bool notify = true);
// Queues the StorageWatch callback as the bridge would: with a revision another tab committed,
// or with nullopt (the page became visible again). False when nothing watches yet.
bool NotifyWatch(std::optional<long long> rev);

// ---- Clock and timers ----------------------------------------------------------------------
// Moves the fake clock on by `ms`, running each CallAfter() timer that falls due meanwhile
// (NowMs() reads its due time while it runs; timers they add run too if due in time).
void AdvanceMs(double ms);
// A slow phone: each NowMs() read moves the fake clock on by `ms_per_read` after it, so all
// work that times itself takes that long (0, as after Reset(): the clock stands still).
void SetSlowClock(double ms_per_read);
// Today() answers `day` (nullopt: the OS's local date again, as after Reset()).
void SetToday(std::optional<std::chrono::year_month_day> day);
// Timers not yet run, and the delay until the soonest (nullopt: none).
int PendingTimers();
std::optional<double> NextTimerInMs();

// Internal: the halves of Reset() in each file.
void ResetStorage();
void ResetClock();

}  // namespace sw::platform::native_test
