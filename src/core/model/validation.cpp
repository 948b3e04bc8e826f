#include "core/model/validation.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

#include "core/model/dates.hpp"

namespace sw {

// [SECTION] Rules

std::string CheckRunDistance(double metres) {
  if (!std::isfinite(metres) || metres < kMinRunDistanceM || metres > kMaxRunDistanceM)
    return "must be at least 10 m (0.01 km) and at most 300 km (300000 m)";
  return {};
}

std::string CheckStoredRunDistance(double metres) {
  if (!std::isfinite(metres) || metres <= 0 || metres > kMaxRunDistanceM)
    return "must be more than 0 and at most 300 km (300000 m)";
  return {};
}

std::string CheckDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds <= 0 || seconds >= kMaxDurationS)
    return "must be more than 0 and less than 48 hours (172800 s)";
  return {};
}

std::string CheckDateNotFuture(Date date, Date today) {
  if (DaysBetween(today, date) > kMaxFutureDays)
    return "must not be more than 1 day after today (" + FormatDate(today) + ")";
  return {};
}

std::string CheckSeverity(int severity) {
  if (severity < 0 || severity > 10) return "must be a whole number from 0 to 10";
  return {};
}

std::string CheckShoeDistance(double metres) {
  if (!std::isfinite(metres) || metres < 0 || metres > kMaxShoeDistanceM)
    return "must be at least 0 and at most 20000 km (20000000 m)";
  return {};
}

std::string CheckThreshold(double metres) {
  if (!std::isfinite(metres) || metres <= 0 || metres > kMaxShoeDistanceM)
    return "must be more than 0 and at most 20000 km (20000000 m)";
  return {};
}

std::string CheckThresholdOrder(double warn_at_m, double replace_at_m) {
  if (!(warn_at_m < replace_at_m)) return "must be less than the replace distance";
  return {};
}

std::string CheckCadenceBand(int low_spm, int high_spm) {
  if (low_spm < kMinCadenceSpm || high_spm > kMaxCadenceSpm || low_spm >= high_spm)
    return "must satisfy 100 <= low < high <= 250 steps per minute";
  return {};
}

std::string CheckRunCadence(double spm) {
  if (!std::isfinite(spm) || spm < 30 || spm > 300) return "must be from 30 to 300 steps per minute";
  return {};
}

std::string CheckSourceText(std::string_view text) {
  if (text.size() > 200) return "must be at most 200 bytes";
  if (!IsValidUtf8(text)) return "must be valid UTF-8 text";
  return {};
}

std::string CheckWeeklyLimit(double pct) {
  if (!std::isfinite(pct) || pct < kMinWeeklyLimitPct || pct > kMaxWeeklyLimitPct)
    return "must be from 1 to 100 (%)";
  return {};
}

std::string CheckStrengthTarget(int per_week) {
  if (per_week < kMinStrengthTarget || per_week > kMaxStrengthTarget)
    return "must be a whole number from 1 to 14 sessions a week";
  return {};
}

std::string CheckTextSize(int percent) {
  if (percent < kMinTextSizePct || percent > kMaxTextSizePct) return "must be a whole number from 80 to 150 percent";
  return {};
}

// [SECTION] Text

namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length or 0 when malformed.
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t& cp) {
  const unsigned char c = (unsigned char)text[i];
  std::size_t len;
  char32_t min;
  if (c < 0x80) { cp = c; return 1; }
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
  else return 0;
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char cc = (unsigned char)text[i + k];
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Shared by names and notes: `allow_breaks` lets \n, \r and \t through.
std::string CleanText(std::string_view text, std::string& out, std::size_t min_chars, std::size_t max_chars,
                      bool allow_breaks) {
  text = TrimSpaces(text);
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = DecodeUtf8(text, i, cp);
    if (!len) return "must be valid UTF-8 text";
    if (IsControl(cp) && !(allow_breaks && (cp == '\n' || cp == '\r' || cp == '\t')))
      return "must not contain control characters such as line breaks or tabs";
    ++count;
    i += len;
  }
  if (count < min_chars) return "must not be empty";
  if (count > max_chars)
    return "must be at most " + std::to_string(max_chars) + " characters (this one has " + std::to_string(count) + ")";
  out.assign(text);
  return {};
}

}  // namespace

bool IsValidUtf8(std::string_view text, std::size_t* code_points) {
  return !FindInvalidUtf8(text, code_points);
}

std::optional<std::size_t> FindInvalidUtf8(std::string_view text, std::size_t* code_points) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    char32_t cp = 0;
    std::size_t len = DecodeUtf8(text, i, cp);
    if (!len) return i;
    i += len;
  }
  if (code_points) *code_points = count;
  return std::nullopt;
}

