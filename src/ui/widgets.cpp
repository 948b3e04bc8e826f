#include "widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "core/model/dates.hpp"
#include "core/model/validation.hpp"
#include "theme.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw::ui {

namespace {
// ImGui draws a field's or slider's label to the right of its frame. Ours take the whole width, so
// the label would land in the window's side padding: cut off on a phone, but drawn in the wide
// margin of a desktop. The caption above says what the field is; `label` still names it in
// state(), and only the ImGui id hides it.
std::string HiddenLabelFor(const char* label) { return std::string("##") + label; }

std::vector<WidgetInfo>* g_text_sink = nullptr;

// The last ImGui item as a widget record: where it is drawn, whether it is (wholly) in view.
WidgetInfo LastItemInfo(const char* kind) {
  ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  WidgetInfo info;
  info.kind = kind;
  info.visible = r.Overlaps(clip);
  info.whole = clip.Contains(r);
  // The visible part is what a tap can hit; an item scrolled out of view keeps its full
  // rectangle (clipping it would turn it inside out).
  if (info.visible) r.ClipWith(clip);
  info.x0 = r.Min.x, info.y0 = r.Min.y, info.x1 = r.Max.x, info.y1 = r.Max.y;
  info.window = ImGui::GetCurrentWindow()->ID;
  return info;
}

void RecordText(const char* kind, const char* text) {
  if (!g_text_sink || !text || !*text) return;
  WidgetInfo info = LastItemInfo(kind);
  info.label = text;
  g_text_sink->push_back(std::move(info));
}

// A value the accessible mirror set for `field` since the last frame, taken once.
std::optional<std::string> TakeAssistiveValue(UiFrame& frame, const char* field) {
  auto it = frame.assistive_values.find(field);
  if (it == frame.assistive_values.end()) return std::nullopt;
  std::string value = std::move(it->second);
  frame.assistive_values.erase(it);
  // An edit in progress shows its own copy of the text, not the value set.
  if (ImGui::GetActiveID() == ImGui::GetID(HiddenLabelFor(field).c_str())) ImGui::ClearActiveID();
  return value;
}
}  // namespace

void RecordTextInto(std::vector<WidgetInfo>* widgets) { g_text_sink = widgets; }

void RecordLastItem(UiFrame& frame, const char* label, const char* kind, std::string value, bool numeric) {
  // A text drawn and then recorded under its own words (an info line, a card's tap target named by
  // its title) is mirrored once, as the widget.
  std::string_view words = label;
  words = words.substr(0, words.find("##"));
  if (!frame.widgets.empty() && frame.widgets.back().label == words &&
      (frame.widgets.back().kind == "label" || frame.widgets.back().kind == "heading"))
    frame.widgets.pop_back();
  WidgetInfo info = LastItemInfo(kind);
  info.label = words;
  info.id = ImGui::GetItemID();
  // (A date field is disabled for a finger's tap only, which opens the date picker instead.)
  info.disabled = (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) && std::string_view(kind) != "text";
  info.value = std::move(value);
  info.numeric = numeric;
  frame.widgets.push_back(std::move(info));
}

float ListRowHeight(UiFrame& frame) {
  ImGui::PushFont(GetFonts().small);
  const float small_line = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  return std::max(frame.Px(kTouchTargetCss), ImGui::GetTextLineHeight() + small_line) + ImGui::GetStyle().ItemSpacing.y * 2;
}

void BeginListClipper(ImGuiListClipper& clipper, int count, float row_h) {
  const float list_top = ImGui::GetCursorPosY();
  clipper.Begin(count, row_h);
  const float first = (ImGui::GetScrollY() - list_top) / row_h;
  const float last = first + ImGui::GetWindowHeight() / row_h;
  const int from = std::clamp(int(std::floor(first)) - 2, 0, count), to = std::clamp(int(std::ceil(last)) + 2, 0, count);
  if (from < to) clipper.IncludeItemsByIndex(from, to);
}

