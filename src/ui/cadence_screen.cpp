// The Cadence screen: Start / Stop, the live number in the band's colours, the band, the
// personal target, voice / metronome / pocket mode, tap-along, the last session's chart and the
// cadence history (measured sessions and imported runs).
// Live values come from the app's cadence meter (frame.cadence); changes go out as actions.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "core/cadence/cadence_target.hpp"
#include "core/model/dates.hpp"
#include "core/model/sort_by_key.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

constexpr float kUnlockHoldS = 1.5f;

ImU32 Color(ImVec4 c, float alpha = 1) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// In-band green, low amber, high red; muted with no rhythm.
ImVec4 ZoneColor(double spm, int low, int high, const char** word) {
  const Palette& p = GetPalette();
  int rounded = int(std::lround(spm));
  if (spm <= 0) return *word = "no steady rhythm yet", p.muted_text;
  if (rounded < low) return *word = "low - quicken your steps", p.warn;
  if (rounded > high) return *word = "high - ease off", p.bad;
  return *word = "in range", p.ok;
}

void CenteredText(const char* text) {
  float width = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), (ImGui::GetWindowWidth() - width) * 0.5f));
  PlainText(text);
}

// Cadence over time: the band as a shaded strip, the series as a line (gaps where no rhythm).
void DrawSeriesChart(UiFrame& frame, const std::vector<float>& series, int low, int high) {
  const Palette& p = GetPalette();
  float width = ImGui::GetContentRegionAvail().x;
  float height = frame.Px(170);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float lo = float(low - 15), hi = float(high + 15);
  for (float v : series)
    if (v > 0) lo = std::min(lo, v - 5), hi = std::max(hi, v + 5);
  float label_w = ImGui::CalcTextSize("000").x + frame.Px(6);
  ImVec2 a(origin.x + label_w, origin.y + frame.Px(4));
  ImVec2 b(origin.x + width, origin.y + height - ImGui::GetFontSize() - frame.Px(6));
  auto y_of = [&](float spm) { return b.y - (spm - lo) / (hi - lo) * (b.y - a.y); };
  draw->AddRectFilled(a, b, Color(p.surface));
  draw->AddRectFilled(ImVec2(a.x, y_of(float(high))), ImVec2(b.x, y_of(float(low))), Color(p.ok, 0.18f));
  draw->AddRect(a, b, Color(p.muted_text, 0.35f));
  ImGui::PushFont(GetFonts().small);
  char text[32];
  // Band edges, plus the chart's bottom and top when they are far enough from them to read.
  float gap = ImGui::GetFontSize() * 1.2f;
  int bottom = int(std::ceil(lo)), top = int(std::floor(hi));
  for (int v : {low, high, bottom, top}) {
    bool edge = v == low || v == high;
    if (!edge && (std::fabs(y_of(float(v)) - y_of(float(low))) < gap || std::fabs(y_of(float(v)) - y_of(float(high))) < gap))
      continue;
    snprintf(text, sizeof text, "%d", v);
    float y = std::clamp(y_of(float(v)) - ImGui::GetFontSize() * 0.5f, a.y, b.y - ImGui::GetFontSize());
    draw->AddText(ImVec2(origin.x, y), Color(p.muted_text), text);
  }
  draw->AddText(ImVec2(a.x, b.y + frame.Px(3)), Color(p.muted_text), "0:00");
  std::string end = ClockText(double(series.size()));
  draw->AddText(ImVec2(b.x - ImGui::CalcTextSize(end.c_str()).x, b.y + frame.Px(3)), Color(p.muted_text), end.c_str());
  ImGui::PopFont();
  if (series.size() < 2) return;
  float step = (b.x - a.x) / float(series.size() - 1);
  std::vector<ImVec2> run;
  auto flush = [&] {
    if (run.size() >= 2) draw->AddPolyline(run.data(), int(run.size()), Color(p.accent), 0, frame.Px(2.5f));
    else if (run.size() == 1) draw->AddCircleFilled(run[0], frame.Px(2), Color(p.accent));
    run.clear();
  };
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (series[i] <= 0) {
      flush();
      continue;
    }
    run.push_back(ImVec2(a.x + step * float(i), y_of(series[i])));
  }
  flush();
}

void ToggleOption(UiFrame& frame, const char* label, const char* key, bool value) {
  bool v = value;
  if (Checkbox(frame, label, &v)) frame.Dispatch({{"type", "cadence_options"}, {key, v}});
}

