// load_stored: storage's load comes in through the same door as every change. The model decoded
// from the store rides in the action (action.model); Apply() bumps the revision and saves nothing.
#include "core/actions/action_input.hpp"

namespace sw {

ActionResult ApplyLoadStored(AppState& state, const Action& given, const ActionContext&) {
  if (!given.model) return ActionResult::Fail("load_stored: there is no stored model to load.");
  state.model = *given.model;
  return ActionResult::Ok();
}

}  // namespace sw
