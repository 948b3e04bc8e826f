#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/model/units.hpp"

using namespace sw;

TEST_CASE("metres to miles and kilometres", "[units]") {
  CHECK(MetresPerUnit(Units::Miles) == 1609.344);
  CHECK(MetresPerUnit(Units::Kilometres) == 1000);
  CHECK(MetresToUnits(1609.344, Units::Miles) == 1);
  CHECK(MetresToUnits(42195, Units::Kilometres) == 42.195);
  CHECK(UnitsToMetres(26.2, Units::Miles) == Approx(42164.81));
  CHECK(UnitLabel(Units::Miles) == "mi");
  CHECK(UnitLabel(Units::Kilometres) == "km");
  CHECK(PaceLabel(Units::Kilometres) == "/km");
}

TEST_CASE("round trips mi -> m -> mi and km -> m -> km within 1e-9", "[units]") {
  for (double value : {0.0, 0.1, 1.0, 3.1, 5.0, 5.2, 6.2137, 10.0, 13.1, 26.2, 42.195, 100.0, 300.0, 500.0,
                       804.672, 1234.5678, 99999.9}) {
    for (Units units : {Units::Miles, Units::Kilometres}) {
      CAPTURE(value, UnitLabel(units));
      CHECK(std::abs(MetresToUnits(UnitsToMetres(value, units), units) - value) <= 1e-9);
    }
    // And metres -> units -> metres.
    CHECK(std::abs(UnitsToMetres(MetresToUnits(value * 1000, Units::Miles), Units::Miles) - value * 1000) <= 1e-9);
  }
  // Typed text survives the trip too: "5.2" mi stored as metres shows as 5.2 again.
  for (const char* text : {"5.2", "0.01", "26.2", "13,1"}) {
    for (Units units : {Units::Miles, Units::Kilometres}) {
      double metres = *ParseDistance(text, units);
      double back = MetresToUnits(metres, units);
      double typed = *ParseDistance(text, Units::Kilometres) / 1000;
      CHECK(std::abs(back - typed) <= 1e-9);
    }
  }
}

TEST_CASE("FormatDistance rounds to the asked decimals with the unit", "[units]") {
  CHECK(FormatDistance(5.2 * 1609.344, Units::Miles) == "5.20 mi");
  CHECK(FormatDistance(5200, Units::Kilometres) == "5.20 km");
  CHECK(FormatDistance(5249, Units::Kilometres, 1) == "5.2 km");
  CHECK(FormatDistance(5250.1, Units::Kilometres, 1) == "5.3 km");
  CHECK(FormatDistance(42195, Units::Kilometres, 0) == "42 km");
  CHECK(FormatDistance(0, Units::Miles) == "0.00 mi");
  CHECK(FormatDistance(-0.0001, Units::Miles) == "0.00 mi");  // no "-0.00"
  CHECK(FormatDistance(1609.344, Units::Miles, 9) == "1.000000 mi");  // decimals capped at 6
  CHECK(FormatDistance(1609.344, Units::Miles, -3) == "1 mi");
  CHECK(FormatDistance(std::numeric_limits<double>::quiet_NaN(), Units::Miles) == "-- mi");
  CHECK(FormatDistanceNumber(8046.72, Units::Miles, 1) == "5.0");
}

TEST_CASE("ParseDistance accepts plain numbers and decimal commas", "[units]") {
  CHECK(*ParseDistance("5", Units::Kilometres) == 5000);
  CHECK(*ParseDistance("5.2", Units::Kilometres) == Approx(5200).margin(1e-9));
  CHECK(*ParseDistance("5,2", Units::Kilometres) == *ParseDistance("5.2", Units::Kilometres));
  CHECK(*ParseDistance("  10.5 ", Units::Kilometres) == 10500);
  CHECK(*ParseDistance(".5", Units::Kilometres) == 500);
  CHECK(*ParseDistance("5.", Units::Kilometres) == 5000);
  CHECK(*ParseDistance("0", Units::Kilometres) == 0);
  CHECK(*ParseDistance("007", Units::Kilometres) == 7000);
  CHECK(*ParseDistance("0.05", Units::Kilometres) == Approx(50).margin(1e-9));
  CHECK(*ParseDistance("1", Units::Miles) == 1609.344);
  CHECK(*ParseDistance("26.2", Units::Miles) == Approx(26.2 * 1609.344).margin(1e-9));
  CHECK(*ParseDistance("5.2", Units::Miles) == 5.2 * 1609.344);
}

TEST_CASE("ParseDistance rejects junk, signs and negatives", "[units]") {
  for (const char* bad : {"", " ", ".", ",", "-5", "+5", "-0.1", "5.2.1", "5,2.1", "1,000.5", "abc", "5km", "5 mi",
                          "1e3", "inf", "nan", "0x10", "5 5", "100001", "1234567890123456"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseDistance(bad, Units::Kilometres));
    CHECK_FALSE(ParseDistance(bad, Units::Miles));
  }
  CHECK(ParseDistance("100000", Units::Kilometres));
}

