// The FIT reader against the real files in ../shared/data/import (values from truth.json, which
// Garmin's own JavaScript SDK decoded), against the two broken files' damage, and against small
// files built here for what the real ones do not cover (sports, chained files, a file cut short
// before its summary, big-endian definitions with compressed timestamps and developer fields).
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/import/readers/readers.hpp"
#include "import_test_files.hpp"
#include "core/model/dates.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::import;
using namespace sw::test;

namespace {

std::vector<std::string> FitFileNames() {
  std::vector<std::string> names;
  for (const auto& [name, entry] : Truth()["files"].items())
    if (entry.value("format", "") == "fit") names.push_back(name);
  return names;
}

// truth.json spells FIT enum names as the JavaScript SDK does ("openWater"); the reader keeps
// the profile's snake_case ("open_water").
std::string SnakeCase(const std::string& camel) {
  std::string out;
  for (char c : camel) {
    if (c >= 'A' && c <= 'Z') {
      out += '_';
      out += char(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

std::string ExpectedSport(const json& session) {
  const std::string sport = session["sport"].is_string() ? session["sport"].get<std::string>() : "";
  const std::string sub = session["sub_sport"].is_string() ? session["sub_sport"].get<std::string>() : "";
  if (sport == "running") {
    if (sub == "treadmill") return "treadmill_run";
    if (sub == "trail") return "trail_run";
    if (sub == "track") return "track_run";
    return "run";
  }
  if (sport == "cycling") return "ride";
  if (sport == "swimming") return "swim";
  if (sport == "walking") return "walk";
  if (sport == "hiking") return "hike";
  if (sport == "multisport") return "multisport";
  return "other";
}

bool HasProblem(const ImportedActivity& activity, const std::string& words) {
  for (const auto& problem : activity.problems)
    if (problem.find(words) != std::string::npos) return true;
  return false;
}

// What the reader should say about each shared file beyond its values (nothing, for a sound one).
std::string ExpectedProblem(const std::string& name) {
  if (name == "activity-unexpected-eof.fit") return "The file ends early (3 bytes are missing)";
  if (name == "activity-filecrc.fit") return "check sum does not match";
  if (name == "strava-android-app-201.10-b1218918.fit") return "could not be read";
  if (name == "compressed-speed-distance.fit") return "clock was not set";
  return "";
}

// ---- a small FIT writer, for the cases the shared files do not cover -------------------------

constexpr std::int64_t kFitEpochUnix = 631065600;
std::uint32_t FitTime(const std::string& iso) { return std::uint32_t(At(iso).time_since_epoch().count() - kFitEpochUnix); }

std::uint16_t Crc(const std::uint8_t* data, std::size_t size) {
  static const std::uint16_t table[16] = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                          0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400};
  std::uint16_t crc = 0;
  for (std::size_t i = 0; i < size; ++i) {
    for (int nibble : {data[i] & 0xF, data[i] >> 4}) {
      const std::uint16_t tmp = table[crc & 0xF];
      crc = std::uint16_t(((crc >> 4) & 0x0FFF) ^ tmp ^ table[nibble]);
    }
  }
  return crc;
}

struct Field {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t base_type;  // 0x00 enum, 0x02 uint8, 0x84 uint16, 0x86 uint32, 0x0D byte
};

class FitWriter {
 public:
  explicit FitWriter(bool big_endian = false) : big_endian_(big_endian) {}

  void Define(std::uint8_t local, std::uint16_t global, std::vector<Field> fields, std::vector<std::uint8_t> developer_sizes = {}) {
    data_.push_back(std::uint8_t(0x40 | (developer_sizes.empty() ? 0 : 0x20) | local));
    data_.push_back(0);
    data_.push_back(big_endian_ ? 1 : 0);
    Put(global, 2);
    data_.push_back(std::uint8_t(fields.size()));
    for (const Field& f : fields) data_.insert(data_.end(), {f.number, f.size, f.base_type});
    if (!developer_sizes.empty()) {
      data_.push_back(std::uint8_t(developer_sizes.size()));
      for (std::size_t i = 0; i < developer_sizes.size(); ++i) data_.insert(data_.end(), {std::uint8_t(i), developer_sizes[i], 0});
    }
    fields_[local] = std::move(fields);
    developer_[local] = std::move(developer_sizes);
  }

  // A data message; `compressed_offset` >= 0 writes a compressed-timestamp header (local 0-3).
  void Message(std::uint8_t local, std::vector<std::uint64_t> values, int compressed_offset = -1) {
    data_.push_back(compressed_offset >= 0 ? std::uint8_t(0x80 | local << 5 | compressed_offset) : local);
    REQUIRE(values.size() == fields_[local].size());
    for (std::size_t i = 0; i < values.size(); ++i) Put(values[i], fields_[local][i].size);
    for (std::uint8_t size : developer_[local]) data_.insert(data_.end(), size, 0xAB);
  }

  std::vector<std::uint8_t> File() const {
    std::vector<std::uint8_t> out = {14, 0x20, 0x54, 0x08, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
    const std::uint32_t size = std::uint32_t(data_.size());
    for (int i = 0; i < 4; ++i) out[4 + i] = std::uint8_t(size >> (8 * i));
    const std::uint16_t header_crc = Crc(out.data(), 12);
    out[12] = std::uint8_t(header_crc);
    out[13] = std::uint8_t(header_crc >> 8);
    out.insert(out.end(), data_.begin(), data_.end());
    const std::uint16_t crc = Crc(out.data(), out.size());
    out.push_back(std::uint8_t(crc));
    out.push_back(std::uint8_t(crc >> 8));
    return out;
  }

 private:
  void Put(std::uint64_t value, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      const std::size_t byte = big_endian_ ? size - 1 - i : i;
      data_.push_back(std::uint8_t(value >> (8 * byte)));
    }
  }

  bool big_endian_;
  std::vector<std::uint8_t> data_;
  std::vector<Field> fields_[16];
  std::vector<std::uint8_t> developer_[16];
};

constexpr std::uint64_t kNone8 = 0xFF, kNone32 = 0xFFFFFFFF;

void DefineFileId(FitWriter& w, std::uint8_t local = 0) {
  w.Define(local, 0, {{0, 1, 0x00}, {1, 2, 0x84}, {2, 2, 0x84}, {4, 4, 0x86}});
}

// session: start_time, sport, sub_sport, total_elapsed_time, total_timer_time, total_distance,
// avg_cadence, avg_fractional_cadence, timestamp
void DefineSession(FitWriter& w, std::uint8_t local) {
  w.Define(local, 18, {{2, 4, 0x86}, {5, 1, 0x00}, {6, 1, 0x00}, {7, 4, 0x86}, {8, 4, 0x86}, {9, 4, 0x86},
                       {18, 1, 0x02}, {92, 1, 0x02}, {253, 4, 0x86}});
}
void DefineLap(FitWriter& w, std::uint8_t local) {
  w.Define(local, 19, {{2, 4, 0x86}, {7, 4, 0x86}, {8, 4, 0x86}, {9, 4, 0x86}, {17, 1, 0x02}, {80, 1, 0x02},
                       {253, 4, 0x86}});
}

}  // namespace

TEST_CASE("every shared FIT file gives what Garmin's SDK read from it", "[import][fit]") {
  const std::vector<std::string> names = FitFileNames();
  REQUIRE(names.size() == 10);
  for (const std::string& name : names) {
    INFO(name);
    const json& truth = Truth()["files"][name];
    const std::vector<std::uint8_t> bytes = ReadBytes(DataDir() + name);
    const ReadResult result = ReadFit(bytes, name);
    REQUIRE(result.error.empty());
    const json& sessions = truth["sessions"];
    REQUIRE(result.activities.size() == sessions.size());
    REQUIRE(result.activities.size() == truth["num_sessions"].get<std::size_t>());

    std::size_t laps_total = 0;
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      INFO("session " << i);
      const json& s = sessions[i];
      const ImportedActivity& a = result.activities[i];
      CHECK(a.file == name);
      CHECK(a.format == "fit");
      REQUIRE(a.start_utc);
      CHECK(*a.start_utc == At(s["start_time"].get<std::string>()));
      REQUIRE(a.distance_m);
      const double distance = s["total_distance_m"].get<double>();
      CHECK(*a.distance_m == Approx(distance).epsilon(0.005));
      REQUIRE(a.moving_s);
      CHECK(*a.moving_s == Approx(s["total_timer_time_s"].get<double>()).margin(0.01));
      REQUIRE(a.elapsed_s);
      CHECK(*a.elapsed_s == Approx(s["total_elapsed_time_s"].get<double>()).margin(0.01));
      CHECK(a.sport == ExpectedSport(s));
      CHECK(a.sport_in_file == SnakeCase(s["sport"].get<std::string>()));
      if (s.contains("derived_steps_per_min")) {
        REQUIRE(a.cadence_spm);
        CHECK(*a.cadence_spm == Approx(s["derived_steps_per_min"].get<double>()).margin(0.001));
      } else {
        CHECK_FALSE(a.cadence_spm);  // no cadence, or a bike's or swimmer's, which is not steps
      }
      if (sessions.size() > 1) CHECK(a.laps.size() == s["num_laps_field"].get<std::size_t>());
      laps_total += a.laps.size();
      CHECK_FALSE(a.device.empty());
      if (truth["file_id"]["manufacturer"] == "garmin") CHECK(a.device.rfind("Garmin ", 0) == 0);

      const std::string expected_problem = ExpectedProblem(name);
      if (expected_problem.empty()) {
        CHECK(a.problems.empty());
      } else {
        CHECK(a.problems.size() == 1);
        CHECK(HasProblem(a, expected_problem));
      }
    }
    CHECK(laps_total == truth["num_lap_messages"].get<std::size_t>());
  }
}

TEST_CASE("FIT devices and time zones come from file_id and the activity message", "[import][fit]") {
  auto first = [](const std::string& name) {
    ReadResult result = ReadFit(ReadBytes(DataDir() + name), name);
    REQUIRE_FALSE(result.activities.empty());
    return result.activities.front();
  };
  CHECK(first("activity-small-fenix2-run.fit").device == "Garmin fenix 2");
  CHECK(first("garmin-edge-500-activity.fit").device == "Garmin Edge 500");
  CHECK(first("run.fit").device == "Garmin Forerunner 645 Music");
  CHECK(first("sample_mulitple_header.fit").device == "Garmin Forerunner 920XT");
  CHECK(first("developer-types-sample.fit").device == "Stryd");
  CHECK(first("strava-android-app-201.10-b1218918.fit").device == "Strava");

  // activity.local_timestamp - activity.timestamp: CEST for the European runs.
  CHECK(first("activity-small-fenix2-run.fit").utc_offset_s == 7200);
  CHECK(first("run.fit").utc_offset_s == 7200);
  CHECK(first("activity-filecrc.fit").utc_offset_s == -4 * 3600);
  CHECK_FALSE(first("garmin-edge-500-activity.fit").utc_offset_s);  // no local_timestamp
  // The Forerunner 70 kept local time (2012) with its UTC clock unset (1990): no offset from that.
  const ImportedActivity fr70 = first("compressed-speed-distance.fit");
  CHECK_FALSE(fr70.utc_offset_s);
  CHECK(HasProblem(fr70, "(1990-07-18) is not the real date. Its local clock read 2012-02-13 12:21"));
}

TEST_CASE("the two broken FIT files give their values and say what is wrong", "[import][fit]") {
  SECTION("cut short: the last message and the checksum are missing") {
    const ReadResult result = ReadFit(ReadBytes(DataDir() + "activity-unexpected-eof.fit"), "eof.fit");
    REQUIRE(result.error.empty());
    REQUIRE(result.activities.size() == 1);
    const ImportedActivity& a = result.activities[0];
    CHECK(a.problems == std::vector<std::string>{"The file ends early (3 bytes are missing); everything before the cut was read."});
    CHECK(*a.start_utc == At("2012-04-09T21:22:26Z"));
    CHECK(*a.distance_m == Approx(5.73));
    CHECK(*a.moving_s == Approx(13.749));
    CHECK(a.laps.size() == 1);
    CHECK_FALSE(a.utc_offset_s);  // it was in the activity message, the one cut off
  }
  SECTION("wrong checksum: the data is whole, one bit of the stored CRC differs") {
    const std::vector<std::uint8_t> bytes = ReadBytes(DataDir() + "activity-filecrc.fit");
    // The same bytes as the cut-short file plus the last data byte and a CRC of 0xB1D5, where the
    // data's CRC is 0xA1D5.
    const std::vector<std::uint8_t> eof = ReadBytes(DataDir() + "activity-unexpected-eof.fit");
    REQUIRE(std::equal(eof.begin(), eof.end(), bytes.begin()));
    CHECK(Crc(bytes.data(), bytes.size() - 2) == 0xA1D5);
    CHECK((bytes[bytes.size() - 2] | bytes[bytes.size() - 1] << 8) == 0xB1D5);

    const ReadResult result = ReadFit(bytes, "crc.fit");
    REQUIRE(result.activities.size() == 1);
    const ImportedActivity& a = result.activities[0];
    CHECK(a.problems == std::vector<std::string>{"The file's check sum does not match its contents, so some values may be wrong."});
    CHECK(*a.distance_m == Approx(5.73));
    CHECK(*a.elapsed_s == Approx(13.749));
  }
}

TEST_CASE("what is not a FIT activity gives an error and no activities", "[import][fit]") {
  auto error_of = [](std::vector<std::uint8_t> bytes) {
    const ReadResult result = ReadFit(bytes, "x.fit");
    CHECK(result.activities.empty());
    return result.error;
  };
  CHECK(error_of({}) == "This is not a FIT file.");
  const std::string text = "<?xml version=\"1.0\"?><gpx></gpx> and some more text to pass twelve bytes";
  CHECK(error_of({text.begin(), text.end()}) == "This is not a FIT file.");
  CHECK(error_of(std::vector<std::uint8_t>(100, 0xFF)) == "This is not a FIT file.");

  FitWriter empty;
  std::vector<std::uint8_t> header_only = empty.File();
  header_only.resize(14);
  CHECK(error_of(header_only) == "The FIT file holds no activity: it ends early (2 bytes are missing), before any workout was saved.");
  CHECK(error_of(empty.File()) == "The FIT file holds no activity: it has no workout summary and no recorded points.");

  std::vector<std::uint8_t> claims_more = header_only;
  claims_more[4] = 200;  // 200 bytes of data promised, none present
  CHECK(error_of(claims_more) == "The FIT file holds no activity: it ends early (202 bytes are missing), before any workout was saved.");

  // A real file cut inside its header, and one cut right after its first definition.
  const std::vector<std::uint8_t> run = ReadBytes(DataDir() + "run.fit");
  CHECK(error_of({run.begin(), run.begin() + 13}) ==
        "The FIT file holds no activity: it ends early (57608 bytes are missing), before any workout was saved.");
  CHECK(error_of({run.begin(), run.begin() + 40}).rfind("The FIT file holds no activity: it ends early", 0) == 0);

  FitWriter course;
  DefineFileId(course);
  course.Message(0, {6, 1, 1967, FitTime("2024-05-01T07:00:00Z")});
  course.Define(1, 20, {{253, 4, 0x86}, {5, 4, 0x86}});
  course.Message(1, {FitTime("2024-05-01T07:00:00Z"), 0});
  CHECK(error_of(course.File()) == "The FIT file holds no activity: it is a course file, not a recorded workout.");

  FitWriter garbage;
  DefineFileId(garbage);
  garbage.Message(0, {4, 1, 1967, FitTime("2024-05-01T07:00:00Z")});
  std::vector<std::uint8_t> damaged = garbage.File();
  damaged.insert(damaged.end() - 2, {0x05, 0x01, 0x02});  // a data message of an undefined type
  damaged[4] += 3;
  CHECK(error_of(damaged) == "The FIT file holds no activity: it is damaged from byte 42 of 47 on, before any workout was saved.");
}

TEST_CASE("a FIT file cut short before its summary gives an activity from its records", "[import][fit]") {
  const std::vector<std::uint8_t> run = ReadBytes(DataDir() + "run.fit");
  const std::vector<std::uint8_t> cut(run.begin(), run.begin() + std::ptrdiff_t(run.size() * 6 / 10));
  const ReadResult result = ReadFit(cut, "run.fit");
  REQUIRE(result.error.empty());
  REQUIRE(result.activities.size() == 1);
  const ImportedActivity& a = result.activities[0];
  CHECK(a.problems ==
        std::vector<std::string>{"The file ends early: no summary was saved, so distance and time come from the recorded points."});
  CHECK(a.sport == "run");  // from the file's sport message
  CHECK(*a.start_utc == At("2019-09-14T15:22:05Z"));
  REQUIRE(a.distance_m);
  CHECK(*a.distance_m > 1000);
  CHECK(*a.distance_m < 5839.77);
  REQUIRE(a.elapsed_s);
  CHECK(*a.elapsed_s > 600);
  CHECK(*a.elapsed_s < 3164.61);
  REQUIRE(a.moving_s);
  CHECK(*a.moving_s <= *a.elapsed_s);
  REQUIRE(a.cadence_spm);
  CHECK(*a.cadence_spm > 100);
  CHECK(*a.cadence_spm < 180);
  CHECK(a.device == "Garmin Forerunner 645 Music");
  CHECK(a.utc_offset_s == std::nullopt);

  SECTION("a file the watch never closed: data size 0, no CRC") {
    std::vector<std::uint8_t> unfinished = run;
    std::fill(unfinished.begin() + 4, unfinished.begin() + 8, 0);   // data size as first written
    std::fill(unfinished.begin() + 12, unfinished.begin() + 14, 0);  // header CRC not computed
    unfinished.resize(unfinished.size() - 2);
    const ReadResult whole = ReadFit(unfinished, "run.fit");
    REQUIRE(whole.activities.size() == 1);
    CHECK(whole.activities[0].problems ==
          std::vector<std::string>{"The device did not finish writing the file; everything in it was read."});
    CHECK(*whole.activities[0].distance_m == Approx(5839.77));
    CHECK(whole.activities[0].laps.size() == 6);

    unfinished.resize(cut.size());
    const ReadResult part = ReadFit(unfinished, "run.fit");
    REQUIRE(part.activities.size() == 1);
    CHECK(part.activities[0].problems == a.problems);
    CHECK(part.activities[0].distance_m == a.distance_m);
    CHECK(part.activities[0].cadence_spm == a.cadence_spm);
  }
}

TEST_CASE("FIT records in big-endian, with compressed timestamps and developer fields", "[import][fit]") {
  FitWriter w(/*big_endian=*/true);
  DefineFileId(w);
  w.Message(0, {4, 95, 0xFFFF, FitTime("2024-05-01T06:59:50Z")});
  w.Define(1, 12, {{0, 1, 0x00}, {1, 1, 0x00}});
  w.Message(1, {1, 3});  // sport: running, trail
  // record: timestamp, distance, cadence, fractional_cadence, plus a 4-byte developer field
  w.Define(2, 20, {{253, 4, 0x86}, {5, 4, 0x86}, {4, 1, 0x02}, {53, 1, 0x02}}, {4});
  const std::uint32_t t0 = FitTime("2024-05-01T07:00:00Z");
  w.Message(2, {t0, 0, 80, 64});
  // Compressed headers on a definition without timestamp: local 3 = distance + cadence.
  w.Define(3, 20, {{5, 4, 0x86}, {4, 1, 0x02}, {53, 1, 0x02}});
  std::uint32_t t = t0;
  for (int i = 1; i <= 40; ++i) {
    t += 3;  // rolls the 5-bit offset over several times
    w.Message(3, {std::uint64_t(i) * 1000, 90, 0}, int(t & 0x1F));
  }
  const ReadResult result = ReadFit(w.File(), "synthetic.fit");
  REQUIRE(result.error.empty());
  REQUIRE(result.activities.size() == 1);
  const ImportedActivity& a = result.activities[0];
  CHECK(a.sport == "trail_run");
  CHECK(a.sport_in_file == "running");
  CHECK(a.device == "Stryd");
  CHECK(*a.start_utc == At("2024-05-01T07:00:00Z"));
  CHECK(*a.elapsed_s == Approx(120));
  CHECK(*a.distance_m == Approx(400));
  CHECK(*a.cadence_spm == Approx(2 * (80.5 + 40 * 90) / 41));
  CHECK_FALSE(a.moving_s);  // no timer events to tell pauses from
  CHECK(a.problems == std::vector<std::string>{"The file has no summary, so distance and time come from the recorded points."});
}

TEST_CASE("FIT sports, cadence by sport, laps by session, chained files", "[import][fit]") {
  const std::uint32_t t0 = FitTime("2024-06-02T06:00:00Z");
  // One file per (sport, sub_sport) with one session: the sport it maps to and whether cadence
  // counts steps.
  struct Case {
    std::uint8_t sport, sub_sport;
    const char* expected;
    const char* in_file;
    bool steps;
  };
  for (const Case& c : {Case{1, 0, "run", "running", true}, Case{1, 1, "treadmill_run", "running", true},
                        Case{1, 3, "trail_run", "running", true}, Case{1, 4, "track_run", "running", true},
                        Case{2, 0, "ride", "cycling", false}, Case{5, 17, "swim", "swimming", false},
                        Case{11, 0, "walk", "walking", true}, Case{17, 0, "hike", "hiking", true},
                        Case{18, 0, "multisport", "multisport", false}, Case{10, 20, "other", "training", false},
                        Case{200, 0, "other", "200", false}}) {
    INFO(c.expected << " " << int(c.sub_sport));
    FitWriter w;
    DefineFileId(w);
    w.Message(0, {4, 1, 99999 % 65536, t0});
    DefineSession(w, 1);
    w.Message(1, {t0, c.sport, c.sub_sport, 1800000, 1700000, 500000, 85, 32, t0 + 1800});
    const ReadResult result = ReadFit(w.File(), "s.fit");
    REQUIRE(result.activities.size() == 1);
    const ImportedActivity& a = result.activities[0];
    CHECK(a.sport == c.expected);
    CHECK(a.sport_in_file == c.in_file);
    CHECK(*a.distance_m == Approx(5000));
    CHECK(*a.moving_s == Approx(1700));
    CHECK(*a.elapsed_s == Approx(1800));
    if (c.steps) {
      REQUIRE(a.cadence_spm);
      CHECK(*a.cadence_spm == Approx(170.5));
    } else {
      CHECK_FALSE(a.cadence_spm);
    }
    CHECK(a.device == "Garmin product 34463");
  }

  SECTION("a session without start_time starts at its timestamp less its elapsed time") {
    FitWriter w;
    w.Define(0, 18, {{5, 1, 0x00}, {7, 4, 0x86}, {9, 4, 0x86}, {253, 4, 0x86}});
    w.Message(0, {1, 1800400, 500000, t0 + 1800});
    const ReadResult result = ReadFit(w.File(), "s.fit");
    REQUIRE(result.activities.size() == 1);
    CHECK(*result.activities[0].start_utc == At("2024-06-02T06:00:00Z"));
    CHECK(result.activities[0].device.empty());  // no file_id
  }

  SECTION("laps go to the session that had started when they began, across chained files") {
    FitWriter w;
    DefineFileId(w);
    w.Message(0, {4, 1, 1765, t0});
    DefineLap(w, 2);
    DefineSession(w, 3);
    // Leg 1 lasts 600.5 s; leg 2 and its lap start in that last half second.
    w.Message(2, {t0, 600500, 600500, 1500000, kNone8, kNone8, t0 + 600});
    w.Message(3, {t0, 5, 18, 600500, 600500, 1500000, 30, 0, t0 + 600});
    w.Message(2, {t0 + 600, 1200000, 1200000, 500000, 80, 0, t0 + 1800});
    w.Message(2, {t0 + 1800, 1200000, 1200000, 500000, 82, 64, t0 + 3000});
    w.Message(3, {t0 + 600, 1, 0, 2400000, 2400000, 1000000, 81, 0, t0 + 3000});
    FitWriter second;  // a chained file holding one more session (its own definitions)
    DefineSession(second, 0);
    second.Message(0, {t0 + 4000, 11, 0, 60000, 60000, 10000, kNone8, kNone8, t0 + 4060});
    std::vector<std::uint8_t> bytes = w.File();
    const std::vector<std::uint8_t> more = second.File();
    bytes.insert(bytes.end(), more.begin(), more.end());

    const ReadResult result = ReadFit(bytes, "tri.fit");
    REQUIRE(result.activities.size() == 3);
    CHECK(result.activities[0].sport == "swim");
    CHECK(result.activities[0].laps.size() == 1);
    CHECK_FALSE(result.activities[0].laps[0].cadence_spm);
    CHECK(result.activities[1].sport == "run");
    REQUIRE(result.activities[1].laps.size() == 2);
    CHECK(*result.activities[1].laps[0].start_utc == At("2024-06-02T06:10:00Z"));
    CHECK(*result.activities[1].laps[1].cadence_spm == Approx(165));
    CHECK(*result.activities[1].laps[1].distance_m == Approx(5000));
    CHECK(result.activities[2].sport == "walk");
    CHECK(result.activities[2].laps.empty());
    CHECK_FALSE(result.activities[2].cadence_spm);  // absent (0xFF), not 2 x 255
    for (const auto& a : result.activities) {
      CHECK(a.problems.empty());
      CHECK(a.device == "Garmin Forerunner 920XT");
    }
  }
}