std::string CleanName(std::string_view text, std::string& out) {
  return CleanText(text, out, 1, kMaxNameChars, false);
}

std::string CleanNote(std::string_view text, std::string& out) {
  return CleanText(text, out, 0, kMaxNoteChars, true);
}

// [SECTION] JSON numbers without exceptions

std::optional<double> JsonFiniteNumber(const nlohmann::json& value) {
  if (!value.is_number()) return std::nullopt;
  double d = value.get<double>();
  if (!std::isfinite(d)) return std::nullopt;  // "1e999" parses to infinity
  return d;
}

std::optional<long long> JsonWholeNumber(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    auto u = value.get<unsigned long long>();
    if (u > (unsigned long long)LLONG_MAX) return std::nullopt;
    return (long long)u;
  }
  if (value.is_number_integer()) return value.get<long long>();
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) >= 9.0e18) return std::nullopt;
    return (long long)d;
  }
  return std::nullopt;
}

// [SECTION] FieldReader

FieldReader::FieldReader(const nlohmann::json& object, std::string where)
    : Object_(object), Where_(std::move(where)) {}

bool FieldReader::Fail(const std::string& message) {
  if (Error_.empty()) Error_ = Where_ + ": " + message;
  return false;
}

// "\"key\" " built by appending: GCC 12 warns falsely (-Wrestrict) on "lit" + std::string chains.
static std::string QuotedKey(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 3);
  out.append(1, '"').append(key).append("\" ");
  return out;
}

bool FieldReader::FailField(std::string_view key, const std::string& reason) {
  if (Error_.empty()) {
    Field_ = std::string(key);
    Reason_ = reason;
  }
  return Fail(QuotedKey(key).append(reason).append("."));
}

bool FieldReader::Check(std::string_view key, const std::string& reason) {
  if (reason.empty()) return true;
  return FailField(key, reason);
}

