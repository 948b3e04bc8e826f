#pragma once
#include <chrono>
#include <string>

#include "model.hpp"
#include "screen.hpp"

namespace sw {

// The whole app state that actions change: the model plus what the UI shows.
struct AppState {
  Model model;
  Screen screen = Screen::Home;
  // Bumped by every accepted action that changed the model: storage persists on change.
  unsigned long long model_revision = 0;
};

// What an action may read from outside the state: "today" comes from the browser clock.
struct ActionContext {
  std::chrono::year_month_day today{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}};
};

}  // namespace sw
