#pragma once
// What every screen gets for one frame: the state to read, a queue to put actions on, and the
// registry of interactive widgets drawn (the keyboard bridge and the tests read it).
#include <optional>
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

// What the header's save mark and Settings show about storage (from the app's StorageSync).
struct SaveInfo {
  std::string status = "loading";  // "loading" | "saving" | "saved" | "error"
  std::string error;
  std::optional<bool> persisted;    // navigator.storage.persist() answer, when known
  std::vector<std::string> damaged;  // plain-words notes about data kept aside
  std::string import_confirm;        // non-empty: a picked backup waits for "Replace?" confirmation
  std::string notice;                // the last import/export outcome, in plain words
};

struct UiFrame {
  const AppState& state;
  const ActionContext& context;
  std::vector<nlohmann::json>& actions;
  std::vector<WidgetInfo>& widgets;
  float scale = 1;  // CSS px -> framebuffer px: devicePixelRatio x text size
  const SaveInfo& save;

  void Dispatch(nlohmann::json action) { actions.push_back(std::move(action)); }
  float Px(float css_px) const { return css_px * scale; }
};

}  // namespace sw::ui
