// The Guide's habit pages.
// [SECTION] Warm-up and cool-down checklist (ticks for today's session, then on to the Log form)
// [SECTION] Hip and core routine: weekly target, exercises, plank timer, logging a session
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/rules/routines.hpp"
#include "core/rules/strength_rules.hpp"
#include "guidance_cards.hpp"
#include "guide_screen.hpp"
#include "theme.hpp"
#include "format.hpp"
#include "widgets.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw::ui {
namespace {

int TotalMinutes(std::span<const RoutineStep> steps) {
  int seconds = 0;
  for (const RoutineStep& s : steps) seconds += s.seconds;
  return (seconds + 59) / 60;
}

// One tickable step: the name as a checkbox, its duration at the right, the how-to beneath.
void DrawStep(UiFrame& frame, const RoutineStep& step, bool& ticked) {
  ImGui::PushID(std::string(step.id).c_str());
  std::string name(step.name);
  Checkbox(frame, name.c_str(), &ticked);
  std::string duration(step.duration);
  float right = ImGui::GetContentRegionMax().x;
  ImGui::SameLine(right - ImGui::CalcTextSize(duration.c_str()).x);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (frame.Px(kTouchTargetCss) - ImGui::GetTextLineHeight()) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().muted_text);
  PlainText(duration.c_str());
  ImGui::PopStyleColor();
  ImGui::Indent(frame.Px(8));
  SmallText(std::string(step.how_to).c_str());
  ImGui::Unindent(frame.Px(8));
  ImGui::Dummy(ImVec2(0, frame.Px(2)));
  ImGui::PopID();
}

std::string ExerciseList(const std::vector<StrengthExercise>& exercises) {
  std::string out;
  for (StrengthExercise e : exercises) {
    std::string name(StrengthStepFor(e).name);
    if (!out.empty()) {
      out += ", ";
      name[0] = char(std::tolower((unsigned char)name[0]));
    }
    out += name;
  }
  return out;
}

}  // namespace

// [SECTION] Warm-up and cool-down checklist

void GuideScreen::DrawWarmup(UiFrame& frame) {
  const Palette& p = GetPalette();
  Date today = frame.context.today;
  if (ticks_date != today) {
    ticks_date = today;
    warmup_ticks.fill(false);
    cooldown_ticks.fill(false);
  }
  std::span<const RoutineStep> before = WarmupSteps();
  std::span<const RoutineStep> after = CooldownSteps();

  Heading("Warm-up and cool-down");
  Paragraph("Starting cold strains joints and tendons; stopping dead leaves you stiff. A few minutes "
            "either side of the run helps both.");
  ImGui::Spacing();
  DrawWarmupStats(frame);

  char title[64];
  std::snprintf(title, sizeof title, "Before you run - about %d min", TotalMinutes(before));
  Heading(title);
  for (std::size_t i = 0; i < before.size() && i < warmup_ticks.size(); ++i) DrawStep(frame, before[i], warmup_ticks[i]);
  ImGui::Spacing();
  std::snprintf(title, sizeof title, "After you run - about %d min", TotalMinutes(after));
  Heading(title);
  for (std::size_t i = 0; i < after.size() && i < cooldown_ticks.size(); ++i) DrawStep(frame, after[i], cooldown_ticks[i]);

  int done = 0, total = int(before.size() + after.size());
  for (std::size_t i = 0; i < before.size() && i < warmup_ticks.size(); ++i) done += warmup_ticks[i];
  for (std::size_t i = 0; i < after.size() && i < cooldown_ticks.size(); ++i) done += cooldown_ticks[i];
  ImGui::Spacing();
  std::snprintf(title, sizeof title, "Today: %d of %d steps done", done, total);
  PlainText(title);
  ProgressBar(frame, total > 0 ? float(done) / float(total) : 0, done == total ? p.ok : p.accent);
  ImGui::Spacing();
  if (PrimaryButton(frame, "Log a run with warm-up and cool-down ticked")) {
    log_with_habits = true;
    frame.Dispatch({{"type", "navigate"}, {"screen", "log"}});
  }
  SmallText("The Log form opens with both boxes ticked; untick anything you skipped.");
}

// [SECTION] Hip and core routine

