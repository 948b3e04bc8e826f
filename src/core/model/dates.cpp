#include "core/model/dates.hpp"

#include <cstdio>
#include <string_view>

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
  if (!date.ok() || parts[0] < kFirstYear) return std::nullopt;
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

// Exactly `count` digits at `at`, or -1.
int Digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::chrono::sys_seconds> MakeTime(int year, int month, int day, int hour, int minute, int second) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                   std::chrono::day{unsigned(day)}};
  if (!date.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  return std::chrono::sys_days{date} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second};
}

std::optional<Millis> ParseIsoTime(std::string_view text) {
  text = Trim(text);
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  auto base = MakeTime(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2), Digits(text, 11, 2),
                       Digits(text, 14, 2), Digits(text, 17, 2));
  if (!base) return std::nullopt;
  Millis out = *base;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    int scale = 100, millis = 0;
    std::size_t first = at;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
      millis += (text[at] - '0') * scale;  // digits past the third add nothing (scale reaches 0)
      scale /= 10;
    }
    if (at == first) return std::nullopt;
    out += std::chrono::milliseconds{millis};
  }
  if (at == text.size()) return out;
  if (text[at] == 'Z' && at + 1 == text.size()) return out;
  if ((text[at] == '+' || text[at] == '-') && (text.size() == at + 6 || text.size() == at + 5 || text.size() == at + 3)) {
    int hours = Digits(text, at + 1, 2);
    int minutes = 0;
    if (text.size() == at + 6) {
      if (text[at + 3] != ':') return std::nullopt;
      minutes = Digits(text, at + 4, 2);
    } else if (text.size() == at + 5) {
      minutes = Digits(text, at + 3, 2);
    }
    if (hours < 0 || hours > 14 || minutes < 0 || minutes > 59) return std::nullopt;
    auto offset = std::chrono::minutes{hours * 60 + minutes};
    return text[at] == '+' ? out - offset : out + offset;  // local = UTC + offset
  }
  return std::nullopt;
}

std::optional<std::chrono::sys_seconds> ParseIsoUtc(std::string_view text) {
  // The stored form only: a 'T', and a zone designator (a bare time or "+0200" is a file's, not ours).
  if (text.size() < 20 || text[10] != 'T') return std::nullopt;
  const std::size_t zone = text.find_first_of("Z+-", 19);
  if (zone == std::string_view::npos || (text[zone] != 'Z' && text.size() != zone + 6)) return std::nullopt;
  std::optional<Millis> instant = ParseIsoTime(text);
  if (!instant) return std::nullopt;
  return std::chrono::floor<std::chrono::seconds>(*instant);
}

Date WeekStart(Date date, std::chrono::weekday week_start) {
  std::chrono::weekday day{Days(date)};
  return Date{Days(date) - (day - week_start)};
}

}  // namespace sw