const nlohmann::json* FieldReader::Find(std::string_view key) const {
  if (!Object_.is_object()) return nullptr;
  auto it = Object_.find(key);
  if (it == Object_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool FieldReader::Has(std::string_view key) const { return Find(key) != nullptr; }

bool FieldReader::IsNull(std::string_view key) const {
  if (!Object_.is_object()) return false;
  auto it = Object_.find(key);
  return it != Object_.end() && it->is_null();
}

bool FieldReader::Missing(std::string_view key) {
  if (Error_.empty()) {
    Error_ = Where_ + " needs \"" + std::string(key) + "\".";
    Field_ = std::string(key);
    Reason_ = "is needed";
  }
  return false;
}

bool FieldReader::WrongType(std::string_view key, const char* kind) {
  return FailField(key, std::string("must be ") + kind);
}

bool FieldReader::ReadString(const nlohmann::json& value, std::string_view key, std::string& out) {
  if (!value.is_string()) return WrongType(key, "text");
  out = value.get_ref<const std::string&>();
  return true;
}

bool FieldReader::ReadNumber(const nlohmann::json& value, std::string_view key, double& out) {
  if (!value.is_number()) return WrongType(key, "a number");
  auto d = JsonFiniteNumber(value);
  if (!d) return WrongType(key, "a finite number");
  out = *d;
  return true;
}

bool FieldReader::ReadInt(const nlohmann::json& value, std::string_view key, int& out) {
  auto whole = JsonWholeNumber(value);
  if (!whole) {
    // A whole number too large even for long long still deserves the range message, not a type one.
    auto d = JsonFiniteNumber(value);
    if (!d || *d != std::floor(*d)) return WrongType(key, "a whole number");
    whole = *d > 0 ? LLONG_MAX : LLONG_MIN;
  }
  // Clamp so the caller's range rule reports "must be from .. to ..".
  out = *whole > INT_MAX ? INT_MAX : *whole < INT_MIN ? INT_MIN : int(*whole);
  return true;
}

bool FieldReader::ReadBool(const nlohmann::json& value, std::string_view key, bool& out) {
  if (!value.is_boolean()) return WrongType(key, "true or false");
  out = value.get<bool>();
  return true;
}

bool FieldReader::ReadDate(const nlohmann::json& value, std::string_view key, Date& out) {
  std::optional<Date> date;
  if (value.is_string()) date = ParseDate(value.get_ref<const std::string&>());
  if (!date) return WrongType(key, "a date as YYYY-MM-DD (a real calendar day)");
  out = *date;
  return true;
}

bool FieldReader::ReadId(const nlohmann::json& value, std::string_view key, Id& out) {
  auto whole = JsonWholeNumber(value);
  if (!whole || *whole < 1 || *whole > kMaxId) return WrongType(key, "an id (a whole number from 1)");
  out = *whole;
  return true;
}

bool FieldReader::ReadChoice(const nlohmann::json& value, std::string_view key,
                             std::span<const std::string_view> names, int& out) {
  if (value.is_string()) {
    int index = 0;
    for (std::string_view name : names) {
      if (value.get_ref<const std::string&>() == name) {
        out = index;
        return true;
      }
      ++index;
    }
  }
  std::string list;
  for (std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
  return FailField(key, "must be one of " + list);
}

#define SW_REQUIRED(Name, OptName, Type, Reader)                     \
  bool FieldReader::Name(std::string_view key, Type& out) {         \
    const nlohmann::json* value = Find(key);                        \
    return value ? Reader(*value, key, out) : Missing(key);         \
  }                                                                 \
  bool FieldReader::OptName(std::string_view key, Type& out) {      \
    const nlohmann::json* value = Find(key);                        \
    return value ? Reader(*value, key, out) : Ok();                 \
  }
SW_REQUIRED(String, OptString, std::string, ReadString)
SW_REQUIRED(Number, OptNumber, double, ReadNumber)
SW_REQUIRED(Int, OptInt, int, ReadInt)
SW_REQUIRED(Bool, OptBool, bool, ReadBool)
SW_REQUIRED(DateField, OptDate, Date, ReadDate)
SW_REQUIRED(IdField, OptId, Id, ReadId)
#undef SW_REQUIRED

bool FieldReader::Choice(std::string_view key, std::span<const std::string_view> names, int& out) {
  const nlohmann::json* value = Find(key);
  return value ? ReadChoice(*value, key, names, out) : Missing(key);
}

bool FieldReader::OptChoice(std::string_view key, std::span<const std::string_view> names, int& out) {
  const nlohmann::json* value = Find(key);
  return value ? ReadChoice(*value, key, names, out) : Ok();
}

bool FieldReader::Array(std::string_view key, const nlohmann::json*& out) {
  const nlohmann::json* value = Find(key);
  if (!value) return Missing(key);
  if (!value->is_array()) return WrongType(key, "a list");
  out = value;
  return true;
}

bool FieldReader::Object(std::string_view key, const nlohmann::json*& out) {
  const nlohmann::json* value = Find(key);
  if (!value) return Missing(key);
  if (!value->is_object()) return WrongType(key, "an object");
  out = value;
  return true;
}

// [SECTION] Known ids

const Shoe* FindShoe(const Model& model, Id id) {
  for (const Shoe& shoe : model.shoes)
    if (shoe.id == id) return &shoe;
  return nullptr;
}

Shoe* FindShoe(Model& model, Id id) { return const_cast<Shoe*>(FindShoe(std::as_const(model), id)); }

Run* FindRun(Model& model, Id id) {
  int index = IndexOfRun(model, id);
  return index < 0 ? nullptr : &model.runs[index];
}

template <class T>
static int IndexOfId(const std::vector<T>& items, Id id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return int(i);
  return -1;
}

int IndexOfRun(const Model& model, Id id) { return IndexOfId(model.runs, id); }
int IndexOfPain(const Model& model, Id id) { return IndexOfId(model.pain, id); }
int IndexOfStrength(const Model& model, Id id) { return IndexOfId(model.strength, id); }

bool IdInUse(const Model& model, Id id) {
  return IndexOfId(model.shoes, id) >= 0 || IndexOfId(model.runs, id) >= 0 || IndexOfId(model.strength, id) >= 0 ||
         IndexOfId(model.pain, id) >= 0 || IndexOfId(model.cadence_sessions, id) >= 0;
}

bool TakeNextId(Model& model, const ActionContext& context, Id& out) {
  if (context.reuse_id && *context.reuse_id >= 1 && *context.reuse_id <= kMaxId && !IdInUse(model, *context.reuse_id)) {
    out = *context.reuse_id;
    model.next_id = std::max(model.next_id, out + 1);
    return true;
  }
  const Id slots = std::max(1, context.ids.slots);
  const Id slot = std::clamp<Id>(context.ids.slot, 0, slots - 1);
  if (model.next_id < 1 || model.next_id > kMaxId) return false;
  Id id = model.next_id + ((slot - (model.next_id - 1) % slots) + slots) % slots;
  if (id > kMaxId) return false;
  out = id;
  model.next_id = id + 1;
  return true;
}

}  // namespace sw
