#pragma once
// Calendar days on std::chrono: parsing and printing YYYY-MM-DD, day arithmetic, weeks.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace sw {

// The first year a date may have: the model has no runs, shoes or pain before it.
inline constexpr int kFirstYear = 1900;

// "2026-02-28" -> a valid date from kFirstYear on; anything else (2026-02-30, 2026-2-3, trailing
// text) -> nullopt.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);

inline std::chrono::sys_days Days(Date date) { return std::chrono::sys_days{date}; }
inline Date AddDays(Date date, int days) { return Date{Days(date) + std::chrono::days{days}}; }
// b - a in whole days.
inline int DaysBetween(Date a, Date b) { return int((Days(b) - Days(a)).count()); }

using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

// A calendar day and time of day as numbers, checked (a real date, 00:00:00 to 23:59:60).
std::optional<std::chrono::sys_seconds> MakeTime(int year, int month, int day, int hour, int minute, int second);

// ISO 8601 as activity files write it: "2017-05-27T08:13:01Z", "...T07:20:49.000Z", "...+02:00",
// "+0200", "+02", a space for the T; no zone designator is read as UTC (GPX and TCX times are UTC
// by definition). Milliseconds kept. Anything else -> nullopt.
std::optional<Millis> ParseIsoTime(std::string_view text);

// An instant as "2026-02-28T07:05:00Z" (UTC, whole seconds), and back, strictly, as the stored
// model writes it: "YYYY-MM-DDTHH:MM:SS", an optional fraction (dropped), then "Z" or +hh:mm / -hh:mm.
std::string FormatIsoUtc(std::chrono::sys_seconds instant);
std::optional<std::chrono::sys_seconds> ParseIsoUtc(std::string_view text);

// The first day of the week holding `date`, for weeks starting on `week_start`.
Date WeekStart(Date date, std::chrono::weekday week_start);

}  // namespace sw
