#include "core/model/sort_by_key.hpp"

#include <algorithm>

namespace sw {

void SortKeys(std::vector<SortKey>& keys, SortOrder order) {
  const bool descending = order == SortOrder::Descending;
  std::sort(keys.begin(), keys.end(), [descending](const SortKey& a, const SortKey& b) {
    if (a.major != b.major) return descending ? a.major > b.major : a.major < b.major;
    if (a.minor != b.minor) return descending ? a.minor > b.minor : a.minor < b.minor;
    return a.at < b.at;
  });
}

void SortDates(std::vector<Date>& dates, DateOrder order) {
  SortByKey(dates, order == DateOrder::NewestFirst ? SortOrder::Descending : SortOrder::Ascending,
            [](Date date) { return OrderKey(DayNumber(date), 0); });
}

}  // namespace sw