// Pocket mode: a dark full-screen layer that swallows every touch; a long press unlocks.
void DrawPocketOverlay(UiFrame& frame, const CadenceReadout& view, int low, int high) {
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.02f, 0.03f, 0.05f, 0.97f));
  ImGui::Begin("##pocket", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleColor();
  // One invisible button over everything: touches land here and do nothing else.
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::InvisibleButton("##pocket_catch", io.DisplaySize);
  float held = ImGui::IsItemActive() ? io.MouseDownDuration[0] : -1;
  RecordLastItem(frame, "Pocket mode", "button");
  if (held >= kUnlockHoldS) {
    frame.Dispatch({{"type", "cadence_options"}, {"pocket", false}});
    ImGui::ClearActiveID();
  }
  ImGui::SetCursorPosY(io.DisplaySize.y * 0.3f);
  const char* word = "";
  ImVec4 color = ZoneColor(view.spm, low, high, &word);
  ImGui::PushFont(GetFonts().big);
  ImGui::PushStyleColor(ImGuiCol_Text, view.spm > 0 ? color : ImVec4(0.6f, 0.6f, 0.6f, 1));
  char number[16];
  snprintf(number, sizeof number, view.spm > 0 ? "%.0f" : "--", view.spm);
  CenteredText(number);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.87f, 0.9f, 1));
  CenteredText("Pocket mode: touches are ignored.");
  CenteredText("Press and hold for 1.5 s to unlock.");
  ImGui::PopStyleColor();
  if (held > 0) {
    float w = io.DisplaySize.x * 0.6f;
    ImVec2 a((io.DisplaySize.x - w) * 0.5f, ImGui::GetCursorScreenPos().y + frame.Px(16));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, ImVec2(a.x + w, a.y + frame.Px(8)), Color(ImVec4(1, 1, 1, 0.2f)), frame.Px(4));
    draw->AddRectFilled(a, ImVec2(a.x + w * std::min(1.0f, held / kUnlockHoldS), a.y + frame.Px(8)),
                        Color(GetPalette().ok), frame.Px(4));
  }
  ImGui::End();
}

// "run on Sat 28 Nov" / "runs on Sat 28 Nov, Sun 29 Nov and Mon 30 Nov" (measured or imported), in date order
// (sessions are kept in the order they were saved, and an older one may be added later).
std::string SessionListText(std::vector<Date> dates, Date today) {
  SortDates(dates, DateOrder::OldestFirst);
  std::string text = dates.size() == 1 ? "run on " : "runs on ";
  for (std::size_t i = 0; i < dates.size(); ++i) {
    text += ShortDate(dates[i], today);
    if (i + 2 < dates.size()) text += ", ";
    else if (i + 2 == dates.size()) text += " and ";
  }
  return text;
}

// A session's two lines: "20 Jul 2024   172 steps/min" and its time, what measured it and its time
// in the band ("30:00, phone sensor, 62% in 170-180", "50:00, run from Garmin Forerunner 245").
std::string HistoryHead(const CadenceRecord& record, Date today) {
  char spm[48];
  std::snprintf(spm, sizeof spm, "   %.0f steps/min%s", record.spm,
                IsPlausibleRunCadence(record.spm) ? "" : " (not counted)");
  return ShortDate(record.date, today) + spm;
}

std::string HistoryDetail(const CadenceRecord& record) {
  std::string text;
  if (record.duration_s && *record.duration_s > 0) text = ClockText(*record.duration_s) + ", ";
  if (!record.imported) text += record.tapped ? "tapped along" : "phone sensor";
  else if (record.device.empty()) text += "imported run";
  else text += "run from " + record.device;
  if (record.time_in_band_s && record.duration_s && *record.duration_s > 0) {
    char band[64];
    std::snprintf(band, sizeof band, ", %.0f%% in %d-%d", 100.0 * *record.time_in_band_s / *record.duration_s,
                  record.low_spm, record.high_spm);
    text += band;
  }
  return text;
}

