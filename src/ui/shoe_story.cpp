// A pair's own page: what it has run (distance, runs, first and last run, the day it was
// retired), its distance over time against its warn and replace distances, and every run on it by
// month. Runs are ticked one by one or a month at a time and moved to another pair in one change
// (move_runs); the move can be undone while the page is open.
//
// [SECTION] Distance over time
// [SECTION] Page
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/model/units.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "shoe_status.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

constexpr const char* kMoveForm = "move_runs";  // the form's name for its outcome

// [SECTION] Distance over time
// The distance on the pair at the end of each month with runs (its start distance first), as a
// line over the calendar, with the warn and replace distances as dashed lines.
void DrawDistanceChart(UiFrame& frame, const Shoe& shoe, const HistorySummary& history, Date today) {
  if (history.months.empty()) return;
  using namespace std::chrono;
  const Palette& p = GetPalette();
  const Units units = frame.state.model.settings.units;
  // Points oldest first: the first month's start at the start distance, then each month's end.
  struct Point {
    sys_days day;
    double metres;
  };
  std::vector<Point> points;
  double total = shoe.start_distance_m;
  const PeriodTotals& oldest = history.months.back();
  points.push_back({sys_days(oldest.year / oldest.month / 1), total});
  for (auto it = history.months.rbegin(); it != history.months.rend(); ++it) {
    total += it->distance_m;
    const sys_days month_end = sys_days((it->year / it->month / 1) + months(1)) - days(1);
    points.push_back({std::min(month_end, sys_days(today)), total});
  }
  const double top = std::max(total, shoe.replace_at_m) * 1.08;
  const float first_day = float(points.front().day.time_since_epoch().count());
  const float span_days = std::max(1.0f, float(points.back().day.time_since_epoch().count()) - first_day);

  const float width = ImGui::GetContentRegionAvail().x;
  const float height = frame.Px(150);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  RecordLastItem(frame, "Distance over time", "info",
                 std::to_string(history.months.size()) + " months, " + ShoeDistanceText(total, units));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGui::PushFont(GetFonts().small);
  const float text_h = ImGui::GetFontSize();
  const ImVec2 a(origin.x, origin.y + frame.Px(4));
  const ImVec2 b(origin.x + width, origin.y + height - text_h - frame.Px(6));
  auto x_of = [&](sys_days day) { return a.x + (float(day.time_since_epoch().count()) - first_day) / span_days * (b.x - a.x); };
  auto y_of = [&](double metres) { return b.y - float(metres / top) * (b.y - a.y); };
  draw->AddRectFilled(a, b, ImGui::GetColorU32(p.surface), frame.Px(6));
  // The warn and replace distances: dashed, labelled at the left.
  auto dashed = [&](double metres, ImVec4 color, const std::string& label) {
    const float y = y_of(metres);
    for (float x = a.x; x < b.x; x += frame.Px(10))
      draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + frame.Px(5), b.x), y), ImGui::GetColorU32(color), frame.Px(1.5f));
    draw->AddText(ImVec2(a.x + frame.Px(4), y - text_h - frame.Px(1)), ImGui::GetColorU32(p.muted_text), label.c_str());
  };
  dashed(shoe.warn_at_m, p.warn, "warn " + FormatThreshold(shoe.warn_at_m, units));
  dashed(shoe.replace_at_m, p.bad, "replace " + FormatThreshold(shoe.replace_at_m, units));
  std::vector<ImVec2> line;
  line.reserve(points.size());
  for (const Point& point : points) line.push_back(ImVec2(x_of(point.day), y_of(point.metres)));
  draw->AddPolyline(line.data(), int(line.size()), ImGui::GetColorU32(p.accent), 0, frame.Px(2.5f));
  draw->AddCircleFilled(line.back(), frame.Px(4), ImGui::GetColorU32(p.accent));
  // The first and last month under the chart.
  auto month_label = [](const PeriodTotals& m) {
    return std::string(MonthAbbrev(m.month)) + " " + std::to_string(int(m.year));
  };
  const std::string first = month_label(history.months.back()), last = month_label(history.months.front());
  draw->AddText(ImVec2(a.x, b.y + frame.Px(3)), ImGui::GetColorU32(p.muted_text), first.c_str());
  if (history.months.size() > 1)
    draw->AddText(ImVec2(b.x - ImGui::CalcTextSize(last.c_str()).x, b.y + frame.Px(3)), ImGui::GetColorU32(p.muted_text),
                  last.c_str());
  ImGui::PopFont();
}

