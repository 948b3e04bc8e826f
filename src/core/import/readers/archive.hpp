#pragma once
// gzip and zip from memory (zlib's inflate; minizip's unzip over a memory buffer), with limits
// against "zip bombs": a few hundred bytes can claim, or truly inflate to, gigabytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/import/readers/readers.hpp"

namespace sw::import {

// No activity file or activities.csv comes near 64 MiB unpacked (a 24-hour GPX is ~30 MB); a
// Strava export of several thousand activities stays well under 1 GiB in all.
inline constexpr std::uint64_t kMaxEntryBytes = std::uint64_t{64} << 20;
inline constexpr std::uint64_t kMaxArchiveBytes = std::uint64_t{1} << 30;
inline constexpr std::size_t kMaxZipEntries = 100000;

bool IsGzip(Bytes bytes);  // 1f 8b
bool IsZip(Bytes bytes);   // "PK\3\4" (an entry) or "PK\5\6" (an empty archive)

struct Unpacked {
  std::vector<std::uint8_t> bytes;
  std::string error;  // plain words, without the file's name: "it is damaged (...)"
};

// Inflates gzip data (all members, when several are joined). Stops with an error rather than
// produce more than `limit` bytes.
Unpacked Gunzip(Bytes bytes, std::uint64_t limit = kMaxEntryBytes);

struct ZipEntry {
  std::string name;             // as stored: "activities/123.fit.gz"
  std::uint64_t size = 0;       // uncompressed, as the archive claims (checked while reading)
  bool directory = false;
  bool encrypted = false;
};

// A zip archive read from memory: the entry list at construction, an entry's bytes on request.
// `bytes` must outlive the reader.
class ZipArchive {
 public:
  explicit ZipArchive(Bytes bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::string& error() const { return error_; }  // set when the archive cannot be opened
  const std::vector<ZipEntry>& entries() const { return entries_; }
  // The entry's bytes, at most `limit` (more -> an error, whatever the archive claims).
  Unpacked Read(std::size_t index, std::uint64_t limit = kMaxEntryBytes);

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::vector<ZipEntry> entries_;
  std::string error_;
};

}  // namespace sw::import
