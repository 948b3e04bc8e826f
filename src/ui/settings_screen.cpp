#include <imgui.h>

#include <cmath>

#include "core/validation.hpp"
#include "core/version.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

// Two side-by-side choice buttons; the selected one is filled.
bool ChoiceButton(UiFrame& frame, const char* label, bool selected, float width_css) {
  const Palette& palette = GetPalette();
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette.accent : ImGui::GetStyle().Colors[ImGuiCol_Button]);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? palette.accent : ImGui::GetStyle().Colors[ImGuiCol_ButtonHovered]);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette.accent_text : palette.text);
  bool pressed = Button(frame, label, ImVec2(width_css, 0));
  ImGui::PopStyleColor(3);
  return pressed;
}

void DrawDataSection(UiFrame& frame) {
  const SaveInfo& save = frame.save;
  Heading("Your data");
  Paragraph("Everything you log stays in this browser on this device. Nothing is sent anywhere; "
            "a backup file you export is the only copy that leaves.");
  const char* persisted = !save.persisted ? "Storage protection: not offered by this browser."
                          : *save.persisted ? "Storage protection: on - the browser will not clear your data to free space."
                                            : "Storage protection: not granted - the browser may clear data when space runs low. Export a backup now and then.";
  SmallText(persisted);
  for (const std::string& note : save.damaged) {
    ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().bad);
    ImGui::TextWrapped("%s", note.c_str());
    ImGui::PopStyleColor();
  }
  if (!save.damaged.empty() && Button(frame, "Export the unreadable data", ImVec2(-1, 0)))
    frame.Dispatch({{"type", "export_damaged"}});
  if (Button(frame, "Export backup", ImVec2(-1, 0))) frame.Dispatch({{"type", "export_backup"}});
  if (Button(frame, "Import backup", ImVec2(-1, 0))) frame.Dispatch({{"type", "pick_backup_file"}});
  if (Button(frame, "Export runs as CSV", ImVec2(-1, 0))) frame.Dispatch({{"type", "export_csv"}});
  if (!save.notice.empty()) {
    SmallText(save.notice.c_str());
    RecordLastItem(frame, save.notice.c_str(), "info", "notice");  // state().ui: tests, assistive bridges
  }
}

}  // namespace

void SettingsScreen::Draw(UiFrame& frame) {
  Heading("Units");
  bool miles = frame.state.model.settings.units == Units::Miles;
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  if (ChoiceButton(frame, "Miles", miles, half)) frame.Dispatch({{"type", "set_units"}, {"units", "mi"}});
  ImGui::SameLine();
  if (ChoiceButton(frame, "Kilometres", !miles, half)) frame.Dispatch({{"type", "set_units"}, {"units", "km"}});

  ImGui::Spacing();
  Heading("Appearance");
  const Theme theme = frame.state.model.settings.theme;
  float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3 / frame.scale;
  struct Choice {
    const char* label;
    Theme theme;
    const char* id;
  };
  for (const Choice& c : {Choice{"System", Theme::System, "system"}, Choice{"Light", Theme::Light, "light"},
                          Choice{"Dark", Theme::Dark, "dark"}}) {
    if (c.theme != Theme::System) ImGui::SameLine();
    if (ChoiceButton(frame, c.label, theme == c.theme, third))
      frame.Dispatch({{"type", "update_settings"}, {"theme", c.id}});
  }
  SmallText(theme == Theme::System ? "Follows your phone's light or dark mode." : "Always this theme.");

  ImGui::Spacing();
  Heading("Text size");
  // The whole layout grows with the text; it is rebuilt once, when the finger lets go.
  const int saved_size = frame.state.model.settings.text_size_pct;
  if (!text_size_editing) text_size = float(saved_size);
  Slider(frame, "##text_size", &text_size, kMinTextSizePct, kMaxTextSizePct, "%.0f%%");
  text_size_editing = ImGui::IsItemActive();
  if (ImGui::IsItemDeactivated() && int(std::lround(text_size)) != saved_size)
    frame.Dispatch({{"type", "update_settings"}, {"text_size_pct", int(std::lround(text_size))}});

  ImGui::Spacing();
  DrawDataSection(frame);

  ImGui::Spacing();
  Heading("About");
  std::string version = std::string("Stridewise ") + kVersion;
  Paragraph(version.c_str());
}

}  // namespace sw::ui
