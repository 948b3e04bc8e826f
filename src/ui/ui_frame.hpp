#pragma once
// What every screen gets for one frame: the state to read, a queue to put actions on, and the
// registry of interactive widgets drawn (the keyboard bridge and the tests read it).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/state.hpp"

namespace sw::ui {

struct WidgetInfo {
  std::string label;
  std::string kind;  // "button", "text", "slider", "checkbox", "nav"
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // framebuffer pixels, clipped to the visible area
  std::string value;
  bool numeric = false;
  bool visible = true;
  bool active = false;  // a text field being edited
};

// What the header's save mark and Settings show about storage (from the app's StorageSync).
struct SaveInfo {
  std::string status = "loading";  // "loading" | "saving" | "saved" | "error"
  std::string error;
  // Why nothing is being saved: "none" | "unreadable" | "not_answering" | "not_saved".
  std::string problem = "none";
  std::string reason;  // the browser's words for it ("the device storage is full (quota exceeded)")
  std::optional<bool> persisted;    // navigator.storage.persist() answer, when known
  std::vector<std::string> damaged;  // plain-words notes about data kept aside
  std::string import_confirm;        // non-empty: a picked backup waits for "Replace?" confirmation
  std::string notice;                // the last import/export outcome, in plain words
};

// The cadence meter's live values (src/app/cadence_meter.cpp) for the Cadence screen.
struct CadenceView {
  bool measuring = false;
  double spm = 0;               // 0: no rhythm yet
  double confidence = 0;        // 0..1
  std::string sensor = "idle";  // "ok" | "denied" | "unavailable" | "idle"
  std::string message;          // why the sensor is not delivering, or the last outcome
  bool tap_along = false;       // no sensor: each tap counts one right-foot landing, two steps
  long long steps = 0;
  double elapsed_s = 0;
  double time_in_band_s = 0;
  std::vector<float> series;    // this session's per-second cadence so far
  bool voice = true, metronome = false, pocket = false;
};

struct UiFrame {
  const AppState& state;
  const ActionContext& context;
  std::vector<nlohmann::json>& actions;
  std::vector<WidgetInfo>& widgets;
  float scale = 1;  // CSS px -> framebuffer px: devicePixelRatio x text size
  const SaveInfo& save;
  // Set by a screen with something moving (the plank timer): the app keeps drawing frames.
  bool wants_animation = false;

  // The cadence meter's live values; nullptr outside the app (the screen then shows "--").
  const CadenceView* cadence = nullptr;

  void Dispatch(nlohmann::json action) { actions.push_back(std::move(action)); }
  float Px(float css_px) const { return css_px * scale; }
};

}  // namespace sw::ui
