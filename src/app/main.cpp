// Stridewise, the WebAssembly app. main() starts the app and returns; the browser's event
// loop then drives it (frames on demand, input and storage callbacks).
#include <cstdio>
#include <string>

#include "app.hpp"

extern "C" void sw_show_fatal_error(const char* message);

int main() {
  static sw::App app;  // lives as long as the page
  std::string error;
  if (!app.Start(error)) {
    std::fprintf(stderr, "Stridewise could not start: %s\n", error.c_str());
    sw_show_fatal_error(error.c_str());
    return 1;
  }
  return 0;
}
