#include "format.hpp"

#include <algorithm>
#include <cstdio>

#include "core/model/dates.hpp"
#include "core/model/units.hpp"

namespace sw::ui {
namespace {

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

}  // namespace

// [SECTION] Dates

const char* MonthAbbrev(std::chrono::month month) { return month.ok() ? kMonths[unsigned(month) - 1] : ""; }

const char* MonthName(std::chrono::month month) { return month.ok() ? kMonthNames[unsigned(month) - 1] : ""; }

const char* WeekdayAbbrev(std::chrono::weekday weekday) { return kWeekdays[weekday.c_encoding() % 7]; }

std::string ShortDate(Date date, Date today) {
  std::chrono::weekday wd{Days(date)};
  char text[40];
  if (date.year() == today.year())
    std::snprintf(text, sizeof text, "%s %u %s", WeekdayAbbrev(wd), unsigned(date.day()), MonthAbbrev(date.month()));
  else
    std::snprintf(text, sizeof text, "%u %s %d", unsigned(date.day()), MonthAbbrev(date.month()), int(date.year()));
  return text;
}

std::string DayLabel(Date date, Date today) {
  std::chrono::weekday wd{Days(date)};
  char text[40];
  std::snprintf(text, sizeof text, "%s %u %s", WeekdayAbbrev(wd), unsigned(date.day()), MonthAbbrev(date.month()));
  std::string out = text;
  if (date.year() != today.year()) out += " " + std::to_string(int(date.year()));
  return out;
}

std::string DayMonth(Date date) { return std::to_string(unsigned(date.day())) + " " + MonthAbbrev(date.month()); }

std::string ProjectionText(Date when, Date today) {
  int days = DaysBetween(today, when);
  char text[48];
  if (days <= 1) return "in about a day";
  if (days < 14) {
    std::snprintf(text, sizeof text, "in ~%d days", days);
  } else if (days <= 10 * 7) {
    std::snprintf(text, sizeof text, "in ~%d weeks", (days + 3) / 7);
  } else {
    std::snprintf(text, sizeof text, "about %s %d", MonthAbbrev(when.month()), int(when.year()));
  }
  return text;
}

// [SECTION] Distances and numbers

std::string ShoeDistanceText(double metres, Units units) {
  return FormatDistance(metres, units, MetresToUnits(metres, units) >= 99.95 ? 0 : 1);
}

std::string TrimNumber(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// [SECTION] Durations

std::string ClockText(double seconds) {
  int s = int(std::max(0.0, seconds));
  char text[32];
  if (s >= 3600) std::snprintf(text, sizeof text, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(text, sizeof text, "%d:%02d", s / 60, s % 60);
  return text;
}

}  // namespace sw::ui
