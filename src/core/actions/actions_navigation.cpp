#include "core/actions/action_handlers.hpp"

namespace sw {

ActionResult ApplyNavigate(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  auto it = action.find("screen");
  if (it == action.end() || !it->is_string())
    return ActionResult::Fail("navigate needs a \"screen\": home, log, shoes, cadence, guide or settings.");
  auto screen = ParseScreen(it->get_ref<const std::string&>());
  if (!screen)
    return ActionResult::Fail("Unknown screen \"" + it->get<std::string>() +
                              "\": use home, log, shoes, cadence, guide or settings.");
  draft.screen = *screen;
  return ActionResult::Ok();
}

}  // namespace sw