void ListRowText(ImVec2 row_screen, float row_h, float text_right, const std::string& head,
                 const std::string& detail) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGui::PushFont(GetFonts().small);
  const float small_line = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  const float line_h = ImGui::GetTextLineHeight();
  const float text_top = row_screen.y + (row_h - ImGui::GetStyle().ItemSpacing.y - line_h - small_line) * 0.5f;
  ImGui::RenderTextEllipsis(draw, ImVec2(row_screen.x, text_top), ImVec2(text_right, text_top + line_h), text_right,
                            text_right, head.c_str(), nullptr, nullptr);
  if (detail.empty()) return;
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().muted_text);
  ImGui::RenderTextEllipsis(draw, ImVec2(row_screen.x, text_top + line_h),
                            ImVec2(text_right, text_top + line_h + small_line), text_right, text_right, detail.c_str(),
                            nullptr, nullptr);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void ListRowDivider(UiFrame& frame, ImVec2 row_screen, float row_h) {
  const float y = row_screen.y + row_h - ImGui::GetStyle().ItemSpacing.y * 0.5f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(row_screen.x, y),
                                      ImVec2(ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x, y),
                                      ImGui::GetColorU32(ImGuiCol_Border), frame.Px(1));
}

void BeginFloatingBar(UiFrame& frame, const char* id, ImVec2 min, ImVec2 max) {
  const float bar_h = frame.Px(kFloatingBarCss), margin = frame.Px(kFloatingBarMarginCss);
  ImGui::SetNextWindowPos(ImVec2(min.x + margin, max.y - bar_h - margin));
  ImGui::SetNextWindowSize(ImVec2(max.x - min.x - margin * 2, bar_h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.15f, 0.17f, 0.21f, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, frame.Px(10));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(frame.Px(16), frame.Px(8)));
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing);
}

void EndFloatingBar() {
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

std::vector<const Shoe*> PairsForChoice(const Model& model) {
  std::vector<const Shoe*> pairs;
  for (const Shoe& s : model.shoes)
    if (!s.retired) pairs.push_back(&s);
  std::vector<const Shoe*> retired;
  for (const Shoe& s : model.shoes)
    if (s.retired) retired.push_back(&s);
  // Newest retirement first; a pair retired before retired_on was kept goes by its id (added later, retired later).
  SortByKey(retired, SortOrder::Descending, [](const Shoe* shoe) {
    return OrderKey(shoe->retired_on ? DayNumber(*shoe->retired_on) : INT_MIN, shoe->id);
  });
  pairs.insert(pairs.end(), retired.begin(), retired.end());
  return pairs;
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
  std::optional<std::string> assisted = TakeAssistiveValue(frame, label);
  if (assisted) value = std::move(*assisted);
  bool changed = ImGui::InputText(HiddenLabelFor(label).c_str(), &value, flags);
  ImGui::PopStyleVar();
  RecordLastItem(frame, label, "text", value, numeric);
  frame.widgets.back().active = ImGui::IsItemActive();
  frame.widgets.back().field = label;
  return changed || assisted.has_value();
}

bool DateField(UiFrame& frame, const char* label, std::string& value) {
  const ImGuiID id = ImGui::GetID(label);
  bool picked = false;
  if (auto it = frame.picked_dates.find(label); it != frame.picked_dates.end()) {
    value = std::move(it->second);
    frame.picked_dates.erase(it);
    picked = true;
    // An edit in progress shows its own copy of the text, not the day picked.
    if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
  }
  // The platform opens the picker from the tap's own event (app.cpp hands it this rectangle).
  // ImGui must not take a finger's tap as the start of an edit too: the keyboard would follow
  // it. Disabled as an item flag alone (not BeginDisabled) keeps the field's look. A field
  // already being edited (a mouse click) stays editable.
  bool by_finger = ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen && ImGui::GetActiveID() != id;
  if (by_finger) ImGui::PushItemFlag(ImGuiItemFlags_Disabled, true);
  bool typed = TextField(frame, label, value, /*numeric=*/false, /*select_all=*/true);
  if (by_finger) ImGui::PopItemFlag();
  Date first{std::chrono::year{kFirstYear}, std::chrono::January, std::chrono::day{1}};
  frame.widgets.back().date = DateFieldInfo{label, FormatDate(first),
                                            FormatDate(AddDays(frame.context.today, kMaxFutureDays))};
  return typed || picked;
}

bool Slider(UiFrame& frame, const char* label, float* value, float min, float max, const char* format) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(frame.Px(10), (frame.Px(kTouchTargetCss) - ImGui::GetFontSize()) * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, frame.Px(28));
  ImGui::SetNextItemWidth(-FLT_MIN);
  bool assisted = false;
  if (std::optional<std::string> set = TakeAssistiveValue(frame, label)) {
    char* end = nullptr;
    float v = std::strtof(set->c_str(), &end);
    if (end != set->c_str() && std::isfinite(v)) *value = std::clamp(v, min, max), assisted = true;
  }
  bool changed = ImGui::SliderFloat(HiddenLabelFor(label).c_str(), value, min, max, format);
  ImGui::PopStyleVar(2);
  char text[32];
  snprintf(text, sizeof text, "%g", *value);
  RecordLastItem(frame, label, "slider", text);
  WidgetInfo& info = frame.widgets.back();
  info.field = label, info.min = min, info.max = max;
  return changed || assisted;
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
  RecordText("heading", text);
}

