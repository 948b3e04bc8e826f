// FIT (Garmin's binary activity format), decoded here rather than with a library: the import
// worker's WebAssembly stays small, and only the handful of fields Stridewise shows are read.
// One pass over the bytes: each definition message becomes a small table of where the wanted
// fields sit in its data messages, and each data message reads just those (for records, only the
// timestamp that compressed-timestamp headers count from). One activity per session message;
// laps go to sessions by time. A file without a session (cut short before its summary) takes a
// second pass that reads its records instead. A file cut short or damaged gives what was read
// before the damage, with a plain sentence saying so.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/import/activity.hpp"
#include "core/import/readers/fit_profile.hpp"
#include "core/import/readers/readers.hpp"
#include "core/model/dates.hpp"

namespace sw::import {

namespace {

constexpr std::size_t kHeaderWithoutCrc = 12;
constexpr std::size_t kHeaderWithCrc = 14;
constexpr std::size_t kCrcSize = 2;

// FIT's CRC-16: the SDK's table-driven update, four bits at a time.
constexpr std::array<std::uint16_t, 16> kCrcNibbleTable = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00,
                                                           0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
                                                           0x5000, 0x9C01, 0x8801, 0x4400};

constexpr std::uint16_t CrcUpdateByNibbles(std::uint16_t crc, std::uint8_t byte) {
  std::uint16_t tmp = kCrcNibbleTable[crc & 0xF];
  crc = std::uint16_t(((crc >> 4) & 0x0FFF) ^ tmp ^ kCrcNibbleTable[byte & 0xF]);
  tmp = kCrcNibbleTable[crc & 0xF];
  crc = std::uint16_t(((crc >> 4) & 0x0FFF) ^ tmp ^ kCrcNibbleTable[(byte >> 4) & 0xF]);
  return crc;
}

// The same CRC four bytes at a time ("slicing by 4"; it is linear, so
// update(crc, b) = crc >> 8 ^ update(0, (crc ^ b) & 0xFF)), with the tables built from the nibble
// update so the two cannot disagree. The checksum pass is most of a session-only read, and this
// makes it several times faster than the nibble loop.
constexpr std::array<std::array<std::uint16_t, 256>, 4> kCrcSliceTables = [] {
  std::array<std::array<std::uint16_t, 256>, 4> tables{};
  for (unsigned i = 0; i < 256; ++i) tables[0][i] = CrcUpdateByNibbles(0, std::uint8_t(i));
  for (unsigned k = 1; k < 4; ++k)
    for (unsigned i = 0; i < 256; ++i)
      tables[k][i] = std::uint16_t((tables[k - 1][i] >> 8) ^ tables[0][tables[k - 1][i] & 0xFF]);
  return tables;
}();
static_assert(CrcUpdateByNibbles(0x1234, 0xAB) == ((0x1234 >> 8) ^ kCrcSliceTables[0][(0x1234 ^ 0xAB) & 0xFF]));

std::uint16_t FitCrc(const std::uint8_t* data, std::size_t size) {
  const auto& t = kCrcSliceTables;
  std::uint32_t crc = 0;
  std::size_t i = 0;
  for (; i + 4 <= size; i += 4) {
    const std::uint32_t x = crc ^ (std::uint32_t(data[i]) | std::uint32_t(data[i + 1]) << 8 |
                                   std::uint32_t(data[i + 2]) << 16 | std::uint32_t(data[i + 3]) << 24);
    crc = t[3][x & 0xFF] ^ t[2][(x >> 8) & 0xFF] ^ t[1][(x >> 16) & 0xFF] ^ t[0][x >> 24];
  }
  for (; i < size; ++i) crc = (crc >> 8) ^ t[0][(crc ^ data[i]) & 0xFF];
  return std::uint16_t(crc);
}

std::uint32_t ReadLe32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

// Size and "absent" value of each base type (index = base type number & 0x1F). Strings, and
// base type numbers the profile does not define, are never read as numbers.
struct BaseType {
  std::uint8_t size;
  bool is_signed;
  std::uint64_t invalid;
};
constexpr std::array<BaseType, fit::base_type::kCount> kBaseTypes = {{
    {1, false, 0xFF},                   // enum
    {1, true, 0x7F},                    // sint8
    {1, false, 0xFF},                   // uint8
    {2, true, 0x7FFF},                  // sint16
    {2, false, 0xFFFF},                 // uint16
    {4, true, 0x7FFFFFFF},              // sint32
    {4, false, 0xFFFFFFFF},             // uint32
    {1, false, 0},                      // string (never read as a number)
    {4, false, 0xFFFFFFFF},             // float32: all bits set
    {8, false, 0xFFFFFFFFFFFFFFFF},     // float64: all bits set
    {1, false, 0},                      // uint8z
    {2, false, 0},                      // uint16z
    {4, false, 0},                      // uint32z
    {1, false, 0xFF},                   // byte
    {8, true, 0x7FFFFFFFFFFFFFFF},      // sint64
    {8, false, 0xFFFFFFFFFFFFFFFF},     // uint64
    {8, false, 0},                      // uint64z
}};

// Where one wanted field sits in a data message. size 0: the message does not have it.
struct Slot {
  std::uint16_t offset = 0;  // a message's fields total at most 255 * 255 bytes
  std::uint8_t size = 0;
  std::uint8_t base_type = 0;
};

enum class Kind : std::uint8_t { kOther, kFileId, kSport, kSession, kLap, kRecord, kEvent, kActivity };

// Slot indexes, per kind. Sessions and laps want the same things under different field numbers.
enum SummarySlot { kStartTime, kSportSlot, kSubSportSlot, kElapsed, kTimer, kDistance, kCadence, kFractionalCadence };
enum FileIdSlot { kFileType, kManufacturer, kProduct, kTimeCreated };
enum RecordSlot { kRecordDistance, kRecordCompressedSpeedDistance, kRecordCadence, kRecordFractionalCadence };
enum EventSlot { kEventEvent, kEventType };
enum ActivitySlot { kLocalTimestamp };
constexpr std::size_t kSlotCount = 8;

Kind KindOf(std::uint16_t global_number) {
  switch (global_number) {
    case fit::mesg::kFileId: return Kind::kFileId;
    case fit::mesg::kSport: return Kind::kSport;
    case fit::mesg::kSession: return Kind::kSession;
    case fit::mesg::kLap: return Kind::kLap;
    case fit::mesg::kRecord: return Kind::kRecord;
    case fit::mesg::kEvent: return Kind::kEvent;
    case fit::mesg::kActivity: return Kind::kActivity;
    default: return Kind::kOther;
  }
}

// The slot a field fills in a message of this kind, or -1 when the reader has no use for it.
int SlotOf(Kind kind, std::uint8_t field_number) {
  namespace f = fit::field;
  switch (kind) {
    case Kind::kFileId:
      switch (field_number) {
        case f::kFileIdType: return kFileType;
        case f::kFileIdManufacturer: return kManufacturer;
        case f::kFileIdProduct: return kProduct;
        case f::kFileIdTimeCreated: return kTimeCreated;
      }
      return -1;
    case Kind::kSport:
      if (field_number == f::kSportSport) return kSportSlot;
      if (field_number == f::kSportSubSport) return kSubSportSlot;
      return -1;
    case Kind::kSession:
      switch (field_number) {
        case f::kSessionStartTime: return kStartTime;
        case f::kSessionSport: return kSportSlot;
        case f::kSessionSubSport: return kSubSportSlot;
        case f::kSessionTotalElapsedTime: return kElapsed;
        case f::kSessionTotalTimerTime: return kTimer;
        case f::kSessionTotalDistance: return kDistance;
        case f::kSessionAvgCadence: return kCadence;
        case f::kSessionAvgFractionalCadence: return kFractionalCadence;
      }
      return -1;
    case Kind::kLap:
      switch (field_number) {
        case f::kLapStartTime: return kStartTime;
        case f::kLapSport: return kSportSlot;
        case f::kLapSubSport: return kSubSportSlot;
        case f::kLapTotalElapsedTime: return kElapsed;
        case f::kLapTotalTimerTime: return kTimer;
        case f::kLapTotalDistance: return kDistance;
        case f::kLapAvgCadence: return kCadence;
        case f::kLapAvgFractionalCadence: return kFractionalCadence;
      }
      return -1;
    case Kind::kRecord:
      switch (field_number) {
        case f::kRecordDistance: return kRecordDistance;
        case f::kRecordCompressedSpeedDistance: return kRecordCompressedSpeedDistance;
        case f::kRecordCadence: return kRecordCadence;
        case f::kRecordFractionalCadence: return kRecordFractionalCadence;
      }
      return -1;
    case Kind::kEvent:
      if (field_number == f::kEventEvent) return kEventEvent;
      if (field_number == f::kEventEventType) return kEventType;
      return -1;
    case Kind::kActivity:
      return field_number == f::kActivityLocalTimestamp ? kLocalTimestamp : -1;
    case Kind::kOther:
      return -1;
  }
  return -1;
}

struct Definition {
  bool defined = false;
  bool big_endian = false;
  Kind kind = Kind::kOther;
  std::uint32_t size = 0;  // bytes of one data message after its header, developer fields included
  Slot timestamp;
  std::array<Slot, kSlotCount> slots{};
};

// The first element of a numeric field, or nullopt when it holds the base type's "absent" value,
// is negative (no field read here can be), or is not a finite number.
std::optional<double> ReadNumber(const std::uint8_t* message, Slot slot, bool big_endian) {
  if (slot.size == 0) return std::nullopt;
  const BaseType& type = kBaseTypes[slot.base_type];
  const std::uint8_t* p = message + slot.offset;
  std::uint64_t raw = 0;
  for (std::uint8_t i = 0; i < type.size; ++i) {
    const std::uint8_t byte = big_endian ? p[i] : p[type.size - 1 - i];
    raw = raw << 8 | byte;
  }
  if (raw == type.invalid) return std::nullopt;
  double value;
  if (slot.base_type == fit::base_type::kFloat32) {
    // memcpy, not std::bit_cast: Emscripten 3.1.6's libc++ has no bit_cast.
    const std::uint32_t bits = std::uint32_t(raw);
    float f = 0;
    std::memcpy(&f, &bits, sizeof f);
    value = double(f);
  } else if (slot.base_type == fit::base_type::kFloat64) {
    std::memcpy(&value, &raw, sizeof value);
  } else if (type.is_signed) {
    const unsigned shift = 64u - 8u * type.size;
    value = double(std::int64_t(raw << shift) >> shift);
  } else {
    value = double(raw);
  }
  if (!std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

// A date_time field as FIT seconds (whole seconds; a fraction in a float field is dropped).
std::optional<std::uint32_t> ReadTime(const std::uint8_t* message, Slot slot, bool big_endian) {
  std::optional<double> value = ReadNumber(message, slot, big_endian);
  if (!value || *value >= 4294967295.0) return std::nullopt;
  return std::uint32_t(*value);
}

std::optional<std::uint8_t> ReadEnum(const std::uint8_t* message, Slot slot, bool big_endian) {
  std::optional<double> value = ReadNumber(message, slot, big_endian);
  if (!value || *value > 254) return std::nullopt;
  return std::uint8_t(*value);
}

std::optional<double> Scaled(std::optional<double> raw, double scale) {
  if (!raw) return std::nullopt;
  return *raw / scale;
}

// A session or a lap: the same few fields, scaled to metres and seconds.
struct Summary {
  std::optional<std::uint32_t> start_time;
  std::optional<std::uint32_t> timestamp;  // when it was written: its end
  std::optional<std::uint8_t> sport;
  std::optional<std::uint8_t> sub_sport;
  std::optional<double> distance_m;
  std::optional<double> moving_s;
  std::optional<double> elapsed_s;
  std::optional<double> cadence;  // rpm as the file gives it: strides per minute when running
};

Summary ReadSummary(const Definition& def, const std::uint8_t* m, std::optional<std::uint32_t> time) {
  const auto& s = def.slots;
  const bool be = def.big_endian;
  Summary out;
  out.start_time = ReadTime(m, s[kStartTime], be);
  out.timestamp = time;
  out.sport = ReadEnum(m, s[kSportSlot], be);
  out.sub_sport = ReadEnum(m, s[kSubSportSlot], be);
  out.distance_m = Scaled(ReadNumber(m, s[kDistance], be), 100);
  out.moving_s = Scaled(ReadNumber(m, s[kTimer], be), 1000);
  out.elapsed_s = Scaled(ReadNumber(m, s[kElapsed], be), 1000);
  // A cadence of 0 means no sensor counted steps, not a runner standing still for the whole lap.
  std::optional<double> whole = ReadNumber(m, s[kCadence], be);
  if (whole && *whole > 0) {
    out.cadence = *whole + Scaled(ReadNumber(m, s[kFractionalCadence], be), 128).value_or(0);
  }
  return out;
}

struct FileId {
  std::optional<std::uint8_t> type;
  std::optional<std::uint16_t> manufacturer;
  std::optional<std::uint16_t> product;
};

// What the records say, for a file cut short before its session was written.
struct RecordTrail {
  std::optional<std::uint32_t> first_time;
  std::optional<std::uint32_t> last_time;
  std::optional<double> last_distance_m;
  double cadence_sum = 0;
  std::uint32_t cadence_count = 0;
  // compressed_speed_distance's 12-bit distance, accumulated across its roll-overs (1/16 m).
  std::optional<std::uint16_t> last_compressed_distance;
  std::uint64_t accumulated_sixteenths = 0;
  // The timer's running spans, from timer start and stop events: the moving time.
  std::optional<std::uint32_t> timer_running_since;
  double timer_total_s = 0;
  bool timer_seen = false;
};

// kUnfinished: the device never closed the file (see DecodeFile), so it has no CRC or known end.
enum class Stop { kComplete, kTruncated, kDamaged, kUnfinished };

struct Decoded {
  bool have_file_id = false;
  FileId file_id;
  std::optional<std::uint8_t> sport;  // the sport message's, for a file without sessions
  std::optional<std::uint8_t> sub_sport;
  std::vector<Summary> sessions;
  std::vector<Summary> laps;
  std::optional<std::uint32_t> activity_time;
  std::optional<std::uint32_t> activity_local_time;
  RecordTrail trail;
  Stop stop = Stop::kComplete;
  std::size_t stop_offset = 0;     // where reading stopped when damaged
  std::uint64_t missing_bytes = 0;  // when truncated: how many the header promised beyond the end
  bool checksum_mismatch = false;
};

bool IsFitHeaderAt(Bytes bytes, std::size_t pos) {
  if (bytes.size() < pos + kHeaderWithoutCrc) return false;
  const std::uint8_t header_size = bytes[pos];
  if (header_size != kHeaderWithoutCrc && header_size != kHeaderWithCrc) return false;
  return std::memcmp(bytes.data() + pos + 8, ".FIT", 4) == 0;
}

// Reads every message's timestamp (compressed headers count from it) and the summaries. Records'
// and timer events' values are only collected when asked: they matter only for a file without a
// session, which is rare, so that case pays for a second pass and the usual one skips them.
class Decoder {
 public:
  Decoder(Bytes bytes, bool collect_records) : bytes_(bytes), collect_records_(collect_records) {}

  Decoded Run() {
    std::size_t pos = 0;
    // Chained FIT files (a triathlon watch's activity followed by its heart rate files) are
    // complete files end to end: keep going after each one's CRC while another header follows.
    while (IsFitHeaderAt(bytes_, pos) && out_.stop == Stop::kComplete) pos = DecodeFile(pos);
    return std::move(out_);
  }

 private:
  // Reads one FIT file starting at `pos`; returns where the next one would start.
  std::size_t DecodeFile(std::size_t start) {
    const std::uint8_t* base = bytes_.data();
    const std::size_t size = bytes_.size();
    const std::size_t header_size = base[start];
    const std::uint32_t data_size = ReadLe32(base + start + 4);
    // A watch that stops before closing its file (a flat battery) leaves the data size at 0, the
    // value it wrote first: the data then runs to the end of the bytes, with no CRC. An empty
    // file's CRC, or another chained file, right after the header is not that.
    unfinished_ = data_size == 0 && size > start + header_size + kCrcSize &&
                  !IsFitHeaderAt(bytes_, start + header_size + kCrcSize);
    // 64-bit: a damaged header may claim up to 4 GB, which would wrap a WebAssembly size_t.
    const std::uint64_t data_end = unfinished_ ? size : std::uint64_t(start) + header_size + data_size;
    if (start + header_size > size) return Truncate(data_end + kCrcSize - size);
    if (header_size == kHeaderWithCrc) {
      const std::uint16_t header_crc = std::uint16_t(base[start + 12] | base[start + 13] << 8);
      // A header CRC of 0 means the writer did not compute one (the protocol allows it).
      if (header_crc != 0 && header_crc != FitCrc(base + start, kHeaderWithoutCrc)) out_.checksum_mismatch = true;
    }
    for (auto& def : definitions_) def = Definition{};
    last_time_.reset();

    std::size_t pos = start + header_size;
    while (pos < data_end) {
      if (pos >= size) return Truncate(data_end + kCrcSize - size);
      const std::uint8_t header = base[pos];
      if (header & fit::kCompressedTimestampHeader) {
        const Definition& def = definitions_[(header >> 5) & 0x3];
        if (!def.defined) return Damage(pos);
        if (!FitsBefore(pos, 1 + std::size_t(def.size), data_end)) return RunsPastEnd(pos, data_end);
        // The low five bits are the seconds past the last full timestamp, rolled over at 32.
        std::optional<std::uint32_t> time;
        if (last_time_) {
          const std::uint32_t offset = header & 0x1F;
          std::uint32_t t = (*last_time_ & ~std::uint32_t{0x1F}) + offset;
          if (offset < (*last_time_ & 0x1F)) t += 0x20;
          time = t;
          last_time_ = t;
        }
        Handle(def, base + pos + 1, time);
        pos += 1 + std::size_t(def.size);
      } else if (header & fit::kDefinitionHeader) {
        std::optional<std::size_t> next = ReadDefinition(pos, data_end, header);
        if (!next) return RunsPastEnd(pos, data_end);
        pos = *next;
      } else {
        const Definition& def = definitions_[header & fit::kLocalTypeMask];
        if (!def.defined) return Damage(pos);
        if (!FitsBefore(pos, 1 + std::size_t(def.size), data_end)) return RunsPastEnd(pos, data_end);
        Handle(def, base + pos + 1, std::nullopt);
        pos += 1 + std::size_t(def.size);
      }
    }
    if (unfinished_) return Unfinished();
    if (data_end + kCrcSize > size) return Truncate(data_end + kCrcSize - size);
    const std::uint16_t stored_crc = std::uint16_t(base[data_end] | base[data_end + 1] << 8);
    if (stored_crc != FitCrc(base + start, std::size_t(data_end) - start)) out_.checksum_mismatch = true;
    return std::size_t(data_end) + kCrcSize;
  }

  // Whether `length` bytes from `pos` lie inside both the file's data and the bytes at hand.
  bool FitsBefore(std::size_t pos, std::size_t length, std::uint64_t data_end) const {
    return std::uint64_t(pos) + length <= data_end && std::uint64_t(pos) + length <= bytes_.size();
  }

  // A message runs past the end: of the bytes (the file was cut short, or never finished and
  // cut mid-message) or, with bytes still there, past the data size the header gave (the file is
  // inconsistent from here on).
  std::size_t RunsPastEnd(std::size_t pos, std::uint64_t data_end) {
    if (unfinished_) return Unfinished();
    if (data_end > bytes_.size()) return Truncate(data_end + kCrcSize - bytes_.size());
    return Damage(pos);
  }
  std::size_t Unfinished() {
    out_.stop = Stop::kUnfinished;
    return bytes_.size();
  }
  std::size_t Truncate(std::uint64_t missing) {
    out_.stop = Stop::kTruncated;
    out_.missing_bytes = missing;
    return bytes_.size();
  }
  std::size_t Damage(std::size_t pos) {
    out_.stop = Stop::kDamaged;
    out_.stop_offset = pos;
    return bytes_.size();
  }

  // Returns the position after the definition, or nullopt when it runs past the data.
  std::optional<std::size_t> ReadDefinition(std::size_t pos, std::uint64_t data_end, std::uint8_t header) {
    const std::uint8_t* base = bytes_.data();
    // header, reserved, architecture, global message number (2), number of fields
    if (!FitsBefore(pos, 6, data_end)) return std::nullopt;
    Definition def;
    def.big_endian = base[pos + 2] != 0;
    const std::uint16_t global_number = def.big_endian ? std::uint16_t(base[pos + 3] << 8 | base[pos + 4])
                                                       : std::uint16_t(base[pos + 4] << 8 | base[pos + 3]);
    def.kind = KindOf(global_number);
    const std::size_t field_count = base[pos + 5];
    std::size_t p = pos + 6;
    if (!FitsBefore(p, field_count * 3, data_end)) return std::nullopt;
    std::uint32_t offset = 0;
    for (std::size_t i = 0; i < field_count; ++i, p += 3) {
      const std::uint8_t number = base[p];
      const std::uint8_t size = base[p + 1];
      const std::uint8_t type = base[p + 2] & fit::base_type::kMask;
      // Only numeric fields at least one element long are read; the rest are skipped by size.
      const bool readable = type < fit::base_type::kCount && type != fit::base_type::kString &&
                            size >= kBaseTypes[type].size;
      const Slot slot{std::uint16_t(offset), size, type};
      if (number == fit::field::kTimestamp) {
        if (readable) def.timestamp = slot;
      } else if (int index = SlotOf(def.kind, number); index >= 0) {
        // compressed_speed_distance is a byte array read by bits, not a number.
        const bool bytes_field = def.kind == Kind::kRecord && index == kRecordCompressedSpeedDistance;
        if (bytes_field ? size >= 3 : readable) def.slots[std::size_t(index)] = slot;
      }
      offset += size;
    }
    if (header & fit::kDeveloperDataFlag) {
      if (!FitsBefore(p, 1, data_end)) return std::nullopt;
      const std::size_t developer_count = base[p++];
      if (!FitsBefore(p, developer_count * 3, data_end)) return std::nullopt;
      // Developer fields (a Stryd pod's power, say) are not read: only their bytes are skipped.
      for (std::size_t i = 0; i < developer_count; ++i, p += 3) offset += base[p + 1];
    }
    def.size = offset;
    def.defined = true;
    definitions_[header & fit::kLocalTypeMask] = def;
    return p;
  }

  void Handle(const Definition& def, const std::uint8_t* m, std::optional<std::uint32_t> time) {
    if (def.timestamp.size) {
      if (std::optional<std::uint32_t> t = ReadTime(m, def.timestamp, def.big_endian)) {
        time = t;
        last_time_ = t;
      }
    }
    const auto& s = def.slots;
    const bool be = def.big_endian;
    switch (def.kind) {
      case Kind::kRecord:
        if (collect_records_) AddRecord(def, m, time);
        break;
      case Kind::kSession: out_.sessions.push_back(ReadSummary(def, m, time)); break;
      case Kind::kLap: out_.laps.push_back(ReadSummary(def, m, time)); break;
      case Kind::kEvent:
        if (collect_records_) AddEvent(def, m, time);
        break;
      case Kind::kActivity:
        out_.activity_time = time;
        out_.activity_local_time = ReadTime(m, s[kLocalTimestamp], be);
        break;
      case Kind::kFileId:
        // The first file's id names the device; a chained heart rate file's does not.
        if (!out_.have_file_id) {
          out_.have_file_id = true;
          out_.file_id.type = ReadEnum(m, s[kFileType], be);
          if (auto v = ReadNumber(m, s[kManufacturer], be); v && *v < 65535) out_.file_id.manufacturer = std::uint16_t(*v);
          if (auto v = ReadNumber(m, s[kProduct], be); v && *v < 65535) out_.file_id.product = std::uint16_t(*v);
        }
        break;
      case Kind::kSport:
        if (!out_.sport) {
          out_.sport = ReadEnum(m, s[kSportSlot], be);
          out_.sub_sport = ReadEnum(m, s[kSubSportSlot], be);
        }
        break;
      case Kind::kOther: break;
    }
  }

  void AddRecord(const Definition& def, const std::uint8_t* m, std::optional<std::uint32_t> time) {
    RecordTrail& trail = out_.trail;
    const auto& s = def.slots;
    if (time) {
      if (!trail.first_time) trail.first_time = time;
      trail.last_time = time;
    }
    if (std::optional<double> cm = ReadNumber(m, s[kRecordDistance], def.big_endian)) {
      trail.last_distance_m = *cm / 100;
    } else if (s[kRecordCompressedSpeedDistance].size) {
      const std::uint8_t* p = m + s[kRecordCompressedSpeedDistance].offset;
      if (!(p[0] == 0xFF && p[1] == 0xFF && p[2] == 0xFF)) {
        const std::uint16_t distance = std::uint16_t((p[1] >> 4) | (p[2] << 4));
        if (trail.last_compressed_distance) {
          trail.accumulated_sixteenths += std::uint16_t(distance - *trail.last_compressed_distance) & 0xFFF;
        } else {
          trail.accumulated_sixteenths = distance;
        }
        trail.last_compressed_distance = distance;
        trail.last_distance_m = double(trail.accumulated_sixteenths) / 16;
      }
    }
    std::optional<double> cadence = ReadNumber(m, s[kRecordCadence], def.big_endian);
    if (cadence && *cadence > 0) {
      trail.cadence_sum += *cadence + Scaled(ReadNumber(m, s[kRecordFractionalCadence], def.big_endian), 128).value_or(0);
      ++trail.cadence_count;
    }
  }

  void AddEvent(const Definition& def, const std::uint8_t* m, std::optional<std::uint32_t> time) {
    if (!time || ReadEnum(m, def.slots[kEventEvent], def.big_endian) != fit::event::kTimer) return;
    std::optional<std::uint8_t> type = ReadEnum(m, def.slots[kEventType], def.big_endian);
    if (!type) return;
    RecordTrail& trail = out_.trail;
    namespace et = fit::event_type;
    if (*type == et::kStart) {
      if (!trail.timer_running_since) trail.timer_running_since = time;
      trail.timer_seen = true;
    } else if (*type == et::kStop || *type == et::kStopAll || *type == et::kStopDisable ||
               *type == et::kStopDisableAll) {
      if (trail.timer_running_since && *time >= *trail.timer_running_since)
        trail.timer_total_s += double(*time - *trail.timer_running_since);
      trail.timer_running_since.reset();
      trail.timer_seen = true;
    }
  }

  Bytes bytes_;
  bool collect_records_;
  bool unfinished_ = false;  // this file's header gave no data size
  std::array<Definition, 16> definitions_{};
  std::optional<std::uint32_t> last_time_;  // the last full timestamp, for compressed headers
  Decoded out_;
};

// ---------------------------------------------------------------------------------------------
// From decoded messages to activities.

std::chrono::sys_seconds ToSysSeconds(std::uint32_t fit_time) {
  return std::chrono::sys_seconds{std::chrono::seconds{std::int64_t(fit_time) + fit::kFitEpochUnix}};
}

std::string SportInFile(std::optional<std::uint8_t> sport) {
  if (!sport) return "";
  if (*sport < std::size(fit::kSportNames)) return std::string(fit::kSportNames[*sport]);
  return std::to_string(*sport);
}

std::string_view NormalisedSport(std::optional<std::uint8_t> sport, std::optional<std::uint8_t> sub_sport) {
  namespace v = fit::sport_value;
  namespace sub = fit::sub_sport_value;
  if (!sport) return sport::kOther;
  switch (*sport) {
    case v::kRunning:
      if (sub_sport == sub::kTreadmill) return sport::kTreadmillRun;
      if (sub_sport == sub::kTrail) return sport::kTrailRun;
      if (sub_sport == sub::kTrack) return sport::kTrackRun;
      return sport::kRun;
    case v::kCycling: return sport::kRide;
    case v::kSwimming: return sport::kSwim;
    case v::kWalking: return sport::kWalk;
    case v::kHiking: return sport::kHike;
    case v::kMultisport: return sport::kMultisport;
    default: return sport::kOther;
  }
}

// FIT cadence counts one foot (strides) on foot, so steps are twice it; a bike's or a swimmer's
// cadence is pedal or arm strokes, which are not steps at all.
bool CadenceIsStrides(std::optional<std::uint8_t> sport) {
  namespace v = fit::sport_value;
  return sport == v::kRunning || sport == v::kWalking || sport == v::kHiking;
}

std::optional<double> StepsPerMinute(std::optional<double> cadence, std::optional<std::uint8_t> sport) {
  if (!cadence || !CadenceIsStrides(sport)) return std::nullopt;
  return 2 * *cadence;
}

std::string_view ManufacturerName(std::uint16_t manufacturer) {
  switch (manufacturer) {
    case fit::manufacturer::kGarmin:
    case fit::manufacturer::kGarminFr405Antfs: return "Garmin";
    case fit::manufacturer::kDynastreamOem:
    case fit::manufacturer::kDynastream: return "Dynastream";
    case fit::manufacturer::kTacx: return "Tacx";
    case 16: return "Timex";
    case 23: return "Suunto";
    case 32: return "Wahoo";
    case 95: return "Stryd";
    case 123: return "Polar";
    case 260: return "Zwift";
    case 265: return "Strava";
    case 267: return "Bryton";
    case 289: return "Hammerhead";
    case 294: return "COROS";
    case 310: return "Decathlon";
    default: return "";
  }
}

// garmin_product names for the devices in the shared sample files and a few common running
// watches; others are named by number.
std::string_view GarminProductName(std::uint16_t product) {
  switch (product) {
    case 1: return "HRM1";
    case 717: return "Forerunner 405";
    case 1018: return "Forerunner 310XT";
    case 1036: return "Edge 500";
    case 1124: return "Forerunner 110";
    case 1328: return "Forerunner 910XT";
    case 1436: return "Forerunner 70";
    case 1623: return "Forerunner 620";
    case 1632: return "Forerunner 220";
    case 1765: return "Forerunner 920XT";
    case 1967: return "fenix 2";
    case 2050: return "fenix 3";
    case 2153: return "Forerunner 225";
    case 2157: return "Forerunner 230";
    case 2431: return "Forerunner 235";
    case 2691: return "Forerunner 935";
    case 2697: return "fenix 5";
    case 2886: return "Forerunner 645";
    case 2888: return "Forerunner 645 Music";
    case 3076: return "Forerunner 245";
    case 3113: return "Forerunner 945";
    case 3290: return "fenix 6";
    case 3589: return "Forerunner 745";
    case 3869: return "Forerunner 55";
    case 3906: return "fenix 7";
    case 3992: return "Forerunner 255";
    case 4024: return "Forerunner 955";
    case 4315: return "Forerunner 965";
    case 65534: return "Connect";
    default: return "";
  }
}

std::string DeviceName(const FileId& id) {
  if (!id.manufacturer) return "";
  const std::uint16_t maker = *id.manufacturer;
  std::string name(ManufacturerName(maker));
  if (name.empty()) return "FIT manufacturer " + std::to_string(maker);
  namespace m = fit::manufacturer;
  const bool garmin_numbered = maker == m::kGarmin || maker == m::kGarminFr405Antfs || maker == m::kDynastream ||
                               maker == m::kDynastreamOem || maker == m::kTacx;
  if (garmin_numbered && id.product) {
    std::string_view product = GarminProductName(*id.product);
    return product.empty() ? name + " product " + std::to_string(*id.product) : name + " " + std::string(product);
  }
  return name;
}

std::string_view FileTypeName(std::uint8_t type) {
  switch (type) {
    case 1: return "device description";
    case 2: return "settings";
    case 3: return "sport settings";
    case 5: return "workout";
    case 6: return "course";
    case 7: return "schedule";
    case 9: return "weight";
    case 10: return "totals";
    case 11: return "goals";
    case 14: return "blood pressure";
    case 15:
    case 28:
    case 32: return "daily monitoring";
    case 34: return "segment";
    default: return "";
  }
}

// start_time, or for a writer that left it out, the end (the message's timestamp) less the
// elapsed time.
std::optional<std::uint32_t> StartOf(const Summary& summary) {
  if (summary.start_time) return summary.start_time;
  if (summary.timestamp && summary.elapsed_s && *summary.elapsed_s <= double(*summary.timestamp))
    return *summary.timestamp - std::uint32_t(std::llround(*summary.elapsed_s));
  return std::nullopt;
}

ImportedLap ToLap(const Summary& lap, std::optional<std::uint8_t> sport) {
  ImportedLap out;
  if (std::optional<std::uint32_t> start = StartOf(lap)) out.start_utc = ToSysSeconds(*start);
  out.distance_m = lap.distance_m;
  out.moving_s = lap.moving_s;
  out.elapsed_s = lap.elapsed_s;
  out.cadence_spm = StepsPerMinute(lap.cadence, sport);
  return out;
}

// The session a lap belongs to: the last one started at or before the lap (a multisport leg's
// lap starts the same second as the leg, within the previous leg's fractional elapsed time, so
// "latest start" decides where a start..start+elapsed window would not). A lap with no start is
// placed by when it was written; one before every session goes to the first.
std::size_t SessionOfLap(const Summary& lap, const std::vector<Summary>& sessions) {
  const std::optional<std::uint32_t> start_of_lap = StartOf(lap);
  const std::optional<std::uint32_t> when = start_of_lap ? start_of_lap : lap.timestamp;
  std::size_t best = 0;
  if (!when) return best;
  std::optional<std::uint32_t> best_start;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const std::optional<std::uint32_t> start = StartOf(sessions[i]);
    if (start && *start <= *when && (!best_start || *start >= *best_start)) {
      best = i;
      best_start = start;
    }
  }
  return best;
}

constexpr const char* kEndsBeforeSummary =
    "The file ends early: no summary was saved, so distance and time come from the recorded points.";

std::string DamageSentence(const Decoded& d, std::size_t file_size, bool from_records) {
  if (d.stop == Stop::kUnfinished) {
    if (from_records) return kEndsBeforeSummary;
    return "The device did not finish writing the file; everything in it was read.";
  }
  if (d.stop == Stop::kTruncated) {
    if (from_records) return kEndsBeforeSummary;
    return "The file ends early (" + std::to_string(d.missing_bytes) +
           " bytes are missing); everything before the cut was read.";
  }
  if (d.stop == Stop::kDamaged) {
    const std::string where = "byte " + std::to_string(d.stop_offset) + " of " + std::to_string(file_size);
    if (from_records)
      return "Part of the file could not be read (from " + where +
             " on) and no summary came before it, so distance and time come from the recorded points.";
    return "Part of the file could not be read: it stops making sense at " + where + ", so only what came before was used.";
  }
  if (from_records) return "The file has no summary, so distance and time come from the recorded points.";
  return "";
}

// Problems every activity of the file shares.
std::vector<std::string> FileProblems(const Decoded& d, std::size_t file_size, bool from_records,
                                      std::optional<std::uint32_t> start_time) {
  std::vector<std::string> problems;
  if (std::string damage = DamageSentence(d, file_size, from_records); !damage.empty()) problems.push_back(damage);
  // Only a complete file's checksum can be compared; a cut-short one already says so.
  if (d.checksum_mismatch && d.stop == Stop::kComplete)
    problems.push_back("The file's check sum does not match its contents, so some values may be wrong.");
  if (start_time && *start_time < fit::kFirstRealDateTime) {
    std::string sentence = "The device's clock was not set, so the start it records (" +
                           FormatDate(Date{std::chrono::floor<std::chrono::days>(ToSysSeconds(*start_time))}) +
                           ") is not the real date.";
    // Some watches kept local time while their UTC clock was unset: that tells the real day.
    if (d.activity_local_time && *d.activity_local_time >= fit::kFirstRealDateTime) {
      const auto local = ToSysSeconds(*d.activity_local_time);
      const auto day = std::chrono::floor<std::chrono::days>(local);
      const std::chrono::hh_mm_ss clock{local - day};
      char hhmm[16];
      std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", int(clock.hours().count()), int(clock.minutes().count()));
      sentence += " Its local clock read " + FormatDate(Date{day}) + " " + hhmm + " when the activity was saved.";
    }
    problems.push_back(sentence);
  }
  return problems;
}

std::optional<int> UtcOffset(const Decoded& d) {
  if (!d.activity_time || !d.activity_local_time) return std::nullopt;
  const std::int64_t offset = std::int64_t(*d.activity_local_time) - std::int64_t(*d.activity_time);
  // Time zones lie within -12 h..+14 h; anything else is a clock that was not set.
  if (offset < -12 * 3600 || offset > 14 * 3600) return std::nullopt;
  return int(offset);
}

std::string NoActivityError(const Decoded& d, std::size_t file_size) {
  const std::string prefix = "The FIT file holds no activity: ";
  if (d.file_id.type && *d.file_id.type != fit::file_type::kActivity) {
    std::string_view name = FileTypeName(*d.file_id.type);
    return prefix + (name.empty() ? "it is a FIT file of type " + std::to_string(*d.file_id.type)
                                  : "it is a " + std::string(name) + " file") +
           ", not a recorded workout.";
  }
  if (d.stop == Stop::kTruncated)
    return prefix + "it ends early (" + std::to_string(d.missing_bytes) + " bytes are missing), before any workout was saved.";
  if (d.stop == Stop::kDamaged)
    return prefix + "it is damaged from byte " + std::to_string(d.stop_offset) + " of " + std::to_string(file_size) +
           " on, before any workout was saved.";
  return prefix + "it has no workout summary and no recorded points.";
}

ImportedActivity BaseActivity(std::string_view file_name, const Decoded& d) {
  ImportedActivity a;
  a.file = std::string(file_name);
  a.format = "fit";
  a.utc_offset_s = UtcOffset(d);
  a.device = DeviceName(d.file_id);
  return a;
}

}  // namespace

ReadResult ReadFit(Bytes bytes, std::string_view file_name) {
  ReadResult result;
  if (!IsFitHeaderAt(bytes, 0)) {
    result.error = "This is not a FIT file.";
    return result;
  }
  Decoded d = Decoder(bytes, /*collect_records=*/false).Run();
  if (d.sessions.empty()) d = Decoder(bytes, /*collect_records=*/true).Run();

  if (!d.sessions.empty()) {
    std::vector<std::vector<const Summary*>> laps_of(d.sessions.size());
    for (const Summary& lap : d.laps) laps_of[SessionOfLap(lap, d.sessions)].push_back(&lap);
    for (std::size_t i = 0; i < d.sessions.size(); ++i) {
      const Summary& s = d.sessions[i];
      ImportedActivity a = BaseActivity(file_name, d);
      a.sport = std::string(NormalisedSport(s.sport, s.sub_sport));
      a.sport_in_file = SportInFile(s.sport);
      const std::optional<std::uint32_t> start = StartOf(s);
      if (start) a.start_utc = ToSysSeconds(*start);
      a.distance_m = s.distance_m;
      a.moving_s = s.moving_s;
      a.elapsed_s = s.elapsed_s;
      a.cadence_spm = StepsPerMinute(s.cadence, s.sport);
      for (const Summary* lap : laps_of[i]) a.laps.push_back(ToLap(*lap, s.sport));
      a.problems = FileProblems(d, bytes.size(), false, start);
      result.activities.push_back(std::move(a));
    }
    return result;
  }

  // No session: a watch that stopped before writing its summary (flat battery, crash). The
  // records still say when, how far and at what cadence. Only for activity files: a course's
  // points have timestamps too, but nobody ran them yet.
  const RecordTrail& trail = d.trail;
  const bool activity_file = !d.file_id.type || *d.file_id.type == fit::file_type::kActivity;
  if (!activity_file || !trail.first_time) {
    result.error = NoActivityError(d, bytes.size());
    return result;
  }
  std::optional<std::uint8_t> sport = d.sport;
  std::optional<std::uint8_t> sub_sport = d.sub_sport;
  for (const Summary& lap : d.laps) {
    if (!sport && lap.sport) {
      sport = lap.sport;
      sub_sport = lap.sub_sport;
    }
  }
  ImportedActivity a = BaseActivity(file_name, d);
  a.sport = std::string(NormalisedSport(sport, sub_sport));
  a.sport_in_file = SportInFile(sport);
  a.start_utc = ToSysSeconds(*trail.first_time);
  a.distance_m = trail.last_distance_m;
  if (*trail.last_time >= *trail.first_time) {
    a.elapsed_s = double(*trail.last_time - *trail.first_time);
    if (trail.timer_seen) {
      double moving = trail.timer_total_s;
      // Still running when the file ends: the last span closes at the last record.
      if (trail.timer_running_since && *trail.last_time >= *trail.timer_running_since)
        moving += double(*trail.last_time - *trail.timer_running_since);
      a.moving_s = std::min(moving, *a.elapsed_s);
    }
  }
  if (trail.cadence_count > 0) a.cadence_spm = StepsPerMinute(trail.cadence_sum / trail.cadence_count, sport);
  for (const Summary& lap : d.laps) a.laps.push_back(ToLap(lap, sport));
  a.problems = FileProblems(d, bytes.size(), true, trail.first_time);
  result.activities.push_back(std::move(a));
  return result;
}

}  // namespace sw::import
