#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {

namespace {

// The dimmed screen and the card on it; everything between Begin and End goes in the card.
void BeginDialogCard(UiFrame& frame, const char* id) {
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0.45f));
  ImGui::Begin(("##" + std::string(id)).c_str(), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor();
  float margin = frame.Px(16);
  float width = std::min(io.DisplaySize.x - 2 * margin, frame.Px(560));
  ImGui::SetCursorPos(ImVec2((io.DisplaySize.x - width) * 0.5f, io.DisplaySize.y * 0.2f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, GetPalette().surface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(frame.Px(16), frame.Px(16)));
  // A long card (a choice among thirty pairs) scrolls inside at most 70% of the screen's height.
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, io.DisplaySize.y * 0.7f));
  ImGui::BeginChild("##card", ImVec2(width, 0), ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
  // The accessible mirror makes everything outside the card inert while it is up (a modal dialog).
  WidgetInfo start;
  start.kind = "dialog";
  frame.widgets.push_back(std::move(start));
}

void EndDialogCard(UiFrame& frame) {
  WidgetInfo end;
  end.kind = "dialog_end";
  frame.widgets.push_back(std::move(end));
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace

int ConfirmCard(UiFrame& frame, const ConfirmCardText& text) {
  BeginDialogCard(frame, text.id);
  Heading(text.title.c_str());
  Paragraph(text.body.c_str());
  RecordLastItem(frame, text.body.c_str(), "info", text.id);  // state().ui names the question
  if (!text.note.empty()) SmallText(text.note.c_str());
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  int pressed = 0;
  if (Button(frame, text.cancel.c_str(), ImVec2(half, 0))) pressed = 1;
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Button, text.confirm_color);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, text.confirm_color);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().accent_text);
  if (Button(frame, text.confirm.c_str(), ImVec2(half, 0))) pressed = 2;
  ImGui::PopStyleColor(3);
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) pressed = 1;  // a keyboard's way out: the safe answer
  EndDialogCard(frame);
  return pressed;
}

int ChoiceCard(UiFrame& frame, const char* id, const std::string& title, const std::vector<std::string>& choices,
               const char* cancel) {
  BeginDialogCard(frame, id);
  Heading(title.c_str());
  RecordLastItem(frame, title.c_str(), "info", id);
  int pressed = -1;
  for (std::size_t i = 0; i < choices.size(); ++i)
    if (Button(frame, choices[i].c_str(), ImVec2(-1, 0))) pressed = int(i);
  ImGui::Spacing();
  if (Button(frame, cancel, ImVec2(-1, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) pressed = -2;
  EndDialogCard(frame);
  return pressed;
}

// Confirms replacing the data with a picked backup.
void DrawImportConfirmation(UiFrame& frame) {
  if (!frame.state.pending_import) return;
  int pressed = ConfirmCard(frame, {"import_confirm", "Restore this backup?", frame.state.pending_import->message,
                                    "Your current data will be replaced. Export a backup first if you may want it back.",
                                    "Cancel", "Replace", GetPalette().bad});
  if (pressed == 1) frame.Dispatch({{"type", "import_cancel"}});
  if (pressed == 2) frame.Dispatch({{"type", "import_confirm"}});
}

}  // namespace sw::ui
