// [SECTION] Week glance
// [SECTION] Chart
// [SECTION] Section with the second opinions
#include "load_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/model/dates.hpp"
#include "core/model/units.hpp"
#include "guidance_cards.hpp"
#include "format.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

std::string Dist(double metres, Units units) { return FormatDistance(metres, units, 1); }

ImU32 U32(ImVec4 c, float alpha = 1) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

}  // namespace

std::string StreakWarning(int days) {
  if (days < 4) return {};
  return std::to_string(days) + " running days in a row: plan a rest or cross-training day.";
}

// [SECTION] Week glance
void DrawWeekGlance(UiFrame& frame, const LoadSummary& load, Units units) {
  const Palette& p = GetPalette();
  bool has_cap = load.last_week_m > 0;
  std::string left = "This week " + Dist(load.this_week_m, units);
  std::string right = has_cap ? "cap " + Dist(load.this_week_max_m, units) : "no cap yet";
  ImVec2 start = ImGui::GetCursorScreenPos();
  float right_edge = start.x + ImGui::GetContentRegionAvail().x;
  PlainText(left.c_str());
  float right_w = ImGui::CalcTextSize(right.c_str()).x;
  ImGui::SetCursorScreenPos(ImVec2(right_edge - right_w, start.y));
  ImGui::PushStyleColor(ImGuiCol_Text, load.ten_percent_exceeded ? p.bad : p.muted_text);
  PlainText(right.c_str());
  ImGui::PopStyleColor();

  double scale = std::max(load.this_week_m, load.this_week_max_m) * 1.1;
  float fraction = scale > 0 ? float(load.this_week_m / scale) : 0;
  float marker = has_cap && scale > 0 ? float(load.this_week_max_m / scale) : -1;
  ImVec4 color = load.ten_percent_exceeded ? p.bad
                 : has_cap && load.this_week_m > load.last_week_m ? p.warn : p.ok;
  ProgressBar(frame, fraction, color, 12, marker);

  std::string note;
  if (!has_cap) {
    note = "No runs last week, so there is no 10% cap to measure against yet.";
  } else if (load.ten_percent_exceeded) {
    note = "Last week " + Dist(load.last_week_m, units) + ". This week is " +
           Dist(load.this_week_m - load.this_week_max_m, units) + " over the 10% cap.";
  } else {
    note = "Last week " + Dist(load.last_week_m, units) + ". " +
           Dist(load.this_week_max_m - load.this_week_m, units) + " left under the 10% cap.";
  }
  SmallText(note.c_str());
}

// [SECTION] Chart
void DrawLoadChart(UiFrame& frame, const LoadSummary& load, Units units, float height_css) {
  const Palette& p = GetPalette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* small = GetFonts().small;
  float small_size = small->FontSize;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  float height = frame.Px(height_css);
  float label_h = small_size + frame.Px(6);
  // Plot area: room above the bars for the value label, below for the week labels.
  ImVec2 plot_min(origin.x, origin.y + label_h);
  ImVec2 plot_max(origin.x + width, origin.y + height - label_h);
  float plot_h = plot_max.y - plot_min.y;

  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), U32(p.surface), frame.Px(10));

  double top = load.this_week_max_m;
  for (const WeekTotal& w : load.weeks) top = std::max(top, w.m);
  if (!(top > 0)) {
    const char* empty = "No runs in the last 12 weeks yet.";
    ImVec2 size = small->CalcTextSizeA(small_size, FLT_MAX, 0, empty);
    draw->AddText(small, small_size, ImVec2(origin.x + (width - size.x) * 0.5f, origin.y + (height - size.y) * 0.5f),
                  U32(p.muted_text), empty);
    ImGui::Dummy(ImVec2(width, height));
    return;
  }
  top *= 1.12;
  auto y_of = [&](double m) { return plot_max.y - float(m / top) * plot_h; };

  // Baseline.
  draw->AddLine(ImVec2(plot_min.x + frame.Px(6), plot_max.y), ImVec2(plot_max.x - frame.Px(6), plot_max.y),
                U32(p.muted_text, 0.5f), frame.Px(1));

  int n = int(load.weeks.size());
  float pad = frame.Px(8);
  float slot = (width - pad * 2) / float(std::max(n, 1));
  float bar_w = slot * 0.68f;
  ImVec4 past(0.60f, 0.68f, 0.78f, 1);
  for (int i = 0; i < n; ++i) {
    const WeekTotal& w = load.weeks[i];
    bool current = i == n - 1;
    bool jumped = i > 0 && load.weeks[i - 1].m > 0 && w.m > load.weeks[i - 1].m * 1.1 + kDistanceEpsilonM;
    ImVec4 color = current ? (load.ten_percent_exceeded ? p.bad : p.accent) : jumped ? p.warn : past;
    float x0 = plot_min.x + pad + slot * float(i) + (slot - bar_w) * 0.5f;
    if (w.m > 0) {
      float y0 = std::min(y_of(w.m), plot_max.y - frame.Px(2));
      draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + bar_w, plot_max.y), U32(color), frame.Px(3),
                          ImDrawFlags_RoundCornersTop);
    }
    if (current) {  // this week: its value above the bar
      std::string value = FormatDistanceNumber(w.m, units, 1);
      ImVec2 size = small->CalcTextSizeA(small_size, FLT_MAX, 0, value.c_str());
      float tx = std::min(x0 + bar_w * 0.5f - size.x * 0.5f, plot_max.x - size.x - frame.Px(2));
      draw->AddText(small, small_size, ImVec2(tx, y_of(w.m) - size.y - frame.Px(2)), U32(p.text), value.c_str());
    }
  }

  // The cap: a dashed line at this week's 10% limit.
  if (load.last_week_m > 0) {
    float y = y_of(load.this_week_max_m);
    float dash = frame.Px(6);
    for (float x = plot_min.x + pad; x < plot_max.x - pad; x += dash * 2)
      draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + dash, plot_max.x - pad), y), U32(p.bad), frame.Px(1.5f));
    std::string cap = "cap " + FormatDistance(load.this_week_max_m, units, 1);
    ImVec2 size = small->CalcTextSizeA(small_size, FLT_MAX, 0, cap.c_str());
    ImVec2 at(plot_min.x + pad + frame.Px(2), y - size.y - frame.Px(1));
    draw->AddRectFilled(ImVec2(at.x - frame.Px(2), at.y), ImVec2(at.x + size.x + frame.Px(2), at.y + size.y),
                        U32(p.surface, 0.85f));
    draw->AddText(small, small_size, at, U32(p.bad), cap.c_str());
  }

  // Week labels: the first week, halfway and this week.
  auto label_under = [&](int i, const std::string& text) {
    ImVec2 size = small->CalcTextSizeA(small_size, FLT_MAX, 0, text.c_str());
    float cx = plot_min.x + pad + slot * (float(i) + 0.5f);
    float x = std::clamp(cx - size.x * 0.5f, origin.x + frame.Px(4), origin.x + width - size.x - frame.Px(4));
    draw->AddText(small, small_size, ImVec2(x, plot_max.y + frame.Px(3)), U32(p.muted_text), text.c_str());
  };
  if (n >= 3) {
    label_under(0, DayMonth(load.weeks[0].start));
    label_under(n / 2, DayMonth(load.weeks[n / 2].start));
  }
  if (n >= 1) label_under(n - 1, "This week");

  ImGui::Dummy(ImVec2(width, height));
}

