#pragma once
// The FIT decoder's output (fit_decoder.cpp): the few messages Stridewise reads from Garmin's
// binary activity format, scaled to metres and seconds, and how reading ended. fit_reader.cpp
// turns them into activities.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/import/readers/readers.hpp"

namespace sw::import::fit {

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

// True when a FIT file header starts at `pos` (".FIT" at its byte 8).
bool IsFitHeaderAt(Bytes bytes, std::size_t pos);

// One pass over the bytes (chained files included). Records' and timer events' values are
// collected only with `collect_records`: they matter only for a file without a session.
Decoded DecodeFit(Bytes bytes, bool collect_records);

}  // namespace sw::import::fit
