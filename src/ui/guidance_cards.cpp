// [SECTION] Shared drawing helpers (cards, bars, toggle buttons, dates)
// [SECTION] Guide page requests from other screens
// [SECTION] Cards: see-a-doctor advice, hip and core progress, warm-up stats, rest days
#include "guidance_cards.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "core/storage/backup.hpp"
#include "core/model/dates.hpp"
#include "core/guide/guide_content.hpp"
#include "core/rules/load_rules.hpp"
#include "core/rules/pain_rules.hpp"
#include "core/rules/routines.hpp"
#include "core/rules/strength_rules.hpp"
#include "core/model/units.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

ImVec2 g_card_top;
std::optional<GuidePage> g_requested_page;
bool g_evidence_requested = false;

// An invisible button over the card drawn so far: the whole card is the tap target.
bool CardTapTarget(UiFrame& frame, const char* label) {
  ImVec2 end = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(g_card_top);
  float width = ImGui::GetContentRegionAvail().x;
  bool pressed = ImGui::InvisibleButton(label, ImVec2(width, std::max(end.y - g_card_top.y, 1.0f)));
  RecordLastItem(frame, label, "button");
  ImGui::SetCursorScreenPos(end);
  return pressed;
}

}  // namespace

// [SECTION] Shared drawing helpers

ImVec4 Mix(ImVec4 a, ImVec4 b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1);
}

void CardBegin(UiFrame& frame) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::Dummy(ImVec2(0, frame.Px(2)));
  g_card_top = ImGui::GetCursorScreenPos();
}

void CardEnd(UiFrame& frame, ImVec4 fill, ImVec4 border, float border_css) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 bottom = ImGui::GetCursorScreenPos();
  draw->ChannelsSetCurrent(0);
  // Bleeds into the window's side padding, like the shoe cards.
  float pad = frame.Px(10);
  float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  ImVec2 a(g_card_top.x - pad, g_card_top.y - pad);
  ImVec2 b(right + pad, bottom.y - ImGui::GetStyle().ItemSpacing.y + pad);
  draw->AddRectFilled(a, b, ImGui::GetColorU32(fill), frame.Px(12));
  if (border.w > 0) draw->AddRect(a, b, ImGui::GetColorU32(border), frame.Px(12), 0, frame.Px(border_css));
  draw->ChannelsMerge();
  ImGui::Dummy(ImVec2(0, frame.Px(14)));
}

void FractionBar(UiFrame& frame, float fraction, ImVec4 color, float height_css) {
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  float h = frame.Px(height_css);
  draw->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(GetPalette().track), h * 0.5f);
  if (fraction > 0)
    draw->AddRectFilled(p, ImVec2(p.x + std::max(width * fraction, h), p.y + h), ImGui::GetColorU32(color), h * 0.5f);
  ImGui::Dummy(ImVec2(width, h));
}

bool ToggleButton(UiFrame& frame, const char* label, bool selected, float width_px, float height_css) {
  const Palette& p = GetPalette();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accent : style.Colors[ImGuiCol_Button]);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? p.accent : style.Colors[ImGuiCol_ButtonHovered]);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, selected ? p.accent : style.Colors[ImGuiCol_ButtonActive]);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent_text : p.text);
  bool pressed = Button(frame, label, ImVec2(width_px > 0 ? width_px / frame.scale : width_px, height_css));
  ImGui::PopStyleColor(4);
  return pressed;
}

bool PrimaryButton(UiFrame& frame, const char* label, float width_px) {
  const Palette& p = GetPalette();
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, Mix(p.accent, ImVec4(0, 0, 0, 1), 0.2f));
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  bool pressed = Button(frame, label, ImVec2(width_px > 0 ? width_px / frame.scale : width_px, 0));
  ImGui::PopStyleColor(4);
  return pressed;
}

void ColoredText(ImVec4 color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

std::string DayLabel(Date date, Date today) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::chrono::weekday weekday{Days(date)};
  char text[40];
  std::snprintf(text, sizeof text, "%s %u %s", kDays[weekday.c_encoding()], unsigned(date.day()),
                kMonths[unsigned(date.month()) - 1]);
  std::string out = text;
  if (date.year() != today.year()) out += " " + std::to_string(int(date.year()));
  return out;
}

// [SECTION] Guide page requests

void OpenGuidePage(UiFrame& frame, GuidePage page) {
  g_requested_page = page;
  frame.Dispatch({{"type", "navigate"}, {"screen", "guide"}});
}

std::optional<GuidePage> TakeRequestedGuidePage() {
  std::optional<GuidePage> page = g_requested_page;
  g_requested_page.reset();
  return page;
}

void OpenGuideEvidence(UiFrame& frame) {
  g_evidence_requested = true;
  OpenGuidePage(frame, GuidePage::Guide);
}

bool TakeGuideEvidenceRequest() { return std::exchange(g_evidence_requested, false); }

// [SECTION] Cards

