#pragma once
// Durable key -> document store (IndexedDB in the browser). A document is text, or bytes when
// its key is listed in `binary` (stored as a Uint8Array; read back byte for byte). Every call answers through its
// callback on a later frame, never synchronously, and "saved" means the transaction committed.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sw::platform {

struct StorageWriteRequest {
  std::optional<long long> expect_rev;  // the revision this write is based on (nullopt: empty store)
  long long rev = 0;                    // the revision stored with it
  std::map<std::string, std::string> put;
  std::set<std::string> binary;  // keys in `put` to store as bytes
  std::vector<std::string> remove;
};

enum class StorageWriteOutcome { Committed, Conflict, Failed };

using StorageLoadCallback =
    std::function<void(bool ok, std::map<std::string, std::string> docs, std::string error)>;
using StorageWriteCallback = std::function<void(StorageWriteOutcome outcome, std::string error)>;

// Which documents a load reads: every one (both empty), every one but those whose key starts
// with `skip_prefix`, or only those whose key starts with `only_prefix` (then without "rev").
struct StorageReadScope {
  std::string skip_prefix;
  std::string only_prefix;
};
// Reads the documents in `scope` and the latest revision, in one read transaction.
// `fresh_connection`: give up on a connection still opening (an open that never answered) and
// open a new one. The first load takes the read web/storage_preload.js started while the app
// downloaded, when that read's scope is the same.
void StorageLoadAll(StorageLoadCallback done, bool fresh_connection = false, const StorageReadScope& scope = {});
// The first load (the one web/storage_preload.js started) may leave older years of runs for a
// second part of the same read transaction: their keys come as one more document under
// kLaterKeysDoc (a JSON list), and StorageLoadLater() answers with their text, once.
inline constexpr const char* kLaterKeysDoc = "\x01later";
void StorageLoadLater(StorageLoadCallback done);
// The write is checked against the stored revision itself, inside its transaction: it commits
// only if the latest stored revision is still `expect_rev`, otherwise the outcome is Conflict.
// With `staged_write`, the documents staged under it (StorageStage) are written too.
void StorageWrite(const StorageWriteRequest& request, StorageWriteCallback done, int staged_write = 0);
// A big write is handed over a document at a time, across several tasks: a new write's id, then
// each document (copied at once), then StorageWrite(..., id) puts them all in one transaction.
int StorageNewWrite();
void StorageStage(int write, const std::string& key, const std::string& value, bool binary);
// The latest stored revision alone (cheap): `done(ok, rev)`, rev nullopt for an empty store.
void StorageLatestRev(std::function<void(bool ok, std::optional<long long> rev)> done);
// `changed(rev)` runs when another tab committed revision `rev`, and with nullopt when the page
// becomes visible again (a notice may have been missed meanwhile: check the stored revision).
void StorageWatch(std::function<void(std::optional<long long> rev)> changed);
// This tab's slot for new ids (0 .. kTabSlots-1), held for the page's lifetime so no other open
// tab has it (a Web Lock); known once the first load has answered.
inline constexpr int kTabSlots = 16;
int StorageTabSlot();
// navigator.storage.persist(): `answer(supported, granted)`.
void StorageRequestPersist(std::function<void(bool supported, bool granted)> answer);
// Runs the callbacks whose results arrived since the last frame. The app calls it each frame.
void StorageDrain();

}  // namespace sw::platform
