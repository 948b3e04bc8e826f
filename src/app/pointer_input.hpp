#pragma once
// Turns the platform's pointer, key and text events into Dear ImGui input, and adds what
// ImGui lacks on a phone: a finger drag scrolls the region under it. The direction of the
// first kTouchSlopCss (10 CSS px) decides: vertical scrolls (and cancels the press, so no button
// fires and no text field is left active), horizontal goes to the widget (a slider follows the finger).
#include <vector>

#include "platform/platform.hpp"

struct ImGuiIO;
struct ImGuiWindow;

namespace sw {

class PointerInput {
 public:
  void Feed(const std::vector<platform::InputEvent>& events, ImGuiIO& io, float pixel_ratio);
  // Call right after ImGui::NewFrame(): applies the drag to the scrolled window.
  void ApplyScroll();
  bool Scrolling() const { return gesture_ == Gesture::Scrolling; }

 private:
  enum class Gesture { None, Pending, Scrolling, Passthrough };
  Gesture gesture_ = Gesture::None;
  float start_x_ = 0, start_y_ = 0, last_y_ = 0;
  float scroll_delta_y_ = 0;
  ImGuiWindow* scroll_window_ = nullptr;
  unsigned active_at_down_ = 0;  // ImGui's active item when the finger came down
  bool release_field_ = false;   // a press turned into a scroll: let go of a field it activated
};

}  // namespace sw
