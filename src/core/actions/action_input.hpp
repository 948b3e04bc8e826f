#pragma once
// Small shared pieces of the model-changing action handlers (actions_shoes/runs/log/settings/
// backup.cpp): every handler reads its fields through validation.hpp's FieldReader.
#include "core/actions/action_handlers.hpp"
#include "core/model/validation.hpp"

namespace sw {

inline ActionResult FailWith(const FieldReader& in) { return ActionResult::Fail(in.Error()); }

inline ActionResult Created(Id id) {
  ActionResult result;
  result.id = id;
  return result;
}

inline ActionResult NoMoreIds(std::string_view type) {
  return ActionResult::Fail(std::string(type) + ": no more ids are available.");
}

}  // namespace sw
