// Picks the reader for a file, unpacks gzip and zip, and joins a Strava activities.csv with the
// activity files its rows name.
//
// The kind of a file: binary signatures first (gzip 1f 8b, zip "PK", FIT ".FIT" at byte 8) because
// they cannot be mistaken and names can be wrong (a .gpx that is really gzip); then the name
// (.fit, .gpx, .tcx, .csv, .zip, each also .gz); then the text itself (the XML root element, the
// CSV header line). An XML file is read as what its root element says, whatever its extension.
//
// The join: a Strava export holds activities.csv and activities/<id>.<fit|gpx|tcx>[.gz], one row
// per workout naming its file. One workout must give one activity, not two: when the named file is
// there and readable, its reading is used (the device's own figures, laps and cadence) with the
// CSV's Activity Name as name, the CSV's sport when the file's is "other", and the CSV's start and
// times where the file has none. When the file is missing or unreadable, the row alone is the
// activity (with a sentence saying why when the file was there but unreadable). Activity files
// that no row names are read on their own.
#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/import/readers/archive.hpp"
#include "core/import/readers/readers.hpp"
#include "core/import/readers/strava_csv.hpp"
#include "core/import/readers/text_helpers.hpp"

namespace sw::import {

namespace {

enum class Kind { kUnknown, kFit, kGpx, kTcx, kStravaCsv, kGarminCsv, kOtherCsv, kGzip, kZip };

const char* const kNotAnActivityFile =
    " is not an activity file Stridewise can read (FIT, GPX, TCX, CSV or a Strava export zip).";

bool IsFit(Bytes bytes) {
  return bytes.size() >= 12 && bytes[8] == '.' && bytes[9] == 'F' && bytes[10] == 'I' && bytes[11] == 'T';
}

std::string_view WithoutGz(std::string_view name) {
  return EndsWithNoCase(name, ".gz") ? name.substr(0, name.size() - 3) : name;
}

// The root element's name of an XML text ("gpx", "TrainingCenterDatabase"), skipping the
// declaration, comments and a DOCTYPE; "" when the text does not start like XML.
std::string_view XmlRootName(std::string_view text) {
  text = text.substr(0, 64 * 1024);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t at = 0;
  while (true) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n')) ++at;
    if (at >= text.size() || text[at] != '<') return {};
    if (text.substr(at, 4) == "<!--") {
      at = text.find("-->", at + 4);
      if (at == std::string_view::npos) return {};
      at += 3;
    } else if (text.substr(at, 2) == "<?" || text.substr(at, 2) == "<!") {
      at = text.find('>', at + 2);
      if (at == std::string_view::npos) return {};
      at += 1;
    } else {
      std::size_t start = at + 1, end = start;
      while (end < text.size() && text[end] != ' ' && text[end] != '>' && text[end] != '/' && text[end] != '\t' &&
             text[end] != '\r' && text[end] != '\n') {
        ++end;
      }
      std::string_view name = text.substr(start, end - start);
      std::size_t colon = name.rfind(':');
      return colon == std::string_view::npos ? name : name.substr(colon + 1);
    }
  }
}

Kind CsvKind(std::string_view text) {
  std::string header = LowerAscii(text.substr(0, std::min<std::size_t>(text.find('\n'), 64 * 1024)));
  if (header.find("activity id") != std::string::npos && header.find("activity date") != std::string::npos) {
    return Kind::kStravaCsv;
  }
  if (header.find("activity type") != std::string::npos || header.find("aktivitetstype") != std::string::npos) {
    return Kind::kGarminCsv;
  }
  return Kind::kOtherCsv;
}

Kind KindOf(Bytes bytes, std::string_view name) {
  if (IsGzip(bytes)) return Kind::kGzip;
  if (IsZip(bytes)) return Kind::kZip;
  if (IsFit(bytes)) return Kind::kFit;
  std::string_view text = AsText(bytes);
  std::string_view root = XmlRootName(text);
  if (root == "gpx") return Kind::kGpx;
  if (root == "TrainingCenterDatabase" || root == "Activities") return Kind::kTcx;
  std::string_view plain = WithoutGz(name);
  if (EndsWithNoCase(plain, ".fit")) return Kind::kFit;
  if (EndsWithNoCase(plain, ".gpx")) return Kind::kGpx;
  if (EndsWithNoCase(plain, ".tcx")) return Kind::kTcx;
  if (EndsWithNoCase(name, ".zip")) return Kind::kZip;
  if (EndsWithNoCase(plain, ".csv")) return CsvKind(text);
  Kind csv = root.empty() ? CsvKind(text) : Kind::kOtherCsv;
  return csv == Kind::kOtherCsv ? Kind::kUnknown : csv;
}

bool LooksLikeActivityFile(std::string_view name) {
  std::string_view plain = WithoutGz(name);
  return EndsWithNoCase(plain, ".fit") || EndsWithNoCase(plain, ".gpx") || EndsWithNoCase(plain, ".tcx");
}

// Bytes unpacked for one file handed over (a zip and the .gz files inside it, together), and what
// to call after each entry of a zip is read (ReadFiles' progress).
struct Budget {
  std::uint64_t unpacked = 0;
  std::function<void()> entry_read;
  std::uint64_t Left() const { return unpacked < kMaxArchiveBytes ? kMaxArchiveBytes - unpacked : 0; }
};

std::string OverBudget(std::string_view name) {
  return std::string(name) + " unpacks to more than 1 GiB in all, more than any export holds (a damaged or "
                             "hostile archive), so nothing was imported from it.";
}

ReadResult ReadZip(Bytes bytes, std::string_view zip_name, Budget& budget);

// `name` decides the reader (".gz" removed as it is unpacked); `shown` is what the activities'
// `file` and the messages call it ("export.zip/activities/1.fit.gz").
ReadResult ReadBytes(Bytes bytes, std::string_view name, std::string_view shown, int depth, Budget& budget) {
  ReadResult result;
  switch (KindOf(bytes, name)) {
    case Kind::kFit: return ReadFit(bytes, shown);
    case Kind::kGpx: return ReadGpx(bytes, shown);
    case Kind::kTcx: return ReadTcx(bytes, shown);
    case Kind::kStravaCsv: return ReadStravaCsv(bytes, shown);
    case Kind::kGarminCsv: return ReadGarminCsv(bytes, shown);
    case Kind::kOtherCsv:
      result.error = std::string(shown) +
                     " is a CSV file, but not Strava's activities.csv or Garmin Connect's Activities.csv "
                     "(it has no \"Activity Type\" column).";
      return result;
    case Kind::kGzip: {
      if (depth >= 2) {
        result.error = std::string(shown) + " is packed more than twice over, so it was not unpacked.";
        return result;
      }
      Unpacked inner = Gunzip(bytes, std::min(kMaxEntryBytes, budget.Left()));
      budget.unpacked += inner.bytes.size();
      if (!inner.error.empty()) {
        result.error = std::string(shown) + " could not be unpacked: " + inner.error + ".";
        return result;
      }
      return ReadBytes(inner.bytes, WithoutGz(name), shown, depth + 1, budget);
    }
    case Kind::kZip:
      if (depth >= 1) {
        result.error = std::string(shown) + " is a zip inside an archive; unpack it and pick it on its own.";
        return result;
      }
      return ReadZip(bytes, shown, budget);
    case Kind::kUnknown: break;
  }
  result.error = std::string(shown) + kNotAnActivityFile;
  return result;
}

// One Strava row joined with its file's reading (see the top of the file).
void JoinRow(const StravaCsvRow& row, ReadResult&& file_result, std::vector<ImportedActivity>& out) {
  const ImportedActivity& csv = row.activity;
  for (ImportedActivity& a : file_result.activities) {
    if (!csv.name.empty()) a.name = csv.name;
    if (a.sport == sport::kOther && csv.sport != sport::kOther) {
      a.sport = csv.sport;
      a.sport_in_file = csv.sport_in_file;
      std::erase(a.problems, std::string("The file does not say which sport this was."));
    }
    if (!a.start_utc && !a.local_start_in_file && csv.start_utc) {
      a.start_utc = csv.start_utc;
      if (!a.moving_s) a.moving_s = csv.moving_s;
      if (!a.elapsed_s) a.elapsed_s = csv.elapsed_s;
      a.problems.push_back("Its date and times come from activities.csv.");
    }
    if (!a.distance_m && csv.distance_m) a.distance_m = csv.distance_m;
    out.push_back(std::move(a));
  }
}

ImportedActivity RowAlone(const StravaCsvRow& row, std::string_view file_shown, const std::string& file_error) {
  ImportedActivity a = row.activity;
  if (!file_error.empty()) {
    a.problems.push_back(std::string(file_shown) + " could not be read (" + file_error +
                         "), so this activity's figures come from activities.csv.");
  }
  return a;
}

ReadResult ReadZip(Bytes bytes, std::string_view zip_name, Budget& budget) {
  ReadResult result;
  const std::string zip(zip_name);
  ZipArchive archive(bytes);
  if (!archive.error().empty()) {
    result.error = zip + " could not be opened: " + archive.error() + ".";
    return result;
  }
  const std::vector<ZipEntry>& entries = archive.entries();
  std::uint64_t declared = 0;
  std::size_t files = 0;
  for (const ZipEntry& e : entries) {
    if (e.directory) continue;
    ++files;
    declared += std::min<std::uint64_t>(e.size, kMaxEntryBytes + 1);  // oversized entries are refused, not read
  }
  if (files == 0) {
    result.error = zip + " is empty.";
    return result;
  }
  if (declared > budget.Left()) {
    result.error = OverBudget(zip);
    return result;
  }

  // activities.csv: the shallowest one (an export unpacked and zipped again gets a top folder).
  std::size_t csv_index = entries.size();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].directory || LowerAscii(BaseName(entries[i].name)) != "activities.csv") continue;
    auto depth = [](const std::string& n) { return std::count(n.begin(), n.end(), '/'); };
    if (csv_index == entries.size() || depth(entries[i].name) < depth(entries[csv_index].name)) csv_index = i;
  }
  std::string prefix;  // the export's top folder inside the zip, usually ""
  if (csv_index < entries.size()) {
    prefix = entries[csv_index].name.substr(0, entries[csv_index].name.size() - std::string("activities.csv").size());
  }

  // The entries to read: with activities.csv, the activity files in its activities/ folder (an
  // export also holds profile, media and other CSVs that are not workouts); without, every activity
  // file and CSV (a zip the runner made of their files). macOS resource forks are never files.
  std::vector<std::size_t> candidates;
  std::map<std::string, std::size_t> by_path, by_base;  // lower case
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ZipEntry& e = entries[i];
    if (e.directory || i == csv_index || StartsWithNoCase(e.name, "__MACOSX/")) continue;
    if (csv_index < entries.size()) {
      if (!StartsWithNoCase(e.name, prefix + "activities/") || !LooksLikeActivityFile(e.name)) continue;
    } else if (!LooksLikeActivityFile(e.name) && !EndsWithNoCase(e.name, ".csv")) {
      continue;
    }
    candidates.push_back(i);
    by_path.emplace(LowerAscii(e.name), i);
    by_base.emplace(LowerAscii(BaseName(e.name)), i);
  }

  std::vector<bool> used(entries.size(), false);
  // Reads one entry and what it holds; false when the archive's total budget ran out.
  auto read_entry = [&](std::size_t i, ReadResult& out) {
    const std::string shown = zip + "/" + entries[i].name;
    Unpacked unpacked = archive.Read(i, std::min(kMaxEntryBytes, budget.Left()));
    budget.unpacked += unpacked.bytes.size();
    if (budget.Left() == 0) return false;
    if (!unpacked.error.empty()) {
      out.error = shown + " could not be unpacked: " + unpacked.error + ".";
    } else {
      out = ReadBytes(unpacked.bytes, entries[i].name, shown, 1, budget);
      if (budget.Left() == 0) return false;
    }
    if (budget.entry_read) budget.entry_read();
    return true;
  };

  if (csv_index < entries.size()) {
    const std::string csv_shown = zip + "/" + entries[csv_index].name;
    Unpacked csv_bytes = archive.Read(csv_index, std::min(kMaxEntryBytes, budget.Left()));
    budget.unpacked += csv_bytes.bytes.size();
    StravaCsvRows rows;
    if (!csv_bytes.error.empty()) {
      rows.error = csv_shown + " could not be unpacked: " + csv_bytes.error + ".";
    } else {
      rows = ReadStravaCsvRows(csv_bytes.bytes, csv_shown);
    }
    csv_bytes = {};
    if (!rows.error.empty()) result.skipped.push_back(rows.error);
    for (std::string& s : rows.skipped) result.skipped.push_back(std::move(s));
    for (const StravaCsvRow& row : rows.rows) {
      std::size_t file = entries.size();
      if (!row.filename.empty()) {
        if (auto it = by_path.find(LowerAscii(prefix + row.filename)); it != by_path.end()) {
          file = it->second;
        } else if (auto base = by_base.find(LowerAscii(BaseName(row.filename))); base != by_base.end()) {
          file = base->second;
        }
      }
      if (file == entries.size() || used[file]) {
        result.activities.push_back(RowAlone(row, {}, {}));
        continue;
      }
      used[file] = true;
      ReadResult file_result;
      if (!read_entry(file, file_result)) {
        result = {};
        result.error = OverBudget(zip);
        return result;
      }
      if (file_result.activities.empty()) {
        result.activities.push_back(RowAlone(row, zip + "/" + entries[file].name, file_result.error));
      } else {
        for (std::string& s : file_result.skipped) result.skipped.push_back(std::move(s));
        JoinRow(row, std::move(file_result), result.activities);
      }
    }
  }

  for (std::size_t i : candidates) {
    if (used[i]) continue;
    ReadResult file_result;
    if (!read_entry(i, file_result)) {
      result = {};
      result.error = OverBudget(zip);
      return result;
    }
    if (!file_result.error.empty()) result.skipped.push_back(file_result.error);
    for (std::string& s : file_result.skipped) result.skipped.push_back(std::move(s));
    for (ImportedActivity& a : file_result.activities) result.activities.push_back(std::move(a));
  }

  if (result.activities.empty()) {
    if (!result.skipped.empty()) {
      result.error = zip + " holds no activity Stridewise could read: " + result.skipped.front();
    } else {
      result.error = zip + " holds no activity files (no activities.csv, and no .fit, .gpx or .tcx files).";
    }
    result.skipped.clear();
  }
  return result;
}

