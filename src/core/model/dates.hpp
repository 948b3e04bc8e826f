#pragma once
// Calendar days on std::chrono: parsing and printing YYYY-MM-DD, day arithmetic, weeks.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace sw {

// "2026-02-28" -> a valid date; anything else (2026-02-30, 2026-2-3, trailing text) -> nullopt.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);

inline std::chrono::sys_days Days(Date date) { return std::chrono::sys_days{date}; }
inline Date AddDays(Date date, int days) { return Date{Days(date) + std::chrono::days{days}}; }
// b - a in whole days.
inline int DaysBetween(Date a, Date b) { return int((Days(b) - Days(a)).count()); }

// An instant as "2026-02-28T07:05:00Z" (UTC, whole seconds), and back: "YYYY-MM-DDTHH:MM:SS"
// with an optional fraction and "Z" or a +hh:mm / -hh:mm offset. Anything else -> nullopt.
std::string FormatIsoUtc(std::chrono::sys_seconds instant);
std::optional<std::chrono::sys_seconds> ParseIsoUtc(std::string_view text);

// The first day of the week holding `date`, for weeks starting on `week_start`.
Date WeekStart(Date date, std::chrono::weekday week_start);

}  // namespace sw
