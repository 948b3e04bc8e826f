#pragma once
// Every run, or one pair's, newest first, under a heading per month with the month's runs,
// distance and time. Every row has one height, so only the visible rows are laid out
// (ImGuiListClipper: ten years scroll as lightly as one) and any month is at a known offset, which
// is what the year and month jumps use. The Log lists runs to edit or delete with it; a pair's
// own page lists its runs to select and move to another pair.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "core/rules/history_rules.hpp"
#include "ui_frame.hpp"

namespace sw::ui {

class RunList {
 public:
  // The rows for `shoe_id` (nullopt: every run). They are rebuilt only when the model or the
  // filter changed, not every frame: returns true when it rebuilt them.
  bool Refresh(const UiFrame& frame, std::optional<Id> shoe_id);
  const HistorySummary& totals() const { return totals_; }
  bool empty() const { return runs_.empty(); }
  // Whether the run with `id` is listed.
  bool Lists(const Model& model, Id id) const;
  // The ids of the listed runs in `month` (the heading's totals).
  std::vector<Id> RunsIn(const Model& model, const PeriodTotals& month) const;

  // Year buttons. A tap opens the year in the list: two rows of its months to jump to (what has no
  // runs does nothing), then its newest month; the list scrolls there.
  void DrawJumps(UiFrame& frame, const Model& model);
  // The rows, in the current window. Each run row keeps `actions_css` CSS px at its right for
  // `run_actions(run)`; each month heading calls `month_action(totals)` at its right when given.
  void Draw(UiFrame& frame, float actions_css, bool show_shoe, const std::function<void(const Run&)>& run_actions,
            const std::function<void(const PeriodTotals&)>& month_action = nullptr);

 private:
  struct Row {
    std::size_t run = 0;    // index into model.runs, for a run row
    int month = -1;         // index into totals_.months, for a heading
    int months_half = -1;   // 0 or 1: the open year's January-June or July-December buttons
  };
  void BuildRows(const Model& model);
  std::optional<std::size_t> RowOf(int year, unsigned month) const;  // a month's heading
  void DrawMonthButtons(UiFrame& frame, int half);
  unsigned long long revision_ = ~0ull;
  std::size_t model_runs_ = 0;  // model.runs.size() when built: a belt to the revision's braces
  std::optional<Id> shoe_id_;
  bool built_ = false;
  std::vector<std::size_t> runs_;  // indices into model.runs, newest first
  HistorySummary totals_;
  std::vector<Row> rows_;
  std::optional<int> open_year_;        // the year whose months are listed before it
  std::optional<std::size_t> jump_row_; // a heading to scroll to in the next Draw
};

}  // namespace sw::ui