TEST_CASE("FormatDuration: m:ss under an hour, h:mm:ss from an hour", "[units]") {
  CHECK(FormatDuration(2530) == "42:10");
  CHECK(FormatDuration(3723) == "1:02:03");
  CHECK(FormatDuration(0) == "0:00");
  CHECK(FormatDuration(5) == "0:05");
  CHECK(FormatDuration(59.6) == "1:00");  // rounded to the second
  CHECK(FormatDuration(3599.4) == "59:59");
  CHECK(FormatDuration(3599.5) == "1:00:00");
  CHECK(FormatDuration(36000) == "10:00:00");
  CHECK(FormatDuration(-1) == "0:00");
  CHECK(FormatDuration(std::numeric_limits<double>::infinity()) == "0:00");
}

TEST_CASE("ParseDuration: m:ss, h:mm:ss and bare minutes", "[units]") {
  CHECK(*ParseDuration("42:10") == 2530);
  CHECK(*ParseDuration("1:02:03") == 3723);
  CHECK(*ParseDuration("42") == 2520);
  CHECK(*ParseDuration("42.5") == 2550);
  CHECK(*ParseDuration("42,5") == 2550);
  CHECK(*ParseDuration("42.1") == 2526);
  CHECK(*ParseDuration(" 0:45 ") == 45);
  CHECK(*ParseDuration("75:00") == 4500);  // minutes past the hour are fine in m:ss
  CHECK(*ParseDuration("0:00:30") == 30);
  for (const char* bad : {"", ":", "42:", ":10", "42:5", "42:60", "42:100", "1:2:03", "1:60:00", "1:02:3",
                          "1:02:03:04", "-42", "-1:00", "4a:10", "abc", "42 min", "1e2", "42:10.5"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseDuration(bad));
  }
}

TEST_CASE("duration round trips through text", "[units]") {
  for (double seconds : {0.0, 1.0, 59.0, 60.0, 2530.0, 3599.0, 3600.0, 3723.0, 14400.0, 86399.0, 360000.0}) {
    CAPTURE(seconds);
    CHECK(*ParseDuration(FormatDuration(seconds)) == seconds);
  }
}

TEST_CASE("pace per mile and per kilometre", "[units]") {
  // 5 km in 25:00 -> 5:00 /km; the same run is 8:03 /mi (1500 s / 3.10686 mi = 482.8 s).
  CHECK(*PaceSecondsPerUnit(5000, 1500, Units::Kilometres) == 300);
  CHECK(*PaceSecondsPerUnit(5000, 1500, Units::Miles) == Approx(482.8032));
  CHECK(FormatPace(PaceSecondsPerUnit(5000, 1500, Units::Kilometres), Units::Kilometres) == "5:00 /km");
  CHECK(FormatPace(PaceSecondsPerUnit(5000, 1500, Units::Miles), Units::Miles) == "8:03 /mi");
  CHECK(FormatPace(PaceSecondsPerUnit(1609.344, 3600 + 5, Units::Miles), Units::Miles) == "1:00:05 /mi");
  CHECK_FALSE(PaceSecondsPerUnit(0, 1500, Units::Kilometres));
  CHECK_FALSE(PaceSecondsPerUnit(5000, 0, Units::Kilometres));
  CHECK_FALSE(PaceSecondsPerUnit(-5000, 1500, Units::Kilometres));
  CHECK(FormatPace(std::nullopt, Units::Miles) == "--");
}

TEST_CASE("default thresholds read 300 / 500 mi and 483 / 805 km", "[units]") {
  CHECK(ThresholdInUnits(kDefaultWarnAtM, Units::Miles) == 300);
  CHECK(ThresholdInUnits(kDefaultReplaceAtM, Units::Miles) == 500);
  CHECK(ThresholdInUnits(kDefaultWarnAtM, Units::Kilometres) == 483);
  CHECK(ThresholdInUnits(kDefaultReplaceAtM, Units::Kilometres) == 805);
  CHECK(FormatThreshold(kDefaultWarnAtM, Units::Kilometres) == "483 km");
  CHECK(FormatThreshold(kDefaultReplaceAtM, Units::Miles) == "500 mi");
  // Typed back, the displayed defaults keep the exact stored defaults in both units.
  CHECK(ThresholdToMetres(483, Units::Kilometres) == kDefaultWarnAtM);
  CHECK(ThresholdToMetres(805, Units::Kilometres) == kDefaultReplaceAtM);
  CHECK(ThresholdToMetres(300, Units::Miles) == kDefaultWarnAtM);
  CHECK(ThresholdToMetres(500, Units::Miles) == kDefaultReplaceAtM);
  // Any other number is taken as typed.
  CHECK(ThresholdToMetres(600, Units::Kilometres) == 600000);
  CHECK(ThresholdToMetres(400, Units::Miles) == 400 * 1609.344);
  CHECK(ThresholdToMetres(484, Units::Kilometres) == 484000);
}
