#pragma once
// Small shared pieces of the model-changing action handlers (actions_shoes/runs/log/settings/
// backup.cpp): every handler reads its fields through validation.hpp's FieldReader.
#include <algorithm>
#include <vector>

#include "core/actions/action_handlers.hpp"
#include "core/model/validation.hpp"

namespace sw {

inline ActionResult FailWith(const FieldReader& in) {
  ActionResult result = ActionResult::Fail(in.Error());
  result.field = in.Field();
  result.reason = in.Reason();
  return result;
}

inline ActionResult Created(Id id) {
  ActionResult result;
  result.id = id;
  return result;
}

// A new record goes where a reload would put it: in id order. Usually that is the end; after a
// rebase re-applies this tab's record with the id it was first given, another tab's newer
// records may already be there.
template <typename Record>
void InsertInIdOrder(std::vector<Record>& records, Record record) {
  auto at = std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id > record.id; });
  records.insert(at, std::move(record));
}

inline ActionResult NoMoreIds(std::string_view type) {
  return ActionResult::Fail(std::string(type) + ": no more ids are available.");
}

}  // namespace sw
