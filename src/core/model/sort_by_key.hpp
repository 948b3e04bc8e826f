#pragma once
// Sorting by two numbers. Every list the app orders (records by id; runs, pain entries, sessions
// and retired pairs by date; the cadence history, plain dates, import rows, guide search hits)
// goes through one std::sort of small keys: std::sort's code is instantiated once per comparator,
// and a dozen lambdas made a dozen copies of it (and of stable_sort's) in app.wasm. Keys held side
// by side also sort faster than pointers into ten years of runs. Ties keep the list's order.
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/model/dates.hpp"

namespace sw {

enum class SortOrder { Ascending, Descending };

// What a list's items are sorted by: (major, minor).
using OrderKey = std::pair<long long, long long>;

struct SortKey {
  long long major;
  long long minor;  // decides when `major` ties
  std::size_t at;   // where the item stood: decides the rest, always ascending
};
// The one sort.
void SortKeys(std::vector<SortKey>& keys, SortOrder order);

// Reorders `items` by `key_of(item)`, an OrderKey.
template <class T, class KeyOf>
void SortByKey(std::vector<T>& items, SortOrder order, KeyOf key_of) {
  std::vector<SortKey> keys;
  keys.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    OrderKey key = key_of(items[i]);
    keys.push_back({key.first, key.second, i});
  }
  SortKeys(keys, order);
  // Lists kept in order (every list by id, the usual case) are left as they are: no moves.
  std::size_t first_moved = 0;
  while (first_moved < keys.size() && keys[first_moved].at == first_moved) ++first_moved;
  if (first_moved == keys.size()) return;
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const SortKey& key : keys) sorted.push_back(std::move(items[key.at]));
  items = std::move(sorted);
}

inline long long DayNumber(Date date) { return Days(date).time_since_epoch().count(); }  // since 1970-01-01

// Every list of records is kept in id order (the order things were logged).
template <class T>
void SortById(std::vector<T>& records) {
  SortByKey(records, SortOrder::Ascending, [](const T& record) { return OrderKey(record.id, 0); });
}

enum class DateOrder { OldestFirst, NewestFirst };
// Plain dates, by day.
void SortDates(std::vector<Date>& dates, DateOrder order);
// Records (or pointers to them) with a `date` and an `id`: by day, then by id, the order they
// were logged in (OldestFirst: lower id first).
template <class T>
void SortByDate(std::vector<T>& records, DateOrder order) {
  SortByKey(records, order == DateOrder::NewestFirst ? SortOrder::Descending : SortOrder::Ascending,
            [](const T& record) {
              if constexpr (std::is_pointer_v<T>) return OrderKey(DayNumber(record->date), record->id);
              else return OrderKey(DayNumber(record.date), record.id);
            });
}

}  // namespace sw
