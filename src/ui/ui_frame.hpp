#pragma once
// What every screen gets for one frame: the state to read, a queue to put actions on, and the
// registry of interactive widgets drawn (the keyboard bridge and the tests read it).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/state.hpp"
#include "core/rules/derived.hpp"

namespace sw::ui {

// What a date field adds to its record: the app hands it to the platform's date picker.
struct DateFieldInfo {
  std::string field;     // the full ImGui label ("Date##log"): a picked date is routed back by it
  std::string min, max;  // YYYY-MM-DD: the days core accepts
};

struct WidgetInfo {
  std::string label;
  // Interactive: "button", "text", "slider", "checkbox", "nav", "combo", "option"; read-only:
  // "info", "value"; for the accessible mirror alone (not in state()): text ("heading", "label"),
  // and where a modal dialog's widgets begin and end ("dialog", "dialog_end").
  std::string kind;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // framebuffer pixels, clipped to the visible area
  std::string value;
  bool numeric = false;
  bool visible = true;
  bool active = false;  // a text field being edited
  std::optional<DateFieldInfo> date;  // a text field holding a date
  // A text field's or slider's full ImGui label: a value set through the accessible mirror comes
  // back by it (UiFrame::assistive_values).
  std::string field;
  float min = 0, max = 0;  // a slider's range
  std::string name;        // what the accessible mirror calls it, when not its label (a captioned slider)
  unsigned window = 0;     // the ImGui id of the window it is drawn in (scrolled to reveal it)
  unsigned id = 0;         // its ImGui id (0 for text): the mirror keeps one element per widget by it
  bool whole = true;       // all of it on screen (false: scrolled partly or wholly out of view)
  bool disabled = false;   // a button or checkbox that does nothing now (ImGui::BeginDisabled)
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
};

// An action a screen queued; the app dispatches it through core's door after the frame is drawn.
struct QueuedAction {
  nlohmann::json action;
  std::string form;  // non-empty: the screen wants the outcome back under this name
};

// What core said of an action a form dispatched: ok, or which field is wrong and why (worded in
// core, once). The screen reads it on the next frame: a draft is cleared only on success.
struct Outcome {
  bool ok = false;
  std::string error;   // the whole sentence
  std::string field;   // the field to blame, "" when none; "confirm": core wants the runner's yes
  std::string reason;  // the field's problem alone
  std::optional<long long> id;
};

struct UiFrame {
  const AppState& state;
  const ActionContext& context;
  std::vector<QueuedAction>& actions;
  std::map<std::string, Outcome>& outcomes;
  std::vector<WidgetInfo>& widgets;
  float scale = 1;  // CSS px -> framebuffer px: devicePixelRatio x text size
  const SaveInfo& save;
  // The desktop layout (Shell decides it each frame: kWideLayoutCss of width at this text size):
  // a side navigation instead of the bottom bar, and Home and the Log in two columns.
  bool wide = false;
  // Where a bar floating over the foot of the screen goes (an undo bar; framebuffer px, Shell sets
  // them): a phone's full width above the bottom navigation; a desktop's content column, down to
  // the window's foot.
  float float_left = 0, float_right = 0, float_bottom = 0;
  // Set by a screen with something moving (the plank timer): the app keeps drawing frames.
  bool wants_animation = false;

  // The cadence meter's live values; nullptr outside the app (the screen then shows "--").
  const CadenceReadout* cadence = nullptr;
  // The summaries derived from the model for today (core/rules/derived.hpp): the app's
  // DerivedCache's, computed once per model change. Screens read them through Summaries().
  const Derived* derived = nullptr;
  // Summaries()'s own copy when no one set `derived` (outside the app): derived once per frame.
  std::optional<Derived> own_derived{};
  // Days picked in the platform's date picker since the last frame, by field (DateFieldInfo::field):
  // each field's DateField takes its own.
  std::map<std::string, std::string> picked_dates{};
  // Text and slider values set through the accessible mirror (a screen reader, a keyboard) since
  // the last frame, by field (WidgetInfo::field): each field takes its own, as if typed.
  std::map<std::string, std::string> assistive_values{};

  const Derived& Summaries() {
    if (!derived) derived = &own_derived.emplace(state.model, context.today);
    return *derived;
  }

  void Dispatch(nlohmann::json action, std::string form = {}) {
    if (!form.empty()) outcomes.erase(form);
    actions.push_back({std::move(action), std::move(form)});
  }
  // The outcome of the last action dispatched under `form`, once (nullopt until it is known).
  std::optional<Outcome> TakeOutcome(const std::string& form) {
    auto it = outcomes.find(form);
    if (it == outcomes.end()) return std::nullopt;
    Outcome outcome = std::move(it->second);
    outcomes.erase(it);
    return outcome;
  }
  float Px(float css_px) const { return css_px * scale; }
};

}  // namespace sw::ui
