#pragma once
// The one place input is read and checked. Action handlers (input from the UI and the automation
// API) and the document readers (storage, backups) share these readers and rules, so a value the
// app accepts from a tap is exactly a value it accepts from a file, and a rejection reads the same.
//
// [SECTION] Limits
// [SECTION] Rules: pure checks returning "" or the reason ("must be ...")
// [SECTION] FieldReader: typed reads of one JSON object's fields with readable errors
// [SECTION] Known ids
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/model/model.hpp"
#include "core/model/state.hpp"

namespace sw {

// [SECTION] Limits
// One run: at least 10 m and at most 300 km. Below 0.01 km a run shows as "0.00 km" in the app and
// is a slip of the finger or a stray value like 4.9e-324, never a run.
inline constexpr double kMinRunDistanceM = 10;
inline constexpr double kMaxRunDistanceM = 300000;
inline constexpr double kMaxDurationS = 48 * 3600;         // exclusive: under 48 hours
inline constexpr double kMaxShoeDistanceM = 20'000'000;    // 20,000 km: start distance and thresholds
inline constexpr int kMaxNameChars = 60;                   // code points, after trimming spaces
inline constexpr int kMaxNoteChars = 1000;
inline constexpr int kMaxFutureDays = 1;                   // a date may be at most one day after today
inline constexpr int kMinCadenceSpm = 100, kMaxCadenceSpm = 250;
inline constexpr double kMinWeeklyLimitPct = 1, kMaxWeeklyLimitPct = 100;
inline constexpr int kMinStrengthTarget = 1, kMaxStrengthTarget = 14;
inline constexpr double kMaxSpm = 1000;                    // cadence series sanity bound
// Ids travel through JavaScript numbers (state(), dispatch()), so they stay exact doubles.
inline constexpr Id kMaxId = 9007199254740991;             // 2^53 - 1

// [SECTION] Rules. Each returns "" when the value is fine, else the reason, phrased to follow a
// field name: "must be more than 0 ...".
std::string CheckRunDistance(double metres);
// A run already stored or in a backup: more than 0 and at most 300 km, the rule before the 10 m
// minimum. What an earlier version saved must still read (one short run must never make a
// year of stored runs, or a whole backup, unreadable); new and edited runs meet CheckRunDistance.
std::string CheckStoredRunDistance(double metres);
std::string CheckDuration(double seconds);
std::string CheckDateNotFuture(Date date, Date today);
std::string CheckSeverity(int severity);
std::string CheckShoeDistance(double metres);   // start distance: 0 .. kMaxShoeDistanceM
std::string CheckThreshold(double metres);      // warn / replace: > 0 .. kMaxShoeDistanceM
std::string CheckThresholdOrder(double warn_at_m, double replace_at_m);
std::string CheckCadenceBand(int low_spm, int high_spm);
// A run's average cadence as a watch recorded it (a walk break lowers it): 30-300 steps/min.
std::string CheckRunCadence(double spm);
// An imported run's source: a known format, device and file names of valid UTF-8 up to 200 bytes.
inline constexpr std::string_view kRunSourceFormats[] = {"fit", "gpx", "tcx", "strava_csv", "garmin_csv"};
std::string CheckSourceText(std::string_view text);
std::string CheckWeeklyLimit(double pct);
std::string CheckStrengthTarget(int per_week);
// Text size in percent of the standard: kMinTextSizePct-kMaxTextSizePct.
inline constexpr int kMinTextSizePct = 80;
inline constexpr int kMaxTextSizePct = 150;
std::string CheckTextSize(int percent);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF);
// `code_points` gets the count.
bool IsValidUtf8(std::string_view text, std::size_t* code_points = nullptr);
// The byte offset of the first malformed UTF-8 sequence in `text`, nullopt when there is none;
// `code_points` gets the count when there is none.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text, std::size_t* code_points = nullptr);
// Names: surrounding spaces trimmed, 1-60 code points, valid UTF-8, no control characters.
// Returns "" and sets `out`, or the reason.
std::string CleanName(std::string_view text, std::string& out);
// Notes: like names but may be empty, may hold line breaks, up to kMaxNoteChars.
std::string CleanNote(std::string_view text, std::string& out);

// [SECTION] FieldReader. Reads the fields of one JSON object; the first problem is kept as
// "<where>: ..." so a handler can stop at the first failed read and return Error().
// A field that is absent or null counts as missing (optional reads leave `out` untouched).
class FieldReader {
 public:
  // `where` names the input in messages: an action type ("add_run") or a record ("runs[3]").
  FieldReader(const nlohmann::json& object, std::string where);

