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
  ImGui::TextUnformatted(text);
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
  std::sort(dates.begin(), dates.end());
  std::string text = dates.size() == 1 ? "run on " : "runs on ";
  for (std::size_t i = 0; i < dates.size(); ++i) {
    text += ShortDate(dates[i], today);
    if (i + 2 < dates.size()) text += ", ";
    else if (i + 2 == dates.size()) text += " and ";
  }
  return text;
}

// One line of the history: "Sat 20 Jul 2024 - 172 steps/min - run from Garmin Forerunner 245, 50:00".
std::string HistoryLine(const CadenceRecord& record, Date today) {
  char spm[32];
  std::snprintf(spm, sizeof spm, " - %.0f steps/min - ", record.spm);
  std::string text = DayLabel(record.date, today) + spm;
  if (!record.imported) text += "measured with the phone";
  else if (record.device.empty()) text += "imported run";
  else text += "run from " + record.device;
  if (record.duration_s && *record.duration_s > 0) text += ", " + ClockText(*record.duration_s);
  if (!IsPlausibleRunCadence(record.spm)) text += " (not a running cadence: not counted)";
  return text;
}

// The newest records; the personal target above says which of them it used.
void DrawHistory(UiFrame& frame) {
  constexpr std::size_t kShown = 10;
  const std::vector<CadenceRecord>& history = frame.Summaries().cadence_history;
  if (history.empty()) return;
  ImGui::Spacing();
  Heading("Cadence history");
  const std::size_t shown = std::min(history.size(), kShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const std::string line = HistoryLine(history[i], frame.context.today);
    SmallText(line.c_str());
    RecordLastItem(frame, ("history " + std::to_string(i)).c_str(), "info", line);
  }
  if (history.size() > shown) {
    const std::size_t earlier = history.size() - shown;
    SmallText(("and " + std::to_string(earlier) + (earlier == 1 ? " earlier one" : " earlier ones") +
               ", from measured sessions and imported runs").c_str());
  }
}

std::string PlausibleRangeText(const std::string& before, const std::string& after) {
  return before + std::to_string(int(kPlausibleRunLowSpm)) + "-" + std::to_string(int(kPlausibleRunHighSpm)) +
         " steps per minute" + after;
}

}  // namespace

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
    ImGui::TextUnformatted(text);
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
                       " plus 5-10% (Heiderscheit et al., 2011: a 5-10% quicker step eases the load on knees "
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
    DrawSeriesChart(frame, last->series_spm, last->low_spm, last->high_spm);
  } else {
    SmallText("Press Start, put the phone in your pocket and run: your cadence is measured from the phone's motion.");
  }

  if (!view.measuring) DrawHistory(frame);

  if (view.pocket) DrawPocketOverlay(frame, view, low, high);
}

}  // namespace sw::ui
