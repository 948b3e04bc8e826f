#include "core/import/readers/archive.hpp"

#include <algorithm>
#include <cstring>

#include <unzip.h>
#include <zlib.h>

namespace sw::import {

namespace {

constexpr std::size_t kChunk = 64 * 1024;

// Sizes for messages, rounded up: a limit is only ever exceeded by what is shown.
std::string MiB(std::uint64_t bytes) {
  if (bytes < (std::uint64_t{1} << 20)) return std::to_string((bytes + 1023) >> 10) + " KiB";
  return std::to_string((bytes + (std::uint64_t{1} << 20) - 1) >> 20) + " MiB";
}

// --- minizip over a memory buffer ------------------------------------------------------------
// minizip reads through a table of file functions; these serve the bytes the runner picked, so
// nothing touches a file system (the WebAssembly worker has none).
struct MemoryFile {
  const std::uint8_t* data = nullptr;
  std::uint64_t size = 0;
  std::uint64_t position = 0;
};

voidpf MemoryOpen(voidpf opaque, const void* /*filename*/, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  auto* file = static_cast<MemoryFile*>(opaque);
  file->position = 0;
  return file;
}

uLong MemoryRead(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size) {
  auto* file = static_cast<MemoryFile*>(stream);
  std::uint64_t left = file->position < file->size ? file->size - file->position : 0;
  std::uint64_t n = std::min<std::uint64_t>(size, left);
  if (n > 0) std::memcpy(buffer, file->data + file->position, std::size_t(n));
  file->position += n;
  return uLong(n);
}

uLong MemoryWrite(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T MemoryTell(voidpf /*opaque*/, voidpf stream) { return static_cast<MemoryFile*>(stream)->position; }

long MemorySeek(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* file = static_cast<MemoryFile*>(stream);
  std::uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = file->position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = file->size; break;
    default: return -1;
  }
  // Offsets come from the archive's own (possibly hostile) headers: never past the end.
  if (offset > file->size || base + offset > file->size) return -1;
  file->position = base + offset;
  return 0;
}

int MemoryClose(voidpf, voidpf) { return 0; }
int MemoryError(voidpf, voidpf) { return 0; }

}  // namespace

bool IsGzip(Bytes bytes) { return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b; }

bool IsZip(Bytes bytes) {
  return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
         ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
}

Unpacked Gunzip(Bytes bytes, std::uint64_t limit) {
  Unpacked out;
  z_stream stream{};
  // 16 + MAX_WBITS: gzip framing only (header, CRC-32 and length are checked by zlib).
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    out.error = "it could not be unpacked (zlib would not start)";
    return out;
  }
  stream.next_in = const_cast<Bytef*>(bytes.data());
  // The input is at most a few hundred MB (the caller's file); zlib's counters are uInt.
  stream.avail_in = uInt(std::min<std::size_t>(bytes.size(), 0xFFFFFFFFu));
  int status = Z_OK;
  while (true) {
    if (out.bytes.size() >= limit + 1) break;
    std::size_t before = out.bytes.size();
    std::size_t room = std::size_t(std::min<std::uint64_t>(kChunk, limit + 1 - before));
    out.bytes.resize(before + room);
    stream.next_out = out.bytes.data() + before;
    stream.avail_out = uInt(room);
    status = inflate(&stream, Z_NO_FLUSH);
    out.bytes.resize(before + (room - stream.avail_out));
    if (status == Z_STREAM_END) {
      // Another gzip member may follow (files joined with cat); anything else after is ignored.
      if (stream.avail_in >= 2 && stream.next_in[0] == 0x1f && stream.next_in[1] == 0x8b) {
        inflateReset(&stream);
        continue;
      }
      break;
    }
    if (status != Z_OK) break;  // Z_BUF_ERROR here means the input ended mid-stream
  }
  inflateEnd(&stream);
  if (out.bytes.size() > limit) {
    out.bytes.clear();
    out.error = "it unpacks to more than " + MiB(limit) + ", far more than any activity file, so it was not unpacked";
  } else if (status != Z_STREAM_END) {
    out.bytes.clear();
    out.error = status == Z_BUF_ERROR ? "it is cut short (the gzip data ends too early)"
                                      : "it is damaged (the gzip data is not valid)";
  }
  return out;
}

struct ZipArchive::State {
  MemoryFile file;
  zlib_filefunc64_def functions{};
  unzFile zip = nullptr;
  std::vector<unz64_file_pos> positions;
};

