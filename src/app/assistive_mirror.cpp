#include "assistive_mirror.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace sw {

AssistiveMirror::Target AssistiveMirror::TargetOf(const std::vector<ui::WidgetInfo>& widgets, int index) {
  Target target{widgets[index].label, widgets[index].kind, 0};
  for (int i = 0; i < index; ++i)
    if (widgets[i].label == target.label && widgets[i].kind == target.kind) ++target.occurrence;
  return target;
}

const ui::WidgetInfo* AssistiveMirror::Find(const std::vector<ui::WidgetInfo>& widgets, const Target& target) {
  int seen = 0;
  for (const ui::WidgetInfo& w : widgets)
    if (w.label == target.label && w.kind == target.kind && seen++ == target.occurrence) return &w;
  return nullptr;
}

// What a mouse click at the widget's centre sends; the pointer then leaves, so no hover stays.
void AssistiveMirror::Click(ImGuiIO& io, const ui::WidgetInfo& widget) {
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent((widget.x0 + widget.x1) * 0.5f, (widget.y0 + widget.y1) * 0.5f);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

void AssistiveMirror::TakeRequests(const std::vector<ui::WidgetInfo>& last_widgets, ImGuiIO& io) {
  // Clicks on widgets revealed in the last frame: they are now drawn where they can be hit.
  for (const Target& target : pending_clicks_)
    if (const ui::WidgetInfo* w = Find(last_widgets, target); w && w->visible) Click(io, *w);
  pending_clicks_.clear();

  using Kind = platform::AssistiveRequest::Kind;
  for (platform::AssistiveRequest& request : platform::TakeAssistiveRequests()) {
    if (request.kind == Kind::Escape) {
      io.AddKeyEvent(ImGuiKey_Escape, true);
      io.AddKeyEvent(ImGuiKey_Escape, false);
      continue;
    }
    if (request.index < 0 || request.index >= int(last_widgets.size())) continue;
    const ui::WidgetInfo& w = last_widgets[request.index];
    switch (request.kind) {
      case Kind::Activate:
        if (w.visible) {
          Click(io, w);
        } else {
          reveals_.push_back(w);
          pending_clicks_.push_back(TargetOf(last_widgets, request.index));
        }
        break;
      case Kind::SetValue:
        if (!w.field.empty()) values_.emplace_back(w.field, std::move(request.value));
        break;
      case Kind::Reveal:
        if (!w.whole) reveals_.push_back(w);
        break;
      case Kind::Escape: break;
    }
  }
}

void AssistiveMirror::ApplyInFrame(ui::UiFrame& frame) {
  for (auto& [field, value] : values_) frame.assistive_values[field] = std::move(value);
  values_.clear();
  // The widget's window scrolls so the widget sits in its middle (its rectangle was recorded
  // unclipped, in screen coordinates of that frame).
  for (const ui::WidgetInfo& w : reveals_) {
    ImGuiWindow* window = ImGui::FindWindowByID(w.window);
    if (!window) continue;
    float center = (w.y0 + w.y1) * 0.5f - window->Pos.y;
    ImGui::SetScrollFromPosY(window, center, 0.5f);
  }
  reveals_.clear();
}

namespace {
void AppendField(std::string& out, const std::string& text) {
  for (char c : text) out += (c == '\t' || c == '\n') ? ' ' : c;
  out += '\t';
}

void AppendNumber(std::string& out, float value) {
  out += std::to_string(int(std::lround(value)));
  out += '\t';
}
}  // namespace

void AssistiveMirror::Publish(const std::vector<ui::WidgetInfo>& widgets, float pixel_ratio) {
  const float ratio = pixel_ratio > 0 ? pixel_ratio : 1;
  std::string lines;
  lines.reserve(widgets.size() * 64);
  std::vector<std::string> warnings;
  for (const ui::WidgetInfo& w : widgets) {
    AppendField(lines, w.kind);
    AppendField(lines, w.name.empty() ? w.label : w.name);
    AppendField(lines, w.value);
    AppendField(lines, std::string(w.visible ? "v" : "") + (w.numeric ? "n" : "") + (w.whole ? "" : "p") + (w.disabled ? "d" : ""));
    AppendNumber(lines, w.x0 / ratio);
    AppendNumber(lines, w.y0 / ratio);
    AppendNumber(lines, (w.x1 - w.x0) / ratio);
    AppendNumber(lines, (w.y1 - w.y0) / ratio);
    char range[48];
    std::snprintf(range, sizeof range, "%g\t%g\t%u", w.min, w.max, w.id);
    lines += range;
    lines += '\n';
    // Warnings are said once each while the page is open, when first drawn: a pair to replace, the
    // spike, the see-a-doctor card.
    if (w.kind == "info" && (w.value == "warning" || w.value == "see_doctor" || w.value == "exceeded"))
      warnings.push_back(w.label);
  }
  if (lines != sent_) {
    platform::MirrorWidgets(lines);
    sent_ = std::move(lines);
  }
  for (std::string& warning : warnings)
    if (std::find(announced_.begin(), announced_.end(), warning) == announced_.end()) {
      platform::Announce(warning);
      announced_.push_back(std::move(warning));
    }
}

}  // namespace sw
