#pragma once
// Lists in date order, same-day records by id (the order they were logged). Every such list the
// app sorts (runs, pain entries, sessions, retired pairs, the cadence history, plain dates) goes
// through one std::sort of small keys: std::sort's code is instantiated once per comparator, ten
// lambdas made ten copies of it in app.wasm, and keys held side by side also sort faster than
// pointers into ten years of runs.
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/model/dates.hpp"

namespace sw {

enum class DateOrder { OldestFirst, NewestFirst };

struct DatedKey {
  int day;         // days since 1970-01-01
  Id id;           // same day: lower id first (OldestFirst)
  std::size_t at;  // where the item stood before sorting
};
// The one sort: by (day, id), ascending or descending.
void SortDatedKeys(std::vector<DatedKey>& keys, DateOrder order);

inline int DayNumber(Date date) { return int(Days(date).time_since_epoch().count()); }

// Reorders `items` by `key_of(item)`, a std::pair<int day, Id id>.
template <class T, class KeyOf>
void SortByDay(std::vector<T>& items, DateOrder order, KeyOf key_of) {
  std::vector<DatedKey> keys;
  keys.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::pair<int, Id> key = key_of(items[i]);
    keys.push_back({key.first, key.second, i});
  }
  SortDatedKeys(keys, order);
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const DatedKey& key : keys) sorted.push_back(std::move(items[key.at]));
  items = std::move(sorted);
}

// Records (or pointers to them) with a `date` and an `id`.
template <class T>
void SortByDate(std::vector<T>& records, DateOrder order) {
  SortByDay(records, order, [](const T& record) {
    if constexpr (std::is_pointer_v<T>) return std::pair<int, Id>(DayNumber(record->date), record->id);
    else return std::pair<int, Id>(DayNumber(record.date), record.id);
  });
}

}  // namespace sw
