// gzip and zip: shared files gzipped here read back as the plain files do; Strava-style export
// zips built here with minizip's zip.c (test data, written in memory) join activities.csv with the
// activity files; zip bombs, lying sizes, damaged and empty archives give plain errors.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <iterator>
#include <regex>

#include <zip.h>
#include <zlib.h>

#include "core/import/readers/archive.hpp"
#include "core/import/readers/readers.hpp"
#include "import_test_files.hpp"
#include "core/model/dates.hpp"

using namespace sw::import;
using namespace sw::test;
using Buffer = std::vector<std::uint8_t>;

namespace {

Buffer Gzip(const Buffer& plain) {
  z_stream s{};
  REQUIRE(deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  Buffer out(deflateBound(&s, uLong(plain.size())) + 64);
  s.next_in = const_cast<Bytef*>(plain.data());
  s.avail_in = uInt(plain.size());
  s.next_out = out.data();
  s.avail_out = uInt(out.size());
  REQUIRE(deflate(&s, Z_FINISH) == Z_STREAM_END);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

// --- a zip written in memory with minizip's zip.c -------------------------------------------
struct MemoryZip {
  Buffer bytes;
  std::uint64_t position = 0;
};
voidpf ZOpen(voidpf opaque, const void*, int) { return opaque; }
uLong ZRead(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<MemoryZip*>(stream);
  uLong n = uLong(std::min<std::uint64_t>(size, m->bytes.size() - std::min<std::uint64_t>(m->position, m->bytes.size())));
  std::memcpy(buf, m->bytes.data() + m->position, n);
  m->position += n;
  return n;
}
uLong ZWrite(voidpf, voidpf stream, const void* buf, uLong size) {
  auto* m = static_cast<MemoryZip*>(stream);
  if (m->position + size > m->bytes.size()) m->bytes.resize(m->position + size);
  std::memcpy(m->bytes.data() + m->position, buf, size);
  m->position += size;
  return size;
}
ZPOS64_T ZTell(voidpf, voidpf stream) { return static_cast<MemoryZip*>(stream)->position; }
long ZSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<MemoryZip*>(stream);
  std::uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->position : m->bytes.size();
  m->position = base + offset;
  return 0;
}
int ZClose(voidpf, voidpf) { return 0; }
int ZError(voidpf, voidpf) { return 0; }

struct Entry {
  std::string name;
  Buffer bytes;
};

Buffer MakeZip(const std::vector<Entry>& entries) {
  MemoryZip memory;
  zlib_filefunc64_def functions{ZOpen, ZRead, ZWrite, ZTell, ZSeek, ZClose, ZError, &memory};
  zipFile zip = zipOpen2_64("memory.zip", APPEND_STATUS_CREATE, nullptr, &functions);
  REQUIRE(zip);
  for (const Entry& e : entries) {
    zip_fileinfo info{};
    REQUIRE(zipOpenNewFileInZip64(zip, e.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                  Z_BEST_SPEED, 0) == ZIP_OK);
    for (std::size_t at = 0; at < e.bytes.size(); at += 1 << 20) {
      unsigned n = unsigned(std::min<std::size_t>(1 << 20, e.bytes.size() - at));
      REQUIRE(zipWriteInFileInZip(zip, e.bytes.data() + at, n) == ZIP_OK);
    }
    REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
  }
  REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
  return memory.bytes;
}

std::uint32_t Get32(const Buffer& b, std::size_t at) {
  return std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 | std::uint32_t(b[at + 3]) << 24;
}
void Put32(Buffer& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + std::size_t(i)] = std::uint8_t(v >> (8 * i));
}
// Sets the uncompressed size every header (local "PK\3\4" at +22, central "PK\1\2" at +24) claims.
void ClaimSize(Buffer& zip, std::uint32_t size, bool local_too) {
  for (std::size_t at = 0; at + 30 < zip.size(); ++at) {
    if (zip[at] != 'P' || zip[at + 1] != 'K') continue;
    if (zip[at + 2] == 1 && zip[at + 3] == 2) Put32(zip, at + 24, size);
    if (local_too && zip[at + 2] == 3 && zip[at + 3] == 4) Put32(zip, at + 22, size);
  }
}

std::string StravaCsv() {
  return "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename,Elapsed Time,"
         "Moving Time,Distance\n"
         "111,\"Jan 10, 2021, 8:54:28 AM\",Recife loop,Run,5127,12.59,activities/111.gpx,5127.0,4600.0,12590.0\n"
         "222,\"Sep 14, 2019, 3:22:05 PM\",Saturday run,Run,3165,5.84,activities/222.fit.gz,3165.0,3164.0,5839.0\n"
         "333,\"Sep 15, 2019, 7:00:00 AM\",Manual entry,Run,1800,5.00,activities/333.gpx,1800.0,1800.0,5000.0\n"
         "555,\"Sep 16, 2019, 7:00:00 AM\",Broken file,Run,1200,3.00,activities/555.tcx.gz,1200.0,1190.0,3000.0\n"
         "666,\"Sep 17, 2019, 7:00:00 AM\",Untimed,Run,600,2.00,activities/666.gpx,600.0,590.0,2000.0\n";
}

// A track with neither a sport nor times: the CSV row must supply both.
const char* kUntimedGpx =
    "<gpx creator=\"Phone\"><trk><trkseg><trkpt lat=\"1\" lon=\"1\"/><trkpt lat=\"1.01\" lon=\"1\"/></trkseg></trk></gpx>";

std::vector<Entry> StravaExport(const std::string& top) {
  return {{top + "activities.csv", FromText(StravaCsv())},
          {top + "profile.csv", FromText("Athlete ID,Name\n1,Runner\n")},
          {top + "activities/111.gpx", ReadBytes(DataDir() + "strava_export.gpx")},
          {top + "activities/222.fit.gz", Gzip(ReadBytes(DataDir() + "run.fit"))},
          {top + "activities/444.tcx", ReadBytes(DataDir() + "run_garmin.tcx")},
          {top + "activities/555.tcx.gz", Gzip(FromText("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\">"))},
          {top + "activities/666.gpx", FromText(kUntimedGpx)},
          {top + "media/1.jpg", FromText("\xff\xd8\xff")}};
}

const ImportedActivity* Named(const std::vector<ImportedActivity>& all, const std::string& name) {
  for (const auto& a : all) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

void CheckJoin(const std::vector<ImportedActivity>& all, const std::string& prefix) {
  INFO(prefix);
  REQUIRE(all.size() == 6);  // five rows, plus the file no row names
  const ImportedActivity* gpx = Named(all, "Recife loop");
  REQUIRE(gpx);
  CHECK(gpx->format == "gpx");
  CHECK(gpx->file == prefix + "111.gpx");
  CHECK(*gpx->cadence_spm == Approx(170).epsilon(0.01));  // the file's reading, not the CSV's
  CHECK(*gpx->distance_m == Approx(12594.65).epsilon(0.001));

  const ImportedActivity* fit = Named(all, "Saturday run");
  REQUIRE(fit);
  CHECK(fit->format == "fit");
  CHECK(fit->file == prefix + "222.fit.gz");
  CHECK(*fit->start_utc == At("2019-09-14T15:22:05Z"));
  CHECK(fit->laps.size() == 6);

  const ImportedActivity* manual = Named(all, "Manual entry");
  REQUIRE(manual);
  CHECK(manual->format == "strava_csv");
  CHECK(manual->problems.empty());  // no file named in the export: nothing to say

  const ImportedActivity* broken = Named(all, "Broken file");
  REQUIRE(broken);
  CHECK(broken->format == "strava_csv");
  CHECK(*broken->distance_m == Approx(3000));
  REQUIRE(broken->problems.size() == 1);
  CHECK(broken->problems[0].rfind(prefix + "555.tcx.gz could not be read (", 0) == 0);
  CHECK(broken->problems[0].find("), so this activity's figures come from activities.csv.") != std::string::npos);

  const ImportedActivity* untimed = Named(all, "Untimed");
  REQUIRE(untimed);
  CHECK(untimed->format == "gpx");
  CHECK(untimed->sport == "run");          // the CSV's, the file has none
  CHECK(untimed->sport_in_file == "Run");
  CHECK(*untimed->start_utc == At("2019-09-17T07:00:00Z"));
  CHECK(*untimed->moving_s == Approx(590));
  CHECK(untimed->problems == std::vector<std::string>{"The track has no times, so its date and duration are unknown.",
                                                      "Its date and times come from activities.csv."});

  int tcx = 0;
  for (const auto& a : all) {
    if (a.file == prefix + "444.tcx") {
      ++tcx;
      CHECK(a.format == "tcx");
      CHECK(a.laps.size() == 3);
    }
  }
  CHECK(tcx == 1);
}

}  // namespace

TEST_CASE("A gzipped file reads exactly as the plain file", "[import]") {
  for (const char* name : {"run_garmin.tcx", "strava_export.gpx", "run.fit", "strava_activities_athlytics_synthetic.csv"}) {
    INFO(name);
    Buffer plain = ReadBytes(DataDir() + name);
    std::string gz_name = std::string(name) + ".gz";
    ReadResult from_plain = ReadAnyFile(plain, gz_name);
    ReadResult from_gzip = ReadAnyFile(Gzip(plain), gz_name);
    REQUIRE(from_gzip.error.empty());
    REQUIRE_FALSE(from_gzip.activities.empty());
    CHECK(from_gzip.activities == from_plain.activities);
    // A name that says nothing: the content decides (gzip, then FIT/XML/CSV inside).
    CHECK(ReadAnyFile(Gzip(plain), "upload.bin").activities.size() == from_plain.activities.size());
  }
  // Two gzip members joined end to end (cat a.gz b.gz) are one file.
  Buffer text = ReadBytes(DataDir() + "run.gpx");
  Buffer first(text.begin(), text.begin() + 1000), second(text.begin() + 1000, text.end());
  Buffer joined = Gzip(first);
  Buffer more = Gzip(second);
  joined.insert(joined.end(), more.begin(), more.end());
  CHECK(ReadAnyFile(joined, "run.gpx.gz").activities == ReadAnyFile(text, "run.gpx.gz").activities);
}

TEST_CASE("Damaged and oversized gzip give plain errors", "[import]") {
  Buffer gz = Gzip(ReadBytes(DataDir() + "run.gpx"));
  Buffer cut(gz.begin(), gz.begin() + std::ptrdiff_t(gz.size() / 2));
  CHECK(ReadAnyFile(cut, "run.gpx.gz").error ==
        "run.gpx.gz could not be unpacked: it is cut short (the gzip data ends too early).");
  Buffer damaged = gz;
  for (std::size_t i = 100; i < 200; ++i) damaged[i] ^= 0x5a;
  CHECK(ReadAnyFile(damaged, "run.gpx.gz").error.rfind("run.gpx.gz could not be unpacked: it is damaged", 0) == 0);

  Buffer bomb = Gzip(Buffer((std::size_t{64} << 20) + 1, ' '));  // ~65 KB that unpack to 64 MiB + 1 byte
  CHECK(bomb.size() < 200000);
  CHECK(ReadAnyFile(bomb, "bomb.gpx.gz").error ==
        "bomb.gpx.gz could not be unpacked: it unpacks to more than 64 MiB, far more than any activity file, so it "
        "was not unpacked.");
}

TEST_CASE("A Strava export zip joins activities.csv with its activity files", "[import]") {
  for (const std::string top : {"", "export_123/"}) {
    Buffer zip = MakeZip(StravaExport(top));
    ReadResult r = ReadAnyFile(zip, "export_123.zip");
    REQUIRE(r.error.empty());
    CHECK(r.skipped.empty());
    CheckJoin(r.activities, "export_123.zip/" + top + "activities/");
    ReadResult sniffed = ReadAnyFile(zip, "download");  // no .zip in the name: sniffed
    REQUIRE(sniffed.activities.size() == r.activities.size());
    CHECK(sniffed.activities[0].file.rfind("download/" + top + "activities/", 0) == 0);
  }
}

TEST_CASE("Files picked together join the same way as the zip", "[import]") {
  std::vector<NamedFile> picked;
  for (Entry& e : StravaExport("")) {
    if (e.name.rfind("activities", 0) != 0) continue;
    picked.push_back({e.name.substr(e.name.rfind('/') + 1), std::move(e.bytes)});
  }
  picked.push_back({"notes.txt", FromText("shoes: 412 km")});
  ReadManyResult r = ReadFiles(picked);
  CheckJoin(r.activities, "");
  REQUIRE(r.failed.size() == 1);
  CHECK(r.failed[0].name == "notes.txt");
  CHECK(r.failed[0].error ==
        "notes.txt is not an activity file Stridewise can read (FIT, GPX, TCX, CSV or a Strava export zip).");
}

TEST_CASE("ReadFiles reports its progress file by file, a zip's files counted one by one", "[import]") {
  std::vector<Entry> export_entries = StravaExport("");
  const std::size_t in_zip = export_entries.size();
  std::vector<NamedFile> picked;
  picked.push_back({"export.zip", MakeZip(export_entries)});
  picked.push_back({"run.gpx", ReadBytes(DataDir() + "run.gpx")});
  picked.push_back({"notes.txt", FromText("shoes: 412 km")});
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  ReadManyResult r = ReadFiles(picked, [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
  const ReadManyResult quiet = ReadFiles(picked);  // reporting changes nothing read
  CHECK(r.activities == quiet.activities);
  CHECK(r.failed == quiet.failed);
  const std::size_t total = in_zip + 2;
  REQUIRE(calls.size() > in_zip);  // at least once per file read inside the zip
  CHECK(calls.back() == std::pair{total, total});
  for (std::size_t i = 0; i < calls.size(); ++i) {
    CHECK(calls[i].second == total);
    CHECK(calls[i].first <= total);
    if (i > 0) CHECK(calls[i].first >= calls[i - 1].first);
  }
  // Progress moves while the zip is read, not only once it is done.
  CHECK(std::count_if(calls.begin(), calls.end(), [&](const auto& c) { return c.first > 0 && c.first < in_zip; }) > 0);
}

TEST_CASE("A zip without activities.csv reads every activity file in it", "[import]") {
  Buffer zip = MakeZip({{"week/run.gpx", ReadBytes(DataDir() + "run.gpx")},
                        {"week/run.tcx.gz", Gzip(ReadBytes(DataDir() + "run.tcx"))},
                        {"__MACOSX/week/._run.gpx", FromText("junk")},
                        {"week/readme.txt", FromText("hello")}});
  ReadResult r = ReadAnyFile(zip, "week.zip");
  REQUIRE(r.activities.size() == 2);
  CHECK(r.activities[0].file == "week.zip/week/run.gpx");
  CHECK(r.activities[1].file == "week.zip/week/run.tcx.gz");
  CHECK(r.skipped.empty());
}

TEST_CASE("Zip bombs, lying sizes, damaged and empty zips give plain errors", "[import]") {
  Buffer big((std::size_t{64} << 20) + 1, ' ');
  Buffer bomb = MakeZip({{"big.gpx", big}});
  CHECK(bomb.size() < 1000000);
  CHECK(ReadAnyFile(bomb, "bomb.zip").error ==
        "bomb.zip holds no activity Stridewise could read: bomb.zip/big.gpx could not be unpacked: it is 65 MiB "
        "unpacked, over the 64 MiB Stridewise unpacks for one file, so it was not read.");

  // The same entry claiming to be small, in both its headers: reading stops at the claimed size and
  // the checksum gives it away. Only in the central directory: the headers disagree.
  Buffer lying = bomb;
  ClaimSize(lying, 1000, true);
  CHECK(std::regex_search(ReadAnyFile(lying, "bomb.zip").error, std::regex("big\\.gpx could not be unpacked: it is damaged")));
  lying = bomb;
  ClaimSize(lying, 1000, false);
  CHECK(ReadAnyFile(lying, "bomb.zip").error.find("big.gpx could not be unpacked: it is damaged") != std::string::npos);

  // Twenty entries claiming 60 MiB each: over 1 GiB in all, refused before anything is unpacked.
  std::vector<Entry> many;
  for (int i = 0; i < 20; ++i) many.push_back({"activities/" + std::to_string(i) + ".gpx", FromText("<gpx/>")});
  Buffer huge = MakeZip(many);
  ClaimSize(huge, 60u << 20, true);
  CHECK(ReadAnyFile(huge, "huge.zip").error ==
        "huge.zip unpacks to more than 1 GiB in all, more than any export holds (a damaged or hostile archive), so "
        "nothing was imported from it.");

  Buffer zip = MakeZip(StravaExport(""));
  Buffer cut(zip.begin(), zip.begin() + std::ptrdiff_t(zip.size() / 2));
  CHECK(ReadAnyFile(cut, "export.zip").error ==
        "export.zip could not be opened: it is not a zip archive Stridewise can open (damaged, cut short, or split "
        "into parts).");
  Buffer garbage = FromText("PK\x03\x04 this is not really a zip archive at all, just text after a signature");
  CHECK(ReadAnyFile(garbage, "x.zip").error.rfind("x.zip could not be opened: ", 0) == 0);

  Buffer empty = FromText(std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  CHECK(ReadAnyFile(empty, "export.zip").error == "export.zip is empty.");
  CHECK(ReadAnyFile(MakeZip({{"readme.txt", FromText("hi")}}), "x.zip").error ==
        "x.zip holds no activity files (no activities.csv, and no .fit, .gpx or .tcx files).");
}

TEST_CASE("Unknown files and zips inside zips are refused in plain words", "[import]") {
  CHECK(ReadAnyFile(FromText("%PDF-1.7"), "plan.pdf").error ==
        "plan.pdf is not an activity file Stridewise can read (FIT, GPX, TCX, CSV or a Strava export zip).");
  CHECK(ReadAnyFile({}, "nothing").error ==
        "nothing is not an activity file Stridewise can read (FIT, GPX, TCX, CSV or a Strava export zip).");
  Buffer inner = MakeZip({{"run.gpx", ReadBytes(DataDir() + "run.gpx")}});
  Buffer outer = MakeZip({{"inner.zip", inner}, {"run.gpx", ReadBytes(DataDir() + "run.gpx")}});
  ReadResult r = ReadAnyFile(outer, "outer.zip");
  CHECK(r.activities.size() == 1);  // inner.zip is not an activity file name: not even looked at
  // A .gpx that is really gzip, and a .fit that is really GPX: the content wins.
  CHECK(ReadAnyFile(Gzip(ReadBytes(DataDir() + "run.gpx")), "run.gpx").activities.size() == 1);
  CHECK(ReadAnyFile(ReadBytes(DataDir() + "run.gpx"), "run.fit").activities[0].format == "gpx");
}
