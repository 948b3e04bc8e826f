#include "core/import/readers/text_helpers.hpp"

#include <algorithm>
#include <cmath>

#include "core/import/activity.hpp"
#include "core/model/validation.hpp"

namespace sw::import {

std::string_view TrimText(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

bool EndsWithNoCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && LowerAscii(text.substr(text.size() - suffix.size())) == LowerAscii(suffix);
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && LowerAscii(text.substr(0, prefix.size())) == LowerAscii(prefix);
}

std::string_view BaseName(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view AsText(std::span<const std::uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::optional<double> ParseNumber(std::string_view text) {
  text = TrimText(text);
  std::size_t at = 0;
  bool negative = false;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) negative = text[at++] == '-';
  // Up to 19 significant digits fit a uint64 exactly; later digits only move the exponent. The
  // result is within a few units in the last place, far finer than any activity figure.
  std::uint64_t mantissa = 0;
  int significant = 0, exponent = 0;
  bool any_digit = false, seen_point = false;
  for (; at < text.size(); ++at) {
    char c = text[at];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    any_digit = true;
    if (significant < 19) {
      if (mantissa != 0 || c != '0') ++significant;
      mantissa = mantissa * 10 + std::uint64_t(c - '0');
      if (seen_point) --exponent;
    } else if (!seen_point) {
      ++exponent;
    }
  }
  if (!any_digit) return std::nullopt;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    bool negative_exponent = false;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) negative_exponent = text[at++] == '-';
    int value = 0;
    bool exponent_digit = false;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
      exponent_digit = true;
      value = std::min(value * 10 + (text[at] - '0'), 10000);  // capped: 1e99999 is out of range anyway
    }
    if (!exponent_digit) return std::nullopt;
    exponent += negative_exponent ? -value : value;
  }
  if (at != text.size()) return std::nullopt;
  double value = double(mantissa);
  if (value != 0 && exponent != 0) {
    if (exponent < -400 || exponent > 400) return std::nullopt;
    // 10^k is exact up to 10^22: dividing by it rounds once, unlike multiplying by 10^-k.
    value = exponent > 0 ? value * std::pow(10.0, exponent) : value / std::pow(10.0, -exponent);
  }
  if (!std::isfinite(value)) return std::nullopt;
  return negative ? -value : value;
}

std::size_t LineOfOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + std::size_t(std::count(text.begin(), text.begin() + std::ptrdiff_t(offset), '\n'));
}

std::string ValidUtf8(std::string_view text) {
  std::optional<std::size_t> bad = FindInvalidUtf8(text);
  if (!bad) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  while (bad) {
    out.append(text.substr(0, *bad));
    out += "\xEF\xBF\xBD";  // U+FFFD for the one byte that does not start a valid sequence
    text.remove_prefix(*bad + 1);
    bad = FindInvalidUtf8(text);
  }
  out.append(text);
  return out;
}

namespace {
void FixText(std::string& s) {
  if (FindInvalidUtf8(s)) s = ValidUtf8(s);
}
}  // namespace

void MakeTextValid(ImportedActivity& a) {
  for (std::string* s : {&a.file, &a.format, &a.sport, &a.sport_in_file, &a.name, &a.device}) FixText(*s);
  for (std::string& p : a.problems) FixText(p);
}

void MakeTextValid(ReadResult& result) {
  FixText(result.error);
  for (std::string& s : result.skipped) FixText(s);
  for (ImportedActivity& a : result.activities) MakeTextValid(a);
}

}  // namespace sw::import
