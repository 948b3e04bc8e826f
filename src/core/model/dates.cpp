#include "core/model/dates.hpp"

#include <cstdio>

namespace sw {

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t j = starts[i]; j < starts[i] + lengths[i]; ++j) {
      if (text[j] < '0' || text[j] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (text[j] - '0');
    }
  }
  Date date{std::chrono::year{parts[0]}, std::chrono::month{unsigned(parts[1])}, std::chrono::day{unsigned(parts[2])}};
  if (!date.ok() || parts[0] < 1900) return std::nullopt;
  return date;
}

std::string FormatDate(Date date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()), unsigned(date.day()));
  return text;
}

std::string FormatIsoUtc(std::chrono::sys_seconds instant) {
  auto day = std::chrono::floor<std::chrono::days>(instant);
  std::chrono::hh_mm_ss clock{instant - day};
  char text[16];
  std::snprintf(text, sizeof text, "T%02d:%02d:%02dZ", int(clock.hours().count()), int(clock.minutes().count()),
                int(clock.seconds().count()));
  return FormatDate(Date{day}) + text;
}

namespace {

// Exactly `count` digits at `at` as a number, or -1.
int Digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<std::chrono::sys_seconds> ParseIsoUtc(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  std::optional<Date> date = ParseDate(text.substr(0, 10));
  int hours = Digits(text, 11, 2), minutes = Digits(text, 14, 2), seconds = Digits(text, 17, 2);
  if (!date || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60) return std::nullopt;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {  // a fraction of a second: dropped
    ++at;
    std::size_t first_digit = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == first_digit) return std::nullopt;
  }
  int offset_s = 0;
  if (at < text.size() && text[at] == 'Z') {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int oh = Digits(text, at + 1, 2), om = Digits(text, at + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || at + 3 >= text.size() || text[at + 3] != ':') return std::nullopt;
    offset_s = (text[at] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  return std::chrono::sys_seconds{Days(*date)} + std::chrono::seconds{hours * 3600 + minutes * 60 + seconds - offset_s};
}

Date WeekStart(Date date, std::chrono::weekday week_start) {
  std::chrono::weekday day{Days(date)};
  return Date{Days(date) - (day - week_start)};
}

}  // namespace sw
