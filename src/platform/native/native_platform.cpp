// Native platform for the CLI and tests: the OS clock, and a frame loop that simply runs the
// requested frames (no window, no input, no keyboard, no page API).
#include <ctime>

#include "platform/platform.hpp"

namespace sw::platform {
namespace {
FrameCallback g_on_frame;
int g_frames_pending = 0;
}  // namespace

std::chrono::year_month_day Today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return std::chrono::year_month_day{std::chrono::year{local.tm_year + 1900},
                                     std::chrono::month{unsigned(local.tm_mon + 1)},
                                     std::chrono::day{unsigned(local.tm_mday)}};
}

double NowMs() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

bool OpenWindow(std::string& error) {
  error = "The native build has no window.";
  return false;
}

void RunFrameLoop(FrameCallback on_frame) {
  g_on_frame = std::move(on_frame);
  while (g_frames_pending-- > 0 && g_on_frame) g_on_frame();
}

void RequestFrames(int count) { g_frames_pending = count > g_frames_pending ? count : g_frames_pending; }
void RequestFrameAfter(double) {}
void CallAfter(double, std::function<void()>) {}  // no clock runs natively
std::vector<InputEvent> TakeInputEvents() { return {}; }
Viewport CurrentViewport() { return {}; }
void SetTextFieldRects(std::vector<TextFieldRect>) {}
void HideKeyboard() {}
void KeepKeyboardOn(const TextFieldRect&) {}
void InstallAutomationApi(AutomationHandlers) {}
void SignalReady() {}
bool PrefersDarkColors() { return false; }
void SetPageTheme(bool) {}

}  // namespace sw::platform
