#pragma once
// The accessible mirror, app side: each frame's widgets (ui::WidgetInfo) go to the platform's DOM
// layer when they changed, and what a screen reader or keyboard does there comes back as what a
// runner's tap or typing would do - a click at the widget's centre, or the field's new text.
#include <string>
#include <vector>

#include <imgui.h>

#include "platform/platform.hpp"
#include "ui/ui_frame.hpp"

namespace sw {

class AssistiveMirror {
 public:
  // Before ImGui::NewFrame(): the requests since the last frame, against the widgets of the frame
  // they were made on. Clicks go into `io` as mouse events (ImGui trickles them over the next
  // frames); values and reveals wait for ApplyInFrame().
  void TakeRequests(const std::vector<ui::WidgetInfo>& last_widgets, ImGuiIO& io);
  // After NewFrame(), before the screens are drawn: fields get their new values, and a widget
  // scrolled out of view is scrolled into it (its click follows once it is drawn there).
  void ApplyInFrame(ui::UiFrame& frame);
  // After the frame: the widgets to the layer when anything in them changed; new warnings said.
  void Publish(const std::vector<ui::WidgetInfo>& widgets, float pixel_ratio);
  // Whether requests are still being carried out (more frames are needed).
  bool busy() const { return !pending_clicks_.empty() || !reveals_.empty(); }

 private:
  // A widget found again in a later frame: its label, kind and which of the widgets with both it is.
  struct Target {
    std::string label, kind;
    int occurrence = 0;
  };
  static Target TargetOf(const std::vector<ui::WidgetInfo>& widgets, int index);
  static const ui::WidgetInfo* Find(const std::vector<ui::WidgetInfo>& widgets, const Target& target);
  static void Click(ImGuiIO& io, const ui::WidgetInfo& widget);

  std::vector<Target> pending_clicks_;  // revealed this frame, clicked on the next
  std::vector<ui::WidgetInfo> reveals_;
  std::vector<std::pair<std::string, std::string>> values_;
  std::string sent_;                      // the last lines sent to the layer
  std::vector<std::string> announced_;   // warnings said already: each once while the page is open
};

}  // namespace sw
