#pragma once
#include <optional>
#include <string_view>

namespace sw {

// The app's screens, in navigation-bar order.
enum class Screen { Home, Log, Shoes, Cadence, Guide, Settings };

inline constexpr Screen kAllScreens[] = {Screen::Home,    Screen::Log,   Screen::Shoes,
                                         Screen::Cadence, Screen::Guide, Screen::Settings};

// Stable machine name used by the automation API ("home", "log", ...).
std::string_view ScreenId(Screen screen);
// Human title shown in the UI ("Home", "Log", ...).
std::string_view ScreenTitle(Screen screen);
std::optional<Screen> ParseScreen(std::string_view id);

}  // namespace sw