ZipArchive::ZipArchive(Bytes bytes) : state_(std::make_unique<State>()) {
  // An empty archive is its end record alone ("PK\5\6", 0 entries). minizip takes an end record
  // at offset 0 for "not found", so it is recognised here.
  if (bytes.size() >= 22 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 5 && bytes[3] == 6 &&
      bytes[10] == 0 && bytes[11] == 0 && std::size_t(22 + bytes[20] + (bytes[21] << 8)) == bytes.size()) {
    return;
  }
  state_->file = {bytes.data(), bytes.size(), 0};
  state_->functions = {MemoryOpen, MemoryRead, MemoryWrite, MemoryTell, MemorySeek, MemoryClose, MemoryError,
                       &state_->file};
  state_->zip = unzOpen2_64("memory", &state_->functions);
  if (!state_->zip) {
    error_ = "it is not a zip archive Stridewise can open (damaged, cut short, or split into parts)";
    return;
  }
  unz_global_info64 info{};
  if (unzGetGlobalInfo64(state_->zip, &info) != UNZ_OK) {
    error_ = "its table of contents is damaged";
    return;
  }
  if (info.number_entry > kMaxZipEntries) {
    error_ = "it lists " + std::to_string(info.number_entry) + " entries, more than an export holds (" +
             std::to_string(kMaxZipEntries) + " at most)";
    return;
  }
  if (info.number_entry == 0) return;  // an empty archive: no entries, no error
  int status = unzGoToFirstFile(state_->zip);
  while (status == UNZ_OK) {
    unz_file_info64 file_info{};
    if (unzGetCurrentFileInfo64(state_->zip, &file_info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      status = UNZ_BADZIPFILE;
      break;
    }
    std::string name(file_info.size_filename, '\0');
    if (unzGetCurrentFileInfo64(state_->zip, &file_info, name.data(), uLong(name.size()), nullptr, 0, nullptr, 0) !=
        UNZ_OK) {
      status = UNZ_BADZIPFILE;
      break;
    }
    name.resize(std::strlen(name.c_str()));  // a NUL inside a stored name ends it
    unz64_file_pos position{};
    unzGetFilePos64(state_->zip, &position);
    ZipEntry entry;
    entry.directory = !name.empty() && (name.back() == '/' || name.back() == '\\');
    entry.name = std::move(name);
    entry.size = file_info.uncompressed_size;
    entry.encrypted = (file_info.flag & 1) != 0;
    entries_.push_back(std::move(entry));
    state_->positions.push_back(position);
    if (entries_.size() > kMaxZipEntries) break;
    status = unzGoToNextFile(state_->zip);
  }
  if (status != UNZ_END_OF_LIST_OF_FILE && status != UNZ_OK) {
    entries_.clear();
    state_->positions.clear();
    error_ = "its table of contents is damaged";
  }
}

ZipArchive::~ZipArchive() {
  if (state_ && state_->zip) unzClose(state_->zip);
}

Unpacked ZipArchive::Read(std::size_t index, std::uint64_t limit) {
  Unpacked out;
  if (!state_->zip || index >= entries_.size()) {
    out.error = "it is not in the archive";
    return out;
  }
  if (entries_[index].encrypted) {
    out.error = "it is encrypted (password-protected)";
    return out;
  }
  if (entries_[index].size > limit) {
    out.error = "it is " + MiB(entries_[index].size) + " unpacked, over the " + MiB(limit) +
                " Stridewise unpacks for one file, so it was not read";
    return out;
  }
  if (unzGoToFilePos64(state_->zip, &state_->positions[index]) != UNZ_OK ||
      unzOpenCurrentFile(state_->zip) != UNZ_OK) {
    out.error = "it is damaged or packed in a way Stridewise cannot unpack";
    return out;
  }
  // Read in chunks up to the limit, whatever size the archive claimed: a lying header must not
  // make us inflate without end.
  int n = 0;
  while (out.bytes.size() <= limit) {
    std::size_t before = out.bytes.size();
    out.bytes.resize(before + kChunk);
    n = unzReadCurrentFile(state_->zip, out.bytes.data() + before, unsigned(kChunk));
    out.bytes.resize(before + std::size_t(std::max(n, 0)));
    if (n <= 0) break;
  }
  int closed = unzCloseCurrentFile(state_->zip);
  if (out.bytes.size() > limit) {
    out.bytes.clear();
    out.error = "it unpacks to more than " + MiB(limit) + " although the archive claims " +
                MiB(entries_[index].size) + " (a damaged or hostile archive), so it was not read";
  } else if (n < 0) {
    out.bytes.clear();
    out.error = "it is damaged (its packed data is not valid)";
  } else if (closed == UNZ_CRCERROR) {
    out.bytes.clear();
    out.error = "it is damaged (its checksum does not match)";
  }
  return out;
}

}  // namespace sw::import
