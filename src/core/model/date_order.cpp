#include "core/model/date_order.hpp"

#include <algorithm>

namespace sw {

void SortDatedKeys(std::vector<DatedKey>& keys, DateOrder order) {
  const bool newest_first = order == DateOrder::NewestFirst;
  std::sort(keys.begin(), keys.end(), [newest_first](const DatedKey& a, const DatedKey& b) {
    if (a.day != b.day) return newest_first ? a.day > b.day : a.day < b.day;
    return newest_first ? a.id > b.id : a.id < b.id;
  });
}

}  // namespace sw
