#include <imgui.h>

#include "core/version.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {

void SettingsScreen::Draw(UiFrame& frame) {
  Heading("Units");
  bool miles = frame.state.model.settings.units == Units::Miles;
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  ImGui::PushStyleColor(ImGuiCol_Button, miles ? GetPalette().accent : ImGui::GetStyle().Colors[ImGuiCol_Button]);
  ImGui::PushStyleColor(ImGuiCol_Text, miles ? GetPalette().accent_text : GetPalette().text);
  if (Button(frame, "Miles", ImVec2(half, 0))) frame.Dispatch({{"type", "set_units"}, {"units", "mi"}});
  ImGui::PopStyleColor(2);
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Button, !miles ? GetPalette().accent : ImGui::GetStyle().Colors[ImGuiCol_Button]);
  ImGui::PushStyleColor(ImGuiCol_Text, !miles ? GetPalette().accent_text : GetPalette().text);
  if (Button(frame, "Kilometres", ImVec2(half, 0))) frame.Dispatch({{"type", "set_units"}, {"units", "km"}});
  ImGui::PopStyleColor(2);

  ImGui::Spacing();
  Heading("Text size");
  Slider(frame, "##text_size", &text_size, 80, 150, "%.0f%%");
  SmallText("Text size takes effect in a later version.");

  ImGui::Spacing();
  Heading("About");
  std::string version = std::string("Stridewise ") + kVersion;
  Paragraph(version.c_str());
  Paragraph("Your data stays on this device.");
}

}  // namespace sw::ui
