// Home: everything a runner checks before heading out, above the fold on a phone - a see-a-doctor
// card when the pain log calls for one, each active shoe's wear, this week against its 10% cap,
// any warning (a rest-day card after a run streak), and a way to log a run. The habits (hip and
// core this week, recent warm-ups), the weekly chart and its second opinions follow below. On a
// desktop the shoes, habits and cadence make the left column, the week and its chart the right.
#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/rules/load_rules.hpp"
#include "core/rules/routines.hpp"
#include "core/rules/shoe_rules.hpp"
#include "core/model/units.hpp"
#include "guidance_cards.hpp"
#include "load_chart.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "shoe_status.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

struct Warning {
  std::string text;
  ImVec4 color;
  bool is_warning = true;
};

// One compact line per shoe: name, distance and a status pill, the life bar beneath.
void DrawShoeLine(UiFrame& frame, const Shoe& shoe, const ShoeSummary& summary, Units units) {
  const Palette& p = GetPalette();
  ImVec4 color = StatusColor(summary.status);
  const char* word = StatusWord(summary.status);
  std::string distance = ShoeDistanceText(summary.distance_m, units);
  float pill_w = PillWidth(frame, word);
  float dist_w = ImGui::CalcTextSize(distance.c_str()).x;
  // Screen coordinates: the right edge is where the content region ends on this line.
  ImVec2 start = ImGui::GetCursorScreenPos();
  float right = start.x + ImGui::GetContentRegionAvail().x;
  float name_room = right - pill_w - dist_w - frame.Px(20) - start.x;

  ImGui::BeginGroup();
  float line_y = ImGui::GetCursorPosY();
  // The name, cut with an ellipsis if it would run into the figures.
  std::string name = shoe.name;
  if (ImGui::CalcTextSize(name.c_str()).x > name_room) {
    while (!name.empty() && ImGui::CalcTextSize((name + "...").c_str()).x > name_room) {
      name.pop_back();
      while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();
      if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0x80)) name.pop_back();
    }
    name += "...";
  }
  PlainText(name.c_str());
  ImGui::SetCursorScreenPos(ImVec2(right - pill_w - dist_w - frame.Px(8), start.y));
  PlainText(distance.c_str());
  ImGui::SetCursorScreenPos(ImVec2(right - pill_w, start.y + frame.Px(1)));
  Pill(frame, word, color, p.accent_text);
  ImGui::SetCursorScreenPos(start);
  ImGui::SetCursorPosY(line_y + ImGui::GetTextLineHeight() + frame.Px(6));
  ProgressBar(frame, float(summary.life_used), color, 8, shoe.replace_at_m > 0 ? float(shoe.warn_at_m / shoe.replace_at_m) : -1);
  ImGui::EndGroup();
  // Read-only facts go in the widget list too ("info"), so tests and assistive bridges can
  // read the glance without pixels.
  RecordLastItem(frame, (shoe.name + " - " + distance + " - " + word).c_str(), "info",
                 std::string(ShoeStatusId(summary.status)));
  ImGui::Dummy(ImVec2(0, frame.Px(2)));
}

std::vector<Warning> CollectWarnings(UiFrame& frame, const std::vector<ShoeSummary>& shoes, const LoadSummary& load) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  Units units = model.settings.units;
  std::vector<Warning> out;
  for (size_t i = 0; i < model.shoes.size(); ++i) {
    const Shoe& shoe = model.shoes[i];
    if (shoe.retired || shoes[i].status != ShoeStatus::Replace) continue;
    std::string why = shoes[i].wear_flagged ? "a wear sign is ticked" : "past " + FormatThreshold(shoe.replace_at_m, units);
    out.push_back({"Replace " + shoe.name + ": " + why + ".", p.bad});
  }
  if (load.spike) {
    char text[160];
    snprintf(text, sizeof text, "Spike: a %s run was %.0f%% over your 30-day longest.",
             FormatDistance(load.spike->run_m, units, 1).c_str(), load.spike->percent_over);
    out.push_back({text, p.bad});
  }
  if (load.ten_percent_exceeded)
    out.push_back({"This week is " + FormatDistance(load.this_week_m - load.this_week_max_m, units, 1) +
                       " over the 10% cap.", p.warn});
  if (load.acwr && load.acwr_band && (*load.acwr_band == AcwrBand::Danger || *load.acwr_band == AcwrBand::Caution)) {
    char text[120];
    bool danger = *load.acwr_band == AcwrBand::Danger;
    snprintf(text, sizeof text, danger ? "Load ratio %.2f: danger zone (1.5+). Ease off." :
                                         "Load ratio %.2f: above the 0.8-1.3 sweet spot.", *load.acwr);
    out.push_back({text, danger ? p.bad : p.warn});
  }
  // From kRestDayStreak days on, the rest-day card below the warnings says it at more length.
  std::string streak = StreakWarning(load.consecutive_run_days);
  if (!streak.empty() && load.consecutive_run_days < kRestDayStreak) out.push_back({streak, p.warn});
  return out;
}

