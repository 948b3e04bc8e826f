#pragma once
// Restoring a backup from a picked file without holding up the page:
//   1. CheckBackupFileStart: the file's size and first bytes only, before the rest is read. A
//      file over kMaxBackupBytes, or one that does not start like a JSON document (a video, a
//      zip, a PDF, a GPX), is refused at once.
//   2. In a Web Worker (src/worker/backup_parser.cpp): ParseBackup, then PackBackup: the model
//      as the parts the store keeps (storage_codec.hpp; the cadence series as raw floats, each
//      session's fields a part of its own), in one buffer the worker hands over without copying.
//   3. On the page: BackupUnpacker reads that buffer one part per Step(), a few per frame, and
//      Finish() checks that the model holds what the worker counted. Nothing is applied until
//      the runner confirms; then the model replaces everything in one action (import_backup
//      with `prepared`, actions_backup.cpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/storage/backup.hpp"
#include "core/storage/storage_codec.hpp"

namespace sw {

// How many first bytes CheckBackupFileStart looks at: a backup starts with "{" (after an optional
// byte-order mark and a little white space).
inline constexpr std::size_t kBackupHeadBytes = 1024;

// "" when the file may be a backup (the worker then reads all of it), or why it is refused,
// naming the file: "run.gpx is not a Stridewise backup (it does not start like one). ...".
// `head` is the file's first bytes (up to kBackupHeadBytes), `size` its whole size in bytes.
std::string CheckBackupFileStart(std::string_view name, std::uint64_t size, std::string_view head);

// A parsed backup (ok) as one buffer: the counts of its summary and the file's schema, then
// every part of EncodeStoreChanges(nullptr, model), each session's fields under CadenceKey.
std::string PackBackup(const ParsedBackup& backup);

class BackupUnpacker {
 public:
  explicit BackupUnpacker(std::string packed);
  // Every part read, or a problem found (Finish says which).
  bool Done() const { return pos_ >= packed_.size() || !error_.empty(); }
  // Reads the next part (one store document: at most a year of runs, or one session's series).
  void Step();
  // After Done(): the model (ok), or why the buffer could not be read back whole (!ok).
  ParsedBackup Finish();

 private:
  std::string packed_;
  std::size_t pos_ = 0;
  std::string error_;
  BackupSummary expected_;
  int schema_ = 0;
  StoreDecoder decoder_;
};

}  // namespace sw
