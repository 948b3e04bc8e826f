#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstdlib>

#include "core/model/units.hpp"
#include "core/model/validation.hpp"
#include "core/model/version.hpp"
#include "guidance_cards.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "format.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

// Two side-by-side choice buttons; the selected one is filled.
bool ChoiceButton(UiFrame& frame, const char* label, bool selected, float width_css) {
  const Palette& palette = GetPalette();
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette.accent : ImGui::GetStyle().Colors[ImGuiCol_Button]);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? palette.accent : ImGui::GetStyle().Colors[ImGuiCol_ButtonHovered]);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette.accent_text : palette.text);
  bool pressed = Button(frame, label, ImVec2(width_css, 0));
  ImGui::PopStyleColor(3);
  return pressed;
}

// A slider that dispatches `field` once, when the finger lets go (each change is a saved write and,
// for the text size, a rebuilt layout). `value`/`editing` hold it while the finger is down.
void SettingSlider(UiFrame& frame, const char* label, const char* name, const char* field, int saved, float& value,
                   bool& editing, float min, float max, const char* format) {
  if (!editing) value = float(saved);
  bool changed = Slider(frame, label, &value, min, max, format);
  frame.widgets.back().name = name;  // its caption, drawn above it
  editing = ImGui::IsItemActive();
  // A finger's drag is saved when it lets go; a step from the keyboard or a screen reader (the
  // accessible mirror) at once.
  bool stepped = changed && !editing && !ImGui::IsItemDeactivated();
  if ((ImGui::IsItemDeactivated() || stepped) && int(std::lround(value)) != saved)
    frame.Dispatch({{"type", "update_settings"}, {field, int(std::lround(value))}});
}

std::optional<double> ParseThresholdField(const std::string& text, Units units) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') return std::nullopt;
  return ThresholdToMetres(value, units);  // whether it is acceptable is core's to say
}

constexpr const char* kNewPairForm = "new_pair_distances";  // the form's name for its outcome

void DrawWeekSection(UiFrame& frame, SettingsScreen& screen) {
  const Settings& settings = frame.state.model.settings;
  Heading("Weekly load");
  PlainText("Week starts on");
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  if (ChoiceButton(frame, "Monday", settings.week_start == std::chrono::Monday, half))
    frame.Dispatch({{"type", "update_settings"}, {"week_start", "monday"}});
  ImGui::SameLine();
  if (ChoiceButton(frame, "Sunday", settings.week_start == std::chrono::Sunday, half))
    frame.Dispatch({{"type", "update_settings"}, {"week_start", "sunday"}});
  PlainText("Most a week may grow over the week before");
  SettingSlider(frame, "##weekly_limit", "Most a week may grow over the week before", "weekly_increase_limit_pct", int(std::lround(settings.weekly_increase_limit_pct)),
                screen.weekly_limit, screen.weekly_limit_editing, 5, 30, "%.0f%%");
  SmallText("The article's guideline is 10%. Studies disagree on the exact number, so it is one signal among others.");
}

void DrawNewPairSection(UiFrame& frame, SettingsScreen& screen) {
  const Settings& settings = frame.state.model.settings;
  const Units units = settings.units;
  // Refill the fields when the unit or the stored values change (another tab, the API, a unit switch).
  if (screen.defaults_units != units || screen.defaults_warn_m != settings.default_warn_at_m ||
      screen.defaults_replace_m != settings.default_replace_at_m) {
    screen.defaults_units = units;
    screen.defaults_warn_m = settings.default_warn_at_m;
    screen.defaults_replace_m = settings.default_replace_at_m;
    screen.default_warn = std::to_string(ThresholdInUnits(settings.default_warn_at_m, units));
    screen.default_replace = std::to_string(ThresholdInUnits(settings.default_replace_at_m, units));
    screen.defaults_error.clear();
  }
  Heading("New shoes");
  Paragraph("When a new pair should warn you, and when to replace it. Shoes lose support somewhere "
            "around 300-500 mi (480-800 km).");
  const std::string unit(UnitLabel(units));
  const std::string warn_label = "Warn at (" + unit + ")", replace_label = "Replace at (" + unit + ")";
  SmallText(warn_label.c_str());
  TextField(frame, (warn_label + "##default_warn").c_str(), screen.default_warn, true);
  SmallText(replace_label.c_str());
  TextField(frame, (replace_label + "##default_replace").c_str(), screen.default_replace, true);
  if (!screen.defaults_error.empty()) ColoredParagraph(GetPalette().bad, screen.defaults_error.c_str());
  if (Button(frame, "Save shoe distances", ImVec2(-1, 0))) {
    auto warn = ParseThresholdField(screen.default_warn, units);
    auto replace = ParseThresholdField(screen.default_replace, units);
    if (!warn || !replace)
      screen.defaults_error = "Enter both distances as numbers, for example 300 and 500.";
    else
      frame.Dispatch({{"type", "update_settings"}, {"default_warn_at_m", *warn}, {"default_replace_at_m", *replace}},
                     kNewPairForm);
  }
  // Core's word on the distances sent: saved, or which one to fix and why.
  if (std::optional<Outcome> outcome = frame.TakeOutcome(kNewPairForm)) {
    screen.defaults_error.clear();
    if (!outcome->ok)
      screen.defaults_error = outcome->field == "default_warn_at_m"      ? "Warn at " + outcome->reason + "."
                              : outcome->field == "default_replace_at_m" ? "Replace at " + outcome->reason + "."
                                                                         : outcome->error;
  }
  SmallText("Applies to pairs you add from now on.");
}