  bool Ok() const { return Error_.empty(); }
  const std::string& Error() const { return Error_; }
  // Ok(), or false with Error() copied to `error` (the readers' error out-parameter).
  bool Finish(std::string& error) const {
    if (!Ok()) error = Error_;
    return Ok();
  }
  const std::string& Where() const { return Where_; }
  // The field the first error is about ("" when it is not about one field) and its problem
  // alone ("must be at least 10 m ..."), so a form can show it beside the field.
  const std::string& Field() const { return Field_; }
  const std::string& Reason() const { return Reason_; }
  // Records "<where>: <message>" (the first one wins) and returns false.
  bool Fail(const std::string& message);
  // Records `<where>: "<key>" <reason>.` when reason is non-empty; returns reason.empty().
  bool Check(std::string_view key, const std::string& reason);
  // Records `<where>: "<key>" <reason>.` and which field it is about; returns false.
  bool FailField(std::string_view key, const std::string& reason);

  bool IsObject() const { return Object_.is_object(); }
  bool Has(std::string_view key) const;      // present and not null
  bool IsNull(std::string_view key) const;   // present and null (update_*: clears an optional field)
  const nlohmann::json* Find(std::string_view key) const;  // present and not null, else nullptr

  // Required reads: a missing field fails with `<where> needs "<key>".`
  bool String(std::string_view key, std::string& out);
  bool Number(std::string_view key, double& out);  // finite
  bool Int(std::string_view key, int& out);         // a whole number (7 or 7.0) in int range
  bool Bool(std::string_view key, bool& out);
  bool DateField(std::string_view key, Date& out);  // "YYYY-MM-DD", a real calendar day
  bool IdField(std::string_view key, Id& out);      // whole number 1 .. kMaxId
  bool Array(std::string_view key, const nlohmann::json*& out);
  bool Object(std::string_view key, const nlohmann::json*& out);
  // One of `names`; `out` gets its index.
  bool Choice(std::string_view key, std::span<const std::string_view> names, int& out);

  // Optional reads: absent or null leaves `out` as it is and succeeds.
  bool OptString(std::string_view key, std::string& out);
  bool OptNumber(std::string_view key, double& out);
  bool OptInt(std::string_view key, int& out);
  bool OptBool(std::string_view key, bool& out);
  bool OptDate(std::string_view key, Date& out);
  bool OptId(std::string_view key, Id& out);
  bool OptChoice(std::string_view key, std::span<const std::string_view> names, int& out);

 private:
  bool Missing(std::string_view key);
  bool WrongType(std::string_view key, const char* kind);
  bool ReadString(const nlohmann::json& value, std::string_view key, std::string& out);
  bool ReadNumber(const nlohmann::json& value, std::string_view key, double& out);
  bool ReadInt(const nlohmann::json& value, std::string_view key, int& out);
  bool ReadBool(const nlohmann::json& value, std::string_view key, bool& out);
  bool ReadDate(const nlohmann::json& value, std::string_view key, Date& out);
  bool ReadId(const nlohmann::json& value, std::string_view key, Id& out);
  bool ReadChoice(const nlohmann::json& value, std::string_view key,
                  std::span<const std::string_view> names, int& out);

  const nlohmann::json& Object_;
  std::string Where_;
  std::string Error_;
  std::string Field_;
  std::string Reason_;
};

// A JSON value as a finite double / whole number / id, without throwing; nullopt otherwise.
std::optional<double> JsonFiniteNumber(const nlohmann::json& value);
std::optional<long long> JsonWholeNumber(const nlohmann::json& value);

// [SECTION] Known ids
Shoe* FindShoe(Model& model, Id id);
const Shoe* FindShoe(const Model& model, Id id);
Run* FindRun(Model& model, Id id);
// Index in its collection, or -1.
int IndexOfRun(const Model& model, Id id);
int IndexOfPain(const Model& model, Id id);
int IndexOfStrength(const Model& model, Id id);
// A new record's id: the context's reuse_id when it is still free, otherwise the first id of the
// context's id space at or after model.next_id. Advances next_id past it; false when ids are
// exhausted (kMaxId).
bool TakeNextId(Model& model, const ActionContext& context, Id& out);
// Whether any record (shoe, run, strength, pain, cadence session) has this id.
bool IdInUse(const Model& model, Id id);

}  // namespace sw