void GuideScreen::DrawPlankTimer(UiFrame& frame) {
  const Palette& p = GetPalette();
  const StrengthStep& plank = StrengthStepFor(StrengthExercise::Plank);
  double target = plank.hold_seconds > 0 ? plank.hold_seconds : 30;
  double now = ImGui::GetTime();
  bool running = plank_started >= 0;
  double elapsed = running ? now - plank_started : plank_elapsed;
  if (running && elapsed >= target) {  // the hold is done: stop, count it, tick planks
    running = false;
    plank_started = -1;
    plank_elapsed = elapsed = target;
    plank_holds += 1;
    strength_ticks[int(StrengthExercise::Plank)] = true;
  }
  if (running) frame.wants_animation = true;

  // The seconds in big digits, the target beside them.
  char seconds[16];
  std::snprintf(seconds, sizeof seconds, "%d", int(elapsed));
  ImGui::PushFont(GetFonts().big);
  ImGui::PushStyleColor(ImGuiCol_Text, elapsed >= target ? p.ok : p.text);
  PlainText(seconds);
  ImGui::PopStyleColor();
  float big_bottom = ImGui::GetItemRectMax().y;
  ImGui::PopFont();
  ImGui::SameLine();
  char of[48];
  std::snprintf(of, sizeof of, "of %d s", int(target));
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, big_bottom - ImGui::GetTextLineHeight() * 1.6f));
  PlainText(of);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(ImGui::GetCursorScreenPos().y, big_bottom + frame.Px(4))));
  ProgressBar(frame, float(elapsed / target), elapsed >= target ? p.ok : p.accent, 10);

  char value[16];
  std::snprintf(value, sizeof value, "%.1f", elapsed);
  float gap = ImGui::GetStyle().ItemSpacing.x;
  float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
  if (running) {
    if (ToggleButton(frame, "Stop##plank", true, half)) {
      plank_elapsed = now - plank_started;
      plank_started = -1;
    }
  } else if (PrimaryButton(frame, "Start##plank", half)) {
    plank_started = now;
    plank_elapsed = 0;
    frame.wants_animation = true;
  }
  frame.widgets.back().value = value;
  ImGui::SameLine();
  if (Button(frame, "Reset##plank", ImVec2(half / frame.scale, 0))) {
    plank_started = -1;
    plank_elapsed = 0;
    plank_holds = 0;
  }
  char holds[64];
  std::snprintf(holds, sizeof holds, "Holds done: %d of %d", plank_holds, plank.sets);
  SmallText(holds);
}

