#include "core/model/units.hpp"

#include <cmath>
#include <cstdio>

namespace sw {

double MetresPerUnit(Units units) { return units == Units::Miles ? kMetresPerMile : kMetresPerKilometre; }
std::string_view UnitLabel(Units units) { return units == Units::Miles ? "mi" : "km"; }
std::string_view PaceLabel(Units units) { return units == Units::Miles ? "/mi" : "/km"; }

double MetresToUnits(double metres, Units units) { return metres / MetresPerUnit(units); }
double UnitsToMetres(double value, Units units) { return value * MetresPerUnit(units); }

std::string FormatDistanceNumber(double metres, Units units, int decimals) {
  double value = MetresToUnits(metres, units);
  if (!std::isfinite(value)) return "--";
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  // "-0.00" from a tiny negative rounding error reads as a bug.
  std::string out = text;
  if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

std::string FormatDistance(double metres, Units units, int decimals) {
  return FormatDistanceNumber(metres, units, decimals) + " " + std::string(UnitLabel(units));
}

static std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Digits with at most one '.' or ',' -> value, computed as integer / 10^k so "5.2" is the
// correctly rounded 5.2 without strtod (whose decimal point follows the C locale).
static std::optional<double> ParseDecimal(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 24) return std::nullopt;
  long long mantissa = 0;
  int digits = 0, fraction_digits = 0;
  bool seen_separator = false;
  for (char c : text) {
    if (c == '.' || c == ',') {
      if (seen_separator) return std::nullopt;
      seen_separator = true;
    } else if (c >= '0' && c <= '9') {
      if (digits == 0 && c == '0' && !seen_separator) continue;  // leading zeros carry nothing
      if (++digits > 15) return std::nullopt;                      // beyond exact doubles
      mantissa = mantissa * 10 + (c - '0');
      if (seen_separator) ++fraction_digits;
    } else {
      return std::nullopt;
    }
  }
  // At least one digit somewhere (leading zeros were skipped, so look again).
  if (text.find_first_of("0123456789") == std::string_view::npos) return std::nullopt;
  // Powers of ten up to 1e15 are exact doubles; a table keeps this independent of pow()'s libm.
  static constexpr double kPowersOfTen[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                              1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  return double(mantissa) / kPowersOfTen[fraction_digits];
}

std::optional<double> ParseDistance(std::string_view text, Units units) {
  std::optional<double> value = ParseDecimal(text);
  if (!value || *value > 100000) return std::nullopt;
  return UnitsToMetres(*value, units);
}

std::string FormatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e9) return "0:00";
  long long total = std::llround(seconds);
  long long hours = total / 3600, minutes = total / 60 % 60, secs = total % 60;
  char text[48];
  if (hours > 0)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", hours, minutes, secs);
  else
    std::snprintf(text, sizeof text, "%lld:%02lld", minutes, secs);
  return text;
}

// 1-6 plain digits -> the number; exactly two digits under 60 when `two_digits_under_60`.
static std::optional<long long> ParseField(std::string_view field, bool two_digits_under_60) {
  if (field.empty() || field.size() > 6) return std::nullopt;
  if (two_digits_under_60 && field.size() != 2) return std::nullopt;
  long long value = 0;
  for (char c : field) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (two_digits_under_60 && value >= 60) return std::nullopt;
  return value;
}

std::optional<double> ParseDuration(std::string_view text) {
  text = Trim(text);
  std::size_t first = text.find(':');
  if (first == std::string_view::npos) {
    std::optional<double> minutes = ParseDecimal(text);
    if (!minutes || *minutes > 100000) return std::nullopt;
    return std::round(*minutes * 60 * 1000) / 1000;  // "42.1" -> 2526 s, not 2526.0000000000005
  }
  std::size_t second = text.find(':', first + 1);
  if (second == std::string_view::npos) {
    auto minutes = ParseField(text.substr(0, first), false);
    auto seconds = ParseField(text.substr(first + 1), true);
    if (!minutes || !seconds) return std::nullopt;
    return double(*minutes * 60 + *seconds);
  }
  if (text.find(':', second + 1) != std::string_view::npos) return std::nullopt;
  auto hours = ParseField(text.substr(0, first), false);
  auto minutes = ParseField(text.substr(first + 1, second - first - 1), true);
  auto seconds = ParseField(text.substr(second + 1), true);
  if (!hours || !minutes || !seconds) return std::nullopt;
  return double(*hours * 3600 + *minutes * 60 + *seconds);
}

std::optional<double> PaceSecondsPerUnit(double metres, double seconds, Units units) {
  if (!(metres > 0) || !(seconds > 0) || !std::isfinite(metres) || !std::isfinite(seconds)) return std::nullopt;
  return seconds / MetresToUnits(metres, units);
}

std::string FormatPace(std::optional<double> seconds_per_unit, Units units) {
  if (!seconds_per_unit || !std::isfinite(*seconds_per_unit) || *seconds_per_unit <= 0) return "--";
  return FormatDuration(*seconds_per_unit) + " " + std::string(PaceLabel(units));
}

long ThresholdInUnits(double metres, Units units) {
  double value = MetresToUnits(metres, units);
  if (!std::isfinite(value) || value < 0 || value > 1e12) return 0;
  return std::lround(value);
}

std::string FormatThreshold(double metres, Units units) {
  return std::to_string(ThresholdInUnits(metres, units)) + " " + std::string(UnitLabel(units));
}

double ThresholdToMetres(double value, Units units) {
  for (double exact : {kDefaultWarnAtM, kDefaultReplaceAtM})
    if (value == double(ThresholdInUnits(exact, units))) return exact;
  return UnitsToMetres(value, units);
}

}  // namespace sw
