#pragma once
// The Guide screen (guide_screen.cpp, guide_habits.cpp, guide_pain.cpp): the article's six
// mistakes, FAQ, evidence and search, plus the tools that have no tab of their own in the
// bottom bar - the warm-up / cool-down checklist, the hip and core routine with its plank timer,
// and the pain log with its see-a-doctor card. Only drafts and timers live here; everything
// saved goes through actions.
#include <array>
#include <optional>
#include <string>

#include "core/model/model.hpp"
#include "ui_frame.hpp"

namespace sw::ui {

enum class GuidePage { Guide, Warmup, Strength, Pain };

struct PainDraft {
  std::string date_text;  // empty: today
  std::optional<PainArea> area;
  BodySide side = BodySide::None;
  float severity = 3;
  bool worse_with_activity = false;
  bool changes_gait = false;
  std::string note;
  std::string error, message;
};

struct GuideScreen {
  GuidePage page = GuidePage::Guide;
  bool scroll_to_top = false;
  std::string search;

  // Warm-up / cool-down ticks for today's session (cleared when the day changes).
  Date ticks_date{};
  std::array<bool, 8> warmup_ticks{};
  std::array<bool, 8> cooldown_ticks{};
  // Set by "Log a run with warm-up and cool-down ticked"; the shell pre-ticks the Log form.
  bool log_with_habits = false;

  // Hip and core: exercises ticked for today's session, and the plank timer (ImGui time).
  std::array<bool, 3> strength_ticks{};
  double plank_started = -1;  // >= 0 while running
  double plank_elapsed = 0;   // seconds of the current (or last) hold
  int plank_holds = 0;        // holds that reached the target this session
  std::string strength_message;

  PainDraft pain;

  [[gnu::noinline]] void Draw(UiFrame& frame);  // screens.hpp says why
  void Open(GuidePage to);
  bool scroll_to_evidence = false;  // the next Guide page frame scrolls to the research section

 private:
  void DrawTabs(UiFrame& frame);
  void DrawGuide(UiFrame& frame);
  void DrawWarmup(UiFrame& frame);
  void DrawStrength(UiFrame& frame);
  void DrawPain(UiFrame& frame);
  void DrawPlankTimer(UiFrame& frame);
  void DrawPainForm(UiFrame& frame);
};

}  // namespace sw::ui
