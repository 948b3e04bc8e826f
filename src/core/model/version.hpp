#pragma once
// The one place the app's version lives; the CLI, state() and the page all show it.
namespace sw {
inline constexpr const char* kVersion = "0.1.0";
}