// [SECTION] Section with the second opinions
void DrawWeeklyLoad(UiFrame& frame, const LoadSummary& load, Units units) {
  const Palette& p = GetPalette();
  Heading("Weekly load");
  DrawLoadChart(frame, load, units);
  SmallText("Last 12 weeks. Blue: this week. Amber: a week more than 10% above the one before. "
            "Dashed: this week's cap.");
  ImGui::Spacing();

  // Single-run spike (Garmin-RUNSAFE 2025).
  std::string spike;
  if (load.spike) {
    char pct[16];
    snprintf(pct, sizeof pct, "%.0f%%", load.spike->percent_over);
    spike = "Spike: your " + FormatDistance(load.spike->run_m, units, 1) + " run on " +
            ShortDate(load.spike->date, frame.context.today) + " was " + pct + " longer than your longest of the 30 days before (" +
            FormatDistance(load.spike->previous_longest_m, units, 1) + ").";
    ColoredParagraph(p.bad, spike.c_str());
  } else if (load.longest_run_30d_m > 0) {
    spike = "No single-run spike: longest run in 30 days " + FormatDistance(load.longest_run_30d_m, units, 1) +
            ". Keep new runs within 10% of it.";
    ColoredParagraph(p.ok, spike.c_str());
  } else {
    Paragraph("Single-run spike: no runs in the last 30 days to compare with.");
  }
  SmallText("One run much longer than your recent longest is a known injury risk.");
  ImGui::Spacing();

  // ACWR (Gabbett 2016), a second opinion.
  if (load.acwr && load.acwr_band) {
    char text[160];
    const char* band = "";
    ImVec4 color = p.text;
    switch (*load.acwr_band) {
      case AcwrBand::Low: band = "below 0.8, lighter than usual"; color = p.muted_text; break;
      case AcwrBand::SweetSpot: band = "in the 0.8-1.3 sweet spot"; color = p.ok; break;
      case AcwrBand::Caution: band = "above 1.3, take care"; color = p.warn; break;
      case AcwrBand::Danger: band = "1.5 or more, the danger zone"; color = p.bad; break;
    }
    snprintf(text, sizeof text, "Load ratio (ACWR) %.2f: %s.", *load.acwr, band);
    ColoredParagraph(color, text);
  } else {
    Paragraph("Load ratio (ACWR): needs four weeks of runs.");
  }
  SmallText("Your last 7 days against your 4-week weekly average: a second opinion.");
  ImGui::Spacing();

  // Running streak.
  std::string streak = "Running days in a row: " + std::to_string(load.consecutive_run_days) + ".";
  std::string warning = StreakWarning(load.consecutive_run_days);
  if (!warning.empty()) ColoredParagraph(p.warn, (streak + " Take a rest or cross-training day soon.").c_str());
  else Paragraph(streak.c_str());
  SmallText("Most runners do better with rest or cross-training days: the body rebuilds between runs.");
  ImGui::Spacing();

  // The studies behind these signals (and how far each holds for runners) are in the Guide:
  // Home stays short enough to read at a glance.
  if (Button(frame, "Why these signals?", ImVec2(-1, 0))) OpenGuideEvidence(frame);
}

}  // namespace sw::ui
