#include "run_list.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "core/model/units.hpp"
#include "format.hpp"
#include "theme.hpp"
#include "widgets.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw::ui {
namespace {

const Shoe* FindShoe(const Model& model, std::optional<Id> id) {
  if (!id) return nullptr;
  for (const Shoe& s : model.shoes)
    if (s.id == *id) return &s;
  return nullptr;
}

// Lays buttons left to right, wrapping when the next would not fit before `right`.
void NextInFlow(float right, float width_px, bool& first) {
  if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width_px <= right) ImGui::SameLine();
  first = false;
}

bool SameMonth(Date a, Date b) { return a.year() == b.year() && a.month() == b.month(); }

}  // namespace

bool RunList::Refresh(const UiFrame& frame, std::optional<Id> shoe_id) {
  const Model& model = frame.state.model;
  if (built_ && revision_ == frame.state.model_revision && shoe_id_ == shoe_id && model_runs_ == model.runs.size())
    return false;
  built_ = true;
  revision_ = frame.state.model_revision;
  model_runs_ = model.runs.size();
  shoe_id_ = shoe_id;
  runs_.clear();
  for (std::size_t i = 0; i < model.runs.size(); ++i)
    if (!shoe_id || model.runs[i].shoe_id == shoe_id) runs_.push_back(i);
  SortByKey(runs_, SortOrder::Descending, [&](std::size_t i) {
    return OrderKey(DayNumber(model.runs[i].date), model.runs[i].id);
  });
  totals_ = SummarizeHistory(model, shoe_id);
  if (open_year_ && std::none_of(totals_.years.begin(), totals_.years.end(),
                                 [&](const PeriodTotals& y) { return int(y.year) == *open_year_; }))
    open_year_.reset();
  BuildRows(model);
  jump_row_.reset();
  return true;
}

// A heading before each month's runs. totals_.months lists exactly the months these runs fall in,
// newest first as the runs are, so the n-th new month is the n-th entry. Before the open year's
// first heading, two rows of its months (January-June, July-December) to jump to.
void RunList::BuildRows(const Model& model) {
  rows_.clear();
  rows_.reserve(runs_.size() + totals_.months.size() + 2);
  int month = -1;
  std::optional<Date> previous;
  for (std::size_t index : runs_) {
    const Date date = model.runs[index].date;
    if (!previous || !SameMonth(*previous, date)) {
      if (open_year_ && int(date.year()) == *open_year_ && (!previous || previous->year() != date.year())) {
        rows_.push_back({0, -1, 0});
        rows_.push_back({0, -1, 1});
      }
      rows_.push_back({0, ++month, -1});
    }
    previous = date;
    rows_.push_back({index, -1, -1});
  }
}

std::optional<std::size_t> RunList::RowOf(int year, unsigned month) const {
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].month < 0) continue;
    const PeriodTotals& t = totals_.months[std::size_t(rows_[i].month)];
    if (int(t.year) == year && unsigned(t.month) == month) return i;
  }
  return std::nullopt;
}

bool RunList::Lists(const Model& model, Id id) const {
  return std::any_of(runs_.begin(), runs_.end(), [&](std::size_t index) { return model.runs[index].id == id; });
}

std::vector<Id> RunList::RunsIn(const Model& model, const PeriodTotals& month) const {
  std::vector<Id> ids;
  for (std::size_t index : runs_) {
    const Run& run = model.runs[index];
    if (run.date.year() == month.year && run.date.month() == month.month) ids.push_back(run.id);
  }
  return ids;
}

void RunList::DrawJumps(UiFrame& frame, const Model& model) {
  if (totals_.years.size() < 2 && totals_.months.size() < 4) return;
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  const float year_w = ImGui::CalcTextSize("0000").x + frame.Px(28);
  bool first = true;
  for (const PeriodTotals& y : totals_.years) {
    const int year = int(y.year);
    NextInFlow(right, year_w, first);
    const std::string label = std::to_string(year) + "##year";
    if (ToggleButton(frame, label.c_str(), open_year_ == year, year_w)) {
      // The year opens in the list: its months to jump to, then its newest month.
      open_year_ = year;
      BuildRows(model);
      for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].months_half == 0) jump_row_ = i;
    }
  }
}

// Half a year of month buttons (`half` 0: January-June, 1: July-December); a month without runs is
// drawn but does nothing.
void RunList::DrawMonthButtons(UiFrame& frame, int half) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - spacing * 5) / 6;
  for (unsigned m = unsigned(half) * 6 + 1; m <= unsigned(half) * 6 + 6; ++m) {
    if (m != unsigned(half) * 6 + 1) ImGui::SameLine();
    const std::optional<std::size_t> row = RowOf(*open_year_, m);
    const std::string label = std::string(MonthAbbrev(std::chrono::month(m))) + "##month" + std::to_string(m);
    ImGui::BeginDisabled(!row);
    if (ToggleButton(frame, label.c_str(), false, width) && row) jump_row_ = *row;
    ImGui::EndDisabled();
    // Named with its year for the page API and tests ("Jan 2025"); the button says "Jan".
    frame.widgets.back().label = std::string(MonthAbbrev(std::chrono::month(m))) + " " + std::to_string(*open_year_);
  }
}