bool DrawPainAdviceCard(UiFrame& frame, bool detailed) {
  const Model& model = frame.state.model;
  Date today = frame.context.today;
  PainAdvice advice = EvaluatePain(model, today);
  if (!advice.see_doctor) return false;
  const Palette& p = GetPalette();

  CardBegin(frame);
  ImGui::PushFont(GetFonts().heading);
  ColoredText(p.bad, "Time to get this pain checked");
  ImGui::PopFont();
  RecordLastItem(frame, "Time to get this pain checked", "info", "see_doctor");
  Paragraph("From what you logged:");
  for (const std::string& reason : advice.reasons) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", reason.c_str());
  }
  Paragraph("Pain that lasts more than a few days, gets worse as you run or changes how you run is "
            "worth showing to a doctor or a sports-medicine specialist. Ease off in the meantime: "
            "early help keeps a small problem small.");
  if (detailed) {
    Units units = model.settings.units;
    for (const PainEpisode& episode : advice.episodes) {
      if (!episode.see_doctor) continue;
      PainContext context = PainContextFor(model, episode.last_date);
      std::string line = PainName(episode.area, episode.side) + ", " + DayLabel(episode.first_date, today);
      if (episode.last_date != episode.first_date) line += " to " + DayLabel(episode.last_date, today);
      line += ": ";
      if (!context.run_id) {
        line += "no runs logged before then.";
      } else {
        line += FormatDistance(context.load_7d_m, units, 1) + " run in the 7 days to " +
                DayLabel(episode.last_date, today) + " (a usual week then: " +
                FormatDistance(context.weekly_avg_28d_m, units, 1) + ")";
        if (context.load_ratio && *context.load_ratio >= 1.3) line += ", more than usual";
        line += ".";
        line += context.shoe_name.empty() ? " The last run had no shoe logged."
                                          : " Last run in " + context.shoe_name + ".";
      }
      ImGui::PushFont(GetFonts().small);
      ImGui::TextWrapped("%s", line.c_str());
      ImGui::PopFont();
    }
  }
  SmallText(std::string(kNotADiagnosis).c_str());
  if (!detailed && Button(frame, "Open the pain log##advice", ImVec2(-1, 0))) OpenGuidePage(frame, GuidePage::Pain);
  CardEnd(frame, Mix(p.surface, p.bad, 0.07f), p.bad, 2);
  return true;
}

void DrawStrengthProgress(UiFrame& frame) {
  const Palette& p = GetPalette();
  StrengthSummary summary = SummarizeStrength(frame.state.model, frame.context.today);
  CardBegin(frame);
  char line[96];
  std::snprintf(line, sizeof line, "Hip and core: %d of %d session%s this week", summary.sessions_this_week,
                summary.target_per_week, summary.target_per_week == 1 ? "" : "s");
  ImGui::TextWrapped("%s", line);
  RecordLastItem(frame, line, "info");
  float fraction = summary.target_per_week > 0 ? float(summary.sessions_this_week) / float(summary.target_per_week) : 0;
  FractionBar(frame, fraction, summary.target_met ? p.ok : p.accent);
  std::string detail;
  if (summary.target_met) detail = "Target met - nice work.";
  else if (summary.sessions_this_week == 0) detail = "Bridges, planks, single-leg squats: about 15 minutes.";
  else detail = std::to_string(summary.target_per_week - summary.sessions_this_week) + " to go this week.";
  SmallText(detail.c_str());
  if (CardTapTarget(frame, "Hip and core##card")) OpenGuidePage(frame, GuidePage::Strength);
  CardEnd(frame, p.surface);
}

void DrawWarmupStats(UiFrame& frame) {
  const Palette& p = GetPalette();
  WarmupSummary stats = WarmupStats(frame.state.model, frame.context.today);
  CardBegin(frame);
  if (stats.runs == 0) {
    ImGui::TextWrapped("Warm-up and cool-down");
    SmallText("Tick both when you log a run to see how often you do them.");
  } else {
    char line[96];
    std::snprintf(line, sizeof line, "Warm-up and cool-down: %d of the last %d run%s had both", stats.with_both,
                  stats.runs, stats.runs == 1 ? "" : "s");
    ImGui::TextWrapped("%s", line);
    RecordLastItem(frame, line, "info");
    float fraction = float(stats.with_both) / float(stats.runs);
    FractionBar(frame, fraction, fraction >= 0.7f ? p.ok : fraction >= 0.4f ? p.accent : p.warn);
    std::snprintf(line, sizeof line, "Warm-up %d, cool-down %d of %d.", stats.with_warmup, stats.with_cooldown,
                  stats.runs);
    SmallText(line);
  }
  if (CardTapTarget(frame, "Warm-up and cool-down##card")) OpenGuidePage(frame, GuidePage::Warmup);
  CardEnd(frame, p.surface);
}

bool DrawRestDayCard(UiFrame& frame) {
  int streak = SummarizeLoad(frame.state.model, frame.context.today).consecutive_run_days;
  std::optional<std::string_view> advice = RestDayAdvice(streak);
  if (!advice) return false;
  const Palette& p = GetPalette();
  CardBegin(frame);
  ImGui::PushFont(GetFonts().heading);
  std::string title = "Day " + std::to_string(streak) + " in a row: plan a rest day";
  ColoredText(p.warn, title.c_str());
  ImGui::PopFont();
  RecordLastItem(frame, title.c_str(), "info", "rest_day");
  Paragraph(std::string(*advice).c_str());
  CardEnd(frame, Mix(p.surface, p.warn, 0.08f), p.warn, 1.5f);
  return true;
}

bool DrawBackupReminderCard(UiFrame& frame) {
  std::optional<int> days = BackupReminderDays(frame.state.model, frame.context.today);
  if (!days) return false;
  const Palette& p = GetPalette();
  CardBegin(frame);
  ImGui::PushFont(GetFonts().heading);
  const char* title = "Time for a backup";
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  RecordLastItem(frame, title, "info", "backup_reminder");
  std::string text = frame.state.model.last_backup
                         ? std::to_string(*days) + " days since your last backup, and you have logged runs since."
                         : "You have logged runs for " + std::to_string(*days) + " days and not backed them up yet.";
  Paragraph((text + " Your runs live only on this device: a backup file keeps them safe.").c_str());
  if (Button(frame, "Export backup##home", ImVec2(-1, 0))) frame.Dispatch({{"type", "export_backup"}});
  CardEnd(frame, p.surface, p.accent, 1.5f);
  return true;
}

}  // namespace sw::ui
