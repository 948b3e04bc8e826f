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

void StorageLoadAll(StorageLoadCallback done);
void StorageWrite(const StorageWriteRequest& request, StorageWriteCallback done);
// Another tab committed a write: `changed` runs (on a frame) so this tab can reload.
void StorageWatch(std::function<void()> changed);
// navigator.storage.persist(): `answer(supported, granted)`.
void StorageRequestPersist(std::function<void(bool supported, bool granted)> answer);
// Runs the callbacks whose results arrived since the last frame. The app calls it each frame.
void StorageDrain();

}  // namespace sw::platform
