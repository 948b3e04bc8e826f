#include <catch2/catch.hpp>

#include "core/model/sort_by_key.hpp"
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

TEST_CASE("SortByDate orders records by day, then by id, either way, values or pointers; SortByKey is stable", "[dates]") {
  auto run = [](const char* date, Id id) {
    Run r;
    r.date = *ParseDate(date);
    r.id = id;
    return r;
  };
  // Out of order on purpose: a later-logged run (id 9) on an earlier day, two runs on one day.
  std::vector<Run> runs = {run("2026-03-02", 4), run("2025-12-31", 9), run("2026-03-02", 2), run("2026-03-01", 7)};
  auto ids = [](const auto& list) {
    std::vector<Id> out;
    for (const auto& item : list) {
      if constexpr (std::is_pointer_v<std::decay_t<decltype(item)>>) out.push_back(item->id);
      else out.push_back(item.id);
    }
    return out;
  };
  std::vector<const Run*> pointers;
  for (const Run& r : runs) pointers.push_back(&r);
  SortByDate(pointers, DateOrder::OldestFirst);
  CHECK(ids(pointers) == std::vector<Id>{9, 7, 2, 4});
  SortByDate(pointers, DateOrder::NewestFirst);
  CHECK(ids(pointers) == std::vector<Id>{4, 2, 7, 9});
  CHECK(pointers[0] == &runs[0]);  // the pointers still point at the records

  std::vector<Run> values = runs;
  SortByDate(values, DateOrder::NewestFirst);
  CHECK(ids(values) == std::vector<Id>{4, 2, 7, 9});
  CHECK(FormatDate(values.back().date) == "2025-12-31");

  // Any key: plain dates (ties keep no particular order, and need none).
  std::vector<Date> dates = {*ParseDate("2026-01-05"), *ParseDate("2024-07-01"), *ParseDate("2026-01-04")};
  SortByKey(dates, SortOrder::Ascending, [](Date d) { return OrderKey(DayNumber(d), 0); });
  CHECK(FormatDate(dates[0]) == "2024-07-01");
  CHECK(FormatDate(dates[2]) == "2026-01-05");
  // Ties keep the list's order, either way (guide hits of one score stay in guide order).
  std::vector<std::pair<int, char>> scored = {{2, 'a'}, {5, 'b'}, {2, 'c'}, {5, 'd'}, {2, 'e'}};
  for (SortOrder order : {SortOrder::Descending, SortOrder::Ascending}) {
    std::vector<std::pair<int, char>> sorted = scored;
    SortByKey(sorted, order, [](const std::pair<int, char>& p) { return OrderKey(p.first, 0); });
    std::string letters;
    for (const auto& p : sorted) letters += p.second;
    CHECK(letters == (order == SortOrder::Descending ? "bdace" : "acebd"));
  }
  std::vector<Date> none;
  SortByKey(none, SortOrder::Descending, [](Date d) { return OrderKey(DayNumber(d), 0); });
  CHECK(none.empty());
}

TEST_CASE("SortDates orders plain dates by day, either way, keeping repeated days", "[dates]") {
  std::vector<Date> dates = {*ParseDate("2026-03-02"), *ParseDate("2025-12-31"), *ParseDate("2026-03-02"),
                             *ParseDate("2026-03-01")};
  auto text = [](const std::vector<Date>& list) {
    std::string out;
    for (Date date : list) out += FormatDate(date) + " ";
    return out;
  };
  SortDates(dates, DateOrder::OldestFirst);
  CHECK(text(dates) == "2025-12-31 2026-03-01 2026-03-02 2026-03-02 ");
  SortDates(dates, DateOrder::NewestFirst);
  CHECK(text(dates) == "2026-03-02 2026-03-02 2026-03-01 2025-12-31 ");
}
