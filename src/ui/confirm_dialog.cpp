#include <imgui.h>

#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {

// A full-width card over a dimmed screen asking to confirm replacing the data with a backup.
void DrawImportConfirmation(UiFrame& frame) {
  if (frame.save.import_confirm.empty()) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0.45f));
  ImGui::Begin("##import_confirm", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor();
  float margin = frame.Px(16);
  float width = io.DisplaySize.x - 2 * margin;
  ImGui::SetCursorPos(ImVec2(margin, io.DisplaySize.y * 0.28f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, GetPalette().surface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(frame.Px(16), frame.Px(16)));
  ImGui::BeginChild("##card", ImVec2(width, 0), ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
  Heading("Restore this backup?");
  Paragraph(frame.save.import_confirm.c_str());
  RecordLastItem(frame, frame.save.import_confirm.c_str(), "info", "import_confirm");  // state().ui
  SmallText("Your current data will be replaced. Export a backup first if you may want it back.");
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  if (Button(frame, "Cancel", ImVec2(half, 0))) frame.Dispatch({{"type", "import_cancel"}});
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Button, GetPalette().bad);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().accent_text);
  if (Button(frame, "Replace", ImVec2(half, 0))) frame.Dispatch({{"type", "import_confirm"}});
  ImGui::PopStyleColor(2);
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace sw::ui
