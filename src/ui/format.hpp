#pragma once
// How the screens write dates, distances and durations: every ui formatting helper in one place,
// with the one month-name table. Plain text only (no ImGui); core's units.hpp and dates.hpp hold
// the formats the model and the page API share (FormatDistance, FormatDuration, FormatDate).
#include <chrono>
#include <string>

#include "core/model/model.hpp"

namespace sw::ui {

// [SECTION] Dates
// "Jan" .. "Dec"; "" for an invalid month.
const char* MonthAbbrev(std::chrono::month month);
// "January" .. "December"; "" for an invalid month.
const char* MonthName(std::chrono::month month);
// "Sun" .. "Sat".
const char* WeekdayAbbrev(std::chrono::weekday weekday);
// "Tue 3 Mar" this year; "3 Mar 2025" in another.
std::string ShortDate(Date date, Date today);
// "Tue 10 Mar"; " 2025" added when the year differs from `today`'s ("Tue 10 Mar 2025").
std::string DayLabel(Date date, Date today);
// "3 Mar" (chart labels).
std::string DayMonth(Date date);
// "in about a day", "in ~5 days", "in ~6 weeks", "about Mar 2027".
std::string ProjectionText(Date when, Date today);

// [SECTION] Distances and numbers
// Shoe distances: whole units from 100 up, one decimal below ("5.2 km", "312 km").
std::string ShoeDistanceText(double metres, Units units);
// A fixed-decimals number without its trailing zeros: "120.0" -> "120", "5.50" -> "5.5".
std::string TrimNumber(std::string text);

// [SECTION] Durations
// A stopwatch: whole seconds cut (not rounded), "0:07", "42:10", "1:02:03"; negative -> "0:00".
std::string ClockText(double seconds);

}  // namespace sw::ui
