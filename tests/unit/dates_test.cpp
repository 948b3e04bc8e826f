#include <catch2/catch.hpp>

#include "core/model/dates.hpp"

using namespace sw;
using namespace std::chrono;

TEST_CASE("ParseDate accepts real calendar days only", "[dates]") {
  CHECK(ParseDate("2024-02-29") == Date{year{2024}, February, day{29}});
  CHECK_FALSE(ParseDate("2023-02-29"));
  CHECK_FALSE(ParseDate("2024-13-01"));
  CHECK_FALSE(ParseDate("2024-1-01"));
  CHECK_FALSE(ParseDate("2024-01-01x"));
  CHECK_FALSE(ParseDate(""));
  CHECK_FALSE(ParseDate("0999-01-01"));
  CHECK(FormatDate(*ParseDate("2024-03-09")) == "2024-03-09");
}

TEST_CASE("WeekStart finds Monday or Sunday starts", "[dates]") {
  Date wed = *ParseDate("2026-11-25");
  CHECK(FormatDate(WeekStart(wed, Monday)) == "2026-11-23");
  CHECK(FormatDate(WeekStart(wed, Sunday)) == "2026-11-22");
  Date sun = *ParseDate("2026-11-29");
  CHECK(FormatDate(WeekStart(sun, Monday)) == "2026-11-23");
  CHECK(FormatDate(WeekStart(sun, Sunday)) == "2026-11-29");
  CHECK(DaysBetween(*ParseDate("2024-02-28"), *ParseDate("2024-03-01")) == 2);
  CHECK(FormatDate(AddDays(*ParseDate("2024-12-31"), 1)) == "2025-01-01");
}
