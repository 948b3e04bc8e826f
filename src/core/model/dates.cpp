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

Date WeekStart(Date date, std::chrono::weekday week_start) {
  std::chrono::weekday day{Days(date)};
  return Date{Days(date) - (day - week_start)};
}

}  // namespace sw
