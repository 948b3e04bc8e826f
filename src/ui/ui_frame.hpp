#pragma once
// What every screen gets for one frame: the state to read, a queue to put actions on, and the
// registry of interactive widgets drawn (the keyboard bridge and the tests read it).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/state.hpp"

namespace sw::ui {

struct WidgetInfo {
  std::string label;
  std::string kind;  // "button", "text", "slider", "checkbox", "nav"
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // framebuffer pixels, clipped to the visible area
  std::string value;
  bool numeric = false;
  bool visible = true;
};

struct UiFrame {
  const AppState& state;
  const ActionContext& context;
  std::vector<nlohmann::json>& actions;
  std::vector<WidgetInfo>& widgets;
  float scale = 1;  // CSS px -> framebuffer px: devicePixelRatio x text size

  void Dispatch(nlohmann::json action) { actions.push_back(std::move(action)); }
  float Px(float css_px) const { return css_px * scale; }
};

}  // namespace sw::ui
