#pragma once
// One struct per screen (one file each). A screen reads frame.state and queues actions; drafts
// of forms being filled in are the only state it keeps.
#include <optional>
#include <string>

#include "core/model.hpp"

#include "guide_screen.hpp"
#include "ui_frame.hpp"

namespace sw::ui {

struct HomeScreen {
  void Draw(UiFrame& frame);
};

// The run log (log_screen.cpp): a form drafted here, the recent runs, and the last deleted run
// kept for a few seconds so "Undo" can put it back.
struct LogScreen {
  std::string distance_text;
  std::string date_text;      // empty: today
  std::string duration_text;
  std::optional<Id> shoe_choice;  // nullopt until the runner picks: the default shoe
  bool no_shoe = false;
  bool warmup = false;
  bool cooldown = false;
  std::optional<Id> editing_id;  // set while an existing run is loaded into the form
  std::string distance_error, date_error, duration_error, message;
  std::optional<Run> undo_run;
  double undo_until = 0;  // ImGui time
  void Draw(UiFrame& frame);
  void ClearForm();
};

// Shoes (shoes_screen.cpp): one shoe expanded for editing at a time, plus the "Add shoes" form.
struct ShoeDraft {
  std::string name, start, warn, replace, purchase;
  bool make_default = false;
  Units units = Units::Miles;  // the units the numbers were written in
  std::string error;
};

struct ShoesScreen {
  bool adding = false;
  ShoeDraft add;
  std::optional<Id> expanded_id;
  ShoeDraft edit;
  void Draw(UiFrame& frame);
};

struct CadenceScreen {
  void Draw(UiFrame& frame);
};

// GuideScreen (the guide, warm-up checklist, strength routine, pain log): guide_screen.hpp.

struct SettingsScreen {
  float text_size = 100;  // the slider's value while a finger is on it (applied on release)
  bool text_size_editing = false;
  void Draw(UiFrame& frame);
};

// Drawn over everything while a picked backup waits for confirmation (confirm_dialog.cpp).
void DrawImportConfirmation(UiFrame& frame);

// The frame around the screens: title bar, scrolling content, bottom navigation.
struct Shell {
  HomeScreen home;
  LogScreen log;
  ShoesScreen shoes;
  CadenceScreen cadence;
  GuideScreen guide;
  SettingsScreen settings;
  void Draw(UiFrame& frame);
};

}  // namespace sw::ui