void PlainText(const char* text) {
  ImGui::TextUnformatted(text);
  RecordText("label", text);
}

void WrappedText(const char* text) {
  ImGui::TextWrapped("%s", text);
  RecordText("label", text);
}

void Paragraph(const char* text) {
  ImGui::TextWrapped("%s", text);
  RecordText("label", text);
}

void Caption(const char* text) {
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().muted_text);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  RecordText("label", text);
}

void SmallText(const char* text) {
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().muted_text);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  RecordText("label", text);
}

void ColoredParagraph(ImVec4 color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
  RecordText("label", text);
}

// [SECTION] Bars, pills, cards and styled buttons

ImVec4 Mix(ImVec4 a, ImVec4 b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1);
}

void ProgressBar(UiFrame& frame, float fraction, ImVec4 color, float height_css, float marker) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 min = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  float height = frame.Px(height_css);
  ImVec2 max(min.x + width, min.y + height);
  float rounding = height * 0.5f;
  draw->AddRectFilled(min, max, ImGui::GetColorU32(GetPalette().track), rounding);
  float f = std::clamp(std::isfinite(fraction) ? fraction : 0.0f, 0.0f, 1.0f);
  if (f > 0) draw->AddRectFilled(min, ImVec2(min.x + std::max(width * f, height), max.y), ImGui::GetColorU32(color), rounding);
  if (marker >= 0 && marker <= 1) {
    float x = min.x + width * marker;
    draw->AddRectFilled(ImVec2(x - frame.Px(1.5f), min.y - frame.Px(3)), ImVec2(x + frame.Px(1.5f), max.y + frame.Px(3)),
                        ImGui::GetColorU32(GetPalette().text));
  }
  ImGui::Dummy(ImVec2(width, height));
}

float PillWidth(UiFrame& frame, const char* text) {
  ImGui::PushFont(GetFonts().small);
  float w = ImGui::CalcTextSize(text).x + frame.Px(16);
  ImGui::PopFont();
  return w;
}

void Pill(UiFrame& frame, const char* text, ImVec4 fill, ImVec4 text_color) {
  ImGui::PushFont(GetFonts().small);
  ImVec2 size = ImGui::CalcTextSize(text);
  ImVec2 pad(frame.Px(8), frame.Px(2));
  ImVec2 min = ImGui::GetCursorScreenPos();
  ImVec2 max(min.x + size.x + pad.x * 2, min.y + size.y + pad.y * 2);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ImGui::GetColorU32(fill), (max.y - min.y) * 0.5f);
  draw->AddText(ImVec2(min.x + pad.x, min.y + pad.y), ImGui::GetColorU32(text_color), text);
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
  ImGui::PopFont();
}

namespace {
ImVec2 g_card_top;  // where the open card began (CardBegin)
}  // namespace

void CardBegin(UiFrame& frame) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::Dummy(ImVec2(0, frame.Px(2)));
  g_card_top = ImGui::GetCursorScreenPos();
}

void CardEnd(UiFrame& frame, ImVec4 fill, ImVec4 border, float border_css) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 bottom = ImGui::GetCursorScreenPos();
  draw->ChannelsSetCurrent(0);
  // Bleeds into the window's side padding, like the shoe cards.
  float pad = frame.Px(10);
  float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  ImVec2 a(g_card_top.x - pad, g_card_top.y - pad);
  ImVec2 b(right + pad, bottom.y - ImGui::GetStyle().ItemSpacing.y + pad);
  draw->AddRectFilled(a, b, ImGui::GetColorU32(fill), frame.Px(12));
  if (border.w > 0) draw->AddRect(a, b, ImGui::GetColorU32(border), frame.Px(12), 0, frame.Px(border_css));
  draw->ChannelsMerge();
  ImGui::Dummy(ImVec2(0, frame.Px(14)));
}

