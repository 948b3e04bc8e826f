// Native platform for the CLI and tests: the OS clock (or the tests' fake one, native_control.hpp),
// timers run by the tests' AdvanceMs, and a frame loop that simply runs the requested frames (no
// window, no input, no keyboard, no page API).
#include <ctime>
#include <map>
#include <optional>
#include <utility>

#include "platform/native/native_control.hpp"
#include "platform/platform.hpp"

namespace sw::platform {
namespace {
FrameCallback g_on_frame;
int g_frames_pending = 0;
bool g_fake_clock = false;  // set by native_test::Reset()
double g_fake_now_ms = 0;
double g_fake_ms_per_read = 0;  // SetSlowClock
std::optional<std::chrono::year_month_day> g_fake_today;  // native_test::SetToday
// CallAfter's timers by due time, then by the order they were set.
std::multimap<double, std::function<void()>> g_timers;
}  // namespace

std::chrono::year_month_day Today() {
  if (g_fake_today) return *g_fake_today;
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return std::chrono::year_month_day{std::chrono::year{local.tm_year + 1900},
                                     std::chrono::month{unsigned(local.tm_mon + 1)},
                                     std::chrono::day{unsigned(local.tm_mday)}};
}

double NowMs() {
  if (g_fake_clock) {
    double now = g_fake_now_ms;
    g_fake_now_ms += g_fake_ms_per_read;
    return now;
  }
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

void RequestFrame() { g_frames_pending = g_frames_pending > 1 ? g_frames_pending : 1; }
void NextFrameBy(double) {}  // nothing is drawn natively: no deadline to keep
// Kept until a test's AdvanceMs reaches it (the CLI never waits for one).
void CallAfter(double delay_ms, std::function<void()> work) {
  g_timers.emplace(NowMs() + (delay_ms > 0 ? delay_ms : 0), std::move(work));
}
std::vector<InputEvent> TakeInputEvents() { return {}; }
Viewport CurrentViewport() { return {}; }
void SetTextFieldRects(std::vector<TextFieldRect>) {}
void HideKeyboard() {}
void KeepKeyboardOn(const TextFieldRect&) {}
void SetDateFieldRects(std::vector<DateFieldRect>) {}
std::vector<PickedDate> TakePickedDates() { return {}; }
void MirrorWidgets(const std::string&) {}
void Announce(const std::string&) {}
std::vector<AssistiveRequest> TakeAssistiveRequests() { return {}; }
void InstallAutomationApi(AutomationHandlers) {}
void ShowFirstFrame() {}
void SignalDrawn() {}
void SignalReady() {}
void SignalAllLoaded() {}
bool PrefersDarkColors() { return false; }
bool PrefersReducedMotion() { return false; }
void SetPageTheme(bool) {}

// ---- Test controls (native_control.hpp) ------------------------------------------------------
namespace native_test {

void ResetClock() {
  g_fake_clock = true;
  g_fake_now_ms = 0;
  g_fake_ms_per_read = 0;
  g_fake_today.reset();
  g_timers.clear();
  g_on_frame = nullptr;
  g_frames_pending = 0;
}

void SetToday(std::optional<std::chrono::year_month_day> day) { g_fake_today = day; }
void SetSlowClock(double ms_per_read) { g_fake_ms_per_read = ms_per_read; }

void Reset() {
  ResetClock();
  ResetStorage();
}

void AdvanceMs(double ms) {
  double until = NowMs() + ms;
  // One at a time: a timer may set another (a retry plans the next), due within this advance.
  while (!g_timers.empty() && g_timers.begin()->first <= until) {
    auto first = g_timers.begin();
    if (g_fake_clock && first->first > g_fake_now_ms) g_fake_now_ms = first->first;
    std::function<void()> work = std::move(first->second);
    g_timers.erase(first);
    work();
  }
  if (g_fake_clock && until > g_fake_now_ms) g_fake_now_ms = until;
}

int PendingTimers() { return int(g_timers.size()); }
std::optional<double> NextTimerInMs() {
  if (g_timers.empty()) return std::nullopt;
  return g_timers.begin()->first - NowMs();
}

}  // namespace native_test
}  // namespace sw::platform