void RunList::Draw(UiFrame& frame, float actions_css, bool show_shoe,
                   const std::function<void(const Run&)>& run_actions,
                   const std::function<void(const PeriodTotals&)>& month_action) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  const Units units = model.settings.units;
  const Date today = frame.context.today;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row_h = ListRowHeight(frame);
  const float right = ImGui::GetContentRegionMax().x;
  const float list_top = ImGui::GetCursorPosY();
  if (jump_row_) {
    ImGui::SetScrollY(list_top + float(*jump_row_) * row_h);
    jump_row_.reset();
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGuiListClipper clipper;
  BeginListClipper(clipper, int(rows_.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Row& row = rows_[std::size_t(i)];
      const float row_y = ImGui::GetCursorPosY();
      const ImVec2 row_screen = ImGui::GetCursorScreenPos();
      if (row.months_half >= 0) {  // the open year's months
        ImGui::SetCursorPosY(row_y + (row_h - style.ItemSpacing.y - frame.Px(kTouchTargetCss)) * 0.5f);
        DrawMonthButtons(frame, row.months_half);
        ImGui::SetCursorPosY(row_y + row_h);
        continue;
      }
      if (row.month >= 0) {  // the month's heading and totals
        const PeriodTotals& month = totals_.months[std::size_t(row.month)];
        const std::string text = std::string(MonthName(month.month)) + " " + std::to_string(int(month.year));
        std::string totals = std::to_string(month.runs) + (month.runs == 1 ? " run, " : " runs, ") +
                             FormatDistance(month.distance_m, units, 1);
        if (month.duration_s > 0) totals += ", " + FormatDuration(month.duration_s);
        ImGui::SetCursorPosY(row_y + row_h - ImGui::GetTextLineHeight() * 1.4f - style.ItemSpacing.y);
        ImGui::PushFont(GetFonts().heading);
        PlainText(text.c_str());
        ImGui::PopFont();
        RecordLastItem(frame, text.c_str(), "info", totals);
        const ImVec2 heading_min = ImGui::GetItemRectMin(), heading_max = ImGui::GetItemRectMax();
        // The totals on the heading's baseline (the body font is shorter, so it starts lower), cut
        // with an ellipsis before the heading's action.
        const float totals_right = ImGui::GetWindowPos().x + right - (month_action ? frame.Px(actions_css + 6) : 0);
        const float totals_x = heading_max.x + style.ItemSpacing.x;
        const float totals_y = heading_min.y + (heading_max.y - heading_min.y - ImGui::GetTextLineHeight()) * 0.7f;
        ImGui::PushStyleColor(ImGuiCol_Text, p.muted_text);
        ImGui::RenderTextEllipsis(draw, ImVec2(totals_x, totals_y),
                                  ImVec2(totals_right, totals_y + ImGui::GetTextLineHeight()), totals_right,
                                  totals_right, totals.c_str(), nullptr, nullptr);
        ImGui::PopStyleColor();
        if (month_action) {  // centred on the heading's line
          ImGui::PushID(row.month);
          const float centre = (heading_min.y + heading_max.y) * 0.5f - ImGui::GetWindowPos().y + ImGui::GetScrollY();
          ImGui::SetCursorPos(ImVec2(right - frame.Px(actions_css), centre - frame.Px(kTouchTargetCss) * 0.5f));
          month_action(month);
          ImGui::PopID();
        }
        ImGui::SetCursorPosY(row_y + row_h);
        continue;
      }
      const Run& run = model.runs[row.run];
      ImGui::PushID(int(run.id));
      const float actions_x = right - frame.Px(actions_css);
      std::string head = ShortDate(run.date, today) + "   " + FormatDistance(run.distance_m, units, 2);
      if (run.duration_s) head += "   " + FormatDuration(*run.duration_s);
      std::string detail;
      if (const Shoe* s = show_shoe ? FindShoe(model, run.shoe_id) : nullptr) detail = s->name;
      if (run.duration_s) {
        auto pace = PaceSecondsPerUnit(run.distance_m, *run.duration_s, units);
        if (pace) detail += (detail.empty() ? "" : ", ") + FormatPace(pace, units);
      }
      if (run.warmup) detail += (detail.empty() ? "" : ", ") + std::string("warm-up");
      if (run.cooldown) detail += (detail.empty() ? "" : ", ") + std::string("cool-down");
      ListRowText(row_screen, row_h, ImGui::GetWindowPos().x + actions_x - frame.Px(6), head, detail);
      ImGui::SetCursorPos(ImVec2(actions_x, row_y + (row_h - style.ItemSpacing.y - frame.Px(kTouchTargetCss)) * 0.5f));
      run_actions(run);
      ImGui::PopID();
      ImGui::SetCursorPosY(row_y + row_h);
      ListRowDivider(frame, row_screen, row_h);
    }
  }
  clipper.End();
}

}  // namespace sw::ui
