#include "app.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "core/actions/actions.hpp"
#include "core/actions/state_json.hpp"
#include "platform/activity_import.hpp"
#include "platform/files.hpp"
#include "platform/frame_schedule.hpp"
#include "platform/motion.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"
#include "ui/theme.hpp"

namespace sw {
namespace {

// state(fields): "a,b,c" names the top-level fields wanted; "" is all of them.
std::vector<std::string_view> FieldNames(std::string_view fields) {
  std::vector<std::string_view> names;
  for (std::size_t start = 0; start < fields.size();) {
    std::size_t end = std::min(fields.find(',', start), fields.size());
    names.push_back(fields.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

constexpr float kCursorBlinkSeconds = 4;
// How soon the next frame is due while something on screen moves.
constexpr double kCadenceRedrawMs = 500;    // the cadence readout and clock: about twice a second
constexpr double kTimerRedrawMs = 250;      // a countdown on screen (plank timer, undo bar)
constexpr double kLongPressRedrawMs = 100;  // pocket mode's unlock: a finger resting, not moving
// How long a frame may wait for the commit of the change it would show: one frame at 60 Hz.
constexpr double kCommitWaitMs = 17;
// How long frames may wait while another tab's commit is brought in (read, or rebased onto and
// written again): a few frames, so both tabs agree quickly without the screen seeming stuck.
constexpr double kSyncWaitMs = 100;

}  // namespace

ActionContext App::CurrentContext() const {
  ActionContext context;
  context.today = platform::Today();
  context.ids = storage_.id_space();  // this tab's own ids: no other open tab hands them out
  context.now_ms = platform::NowMs();
  context.sensor = platform::MotionStatus();
  context.kept_aside = &storage_.damaged();
  return context;
}

bool App::Start(std::string& error) {
  if (!platform::OpenWindow(error)) return false;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the runner's data lives in IndexedDB, not in an ini file
  io.LogFilename = nullptr;
  io.ConfigInputTrickleEventQueue = true;
  if (!renderer_.Init(error)) return false;

  // The page API and the import bridge hand over actions as JSON text, answered the same way.
  auto dispatch_text = [this](const std::string& text) {
    nlohmann::json action = nlohmann::json::parse(std::string_view(text), nullptr, /*allow_exceptions=*/false);
    if (action.is_discarded()) return nlohmann::json{{"ok", false}, {"error", "The action is not valid JSON."}}.dump();
    return ResultToJson(Dispatch(Action(std::move(action)))).dump();
  };
  // state() lists every run: the older years are taken in first if they are still to come,
  // unless only fields the run summary answers exactly are asked for (a test watching the load).
  auto state_text = [this](const std::string& fields) {
    static constexpr std::string_view kWithoutEveryRun[] = {"version", "screen", "frames_rendered", "save",
                                                            "startup", "settings", "shoes", "ui"};
    bool every_run = fields.empty();
    for (std::string_view name : FieldNames(fields))
      every_run = every_run || std::find(std::begin(kWithoutEveryRun), std::end(kWithoutEveryRun), name) ==
                                   std::end(kWithoutEveryRun);
    if (every_run) storage_.TakeRunsNow();  // (in the moment before their text is read: save.parts_loading says so)
    return StateJson(fields).dump();
  };
  platform::InstallAutomationApi({state_text, dispatch_text});
  platform::SetImportListener(dispatch_text);
  // Stored data loads before anything is shown; `ready` waits for it and a frame drawing it.
  // (web/storage_preload.js has usually read it already while the app downloaded.)
  storage_.Start(&state_, [] { platform::RequestFrame(); });
  // The fonts are baked now, while the read finishes, so the first frame can draw the data.
  UpdateLook(platform::CurrentViewport());
  platform::RunFrameLoop([this] { Frame(); });
  return true;
}

ActionResult App::Dispatch(const Action& action) {
  // An action on the runs, or one that lists them, never sees the older years missing: they are
  // taken in now if they have not been yet (in the first second after opening, at most). In the
  // moment before their text has even been read (the first read's second part), it is refused.
  if (storage_.RunsLater() && NeedsEveryRun(action.Type()) && !storage_.TakeRunsNow())
    return ActionResult::Fail("Your older runs are still being read. Try again in a moment.");
  ActionContext context = CurrentContext();
  ActionResult result = Apply(state_, action, context);
  if (result.ok) {
    // Carried out now, in this very event: a change is written before a reload could lose it.
    Carry(result.effects, context);
    // From outside a frame (the page API, a bridge's answer) the change is drawn soon, over two
    // frames (ImGui lays a changed screen out in two); inside one, the frame's own decision
    // covers it.
    if (!in_frame_) {
      platform::RequestFrame();
      redraw_through_frame_ = frames_rendered_ + 2;
    }
  }
  return result;
}

void App::UpdateSaveInfo() {
  save_info_.status = StatusId(storage_.status());
  save_info_.error = storage_.shown_error();
  save_info_.problem = ProblemId(storage_.problem());
  save_info_.reason = storage_.reason();
  save_info_.persisted = storage_.persisted();
  save_info_.damaged.clear();
  for (const KeptAside& d : storage_.damaged())
    save_info_.damaged.push_back(d.document.reason + " It has been kept aside unchanged (" + d.kept_as +
                                 "); you can export it below.");
}

nlohmann::json App::StateJson(const std::string& fields) const {
  const std::vector<std::string_view> names = FieldNames(fields);
  auto want = [&names](std::string_view name) {
    return names.empty() || std::find(names.begin(), names.end(), name) != names.end();
  };
  ActionContext context = CurrentContext();
  const Derived& derived = derived_.For(state_, context.today);
  nlohmann::json out = StateToJson(state_, context, derived, want);
  if (want("frames_rendered")) out["frames_rendered"] = frames_rendered_;
  if (want("save")) out["save"] = storage_.ToJson();
  if (want("cadence"))
    out["cadence"] = CadenceToJson(state_.cadence, state_.model, context.now_ms, context.sensor, derived.personal_target);
  // What the first frame read: the runs in the model then, and the years the summary stood in for.
  if (want("startup"))
    out["startup"] = {{"ready_ms", ready_ms_}, {"drawn_with", {{"runs", drawn_runs_}, {"years_later", drawn_years_later_}}}};
  if (!want("ui")) return out;
  platform::Viewport viewport = platform::CurrentViewport();
  nlohmann::json widgets = nlohmann::json::array();
  float ratio = viewport.pixel_ratio > 0 ? viewport.pixel_ratio : 1;
  for (const ui::WidgetInfo& w : widgets_) {
    // Plain text and dialog bounds are for the accessible mirror only.
    if (w.kind == "heading" || w.kind == "label" || w.kind == "dialog" || w.kind == "dialog_end") continue;
    // CSS px, so a test can tap them with page coordinates.
    widgets.push_back({{"label", w.label}, {"kind", w.kind}, {"value", w.value}, {"visible", w.visible},
                       {"x", w.x0 / ratio}, {"y", w.y0 / ratio}, {"w", (w.x1 - w.x0) / ratio},
                       {"h", (w.y1 - w.y0) / ratio}});
  }
  out["ui"] = {{"canvas", {{"width", viewport.width}, {"height", viewport.height}}},
               {"pixel_ratio", viewport.pixel_ratio},
               {"text_input_active", text_input_was_active_},
               {"theme", dark_ ? "dark" : "light"},
               {"text_scale", scale_ / (viewport.pixel_ratio > 0 ? viewport.pixel_ratio : 1)},
               {"frame_ms", frame_ms_},
               {"mirror_ms", mirror_ms_},  // the accessible mirror's share after each frame: lines + DOM
               {"widgets", std::move(widgets)}};
  return out;
}

// Fonts are rasterised at the device pixel ratio times the text size; the theme follows the
// setting or, on "system", the phone's light/dark mode.
void App::UpdateLook(const platform::Viewport& viewport) {
  const Settings& settings = state_.model.settings;
  float scale = viewport.pixel_ratio * float(settings.text_size_pct) / 100.0f * viewport.text_zoom;
  bool dark = settings.theme == Theme::Dark || (settings.theme == Theme::System && platform::PrefersDarkColors());
  if (scale != scale_) {
    ui::BuildFonts(scale);
    renderer_.UploadFontAtlas();
  }
  if (scale != scale_ || dark != dark_) {
    ui::ApplyStyle(scale, dark);
    platform::SetPageTheme(dark);
  }
  scale_ = scale;
  dark_ = dark;
}

void App::Frame() {
  platform::StorageDrain();
  platform::FilesDrain();
  // Only Home is drawn from the run summary; every other screen lists runs or counts them all
  // (in the moment before the older years' text is read, from the years read: drawn whole once in).
  if (state_.screen != Screen::Home) storage_.TakeRunsNow();
  // A backup asked for while the cadence series were still being read is made now they are in.
  if (state_.backup_waiting && state_.unread_series.empty()) Dispatch(Action(nlohmann::json{{"type", "export_backup"}}));
  // The frame after a change waits for the change's commit, one frame interval at most: the
  // runner sees the change and "Saved" together, one frame is drawn instead of two, and the
  // commit is not heard only after a frame's presentation (in headless Chromium a software
  // read-back of the whole canvas). Input stays queued for the frame that is drawn.
  if (storage_.usable() && storage_.FrameShouldWait(platform::NowMs(), kCommitWaitMs, kSyncWaitMs)) {
    platform::NextFrameBy(platform::NowMs());  // the next animation frame looks again
    return;
  }
  UpdateSaveInfo();
  std::vector<platform::InputEvent> events = platform::TakeInputEvents();
  platform::Viewport viewport = platform::CurrentViewport();
  UpdateLook(viewport);
  // Nothing is drawn before the stored data has loaded: the page's own indicator covers the
  // canvas until `ready`, the fonts are baked meanwhile (above), and the first frame shows the
  // runner's data. A frame drawn earlier would only hold the load up: its presentation blocks the
  // main thread (in headless Chromium the software compositor reads the 3x canvas back, ~300 ms),
  // and IndexedDB answers on that thread. The load's callback asks for the first frame.
  if (!storage_.usable()) return;

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(float(viewport.width), float(viewport.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);  // ImGui works in device pixels; layout scales itself
  double now = platform::NowMs();
  // The real time since the last frame, however long the app idled: ImGui's clock decides
  // double-clicks and the cursor blink, and a capped delta would make two taps seconds apart
  // look like a double tap.
  io.DeltaTime = last_frame_ms_ > 0 ? float(std::max((now - last_frame_ms_) / 1000.0, 0.0001)) : 1.0f / 60.0f;
  last_frame_ms_ = now;
  // The text cursor blinks for a few seconds after the last edit, then stays drawn, so a field
  // left focused does not keep the phone rendering. CursorAnim counts seconds since that edit.
  ImGuiInputTextState& edit = ImGui::GetCurrentContext()->InputTextState;
  // With "reduce motion" it does not blink at all.
  const bool still_cursor = platform::PrefersReducedMotion();
  io.ConfigInputTextCursorBlink = io.WantTextInput && edit.CursorAnim + io.DeltaTime < kCursorBlinkSeconds && !still_cursor;
  pointer_.Feed(events, io, viewport.pixel_ratio);
  mirror_.TakeRequests(widgets_, io);  // a screen reader's or keyboard's press: a click, queued after the pointer's
  // Input this frame gets one frame after it: what a widget does with a press that queues no
  // action - a year button's scroll target, a card closed, a run loaded into the form - is laid
  // out only by the next frame. A finger's lift brings that frame with it (the pointer leaves), a
  // mouse's release does not.
  const bool input_this_frame = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;

  // Everything on screen that moves names when it next needs drawing; the earliest wins (below).
  platform::NextFrame next;
  if (state_.cadence.measuring()) next.By(now + kCadenceRedrawMs);  // the live number and the clock
  ImGui::NewFrame();
  pointer_.ApplyScroll();
  widgets_.clear();
  ActionContext context = CurrentContext();
  in_frame_ = true;
  if (state_.cadence.measuring()) {
    // The sensor pump: the samples the bridge delivered since the last frame go through the door.
    Action tick(nlohmann::json{{"type", "cadence_tick"}});
    tick.samples = platform::MotionTakeSamples();
    Dispatch(tick);
    context = CurrentContext();
  }
  CadenceReadout cadence_view = state_.cadence.Readout(context.now_ms, context.sensor);
  ui::UiFrame frame{state_, context, ui_actions_, outcomes_, widgets_, scale_, save_info_};
  // A picked day lands in its field as the field is drawn, after what the form drew above it
  // from the old date (the Log's Today button): one more frame shows them agreeing.
  for (platform::PickedDate& picked : platform::TakePickedDates()) {
    frame.picked_dates[picked.field] = std::move(picked.date);
    redraw_through_frame_ = frames_rendered_ + 2;
  }
  frame.cadence = &cadence_view;
  frame.derived = &derived_.For(state_, context.today);
  mirror_.ApplyInFrame(frame);
  shell_.Draw(frame);
  // A timer on screen (plank timer, undo bar): a few frames a second until it is done.
  if (frame.wants_animation) next.By(now + kTimerRedrawMs);
  ImGui::Render();
  ImVec4 bg = ui::GetPalette().background;
  renderer_.Render(ImGui::GetDrawData(), bg.x, bg.y, bg.z);
  ++frames_rendered_;
  if (frame_ms_.size() == kFrameTimes) frame_ms_.erase(frame_ms_.begin());
  frame_ms_.push_back(float(platform::NowMs() - now));

  // Actions the screens queued go through the same door as the page API; a form gets its
  // outcome back on the next frame.
  std::vector<ui::QueuedAction> actions;
  actions.swap(ui_actions_);
  for (ui::QueuedAction& queued : actions) {
    ActionResult result = Dispatch(Action(std::move(queued.action)));
    if (!result.ok && !result.error.empty() && result.field != "confirm") platform::Announce(result.error);
    if (!queued.form.empty())
      outcomes_[queued.form] = {result.ok, result.error, result.field, result.reason, result.id};
    redraw_through_frame_ = frames_rendered_ + 2;  // the change (or the form's outcome), laid out
  }

  // iOS asks for motion permission only inside a tap: the Start button's rectangle (CSS px)
  // goes to the sensor bridge, which asks when a tap ends in it.
  float armed[4] = {0, 0, 0, 0};
  float ratio = viewport.pixel_ratio > 0 ? viewport.pixel_ratio : 1;
  for (const ui::WidgetInfo& w : widgets_)
    if (w.label == "Start" && w.kind == "button" && w.visible) {
      armed[0] = w.x0 / ratio, armed[1] = w.y0 / ratio, armed[2] = (w.x1 - w.x0) / ratio, armed[3] = (w.y1 - w.y0) / ratio;
      break;
    }
  if (!std::equal(armed, armed + 4, armed_rect_)) {
    std::copy(armed, armed + 4, armed_rect_);
    platform::MotionArmPermission(armed[0], armed[1], armed[2], armed[3]);
  }
  // Pocket mode's long press to unlock needs frames while the finger rests without moving.
  if (state_.cadence.pocket() && io.MouseDown[0]) next.By(now + kLongPressRedrawMs);

  // A date field is also a text field: a mouse and a keyboard type into it.
  std::vector<platform::TextFieldRect> fields;
  std::vector<platform::DateFieldRect> date_fields;
  for (const ui::WidgetInfo& w : widgets_)
    if (w.kind == "text" && w.visible) {
      fields.push_back({w.x0, w.y0, w.x1, w.y1, w.numeric});
      if (w.active && io.WantTextInput) platform::KeepKeyboardOn(fields.back());
      if (w.date) date_fields.push_back({w.x0, w.y0, w.x1, w.y1, w.date->field, w.value, w.date->min, w.date->max});
    }
  platform::SetTextFieldRects(std::move(fields));
  platform::SetDateFieldRects(std::move(date_fields));
  if (text_input_was_active_ && !io.WantTextInput) platform::HideKeyboard();
  text_input_was_active_ = io.WantTextInput;

  const double mirror_start = platform::NowMs();
  mirror_.Publish(widgets_, ratio);
  if (mirror_ms_.size() == kFrameTimes) mirror_ms_.erase(mirror_ms_.begin());
  mirror_ms_.push_back(float(platform::NowMs() - mirror_start));
  // "Saved" for screen readers, once a save under way has landed.
  if (announced_save_status_ == "saving" && save_info_.status == "saved") platform::Announce("Saved");
  announced_save_status_ = save_info_.status;

  if (input_this_frame) redraw_through_frame_ = std::max(redraw_through_frame_, frames_rendered_ + 1);
  // Keep drawing only while something is still moving: queued input, a first layout pass,
  // a blinking text cursor (one frame at each on/off switch: shown 0.8 s of every 1.2 s).
  if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 || frames_rendered_ < 3 || mirror_.busy() ||
      frames_rendered_ < redraw_through_frame_)
    next.By(now);
  if (io.WantTextInput && edit.CursorAnim < kCursorBlinkSeconds && !still_cursor) {
    float phase = ImFmod(edit.CursorAnim, 1.2f);
    float to_switch = edit.CursorAnim <= 0 ? 0.8f - edit.CursorAnim : phase <= 0.8f ? 0.8f - phase : 1.2f - phase;
    next.By(now + to_switch * 1000.0 + 5);
  }
  in_frame_ = false;
  platform::NextFrameBy(next.deadline());  // the frame's one decision about the next

  if (!drawn_with_data_ && storage_.usable()) {
    drawn_with_data_ = true;
    ready_ms_ = platform::NowMs();  // since navigation start: cold start to the first frame with data
    drawn_runs_ = int(state_.model.runs.size());
    drawn_years_later_ = int(state_.model.unread_run_years.size());
    platform::ShowFirstFrame();
    storage_.AfterFirstFrame();  // what the first screen does not show is read now
  }
  // `drawn`: that first frame is drawn, and the older years' text is in (it comes in moments, in
  // the first read's second part), so from then on state() and actions that need every run have
  // them at once, as they always had.
  if (drawn_with_data_ && !drawn_signalled_ && !storage_.RunTextsPending()) {
    drawn_signalled_ = true;
    platform::SignalDrawn();
  }
  // `ready`: a frame showing every run is drawn (the API's state() and actions see them all).
  if (drawn_with_data_ && !ready_ && !storage_.RunsLater()) {
    ready_ = true;
    platform::SignalReady();
  }
  if (ready_ && !all_loaded_signalled_ && storage_.AllLoaded()) {
    all_loaded_signalled_ = true;  // a frame showing every part is drawn
    platform::SignalAllLoaded();
  }
}

}  // namespace sw
