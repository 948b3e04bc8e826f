#include "widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "theme.hpp"

namespace sw::ui {

void RecordLastItem(UiFrame& frame, const char* label, const char* kind, std::string value, bool numeric) {
  ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  WidgetInfo info;
  info.label = label;
  // Strip ImGui's "##id" suffix: tests and people see the visible text.
  if (auto pos = info.label.find("##"); pos != std::string::npos) info.label.resize(pos);
  info.kind = kind;
  info.visible = r.Overlaps(clip);
  // The visible part is what a tap can hit; an item scrolled out of view keeps its full
  // rectangle (clipping it would turn it inside out).
  if (info.visible) r.ClipWith(clip);
  info.x0 = r.Min.x, info.y0 = r.Min.y, info.x1 = r.Max.x, info.y1 = r.Max.y;
  info.value = std::move(value);
  info.numeric = numeric;
  frame.widgets.push_back(std::move(info));
}

bool Button(UiFrame& frame, const char* label, ImVec2 size_css) {
  ImVec2 size(size_css.x > 0 ? frame.Px(size_css.x) : size_css.x,
              frame.Px(size_css.y > 0 ? size_css.y : kTouchTargetCss));
  bool pressed = ImGui::Button(label, size);
  RecordLastItem(frame, label, "button");
  return pressed;
}

bool TextField(UiFrame& frame, const char* label, std::string& value, bool numeric, bool select_all) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(frame.Px(10), (frame.Px(kTouchTargetCss) - ImGui::GetFontSize()) * 0.5f));
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGuiInputTextFlags flags = numeric ? ImGuiInputTextFlags_CharsDecimal : 0;
  if (select_all) flags |= ImGuiInputTextFlags_AutoSelectAll;
  bool changed = ImGui::InputText(label, &value, flags);
  ImGui::PopStyleVar();
  RecordLastItem(frame, label, "text", value, numeric);
  frame.widgets.back().active = ImGui::IsItemActive();
  return changed;
}

bool Slider(UiFrame& frame, const char* label, float* value, float min, float max, const char* format) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(frame.Px(10), (frame.Px(kTouchTargetCss) - ImGui::GetFontSize()) * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, frame.Px(28));
  ImGui::SetNextItemWidth(-FLT_MIN);
  bool changed = ImGui::SliderFloat(label, value, min, max, format);
  ImGui::PopStyleVar(2);
  char text[32];
  snprintf(text, sizeof text, "%g", *value);
  RecordLastItem(frame, label, "slider", text);
  return changed;
}

bool Checkbox(UiFrame& frame, const char* label, bool* value) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(frame.Px(10), (frame.Px(kTouchTargetCss) - ImGui::GetFontSize()) * 0.5f));
  bool changed = ImGui::Checkbox(label, value);
  ImGui::PopStyleVar();
  RecordLastItem(frame, label, "checkbox", *value ? "true" : "false");
  return changed;
}

void Heading(const char* text) {
  ImGui::PushFont(GetFonts().heading);
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
}

void Paragraph(const char* text) { ImGui::TextWrapped("%s", text); }

void Caption(const char* text) {
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().muted_text);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void SmallText(const char* text) {
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().muted_text);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace sw::ui