// A warning line: a coloured mark, then the text (the colour is never the only signal).
void DrawWarning(UiFrame& frame, const Warning& warning) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float line = ImGui::GetTextLineHeight();
  float r = frame.Px(4);
  draw->AddCircleFilled(ImVec2(pos.x + r, pos.y + line * 0.5f), r, ImGui::GetColorU32(warning.color));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + frame.Px(16));
  ColoredParagraph(warning.color, warning.text.c_str());
  RecordLastItem(frame, warning.text.c_str(), "info", warning.is_warning ? "warning" : "");
}

// [SECTION] Home's parts, in a phone's order: shoes, this week (with its warnings and the way to
// log a run), habits, the weekly chart, cadence.

void DrawShoes(UiFrame& frame, bool& open_add_shoes) {
  const Model& model = frame.state.model;
  const std::vector<ShoeSummary>& shoes = frame.Summaries().shoes;
  Heading("Your shoes");
  int active = 0;
  for (size_t i = 0; i < model.shoes.size(); ++i) {
    if (model.shoes[i].retired) continue;
    ++active;
    ImGui::PushID(int(i));
    DrawShoeLine(frame, model.shoes[i], shoes[i], model.settings.units);
    ImGui::PopID();
  }
  if (active == 0) {
    Paragraph(model.shoes.empty() ? "No shoes yet. Add a pair to see when its support is fading."
                                  : "No shoes in use. Add a pair or bring one back from Shoes.");
    if (Button(frame, "Add shoes", ImVec2(-1, 0))) {
      frame.Dispatch({{"type", "navigate"}, {"screen", "shoes"}});
      open_add_shoes = true;
    }
  }
}

void DrawThisWeek(UiFrame& frame) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  Units units = model.settings.units;
  const Derived& derived = frame.Summaries();
  const LoadSummary& load = derived.load;
  Heading("This week");
  ImGui::BeginGroup();
  DrawWeekGlance(frame, load, units);
  ImGui::EndGroup();
  std::string week = "This week " + FormatDistance(load.this_week_m, units, 1) + ", last week " +
                     FormatDistance(load.last_week_m, units, 1) +
                     (load.last_week_m > 0 ? ", cap " + FormatDistance(load.this_week_max_m, units, 1) : "");
  RecordLastItem(frame, week.c_str(), "info", load.ten_percent_exceeded ? "exceeded" : "");

  std::vector<Warning> warnings = CollectWarnings(frame, derived.shoes, load);
  ImGui::Spacing();
  if (warnings.empty()) {
    if (!model.runs.empty() || !model.unread_run_years.empty()) DrawWarning(frame, {"No warnings. Enjoy your run.", p.ok, false});
  } else {
    for (const Warning& w : warnings) DrawWarning(frame, w);
  }
  if (DrawRestDayCard(frame)) ImGui::Spacing();
  if (DrawBackupReminderCard(frame)) ImGui::Spacing();

  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  if (Button(frame, "Log a run", ImVec2(-1, 0))) frame.Dispatch({{"type", "navigate"}, {"screen", "log"}});
  ImGui::PopStyleColor(3);
}

// The habits of the article: this week's hip and core sessions, recent warm-ups.
void DrawHabits(UiFrame& frame) {
  Heading("Habits");
  DrawStrengthProgress(frame);
  DrawWarmupStats(frame);
}

void DrawCadenceLink(UiFrame& frame) {
  Heading("Cadence");
  Paragraph("Put your phone in a pocket and hear your steps per minute.");
  if (Button(frame, "Open the cadence meter", ImVec2(-1, 0)))
    frame.Dispatch({{"type", "navigate"}, {"screen", "cadence"}});
}

}  // namespace

void HomeScreen::Draw(UiFrame& frame) {
  const Derived& derived = frame.Summaries();
  Units units = frame.state.model.settings.units;

  // Pain worth a doctor's look comes before everything else (across both columns on a desktop).
  if (DrawPainAdviceCard(frame)) ImGui::Spacing();

  if (frame.wide) {
    TwoColumns columns(frame.Px(kColumnGapCss));
    DrawShoes(frame, open_add_shoes);
    ImGui::Spacing();
    DrawHabits(frame);
    ImGui::Spacing();
    DrawCadenceLink(frame);
    columns.Next();
    DrawThisWeek(frame);
    ImGui::Spacing();
    ImGui::Spacing();
    DrawWeeklyLoad(frame, derived.load, units);
    columns.End();
    return;
  }
  DrawShoes(frame, open_add_shoes);
  ImGui::Spacing();
  DrawThisWeek(frame);
  ImGui::Spacing();
  DrawHabits(frame);
  ImGui::Spacing();
  ImGui::Spacing();
  DrawWeeklyLoad(frame, derived.load, units);
  ImGui::Spacing();
  DrawCadenceLink(frame);
}

}  // namespace sw::ui
