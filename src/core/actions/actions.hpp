#pragma once
// One path for every change: the UI, the automation API and the tests build a JSON action
// and hand it to Apply(). A rejected action returns a readable error and changes nothing.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/model/state.hpp"

namespace sw {

struct ActionResult {
  bool ok = true;
  std::string error;
  std::optional<std::int64_t> id;  // the new record's id, for add_* actions

  static ActionResult Ok() { return {}; }
  static ActionResult Fail(std::string message) { return {false, std::move(message), std::nullopt}; }
};

ActionResult Apply(AppState& state, const nlohmann::json& action, const ActionContext& context);

// {ok:true[,id]} or {ok:false,error}: the shape dispatch() returns to JavaScript.
nlohmann::json ResultToJson(const ActionResult& result);

}  // namespace sw
