// FIT (Garmin's binary activity format), decoded here rather than with a library: the import
// worker's WebAssembly stays small, and only the handful of fields Stridewise shows are read.
// One pass over the bytes: each definition message becomes a small table of where the wanted
// fields sit in its data messages, and each data message reads just those (for records, only the
// timestamp that compressed-timestamp headers count from). A file cut short or damaged stops
// where the damage is, and says so (Decoded::stop).
#include "core/import/readers/fit_decoder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/import/readers/fit_profile.hpp"

namespace sw::import::fit {

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

}  // namespace

bool IsFitHeaderAt(Bytes bytes, std::size_t pos) {
  if (bytes.size() < pos + kHeaderWithoutCrc) return false;
  const std::uint8_t header_size = bytes[pos];
  if (header_size != kHeaderWithoutCrc && header_size != kHeaderWithCrc) return false;
  return std::memcmp(bytes.data() + pos + 8, ".FIT", 4) == 0;
}

Decoded DecodeFit(Bytes bytes, bool collect_records) { return Decoder(bytes, collect_records).Run(); }

}  // namespace sw::import::fit