bool CardTapTarget(UiFrame& frame, const char* label) {
  ImVec2 end = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(g_card_top);
  float width = ImGui::GetContentRegionAvail().x;
  bool pressed = ImGui::InvisibleButton(label, ImVec2(width, std::max(end.y - g_card_top.y, 1.0f)));
  RecordLastItem(frame, label, "button");
  ImGui::SetCursorScreenPos(end);
  return pressed;
}

bool ToggleButton(UiFrame& frame, const char* label, bool selected, float width_px, float height_css) {
  const Palette& p = GetPalette();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accent : style.Colors[ImGuiCol_Button]);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? p.accent : style.Colors[ImGuiCol_ButtonHovered]);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, selected ? p.accent : style.Colors[ImGuiCol_ButtonActive]);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent_text : p.text);
  bool pressed = Button(frame, label, ImVec2(width_px > 0 ? width_px / frame.scale : width_px, height_css));
  ImGui::PopStyleColor(4);
  return pressed;
}

bool PrimaryButton(UiFrame& frame, const char* label, float width_px) {
  const Palette& p = GetPalette();
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, Mix(p.accent, ImVec4(0, 0, 0, 1), 0.2f));
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  bool pressed = Button(frame, label, ImVec2(width_px > 0 ? width_px / frame.scale : width_px, 0));
  ImGui::PopStyleColor(4);
  return pressed;
}

// [SECTION] Two columns

TwoColumns::TwoColumns(float gap_px) : gap_(gap_px) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  work_min_x_ = window->WorkRect.Min.x, work_max_x_ = window->WorkRect.Max.x;
  content_min_x_ = window->ContentRegionRect.Min.x, content_max_x_ = window->ContentRegionRect.Max.x;
  columns_offset_ = window->DC.ColumnsOffset.x;
  left_ = window->DC.CursorPos.x;
  top_ = bottom_ = window->DC.CursorPos.y;
  width_ = std::max(0.0f, (ImGui::GetContentRegionMaxAbs().x - left_ - gap_) * 0.5f);
  Enter(0);
}

// What a table does for each cell: the column's edges become the window's work and content
// rectangles (what GetContentRegionAvail() and text wrapping read), and a new line starts at the
// column's left edge (ItemSize() returns to Pos + Indent + ColumnsOffset).
void TwoColumns::Enter(int column) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float x = left_ + float(column) * (width_ + gap_);
  window->WorkRect.Min.x = window->ContentRegionRect.Min.x = x;
  window->WorkRect.Max.x = window->ContentRegionRect.Max.x = x + width_;
  window->DC.ColumnsOffset.x = x - window->Pos.x - window->DC.Indent.x;
  window->DC.CursorPos = window->DC.CursorPosPrevLine = ImVec2(x, top_);
  window->DC.CurrLineSize = window->DC.PrevLineSize = ImVec2(0, 0);
  window->DC.CurrLineTextBaseOffset = window->DC.PrevLineTextBaseOffset = 0;
  window->DC.IsSameLine = false;
}

void TwoColumns::Next() {
  bottom_ = std::max(bottom_, ImGui::GetCurrentWindow()->DC.CursorPos.y);
  Enter(1);
}

void TwoColumns::End() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  bottom_ = std::max(bottom_, window->DC.CursorPos.y);
  window->WorkRect.Min.x = work_min_x_, window->WorkRect.Max.x = work_max_x_;
  window->ContentRegionRect.Min.x = content_min_x_, window->ContentRegionRect.Max.x = content_max_x_;
  window->DC.ColumnsOffset.x = columns_offset_;
  window->DC.CursorPos = window->DC.CursorPosPrevLine = ImVec2(left_, bottom_);
  window->DC.CurrLineSize = window->DC.PrevLineSize = ImVec2(0, 0);
  window->DC.IsSameLine = false;
}

}  // namespace sw::ui
