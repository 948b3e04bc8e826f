#include "pointer_input.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

namespace sw {
namespace {

ImGuiKey ToImGuiKey(int key) {
  switch (key) {
    case platform::kKeyBackspace: return ImGuiKey_Backspace;
    case platform::kKeyDelete: return ImGuiKey_Delete;
    case platform::kKeyEnter: return ImGuiKey_Enter;
    case platform::kKeyTab: return ImGuiKey_Tab;
    case platform::kKeyEscape: return ImGuiKey_Escape;
    case platform::kKeyLeft: return ImGuiKey_LeftArrow;
    case platform::kKeyRight: return ImGuiKey_RightArrow;
    case platform::kKeyUp: return ImGuiKey_UpArrow;
    case platform::kKeyDown: return ImGuiKey_DownArrow;
    case platform::kKeyHome: return ImGuiKey_Home;
    case platform::kKeyEnd: return ImGuiKey_End;
    default: return ImGuiKey_None;
  }
}

// The innermost child of `window` under `pos` (the window itself when no child is there).
ImGuiWindow* InnermostChildAt(ImGuiWindow* window, ImVec2 pos) {
  for (int i = window->DC.ChildWindows.Size - 1; i >= 0; --i) {
    ImGuiWindow* child = window->DC.ChildWindows[i];
    if (child->Active && !child->Hidden && child->OuterRectClipped.Contains(pos)) return InnermostChildAt(child, pos);
  }
  return window;
}

// The window under `pos` in the last frame's layout. ImGui finds the hovered window only in
// NewFrame(), which is too late when a touch and its first moves arrive before the next frame
// (a slow frame, or the first frame after idling): the drag would be taken for a press. The
// front-most top-level window decides, then its innermost child there: g.Windows keeps a child
// where it was created, so a card's child (a dialog brought to the front each frame) would
// otherwise be found behind the dialog's own full-screen window.
ImGuiWindow* WindowAt(float x, float y) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (int i = g.Windows.Size - 1; i >= 0; --i) {  // front to back
    ImGuiWindow* window = g.Windows[i];
    if (!window->Active || window->Hidden || (window->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
    if (window->Flags & ImGuiWindowFlags_ChildWindow) continue;
    if (window->OuterRectClipped.Contains(ImVec2(x, y))) return InnermostChildAt(window, ImVec2(x, y));
  }
  return nullptr;
}

// The nearest window, from `window` outwards, that can scroll vertically.
ImGuiWindow* ScrollableAncestor(ImGuiWindow* window) {
  while (window && window->ScrollMax.y <= 0.0f) window = window->ParentWindow;
  return window;
}

}  // namespace

void PointerInput::Feed(const std::vector<platform::InputEvent>& events, ImGuiIO& io, float pixel_ratio) {
  using Kind = platform::InputEvent::Kind;
  const float threshold = platform::kTouchSlopCss * pixel_ratio;
  for (const platform::InputEvent& e : events) {
    if (e.kind == Kind::PointerMove || e.kind == Kind::PointerDown || e.kind == Kind::PointerUp ||
        e.kind == Kind::PointerCancel)
      io.AddMouseSourceEvent(e.touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    switch (e.kind) {
      case Kind::PointerDown:
        if (e.touch) {
          gesture_ = Gesture::Pending;
          start_x_ = e.x, start_y_ = last_y_ = e.y;
          scroll_window_ = ScrollableAncestor(WindowAt(e.x, e.y));
          active_at_down_ = ImGui::GetCurrentContext()->ActiveId;
          release_field_ = false;
        }
        io.AddMousePosEvent(e.x, e.y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        break;
      case Kind::PointerMove:
        if (gesture_ == Gesture::Pending) {
          float dx = e.x - start_x_, dy = e.y - start_y_;
          if (std::hypot(dx, dy) >= threshold) {
            if (std::fabs(dy) >= std::fabs(dx) && scroll_window_) {
              gesture_ = Gesture::Scrolling;
              // Let go off-screen: the widget under the finger sees no click. A text field takes
              // the press itself (ImGui activates one on the way down), so ApplyScroll lets go
              // of it too: a swipe that starts on a field must not leave it being edited.
              io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
              io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
              release_field_ = true;
              scroll_delta_y_ += e.y - start_y_;
              last_y_ = e.y;
              continue;
            }
            gesture_ = Gesture::Passthrough;
          }
        }
        if (gesture_ == Gesture::Scrolling) {
          scroll_delta_y_ += e.y - last_y_;
          last_y_ = e.y;
          continue;
        }
        io.AddMousePosEvent(e.x, e.y);
        break;
      case Kind::PointerUp:
      case Kind::PointerCancel:
        if (gesture_ != Gesture::Scrolling) {
          io.AddMousePosEvent(e.x, e.y);
          io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        }
        // A finger leaves no hover behind.
        if (e.touch) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        gesture_ = Gesture::None;
        break;
      case Kind::Wheel: io.AddMouseWheelEvent(e.x, e.y); break;
      case Kind::Key:
        if (ImGuiKey key = ToImGuiKey(e.key); key != ImGuiKey_None) io.AddKeyEvent(key, e.down);
        break;
      case Kind::Char: io.AddInputCharacter(e.codepoint); break;
      case Kind::Resize: break;
    }
  }
}

void PointerInput::ApplyScroll() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  // The field the cancelled press activated, not one the runner was already editing. ImGui
  // trickles the press and its cancel over separate frames, so this looks until the queue has
  // handed ImGui every event of the gesture.
  if (release_field_) {
    if (g.ActiveId != 0 && g.ActiveId != active_at_down_ && g.ActiveId == g.InputTextState.ID) ImGui::ClearActiveID();
    if (g.InputEventsQueue.Size == 0) release_field_ = false;
  }
  // Fallback when the press found nothing to scroll (no frame drawn yet): ImGui's hover test.
  if (gesture_ == Gesture::Pending && !scroll_window_) scroll_window_ = ScrollableAncestor(g.HoveredWindow);
  if (scroll_delta_y_ != 0.0f && scroll_window_) {
    ImGui::SetScrollY(scroll_window_, scroll_window_->Scroll.y - scroll_delta_y_);
  }
  scroll_delta_y_ = 0;
  if (gesture_ == Gesture::None) scroll_window_ = nullptr;
}

}  // namespace sw
