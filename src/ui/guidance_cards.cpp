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
#include "format.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

std::optional<GuidePage> g_requested_page;
bool g_evidence_requested = false;

}  // namespace

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
  const Derived& derived = frame.Summaries();
  const PainAdvice& advice = derived.pain;
  if (!advice.see_doctor) return false;
  const Palette& p = GetPalette();

  CardBegin(frame);
  ImGui::PushFont(GetFonts().heading);
  ColoredParagraph(p.bad, "Time to get this pain checked");
  ImGui::PopFont();
  RecordLastItem(frame, "Time to get this pain checked", "info", "see_doctor");
  Paragraph("From what you logged:");
  for (const std::string& reason : advice.reasons) {
    ImGui::Bullet();
    ImGui::SameLine();
    WrappedText(reason.c_str());
  }
  Paragraph("Pain that lasts more than a few days, gets worse as you run or changes how you run is "
            "worth showing to a doctor or a sports-medicine specialist. Ease off in the meantime: "
            "early help keeps a small problem small.");
  if (detailed) {
    Units units = model.settings.units;
    for (std::size_t i = 0; i < advice.episodes.size(); ++i) {
      const PainEpisode& episode = advice.episodes[i];
      if (!episode.see_doctor) continue;
      const PainContext& context = derived.pain_contexts[i];
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
      WrappedText(line.c_str());
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
  const StrengthSummary& summary = frame.Summaries().strength;
  CardBegin(frame);
  char line[96];
  std::snprintf(line, sizeof line, "Hip and core: %d of %d session%s this week", summary.sessions_this_week,
                summary.target_per_week, summary.target_per_week == 1 ? "" : "s");
  WrappedText(line);
  RecordLastItem(frame, line, "info");
  float fraction = summary.target_per_week > 0 ? float(summary.sessions_this_week) / float(summary.target_per_week) : 0;
  ProgressBar(frame, fraction, summary.target_met ? p.ok : p.accent);
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
  const WarmupSummary& stats = frame.Summaries().warmup;
  CardBegin(frame);
  if (stats.runs == 0) {
    WrappedText("Warm-up and cool-down");
    SmallText("Tick both when you log a run to see how often you do them.");
  } else {
    char line[96];
    std::snprintf(line, sizeof line, "Warm-up and cool-down: %d of the last %d run%s had both", stats.with_both,
                  stats.runs, stats.runs == 1 ? "" : "s");
    WrappedText(line);
    RecordLastItem(frame, line, "info");
    float fraction = float(stats.with_both) / float(stats.runs);
    ProgressBar(frame, fraction, fraction >= 0.7f ? p.ok : fraction >= 0.4f ? p.accent : p.warn);
    std::snprintf(line, sizeof line, "Warm-up %d, cool-down %d of %d.", stats.with_warmup, stats.with_cooldown,
                  stats.runs);
    SmallText(line);
  }
  if (CardTapTarget(frame, "Warm-up and cool-down##card")) OpenGuidePage(frame, GuidePage::Warmup);
  CardEnd(frame, p.surface);
}

bool DrawRestDayCard(UiFrame& frame) {
  int streak = frame.Summaries().load.consecutive_run_days;
  std::optional<std::string_view> advice = RestDayAdvice(streak);
  if (!advice) return false;
  const Palette& p = GetPalette();
  CardBegin(frame);
  ImGui::PushFont(GetFonts().heading);
  std::string title = "Day " + std::to_string(streak) + " in a row: plan a rest day";
  ColoredParagraph(p.warn, title.c_str());
  ImGui::PopFont();
  RecordLastItem(frame, title.c_str(), "info", "rest_day");
  Paragraph(std::string(*advice).c_str());
  CardEnd(frame, Mix(p.surface, p.warn, 0.08f), p.warn, 1.5f);
  return true;
}

bool DrawBackupReminderCard(UiFrame& frame) {
  std::optional<int> days = frame.Summaries().backup_reminder_days;
  if (!days) return false;
  const Palette& p = GetPalette();
  CardBegin(frame);
  ImGui::PushFont(GetFonts().heading);
  const char* title = "Time for a backup";
  PlainText(title);
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
