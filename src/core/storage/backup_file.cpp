#include "core/storage/backup_file.hpp"

#include <bit>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/model/model_json.hpp"
#include "core/storage/run_summary.hpp"

namespace sw {
namespace {

static_assert(std::endian::native == std::endian::little, "the packed lengths are little-endian");

constexpr std::string_view kPackMagic = "stridewise-parts 1\n";

std::string Megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / double(1 << 20));
  return text;
}

void PutLength(std::string& out, std::size_t n) {
  std::uint32_t value = std::uint32_t(n);
  char bytes[4];
  std::memcpy(bytes, &value, 4);
  out.append(bytes, 4);
}

void PutField(std::string& out, std::string_view field) {
  PutLength(out, field.size());
  out.append(field);
}

// Reads a length-prefixed field at `pos` (advancing it); false when the buffer ends too soon.
bool TakeField(std::string_view packed, std::size_t& pos, std::string_view& field) {
  if (packed.size() - pos < 4) return false;
  std::uint32_t size = 0;
  std::memcpy(&size, packed.data() + pos, 4);
  if (packed.size() - pos - 4 < size) return false;
  field = packed.substr(pos + 4, size);
  pos += 4 + std::size_t(size);
  return true;
}

}  // namespace

std::string CheckBackupFileStart(std::string_view name, std::uint64_t size, std::string_view head) {
  std::string file = name.empty() ? std::string("This file") : std::string(name);
  const std::string unchanged = " Nothing was changed.";
  if (size == 0) return file + " is empty, so it is not a Stridewise backup." + unchanged;
  if (size > kMaxBackupBytes)
    return file + " is too large to be a Stridewise backup (" + Megabytes(size) + "; a backup is at most " +
           std::to_string(kMaxBackupBytes >> 20) + " MB)." + unchanged;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::size_t first = head.find_first_not_of(" \t\r\n");
  // All blank: an empty document if that was the whole file; a backup never starts with a page
  // of blanks either way.
  if (first == std::string_view::npos || head[first] != '{')
    return file + " is not a Stridewise backup (it does not start like one)." + unchanged;
  return {};
}

std::string PackBackup(const ParsedBackup& backup) {
  StoreChanges parts = EncodeStoreChanges(nullptr, backup.model);
  parts.put.erase(kRunSummaryKey);  // derived from the runs: the store writes it anew with them
  // Each session's fields as a part of their own (the earlier layout, which the decoder reads
  // too), not all in one "cadence" document: the page decodes a part per step, and its first
  // decode of sessions runs in the browser's baseline code (Liftoff), some 40x slower than
  // native, so a thousand sessions in one step held the page for 60-100 ms.
  parts.put.erase(kCadenceKey);
  for (const CadenceSession& session : backup.model.cadence_sessions)
    parts.put[CadenceKey(session.id)] = CadenceSessionToJson(session, /*with_series=*/false).dump();
  const BackupSummary& s = backup.summary;
  nlohmann::json header = {{"schema", backup.schema},         {"runs", s.runs},
                           {"shoes", s.shoes},                {"pain", s.pain},
                           {"strength", s.strength},          {"cadence_sessions", s.cadence_sessions}};
  std::size_t size = kPackMagic.size() + 64;
  for (const auto& [key, value] : parts.put) size += 8 + key.size() + value.size();
  std::string out;
  out.reserve(size);
  out.append(kPackMagic);
  PutField(out, header.dump());
  for (const auto& [key, value] : parts.put) {
    PutField(out, key);
    PutField(out, value);
  }
  return out;
}

BackupUnpacker::BackupUnpacker(std::string packed) : packed_(std::move(packed)) {
  std::string_view view(packed_);
  std::string_view header_text;
  pos_ = kPackMagic.size();
  if (view.substr(0, kPackMagic.size()) != kPackMagic || !TakeField(view, pos_, header_text)) {
    error_ = "it is not a packed backup";
    return;
  }
  nlohmann::json header = nlohmann::json::parse(header_text, nullptr, /*allow_exceptions=*/false);
  auto count = [&header](const char* key) -> std::size_t {
    auto it = header.is_object() ? header.find(key) : header.end();
    return it != header.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
  };
  if (!header.is_object() || !header.contains("schema")) {
    error_ = "its summary is missing";
    return;
  }
  schema_ = header["schema"].is_number_integer() ? header["schema"].get<int>() : 0;
  expected_.runs = count("runs");
  expected_.shoes = count("shoes");
  expected_.pain = count("pain");
  expected_.strength = count("strength");
  expected_.cadence_sessions = count("cadence_sessions");
}

void BackupUnpacker::Step() {
  if (Done()) return;
  std::string_view view(packed_), key, value;
  if (!TakeField(view, pos_, key) || !TakeField(view, pos_, value)) {
    error_ = "it is cut short";
    return;
  }
  std::string problem = decoder_.Add(std::string(key), std::string(value));
  if (!problem.empty()) error_ = problem;
}

ParsedBackup BackupUnpacker::Finish() {
  ParsedBackup out;
  auto fail = [&out](const std::string& why) {
    out.error = "This backup could not be read back whole (" + why + "), so nothing was imported.";
    return out;
  };
  if (!error_.empty()) return fail(error_);
  if (pos_ < packed_.size()) return fail("it was not read to the end");
  Model model = decoder_.Finish();
  BackupSummary got = SummarizeBackup(model);
  if (got.runs != expected_.runs || got.shoes != expected_.shoes || got.pain != expected_.pain ||
      got.strength != expected_.strength || got.cadence_sessions != expected_.cadence_sessions)
    return fail("it holds other counts than the file");
  out.model = std::move(model);
  out.summary = got;
  out.schema = schema_;
  out.ok = true;
  std::string().swap(packed_);
  return out;
}

}  // namespace sw
