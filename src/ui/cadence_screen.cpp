#include <imgui.h>

#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {

void CadenceScreen::Draw(UiFrame& frame) {
  ImGui::PushFont(GetFonts().big);
  const char* placeholder = "--";
  float width = ImGui::CalcTextSize(placeholder).x;
  ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - width) * 0.5f + ImGui::GetStyle().WindowPadding.x);
  ImGui::TextUnformatted(placeholder);
  ImGui::PopFont();
  char band[64];
  snprintf(band, sizeof band, "steps per minute - aim for %d-%d", 170, 180);
  SmallText(band);
  ImGui::Spacing();
  Paragraph("Shorter, quicker steps that land under your hips take load off knees and hips.");
  (void)frame;
}

}  // namespace sw::ui
