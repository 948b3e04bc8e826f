#pragma once
// Display units: the model keeps metres and seconds; people read and type miles or kilometres,
// h:mm:ss and min/mi. Parsing never throws and never depends on the C locale.
#include <optional>
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace sw {

inline constexpr double kMetresPerKilometre = 1000;

double MetresPerUnit(Units units);
std::string_view UnitLabel(Units units);  // "mi" / "km"
std::string_view PaceLabel(Units units);  // "/mi" / "/km"

double MetresToUnits(double metres, Units units);
double UnitsToMetres(double value, Units units);

// 8368.589 m, Miles, 2 -> "5.20 mi". decimals is clamped to 0..6. Non-finite -> "-- mi".
std::string FormatDistance(double metres, Units units, int decimals = 2);
// The number alone, same rounding: "5.20".
std::string FormatDistanceNumber(double metres, Units units, int decimals = 2);

// A number typed in display units -> metres. Accepts "5", "5.2", ".5", "5.", "5,2" (decimal
// comma) with spaces around; rejects empty, junk, signs, exponents, several separators,
// thousands separators and absurd sizes (> 100,000 units).
std::optional<double> ParseDistance(std::string_view text, Units units);

// Seconds -> "42:10" under an hour, "1:02:03" from an hour; rounded to the second.
// Negative or non-finite -> "0:00".
std::string FormatDuration(double seconds);
// "42:10" (m:ss), "1:02:03" (h:mm:ss), "42" or "42.5" / "42,5" (minutes) -> seconds. Seconds
// and, in h:mm:ss, minutes must be two digits under 60. Rejects empty, junk and negatives.
std::optional<double> ParseDuration(std::string_view text);

// Seconds per mile or kilometre; nullopt unless both distance and duration are positive.
std::optional<double> PaceSecondsPerUnit(double metres, double seconds, Units units);
// "8:03 /mi"; "--" without a pace.
std::string FormatPace(std::optional<double> seconds_per_unit, Units units);

// Shoe thresholds are shown in whole units: the defaults read 300 / 500 mi or 483 / 805 km.
long ThresholdInUnits(double metres, Units units);
std::string FormatThreshold(double metres, Units units);  // "483 km"
// A whole-unit threshold typed back -> metres, snapping to the exact default when the number is
// the default as displayed (so a km user saving "483" keeps 300 mi, not 483,000 m).
double ThresholdToMetres(double value, Units units);

}  // namespace sw
