#include "core/model/model.hpp"

#include <algorithm>
#include <iterator>

#include "core/model/sort_by_key.hpp"

namespace sw {

CadenceSeries::CadenceSeries(std::vector<float> values) {
  if (!values.empty()) values_ = std::make_shared<std::vector<float>>(std::move(values));
}

const std::vector<float>& CadenceSeries::values() const {
  static const std::vector<float> kNone;
  return values_ ? *values_ : kNone;
}

std::vector<float>& CadenceSeries::Mutable() {
  if (!values_) values_ = std::make_shared<std::vector<float>>();
  else if (values_.use_count() > 1) values_ = std::make_shared<std::vector<float>>(*values_);
  return *values_;
}

// Appended, then put in id order once (inserting years of runs one by one would walk the list
// once per run). One sort of ten years of nearly ordered runs is well under a millisecond, and
// it is the sort every list already uses (no merge code of its own in the app's download).
void AddRunsInIdOrder(std::vector<Run>& runs, std::vector<Run> added) {
  SortById(added);
  // Older years read after the first frame were mostly logged before every run already read:
  // they go in front as they are, without sorting the whole list again.
  const bool before_all = added.empty() || runs.empty() || added.back().id < runs.front().id;
  runs.insert(before_all ? runs.begin() : runs.end(), std::make_move_iterator(added.begin()),
              std::make_move_iterator(added.end()));
  if (!before_all) SortById(runs);
}

}  // namespace sw