void GuideScreen::DrawStrength(UiFrame& frame) {
  const Palette& p = GetPalette();
  const Model& model = frame.state.model;
  Date today = frame.context.today;
  const StrengthSummary& summary = frame.Summaries().strength;

  Heading("Hip and core routine");
  Paragraph("When hips and trunk tire, knees and ankles pick up work they are not built for. Two "
            "short sessions a week is a good start.");
  ImGui::Spacing();

  // This week against the target, and the target's stepper.
  CardBegin(frame);
  char line[96];
  std::snprintf(line, sizeof line, "This week: %d of %d session%s", summary.sessions_this_week,
                summary.target_per_week, summary.target_per_week == 1 ? "" : "s");
  ImGui::PushFont(GetFonts().heading);
  WrappedText(line);
  ImGui::PopFont();
  float fraction = summary.target_per_week > 0 ? float(summary.sessions_this_week) / float(summary.target_per_week) : 0;
  ProgressBar(frame, fraction, summary.target_met ? p.ok : p.accent, 10);
  if (summary.target_met) SmallText("Target met this week.");
  else if (!summary.exercises_this_week.empty())
    SmallText(("Done this week: " + ExerciseList(summary.exercises_this_week) + ".").c_str());
  ImGui::Spacing();
  int target = model.settings.strength_target_per_week;
  float step_w = frame.Px(kTouchTargetCss + 8);
  float row_y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(row_y + (frame.Px(kTouchTargetCss) - ImGui::GetTextLineHeight()) * 0.5f);
  PlainText("Weekly target");
  float right = ImGui::GetContentRegionMax().x;
  std::snprintf(line, sizeof line, "%d", target);
  float number_w = frame.Px(36);
  ImGui::SameLine(right - step_w * 2 - number_w - ImGui::GetStyle().ItemSpacing.x * 2);
  ImGui::SetCursorPosY(row_y);
  if (Button(frame, "-##target", ImVec2(step_w / frame.scale, 0)) && target > 1)
    frame.Dispatch({{"type", "update_settings"}, {"strength_target_per_week", target - 1}});
  ImGui::SameLine();
  float number_x = ImGui::GetCursorPosX();
  ImGui::SetCursorPos(ImVec2(number_x + (number_w - ImGui::CalcTextSize(line).x) * 0.5f,
                             row_y + (frame.Px(kTouchTargetCss) - ImGui::GetTextLineHeight()) * 0.5f));
  PlainText(line);
  ImGui::SameLine();
  ImGui::SetCursorPos(ImVec2(number_x + number_w + ImGui::GetStyle().ItemSpacing.x, row_y));
  if (Button(frame, "+##target", ImVec2(step_w / frame.scale, 0)) && target < 14)
    frame.Dispatch({{"type", "update_settings"}, {"strength_target_per_week", target + 1}});
  CardEnd(frame, p.surface);

  Heading("Today's session");
  SmallText("Tick each exercise as you finish it, then log the session.");
  ImGui::Spacing();
  for (const StrengthStep& step : StrengthRoutine()) {
    ImGui::PushID(std::string(step.id).c_str());
    CardBegin(frame);
    std::string name(step.name);
    bool& ticked = strength_ticks[std::size_t(step.exercise)];
    Checkbox(frame, name.c_str(), &ticked);
    std::string dose(step.dose);
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(dose.c_str()).x);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (frame.Px(kTouchTargetCss) - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    PlainText(dose.c_str());
    ImGui::PopStyleColor();
    Paragraph(std::string(step.how_to).c_str());
    if (step.exercise == StrengthExercise::Plank) DrawPlankTimer(frame);
    CardEnd(frame, p.surface);
    ImGui::PopID();
  }

  std::vector<StrengthExercise> ticked;
  for (const StrengthStep& step : StrengthRoutine())
    if (strength_ticks[std::size_t(step.exercise)]) ticked.push_back(step.exercise);
  if (PrimaryButton(frame, "Log today's session")) {
    if (ticked.empty()) {
      strength_message = "Tick at least one exercise first.";
    } else {
      nlohmann::json exercises = nlohmann::json::array();
      for (StrengthExercise e : ticked) exercises.push_back(StrengthStepFor(e).id);
      frame.Dispatch({{"type", "log_strength"}, {"date", FormatDate(today)}, {"exercises", exercises}});
      strength_message = "Logged: " + ExerciseList(ticked) + ".";
      strength_ticks.fill(false);
      plank_holds = 0;
      plank_elapsed = 0;
      plank_started = -1;
    }
  }
  if (!strength_message.empty())
    ColoredParagraph(strength_message.rfind("Logged", 0) == 0 ? p.ok : p.bad, strength_message.c_str());

  // Recent sessions, newest first, each removable (a mis-tap is easy to undo).
  std::vector<const StrengthSession*> recent;
  for (const StrengthSession& s : model.strength) recent.push_back(&s);
  SortByDate(recent, DateOrder::NewestFirst);
  if (recent.size() > 5) recent.resize(5);
  if (!recent.empty()) {
    ImGui::Spacing();
    Heading("Recent sessions");
    float remove_w = frame.Px(90);
    for (const StrengthSession* s : recent) {
      ImGui::PushID(int(s->id));
      float row_y2 = ImGui::GetCursorPosY();
      ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - remove_w - frame.Px(8));
      WrappedText(DayLabel(s->date, today).c_str());
      ImGui::PushFont(GetFonts().small);
      ImGui::PushStyleColor(ImGuiCol_Text, p.muted_text);
      WrappedText(ExerciseList(s->exercises).c_str());
      ImGui::PopStyleColor();
      ImGui::PopFont();
      ImGui::PopTextWrapPos();
      float after_text = ImGui::GetCursorPosY();
      ImGui::SetCursorPos(ImVec2(ImGui::GetContentRegionMax().x - remove_w, row_y2));
      std::string label = "Remove##strength" + std::to_string(s->id);
      if (Button(frame, label.c_str(), ImVec2(remove_w / frame.scale, 0)))
        frame.Dispatch({{"type", "delete_strength"}, {"id", s->id}});
      ImGui::SetCursorPosY(std::max(after_text, ImGui::GetCursorPosY()));
      ImGui::PopID();
    }
  }
}

}  // namespace sw::ui
