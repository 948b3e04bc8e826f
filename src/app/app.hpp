#pragma once
// The wiring: platform events -> ImGui -> screens -> actions -> core::Apply -> state; the
// automation API goes through the same Dispatch().
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cadence_meter.hpp"
#include "core/storage/backup_file.hpp"
#include "core/model/state.hpp"
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
  nlohmann::json Dispatch(const nlohmann::json& action);
  // Downloads, the file picker and import confirmation (data_actions.cpp); nullopt: not one of them.
  std::optional<nlohmann::json> HandleDataAction(const nlohmann::json& action);
  void UpdateSaveInfo();
  ActionContext CurrentContext() const;
  nlohmann::json StateJson() const;
  void UpdateLook(const platform::Viewport& viewport);

  AppState state_;
  // The cadence meter saves sessions through Dispatch like any other action.
  CadenceMeter cadence_{[this](const nlohmann::json& action) { return Dispatch(action); }};
  float armed_rect_[4] = {0, 0, 0, 0};  // the Start button last passed to MotionArmPermission
  StorageSync storage_;
  std::string pending_import_;  // a checked backup's text waiting for Replace
  // A picked backup (data_actions.cpp): parsed by the worker, its parts decoded here a slice at a
  // time (UnpackSlice), then the model waiting for Replace.
  std::unique_ptr<BackupUnpacker> unpacking_;
  std::string unpacking_name_;
  unsigned unpack_generation_ = 0;  // a newer pick stops an older one's slices
  std::shared_ptr<const Model> pending_model_;
  void UnpackSlice(unsigned generation);
  ui::Shell shell_;
  ImGuiRenderer renderer_;
  PointerInput pointer_;
  ui::SaveInfo save_info_;
  std::vector<ui::WidgetInfo> widgets_;
  std::vector<nlohmann::json> ui_actions_;
  unsigned long long frames_rendered_ = 0;
  float scale_ = 0;
  bool dark_ = false;
  double last_frame_ms_ = 0;
  bool ready_ = false;
  double ready_ms_ = 0;
  bool text_input_was_active_ = false;
};

}  // namespace sw