const Shoe* FindShoe(const Model& model, Id id) {
  for (const Shoe& s : model.shoes)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace

// [SECTION] Page
bool ShoeStory::Draw(UiFrame& frame) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  const Units units = model.settings.units;
  const Date today = frame.context.today;
  const Shoe* shoe = FindShoe(model, shoe_id);
  const ShoeSummary* summary = frame.Summaries().ShoeFor(shoe_id);
  if (!shoe || !summary) return false;  // the pair was deleted (a backup restored): back to the list
  if (Button(frame, "< All shoes", ImVec2(120, 0))) return false;

  Heading(shoe->name.c_str());
  std::string line = ShoeDistanceText(summary->distance_m, units) + " of " + FormatThreshold(shoe->replace_at_m, units) +
                     " in " + std::to_string(summary->runs) + (summary->runs == 1 ? " run" : " runs") +
                     " - " + StatusWord(summary->status);
  WrappedText(line.c_str());
  RecordLastItem(frame, "Shoe totals", "info", line);
  std::string dates;
  if (shoe->purchase_date) dates = "Bought " + DayLabel(*shoe->purchase_date, today) + ". ";
  if (summary->first_run) dates += "First run " + DayLabel(*summary->first_run, today) + ". ";
  if (summary->last_run) dates += "Last run " + DayLabel(*summary->last_run, today) + ". ";
  if (shoe->retired)
    dates += shoe->retired_on ? "Retired " + DayLabel(*shoe->retired_on, today) + "." : std::string("Retired.");
  else if (!summary->first_run)
    dates += "No runs on these yet.";
  SmallText(dates.c_str());
  RecordLastItem(frame, "Shoe dates", "info", dates);

  if (runs.Refresh(frame, shoe_id)) {
    // Ticked runs that left the pair (moved, deleted, edited elsewhere) leave the selection.
    std::erase_if(selected, [&](Id id) { return !runs.Lists(model, id); });
  }
  ImGui::Spacing();
  DrawDistanceChart(frame, *shoe, runs.totals(), today);

  // The last move and its undo (runs moved away leave this list).
  if (std::optional<Outcome> outcome = frame.TakeOutcome(kMoveForm)) {
    if (outcome->ok) {
      selected.clear();
    } else {
      moved.clear();
      moved_message = outcome->error;
    }
  }
  if (!moved_message.empty()) {
    ColoredParagraph(moved.empty() ? p.bad : p.ok, moved_message.c_str());
    RecordLastItem(frame, "Move result", "info", moved_message);
    if (!moved.empty() && Button(frame, "Undo move", ImVec2(-1, 0))) {
      nlohmann::json ids = moved;
      frame.Dispatch({{"type", "move_runs"}, {"run_ids", ids}, {"shoe_id", shoe_id}});
      moved.clear();
      moved_message = "Moved back.";
    }
  }

  ImGui::Spacing();
  Heading("Runs in these shoes");
  if (runs.empty()) {
    SmallText("No runs logged in these shoes.");
    return true;
  }
  SmallText("Tick runs, or a whole month, to move them to another pair.");
  runs.DrawJumps(frame, model);
  const float select_w = 96;
  runs.Draw(
      frame, select_w, /*show_shoe=*/false,
      [&](const Run& run) {
        bool ticked = selected.count(run.id) > 0;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + frame.Px(select_w) - ImGui::GetFrameHeight() - frame.Px(20));
        if (Checkbox(frame, ("##select" + std::to_string(run.id)).c_str(), &ticked)) {
          if (ticked) selected.insert(run.id);
          else selected.erase(run.id);
        }
        frame.widgets.back().label = "Select run " + FormatDate(run.date);
      },
      [&](const PeriodTotals& month) {
        const std::vector<Id> ids = runs.RunsIn(model, month);
        const bool all = std::all_of(ids.begin(), ids.end(), [&](Id id) { return selected.count(id) > 0; });
        const std::string label = std::string(all ? "Clear" : "Tick all") + "##month";
        if (ToggleButton(frame, label.c_str(), all, frame.Px(select_w))) {
          for (Id id : ids) {
            if (all) selected.erase(id);
            else selected.insert(id);
          }
        }
        frame.widgets.back().label = std::string(all ? "Clear " : "Tick all ") + MonthName(month.month) + " " +
                                     std::to_string(int(month.year));
      });

  if (selected.empty()) return true;

  // A bar over the bottom of the list while runs are ticked: how many, and "Move to...".
  const float bar_h = frame.Px(kFloatingBarCss);
  ImGui::Dummy(ImVec2(0, bar_h + frame.Px(kFloatingBarMarginCss)));  // room to scroll the last rows out from under it
  BeginFloatingBar(frame, "##move_bar", ImVec2(frame.float_left, 0), ImVec2(frame.float_right, frame.float_bottom));
  const std::string count = std::to_string(selected.size()) + (selected.size() == 1 ? " run ticked" : " runs ticked");
  ImGui::SetCursorPosY((bar_h - ImGui::GetTextLineHeight()) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  PlainText(count.c_str());
  RecordLastItem(frame, "Runs ticked", "info", std::to_string(selected.size()));
  ImGui::PopStyleColor();
  const float move_w = 120;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - frame.Px(move_w));
  ImGui::SetCursorPosY((bar_h - frame.Px(kTouchTargetCss)) * 0.5f);
  if (PrimaryButton(frame, "Move to...", frame.Px(move_w))) choosing_pair = true;
  EndFloatingBar();

  if (choosing_pair) {
    std::vector<const Shoe*> targets;
    std::vector<std::string> names;
    for (const Shoe* other : PairsForChoice(model)) {
      if (other->id == shoe_id) continue;
      targets.push_back(other);
      names.push_back(other->name + (other->retired ? " (retired)" : "") + "##to" + std::to_string(other->id));
    }
    const int chosen = ChoiceCard(frame, "move_runs",
                                  targets.empty() ? "There is no other pair to move these runs to. Add one first."
                                                  : "Move " + count.substr(0, count.find(' ')) +
                                                        (selected.size() == 1 ? " run" : " runs") + " to which pair?",
                                  names, "Cancel");
    if (chosen >= 0) {
      moved.assign(selected.begin(), selected.end());
      nlohmann::json ids = moved;
      frame.Dispatch({{"type", "move_runs"}, {"run_ids", ids}, {"shoe_id", targets[std::size_t(chosen)]->id}}, kMoveForm);
      moved_message = "Moved " + std::to_string(moved.size()) + (moved.size() == 1 ? " run to " : " runs to ") +
                      targets[std::size_t(chosen)]->name + ".";
    }
    if (chosen != -1) choosing_pair = false;
  }
  return true;
}

}  // namespace sw::ui
