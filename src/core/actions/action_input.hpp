#pragma once
// Small shared pieces of the model-changing action handlers (actions_shoes/runs/log/settings/
// backup.cpp): every handler reads its fields through validation.hpp's FieldReader.
#include <cstddef>
#include <utility>
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
// records may already be there. Appended, then swapped back past any larger id: far less code
// per record type than vector::insert (its shifting and growing paths, once per type).
template <typename Record>
void InsertInIdOrder(std::vector<Record>& records, Record record) {
  records.push_back(std::move(record));
  for (std::size_t i = records.size() - 1; i > 0 && records[i - 1].id > records[i].id; --i)
    std::swap(records[i - 1], records[i]);
}

// Settings' notice (the last file picked, read or saved, in plain words), also said to screen
// readers through the page's polite live region: the answer to the runner's own tap is heard, not
// only seen. `failed`: nothing was done (drawn as an error).
inline void Notify(AppState& state, ActionResult& result, std::string text, bool failed = false) {
  result.effects.push_back(Announce{text});
  state.notice = {std::move(text), failed};
}

inline ActionResult NoMoreIds(std::string_view type) {
  return ActionResult::Fail(std::string(type) + ": no more ids are available.");
}

}  // namespace sw
