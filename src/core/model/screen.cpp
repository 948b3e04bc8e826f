#include "core/model/screen.hpp"

namespace sw {

std::string_view ScreenId(Screen screen) {
  switch (screen) {
    case Screen::Home: return "home";
    case Screen::Log: return "log";
    case Screen::Shoes: return "shoes";
    case Screen::Cadence: return "cadence";
    case Screen::Guide: return "guide";
    case Screen::Settings: return "settings";
  }
  return "home";
}

std::string_view ScreenTitle(Screen screen) {
  switch (screen) {
    case Screen::Home: return "Home";
    case Screen::Log: return "Log";
    case Screen::Shoes: return "Shoes";
    case Screen::Cadence: return "Cadence";
    case Screen::Guide: return "Guide";
    case Screen::Settings: return "Settings";
  }
  return "Home";
}

std::optional<Screen> ParseScreen(std::string_view id) {
  for (Screen screen : kAllScreens)
    if (ScreenId(screen) == id) return screen;
  return std::nullopt;
}

}  // namespace sw