// The monthly averages of the last 12 months as points joined by a line, over the current band.
void DrawTrendChart(UiFrame& frame, const std::vector<CadenceMonth>& trend, int low, int high, Date today) {
  if (trend.size() < 2) return;
  using namespace std::chrono;
  const Palette& p = GetPalette();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = frame.Px(130);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  char latest[64];
  std::snprintf(latest, sizeof latest, "%zu months, latest %.0f", trend.size(), trend.back().mean_spm);
  RecordLastItem(frame, "Cadence trend", "info", latest);
  float lo = float(low - 10), hi = float(high + 10);
  for (const CadenceMonth& m : trend) lo = std::min(lo, float(m.mean_spm) - 5), hi = std::max(hi, float(m.mean_spm) + 5);
  ImGui::PushFont(GetFonts().small);
  const float label_w = ImGui::CalcTextSize("000").x + frame.Px(6);
  const ImVec2 a(origin.x + label_w, origin.y + frame.Px(4));
  const ImVec2 b(origin.x + width, origin.y + height - ImGui::GetFontSize() - frame.Px(6));
  const year_month last = today.year() / today.month();
  const year_month first = last - months(11);
  auto x_of = [&](const CadenceMonth& m) {
    const int index = int((m.year / m.month - first).count());
    return a.x + (float(index) + 0.5f) / 12.0f * (b.x - a.x);
  };
  auto y_of = [&](float spm) { return b.y - (spm - lo) / (hi - lo) * (b.y - a.y); };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(a, b, Color(p.surface));
  draw->AddRectFilled(ImVec2(a.x, y_of(float(high))), ImVec2(b.x, y_of(float(low))), Color(p.ok, 0.18f));
  for (int v : {low, high}) {
    char text[16];
    snprintf(text, sizeof text, "%d", v);
    draw->AddText(ImVec2(origin.x, y_of(float(v)) - ImGui::GetFontSize() * 0.5f), Color(p.muted_text), text);
  }
  std::vector<ImVec2> points;
  for (const CadenceMonth& m : trend) points.push_back(ImVec2(x_of(m), y_of(float(m.mean_spm))));
  draw->AddPolyline(points.data(), int(points.size()), Color(p.accent), 0, frame.Px(2));
  for (const ImVec2& point : points) draw->AddCircleFilled(point, frame.Px(3.5f), Color(p.accent));
  const std::string from = std::string(MonthAbbrev(first.month())) + " " + std::to_string(int(first.year()));
  const std::string to = std::string(MonthAbbrev(last.month())) + " " + std::to_string(int(last.year()));
  draw->AddText(ImVec2(a.x, b.y + frame.Px(3)), Color(p.muted_text), from.c_str());
  draw->AddText(ImVec2(b.x - ImGui::CalcTextSize(to.c_str()).x, b.y + frame.Px(3)), Color(p.muted_text), to.c_str());
  ImGui::PopFont();
}

std::string PlausibleRangeText(const std::string& before, const std::string& after) {
  return before + std::to_string(int(kPlausibleRunLowSpm)) + "-" + std::to_string(int(kPlausibleRunHighSpm)) +
         " steps per minute" + after;
}

}  // namespace

// Every session and imported run with a cadence, newest first: rows of one height drawn only when
// visible. A session measured here can be saved as the run it was part of, or deleted.
void CadenceScreen::DrawHistory(UiFrame& frame) {
  const std::vector<CadenceRecord>& history = frame.Summaries().cadence_history;
  if (history.empty()) return;
  const Palette& p = GetPalette();
  const Date today = frame.context.today;
  ImGui::Spacing();
  Heading("Cadence history");
  DrawTrendChart(frame, frame.Summaries().cadence_trend, frame.state.model.settings.cadence_low_spm,
                 frame.state.model.settings.cadence_high_spm, today);
  SmallText(PlausibleRangeText("Monthly averages of the last 12 months. Only runs averaging ",
                               " count here and in your personal target.").c_str());
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row_h = ListRowHeight(frame);
  const float right = ImGui::GetContentRegionMax().x;
  const float button_w = 64;
  const float actions_x = right - frame.Px(button_w * 2) - style.ItemSpacing.x;
  ImGuiListClipper clipper;
  BeginListClipper(clipper, int(history.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const CadenceRecord& record = history[std::size_t(i)];
      const float row_y = ImGui::GetCursorPosY();
      const ImVec2 row_screen = ImGui::GetCursorScreenPos();
      const std::string head = HistoryHead(record, today), detail = HistoryDetail(record);
      const float text_right = ImGui::GetWindowPos().x + (record.imported ? right : actions_x - frame.Px(6));
      ListRowText(row_screen, row_h, text_right, head, detail);
      ImGui::Dummy(ImVec2(text_right - row_screen.x, row_h - style.ItemSpacing.y));
      RecordLastItem(frame, ("history " + std::to_string(i)).c_str(), "info", head + " - " + detail);
      if (!record.imported) {  // an imported run is already a run: the Log edits or deletes it
        ImGui::PushID(int(record.id));
        const std::string day = FormatDate(record.date);
        ImGui::SetCursorPos(ImVec2(actions_x, row_y + (row_h - style.ItemSpacing.y - frame.Px(kTouchTargetCss)) * 0.5f));
        if (Button(frame, "Run##save", ImVec2(button_w, 0))) log_as_run = record;
        frame.widgets.back().label = "Save session " + day + " as a run";
        ImGui::SameLine();
        if (Button(frame, "Delete##session", ImVec2(button_w, 0))) delete_id = record.id;
        frame.widgets.back().label = "Delete session " + day;
        ImGui::PopID();
      }
      ImGui::SetCursorPosY(row_y + row_h);
      ListRowDivider(frame, row_screen, row_h);
    }
  }
  clipper.End();
  SmallText("\"Run\" opens the Log with the session's date and time filled in: add the distance and save.");

  if (delete_id) {
    const auto found = std::find_if(history.begin(), history.end(),
                                    [&](const CadenceRecord& r) { return !r.imported && r.id == *delete_id; });
    if (found == history.end()) {
      delete_id.reset();
      return;
    }
    char spm[32];
    std::snprintf(spm, sizeof spm, "%.0f", found->spm);
    const int pressed = ConfirmCard(frame, {"delete_session", "Delete this session?",
                                            DayLabel(found->date, today) + ", " + spm + " steps per minute.",
                                            "Its chart and numbers are removed. Your runs stay as they are.", "Keep it",
                                            "Delete", p.bad});
    if (pressed == 2) frame.Dispatch({{"type", "delete_cadence_session"}, {"id", *delete_id}});
    if (pressed != 0) delete_id.reset();
  }
}

