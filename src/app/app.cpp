#include "app.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "core/actions.hpp"
#include "core/state_json.hpp"
#include "platform/platform.hpp"
#include "ui/theme.hpp"

namespace sw {
namespace {

ActionContext CurrentContext() {
  ActionContext context;
  context.today = platform::Today();
  return context;
}

}  // namespace

bool App::Start(std::string& error) {
  if (!platform::OpenWindow(error)) return false;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the runner's data lives in IndexedDB, not in an ini file
  io.LogFilename = nullptr;
  io.ConfigInputTrickleEventQueue = true;
  if (!renderer_.Init(error)) return false;

  platform::InstallAutomationApi({
      [this] { return StateJson().dump(); },
      [this](const std::string& text) {
        nlohmann::json action = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (action.is_discarded()) return nlohmann::json{{"ok", false}, {"error", "The action is not valid JSON."}}.dump();
        return Dispatch(action).dump();
      },
  });
  platform::RunFrameLoop([this] { Frame(); });
  return true;
}

nlohmann::json App::Dispatch(const nlohmann::json& action) {
  ActionResult result = Apply(state_, action, CurrentContext());
  if (result.ok) platform::RequestFrames(2);
  return ResultToJson(result);
}

nlohmann::json App::StateJson() const {
  nlohmann::json out = StateToJson(state_, CurrentContext());
  out["frames_rendered"] = frames_rendered_;
  platform::Viewport viewport = platform::CurrentViewport();
  nlohmann::json widgets = nlohmann::json::array();
  float ratio = viewport.pixel_ratio > 0 ? viewport.pixel_ratio : 1;
  for (const ui::WidgetInfo& w : widgets_) {
    // CSS px, so a test can tap them with page coordinates.
    widgets.push_back({{"label", w.label}, {"kind", w.kind}, {"value", w.value}, {"visible", w.visible},
                       {"x", w.x0 / ratio}, {"y", w.y0 / ratio}, {"w", (w.x1 - w.x0) / ratio},
                       {"h", (w.y1 - w.y0) / ratio}});
  }
  out["ui"] = {{"canvas", {{"width", viewport.width}, {"height", viewport.height}}},
               {"pixel_ratio", viewport.pixel_ratio},
               {"text_input_active", text_input_was_active_},
               {"widgets", std::move(widgets)}};
  return out;
}

void App::RebuildFontsIfNeeded(float scale) {
  if (scale == scale_) return;
  scale_ = scale;
  ui::BuildFonts(scale);
  ui::ApplyStyle(scale);
  renderer_.UploadFontAtlas();
}

void App::Frame() {
  std::vector<platform::InputEvent> events = platform::TakeInputEvents();
  platform::Viewport viewport = platform::CurrentViewport();
  RebuildFontsIfNeeded(viewport.pixel_ratio);

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(float(viewport.width), float(viewport.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);  // ImGui works in device pixels; layout scales itself
  double now = platform::NowMs();
  io.DeltaTime = last_frame_ms_ > 0 ? float(std::clamp((now - last_frame_ms_) / 1000.0, 0.001, 0.1)) : 1.0f / 60.0f;
  last_frame_ms_ = now;
  pointer_.Feed(events, io, viewport.pixel_ratio);

  ImGui::NewFrame();
  pointer_.ApplyScroll();
  widgets_.clear();
  ActionContext context = CurrentContext();
  ui::UiFrame frame{state_, context, ui_actions_, widgets_, scale_};
  shell_.Draw(frame);
  ImGui::Render();
  ImVec4 bg = ui::GetPalette().background;
  renderer_.Render(ImGui::GetDrawData(), bg.x, bg.y, bg.z);
  ++frames_rendered_;

  // Actions the screens queued go through the same path as the page API.
  std::vector<nlohmann::json> actions;
  actions.swap(ui_actions_);
  for (const nlohmann::json& action : actions) Dispatch(action);

  std::vector<platform::TextFieldRect> fields;
  for (const ui::WidgetInfo& w : widgets_)
    if (w.kind == "text" && w.visible) fields.push_back({w.x0, w.y0, w.x1, w.y1, w.numeric});
  platform::SetTextFieldRects(std::move(fields));
  if (text_input_was_active_ && !io.WantTextInput) platform::HideKeyboard();
  text_input_was_active_ = io.WantTextInput;

  // Keep drawing only while something is still moving: queued input, a first layout pass,
  // a blinking text cursor (slowly).
  if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 || frames_rendered_ < 3) platform::RequestFrames(1);
  if (io.WantTextInput) platform::RequestFrameAfter(500);

  if (!ready_) {
    ready_ = true;
    platform::SignalReady();
  }
}

}  // namespace sw
