#pragma once
// The wiring: platform events -> ImGui -> screens -> actions -> core::Apply -> state; the
// automation API goes through the same Dispatch().
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actions/actions.hpp"
#include "core/storage/backup_file.hpp"
#include "core/model/state.hpp"
#include "core/rules/derived.hpp"
#include "assistive_mirror.hpp"
#include "imgui_renderer.hpp"
#include "pointer_input.hpp"
#include "storage_sync.hpp"
#include "ui/screens.hpp"

namespace sw {

class App {
 public:
  // Opens the window, sets up ImGui and the page API, starts the frame loop.
  bool Start(std::string& error);

 private:
  void Frame();
  // Core's one door (Apply), then the effects it returns carried out (effects.cpp).
  ActionResult Dispatch(const Action& action);
  void Carry(std::vector<Effect>& effects, const ActionContext& context);
  // The file picker's bridge: checks a file's start, reads it in a worker, decodes it a slice at a
  // time (UnpackSlice), then hands the model to core as backup_file_read.
  void PickBackup();
  void UpdateSaveInfo();
  ActionContext CurrentContext() const;
  nlohmann::json StateJson(const std::string& fields = {}) const;
  void UpdateLook(const platform::Viewport& viewport);

  AppState state_;
  // The model's summaries for today, recomputed only when the model or the day changes; the
  // screens and state() read them (mutable: StateJson() is const).
  mutable DerivedCache derived_;
  float armed_rect_[4] = {0, 0, 0, 0};  // the Start button last passed to MotionArmPermission
  StorageSync storage_;
  // A picked backup (effects.cpp): parsed by the worker, its parts decoded here a slice at a time.
  std::unique_ptr<BackupUnpacker> unpacking_;
  std::string unpacking_name_;
  unsigned unpack_generation_ = 0;  // a newer pick stops an older one's slices
  void UnpackSlice(unsigned generation);
  ui::Shell shell_;
  ImGuiRenderer renderer_;
  PointerInput pointer_;
  AssistiveMirror mirror_;
  std::string announced_save_status_;  // "Saved" is said when a save that was under way ends
  ui::SaveInfo save_info_;
  std::vector<ui::WidgetInfo> widgets_;
  std::vector<ui::QueuedAction> ui_actions_;
  std::map<std::string, ui::Outcome> outcomes_;  // what core said of each form's last action
  unsigned long long frames_rendered_ = 0;
  // What each of the last kFrameTimes frames took in wasm (layout, ImGui, the GL calls), ms, the
  // oldest first: state().ui.frame_ms, for the benchmarks.
  static constexpr std::size_t kFrameTimes = 240;
  std::vector<float> frame_ms_;
  std::vector<float> mirror_ms_;  // the same frames' accessible mirror (AssistiveMirror::Publish), ms
  float scale_ = 0;
  bool dark_ = false;
  double last_frame_ms_ = 0;
  bool drawn_with_data_ = false;  // the first frame with the stored data (or its summary) is drawn
  bool ready_ = false;            // ... and every run is in: stridewise.ready resolved
  int drawn_runs_ = 0, drawn_years_later_ = 0;  // that first frame's runs read and years left for later
  bool all_loaded_signalled_ = false;
  bool drawn_signalled_ = false;
  double ready_ms_ = 0;
  bool text_input_was_active_ = false;
  bool in_frame_ = false;
  unsigned long long redraw_through_frame_ = 0;  // a change is drawn until frames_rendered_ reaches it  // drawing: the frame decides when the next one is due
};

}  // namespace sw
