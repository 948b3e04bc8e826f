#pragma once
// One struct per screen (one file each). A screen reads frame.state and queues actions; drafts
// of forms being filled in are the only state it keeps.
//
// Each screen's Draw is its own function ([[gnu::noinline]]), never inlined into the Shell: the
// browser compiles WebAssembly lazily, a function on its first call, on the main thread. With
// every screen inlined, the one frame function was 77 KB, all compiled before the first frame
// though only Home is drawn; now a screen's code is compiled when the runner first opens it.
#include <optional>
#include <set>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>
#include <string>

#include "core/cadence/cadence_history.hpp"
#include "core/model/model.hpp"

#include "guide_screen.hpp"
#include "run_list.hpp"
#include "ui_frame.hpp"

namespace sw::ui {

struct HomeScreen {
  bool open_add_shoes = false;  // "Add shoes" was tapped: the Shell opens the Shoes screen's form
  [[gnu::noinline]] void Draw(UiFrame& frame);
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
  // The last deleted run: its Undo bar stays while the runner is on this screen (a bar that
  // vanished under a finger let the tap fall on the row beneath and delete a second run).
  std::optional<Run> undo_run;
  // The run last sent to core and the line shown once core has saved it.
  nlohmann::json sent_run;
  std::string sent_message;
  // A run far beyond the runner's history (core asked for the runner's yes) waits here for
  // "Save ..." or "Change it".
  std::optional<nlohmann::json> unusual_run;
  // "Edit" was tapped in the history beside the form (desktop): the form scrolls back to its top.
  bool form_to_top = false;
  // The history: every run, or one pair's (shoe_filter), chosen on a card of the pairs.
  RunList runs;
  std::optional<Id> shoe_filter;
  bool choosing_filter = false;
  [[gnu::noinline]] void Draw(UiFrame& frame);
  void ClearForm();

 private:
  void DrawForm(UiFrame& frame);
  // The history; `own_scroll`: in a column of its own that scrolls by itself (desktop).
  void DrawRuns(UiFrame& frame, bool own_scroll);
  // The undo bar at the bottom of `min`..`max` (screen pixels): what the history fills.
  void DrawUndoBar(UiFrame& frame, ImVec2 min, ImVec2 max);
};

// Shoes (shoes_screen.cpp): one shoe expanded for editing at a time, plus the "Add shoes" form.
struct ShoeDraft {
  std::string name, start, warn, replace, purchase;
  bool make_default = false;
  Units units = Units::Miles;  // the units the numbers were written in
  std::string error;
};

// One pair's own page (shoe_story.cpp): its totals, first and last run, the day it was retired,
// its distance over time, and its runs, which can be selected and moved to another pair in one
// step (a runner who forgot to switch shoes for a month).
struct ShoeStory {
  Id shoe_id = 0;
  RunList runs;
  std::set<Id> selected;
  bool choosing_pair = false;  // the "Move to which pair?" card is up
  // The last move, until the runner leaves the page: "Moved 23 runs to Pegasus." and its Undo.
  std::vector<Id> moved;
  std::string moved_message;
  bool Draw(UiFrame& frame);  // false: the runner tapped "All shoes"
};

struct ShoesScreen {
  std::optional<ShoeStory> story;  // a pair's page is open instead of the list
  bool adding = false;
  ShoeDraft add;
  std::optional<Id> expanded_id;
  ShoeDraft edit;
  [[gnu::noinline]] void Draw(UiFrame& frame);
  void StartAdding(const Model& model);  // opens the "Add shoes" form with the default thresholds
};

struct CadenceScreen {
  // "Run" on a session: the Shell opens the Log with its date and time filled in.
  std::optional<CadenceRecord> log_as_run;
  std::optional<Id> delete_id;  // the session whose "Delete this session?" card is up
  [[gnu::noinline]] void Draw(UiFrame& frame);
  void DrawHistory(UiFrame& frame);
};

// GuideScreen (the guide, warm-up checklist, strength routine, pain log): guide_screen.hpp.

struct SettingsScreen {
  float text_size = 100;  // the slider's value while a finger is on it (applied on release)
  bool text_size_editing = false;
  float weekly_limit = 10;  // same, for the weekly increase limit
  bool weekly_limit_editing = false;
  // The new-pair distances as typed, in the unit they were filled in for (refilled when it changes).
  std::string default_warn, default_replace, defaults_error;
  std::optional<Units> defaults_units;
  double defaults_warn_m = 0, defaults_replace_m = 0;  // the stored values the fields were filled from
  [[gnu::noinline]] void Draw(UiFrame& frame);
};

// A card over the dimmed screen asking one question (confirm_dialog.cpp). Returns 1 when
// `cancel` was tapped, 2 for `confirm`, else 0. state().ui lists the body as an "info" widget
// whose value is `id`.
struct ConfirmCardText {
  const char* id;
  std::string title, body, note, cancel, confirm;
  ImVec4 confirm_color;
};
int ConfirmCard(UiFrame& frame, const ConfirmCardText& text);
// A card over the dimmed screen offering `choices` (one button each, full width) and `cancel`.
// Returns the index of the choice tapped, -2 for cancel, else -1.
int ChoiceCard(UiFrame& frame, const char* id, const std::string& title, const std::vector<std::string>& choices,
               const char* cancel);

// Drawn over everything while a picked backup waits for confirmation (confirm_dialog.cpp).
void DrawImportConfirmation(UiFrame& frame);

// Drawn over everything while activity files are read, reviewed or just imported (import_review.cpp).
void DrawActivityImport(UiFrame& frame);

// The frame around the screens: title bar, scrolling content, and the navigation - a bar along
// the bottom of a phone, a column down the left of a desktop (UiFrame::wide).
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