// ReadAnyFile, with the zip entries' progress hook.
ReadResult ReadOneFile(Bytes bytes, std::string_view file_name, std::function<void()> entry_read) {
  Budget budget;
  budget.entry_read = std::move(entry_read);
  ReadResult result = ReadBytes(bytes, file_name, file_name, 0, budget);
  // The contract of ReadResult: an error only when nothing usable was found.
  if (!result.activities.empty()) result.error.clear();
  if (result.activities.empty() && result.error.empty()) {
    result.error = std::string(file_name) + " holds no activity.";
  }
  MakeTextValid(result);  // also what the FIT reader returned
  return result;
}

// What ReadFiles' progress counts for a file: the files inside a zip, else 1.
std::size_t ProgressUnits(Bytes bytes, std::string_view name) {
  if (KindOf(bytes, name) != Kind::kZip) return 1;
  ZipArchive archive(bytes);
  const auto& entries = archive.entries();
  return std::max<std::size_t>(1, std::count_if(entries.begin(), entries.end(), [](const ZipEntry& e) { return !e.directory; }));
}

}  // namespace

ReadResult ReadAnyFile(Bytes bytes, std::string_view file_name) { return ReadOneFile(bytes, file_name, {}); }

ReadManyResult ReadFiles(const std::vector<NamedFile>& files, const ReadProgress& progress) {
  ReadManyResult out;
  // Progress: one unit per file, or per file inside a zip; a zip's entries that are not read (a
  // profile, photos) are counted as done when the zip is.
  std::vector<std::size_t> units(files.size(), 1);
  std::size_t total = 0, done = 0;
  if (progress) {
    for (std::size_t i = 0; i < files.size(); ++i) total += units[i] = ProgressUnits(files[i].bytes, files[i].name);
  }
  auto report = [&](std::size_t now) {
    if (progress) progress(done = std::min(now, total), total);
  };
  // Strava CSVs first: which picked files do their rows name? (Matched by base name, with or
  // without ".gz": the runner may have unpacked 123.fit.gz to 123.fit.)
  std::map<std::string, std::size_t> by_base;
  std::vector<bool> is_strava_csv(files.size(), false);
  for (std::size_t i = 0; i < files.size(); ++i) {
    Bytes bytes(files[i].bytes.data(), files[i].bytes.size());
    if (KindOf(bytes, files[i].name) == Kind::kStravaCsv) {
      is_strava_csv[i] = true;
      continue;
    }
    by_base.emplace(LowerAscii(BaseName(files[i].name)), i);
    by_base.emplace(LowerAscii(WithoutGz(BaseName(files[i].name))), i);
  }
  auto find_file = [&](std::string_view filename) -> std::size_t {
    std::string base = LowerAscii(BaseName(filename));
    if (auto it = by_base.find(base); it != by_base.end()) return it->second;
    if (auto it = by_base.find(std::string(WithoutGz(base))); it != by_base.end()) return it->second;
    return files.size();
  };

  std::vector<StravaCsvRows> csv_rows(files.size());
  std::vector<bool> named_by_csv(files.size(), false);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!is_strava_csv[i]) continue;
    csv_rows[i] = ReadStravaCsvRows(Bytes(files[i].bytes.data(), files[i].bytes.size()), files[i].name);
    for (const StravaCsvRow& row : csv_rows[i].rows) {
      if (std::size_t f = find_file(row.filename); !row.filename.empty() && f < files.size()) named_by_csv[f] = true;
    }
  }

  std::vector<bool> used(files.size(), false);
  auto read = [&](std::size_t i) {
    const std::size_t start = done;
    ReadResult result = ReadOneFile(files[i].bytes, files[i].name, [&] { report(done + 1); });
    report(std::max(done, start + units[i]));
    return result;
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (is_strava_csv[i]) {
      StravaCsvRows& rows = csv_rows[i];
      if (!rows.error.empty()) out.failed.push_back({files[i].name, rows.error});
      for (std::string& s : rows.skipped) out.skipped.push_back(std::move(s));
      for (const StravaCsvRow& row : rows.rows) {
        std::size_t f = row.filename.empty() ? files.size() : find_file(row.filename);
        if (f == files.size() || used[f]) {
          out.activities.push_back(RowAlone(row, {}, {}));
          continue;
        }
        used[f] = true;
        ReadResult file_result = read(f);
        if (file_result.activities.empty()) {
          out.activities.push_back(RowAlone(row, files[f].name, file_result.error));
        } else {
          for (std::string& s : file_result.skipped) out.skipped.push_back(std::move(s));
          JoinRow(row, std::move(file_result), out.activities);
        }
      }
      report(done + 1);  // the CSV itself
      continue;
    }
    if (named_by_csv[i]) continue;  // read with its row
    ReadResult result = read(i);
    if (!result.error.empty()) out.failed.push_back({files[i].name, result.error});
    for (std::string& s : result.skipped) out.skipped.push_back(std::move(s));
    for (ImportedActivity& a : result.activities) out.activities.push_back(std::move(a));
  }
  report(total);
  for (ImportedActivity& a : out.activities) MakeTextValid(a);
  for (FileFailure& f : out.failed) {
    f.name = ValidUtf8(f.name);
    f.error = ValidUtf8(f.error);
  }
  for (std::string& s : out.skipped) s = ValidUtf8(s);
  return out;
}

}  // namespace sw::import
