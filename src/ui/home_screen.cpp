#include <imgui.h>

#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {

void HomeScreen::Draw(UiFrame& frame) {
  Heading("Your shoes");
  Paragraph("No shoes yet. Add a pair to see at a glance when its support is fading.");
  if (Button(frame, "Add shoes", ImVec2(-1, 0))) frame.Dispatch({{"type", "navigate"}, {"screen", "shoes"}});
  ImGui::Spacing();
  Heading("This week");
  Paragraph("No runs logged yet. Log a run to compare this week with last week.");
  if (Button(frame, "Log a run", ImVec2(-1, 0))) frame.Dispatch({{"type", "navigate"}, {"screen", "log"}});
  ImGui::Spacing();
  Heading("Cadence");
  Paragraph("Put your phone in a pocket and hear your steps per minute.");
  if (Button(frame, "Open the cadence meter", ImVec2(-1, 0)))
    frame.Dispatch({{"type", "navigate"}, {"screen", "cadence"}});
}

}  // namespace sw::ui