void DrawDataSection(UiFrame& frame) {
  const SaveInfo& save = frame.save;
  Heading("Your data");
  Paragraph("Everything you log stays in this browser on this device. Nothing is sent anywhere; "
            "a backup file you export is the only copy that leaves.");
  const char* persisted = !save.persisted ? "Storage protection: not offered by this browser."
                          : *save.persisted ? "Storage protection: on - the browser will not clear your data to free space."
                                            : "Storage protection: not granted - the browser may clear data when space runs low. Export a backup now and then.";
  SmallText(persisted);
  for (const std::string& note : save.damaged) {
    ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().bad);
    WrappedText(note.c_str());
    ImGui::PopStyleColor();
  }
  if (!save.damaged.empty() && Button(frame, "Export the unreadable data", ImVec2(-1, 0)))
    frame.Dispatch({{"type", "export_damaged"}});
  if (Button(frame, "Export backup", ImVec2(-1, 0))) frame.Dispatch({{"type", "export_backup"}});
  const std::optional<BackupMark>& last = frame.state.model.last_backup;
  std::string last_text = "No backup yet.";
  if (last) {
    int days = int((std::chrono::sys_days(frame.context.today) - std::chrono::sys_days(last->date)).count());
    last_text = "Last backup: " + DayLabel(last->date, frame.context.today) +
                (days == 0 ? " (today)." : days == 1 ? " (yesterday)." : " (" + std::to_string(days) + " days ago).");
  }
  SmallText(last_text.c_str());
  RecordLastItem(frame, last_text.c_str(), "info", "last_backup");
  if (Button(frame, "Import backup", ImVec2(-1, 0))) frame.Dispatch({{"type", "pick_backup_file"}});
  if (Button(frame, "Import runs from a watch or app##settings", ImVec2(-1, 0)))
    frame.Dispatch({{"type", "pick_import_files"}});
  if (Button(frame, "Export runs as CSV", ImVec2(-1, 0))) frame.Dispatch({{"type", "export_csv"}});
  if (const AppState::Notice& notice = frame.state.notice; !notice.text.empty()) {
    // A refused or unreadable file is the answer to the runner's own tap: said as an error, in
    // body text, where a done export is a quiet caption.
    if (notice.failed) ColoredParagraph(GetPalette().bad, notice.text.c_str());
    else SmallText(notice.text.c_str());
    RecordLastItem(frame, notice.text.c_str(), "info", "notice");  // state().ui: tests, assistive bridges
  }
}

}  // namespace

void SettingsScreen::Draw(UiFrame& frame) {
  Heading("Units");
  bool miles = frame.state.model.settings.units == Units::Miles;
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  if (ChoiceButton(frame, "Miles", miles, half)) frame.Dispatch({{"type", "set_units"}, {"units", "mi"}});
  ImGui::SameLine();
  if (ChoiceButton(frame, "Kilometres", !miles, half)) frame.Dispatch({{"type", "set_units"}, {"units", "km"}});

  ImGui::Spacing();
  Heading("Appearance");
  const Theme theme = frame.state.model.settings.theme;
  float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3 / frame.scale;
  struct Choice {
    const char* label;
    Theme theme;
    const char* id;
  };
  for (const Choice& c : {Choice{"System", Theme::System, "system"}, Choice{"Light", Theme::Light, "light"},
                          Choice{"Dark", Theme::Dark, "dark"}}) {
    if (c.theme != Theme::System) ImGui::SameLine();
    if (ChoiceButton(frame, c.label, theme == c.theme, third))
      frame.Dispatch({{"type", "update_settings"}, {"theme", c.id}});
  }
  SmallText(theme == Theme::System ? "Follows your phone's light or dark mode." : "Always this theme.");

  ImGui::Spacing();
  Heading("Text size");
  // The whole layout grows with the text; it is rebuilt once, when the finger lets go.
  SettingSlider(frame, "##text_size", "Text size", "text_size_pct", frame.state.model.settings.text_size_pct, text_size,
                text_size_editing, kMinTextSizePct, kMaxTextSizePct, "%.0f%%");

  ImGui::Spacing();
  DrawWeekSection(frame, *this);

  ImGui::Spacing();
  DrawNewPairSection(frame, *this);

  ImGui::Spacing();
  DrawDataSection(frame);

  ImGui::Spacing();
  Heading("About");
  std::string version = std::string("Stridewise ") + kVersion;
  Paragraph(version.c_str());
}

}  // namespace sw::ui