void CadenceScreen::Draw(UiFrame& frame) {
  const Palette& p = GetPalette();
  const Settings& settings = frame.state.model.settings;
  const int low = settings.cadence_low_spm, high = settings.cadence_high_spm;
  CadenceReadout idle;
  const CadenceReadout& view = frame.cadence ? *frame.cadence : idle;
  const std::vector<CadenceSession>& sessions = frame.state.model.cadence_sessions;
  const CadenceSession* last = sessions.empty() ? nullptr : &sessions.back();

  // The big live number and its word.
  const char* word = "";
  ImVec4 color = ZoneColor(view.spm, low, high, &word);
  char number[16];
  snprintf(number, sizeof number, view.spm > 0 ? "%.0f" : "--", view.spm);
  ImGui::PushFont(GetFonts().big);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  CenteredText(number);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  RecordLastItem(frame, "cadence", "value", view.spm > 0 ? number : "");
  std::string caption = "steps per minute";
  if (view.measuring) caption += std::string(" - ") + word;
  ImGui::PushStyleColor(ImGuiCol_Text, view.measuring ? color : p.muted_text);
  CenteredText(caption.c_str());
  ImGui::PopStyleColor();

  if (view.measuring) {
    std::string line = ClockText(view.elapsed_s) + "   in band " + ClockText(view.time_in_band_s) + "   " +
                       std::to_string(view.steps) + " steps";
    ImGui::PushFont(GetFonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.muted_text);
    CenteredText(line.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
  }
  if (!view.message.empty()) SmallText(view.message.c_str());
  ImGui::Spacing();

  // Start / Stop.
  ImGui::PushStyleColor(ImGuiCol_Button, view.measuring ? p.bad : p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, view.measuring ? p.bad : p.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  ImGui::PushFont(GetFonts().heading);
  if (Button(frame, view.measuring ? "Stop" : "Start", ImVec2(-1, 64)))
    frame.Dispatch({{"type", view.measuring ? "cadence_stop" : "cadence_start"}});
  ImGui::PopFont();
  ImGui::PopStyleColor(3);

  if (view.measuring && view.tap_along) {
    SmallText("No motion sensor: tap the button below each time your right foot lands. Stridewise counts "
              "two steps per tap, one for each foot.");
    if (Button(frame, "Tap when your right foot lands", ImVec2(-1, 96))) frame.Dispatch({{"type", "cadence_tap"}});
  }
  if (view.measuring && Button(frame, "Pocket mode", ImVec2(-1, 0)))
    frame.Dispatch({{"type", "cadence_options"}, {"pocket", true}});

  // The band, editable.
  ImGui::Spacing();
  Heading("Target band");
  auto band_button = [&](const char* label, int new_low, int new_high) {
    if (Button(frame, label, ImVec2(44, 0)))
      frame.Dispatch({{"type", "set_cadence_target"}, {"low_spm", new_low}, {"high_spm", new_high}});
    ImGui::SameLine();
  };
  auto value_text = [&](const char* name, int v) {
    char text[32];
    snprintf(text, sizeof text, "%s %d", name, v);
    // SameLine after a button keeps its text baseline offset (FramePadding.y): take it off.
    float offset = (frame.Px(kTouchTargetCss) - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().FramePadding.y;
    float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + offset);
    PlainText(text);
    ImGui::SameLine();
    ImGui::SetCursorPosY(y);
  };
  band_button("-##low", low - 1, high);
  value_text("from", low);
  band_button("+##low", low + 1, high);
  ImGui::Dummy(ImVec2(frame.Px(8), 1));
  ImGui::SameLine();
  band_button("-##high", low, high - 1);
  value_text("to", high);
  if (Button(frame, "+##high", ImVec2(44, 0)))
    frame.Dispatch({{"type", "set_cadence_target"}, {"low_spm", low}, {"high_spm", high + 1}});
  SmallText("Most runners do well at about 170-180 steps per minute.");

  if (const std::optional<PersonalTarget>& target = frame.Summaries().personal_target) {
    std::string text = "Your personal target: " + std::to_string(target->low_spm) + "-" +
                       std::to_string(target->high_spm) + " steps per minute - your measured " +
                       std::to_string(int(std::lround(target->baseline_spm))) +
                       " plus 5-10% (Heiderscheit and colleagues, 2011: a 5-10% quicker step eases the load on knees "
                       "and hips). From your " + SessionListText(target->session_dates, frame.context.today) +
                       PlausibleRangeText(" (only runs averaging ", " count).");
    Paragraph(text.c_str());
    if ((target->low_spm != low || target->high_spm != high) &&
        Button(frame, "Use my personal target", ImVec2(-1, 0)))
      frame.Dispatch({{"type", "set_cadence_target"}, {"low_spm", target->low_spm}, {"high_spm", target->high_spm}});
  } else if (!sessions.empty()) {
    SmallText(PlausibleRangeText("No personal target yet: it uses only runs averaging ", ", and none of your "
                                 "sessions did. Measure a run to get one.").c_str());
  } else {
    SmallText(PlausibleRangeText("Measure a run and Stridewise suggests a personal target: your own cadence plus "
                                 "5-10%, from runs averaging ", ".").c_str());
  }

  // Hands-free options.
  ImGui::Spacing();
  Heading("While you run");
  ToggleOption(frame, "Speak my cadence", "voice", view.voice);
  ToggleOption(frame, "Metronome at the target", "metronome", view.metronome);
  SmallText("Voice reads your cadence every minute and whenever you leave or come back into the band.");

  // The overstriding tip when cadence is low.
  bool low_now = view.measuring && view.spm > 0 && std::lround(view.spm) < low;
  // A session that was not a run measured well (49 steps/min) says nothing about overstriding.
  bool low_last = !view.measuring && last && IsPlausibleRunCadence(last->mean_spm) &&
                  std::lround(last->mean_spm) < last->low_spm;
  if (low_now || low_last) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, p.warn);
    Heading("Tip: take shorter, quicker steps");
    ImGui::PopStyleColor();
    Paragraph("A low cadence often goes with overstriding: the foot lands far ahead of the body, heel first, "
              "and every step brakes you and jars the knee and hip. Keep your pace but shorten each step, "
              "so your foot lands under your hips. Raise your cadence a little at a time - 5% is plenty for "
              "a start - and let it settle over a few weeks.");
  }

  // The chart: this session while measuring, else the last saved one.
  ImGui::Spacing();
  if (view.measuring) {
    Heading("This session");
    DrawSeriesChart(frame, view.series, low, high);
  } else if (last) {
    Heading("Last session");
    char text[200];
    double in_band_pct = last->duration_s > 0 ? 100.0 * last->time_in_band_s / last->duration_s : 0;
    snprintf(text, sizeof text, "%s - %s - average %.0f steps per minute - %.0f%% in %d-%d",
             FormatDate(last->date).c_str(), ClockText(last->duration_s).c_str(), last->mean_spm, in_band_pct,
             last->low_spm, last->high_spm);
    SmallText(text);
    DrawSeriesChart(frame, last->series_spm.values(), last->low_spm, last->high_spm);
  } else {
    SmallText("Press Start, put the phone in your pocket and run: your cadence is measured from the phone's motion.");
  }

  if (!view.measuring) DrawHistory(frame);

  if (view.pocket) DrawPocketOverlay(frame, view, low, high);
}

}  // namespace sw::ui
