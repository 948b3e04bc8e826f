// The import of activity files, drawn over the screens while one is under way
// (state.import; core/import/import_review.hpp): reading (progress, Cancel), the review (tick
// rows, a shoe per row or for every ticked row, Save), the outcome (Undo), or why nothing came in.
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/model/dates.hpp"
#include "core/model/units.hpp"
#include "core/model/validation.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

using import::ImportRow;
using import::ImportSession;
using import::ImportStatus;

const char* SportLabel(const std::string& sport) {
  if (sport == import::sport::kRun) return "Run";
  if (sport == import::sport::kTrailRun) return "Trail run";
  if (sport == import::sport::kTreadmillRun) return "Treadmill run";
  if (sport == import::sport::kTrackRun) return "Track run";
  if (sport == import::sport::kRide) return "Ride";
  if (sport == import::sport::kSwim) return "Swim";
  if (sport == import::sport::kWalk) return "Walk";
  if (sport == import::sport::kHike) return "Hike";
  if (sport == import::sport::kMultisport) return "Multisport";
  return "Other sport";
}

std::string ShoeLabel(const Model& model, std::optional<Id> id) {
  const Shoe* shoe = id ? FindShoe(model, *id) : nullptr;
  if (!shoe) return "No shoe";
  return shoe->retired ? shoe->name + " (retired)" : shoe->name;
}

// A pair picker: every pair (retired ones too: they may have been in use then) and "No shoe".
// Sets `picked` and returns true when the runner chose.
// `name` is what state().ui (and so tests and assistive bridges) call it.
bool ShoePicker(UiFrame& frame, const char* id, const std::string& name, std::optional<Id> current,
                std::optional<Id>& picked, const char* placeholder = nullptr) {
  const Model& model = frame.state.model;
  bool chose = false;
  std::string preview = placeholder ? placeholder : ShoeLabel(model, current);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(frame.Px(10), (frame.Px(kTouchTargetCss) - ImGui::GetFontSize()) * 0.5f));
  ImGui::SetNextItemWidth(-FLT_MIN);
  bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge);
  RecordLastItem(frame, name.c_str(), "combo", preview);
  if (open) {
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    for (const Shoe& shoe : model.shoes) {
      std::string label = ShoeLabel(model, shoe.id) + "##pick" + std::to_string(shoe.id);
      if (ImGui::Selectable(label.c_str(), current == shoe.id, 0, ImVec2(0, frame.Px(kTouchTargetCss)))) {
        picked = shoe.id;
        chose = true;
      }
      RecordLastItem(frame, label.c_str(), "option");
    }
    if (ImGui::Selectable("No shoe##pick", !current, 0, ImVec2(0, frame.Px(kTouchTargetCss)))) {
      picked.reset();
      chose = true;
    }
    RecordLastItem(frame, "No shoe", "option");
    ImGui::PopStyleVar();
    ImGui::EndCombo();
  }
  ImGui::PopStyleVar();
  return chose;
}

nlohmann::json ShoeJson(std::optional<Id> id) { return id ? nlohmann::json(*id) : nlohmann::json(nullptr); }

// "8.02 km · 42:10 · 171 spm · Garmin fenix 2"
std::string RowFigures(const ImportRow& row, Units units) {
  const import::ImportedActivity& a = row.activity;
  std::string text;
  auto add = [&](const std::string& part) { text += (text.empty() ? "" : " \u00b7 ") + part; };
  if (a.distance_m) add(FormatDistance(*a.distance_m, units));
  if (a.moving_s) add(ClockText(*a.moving_s));
  else if (a.elapsed_s) add(ClockText(*a.elapsed_s));
  if (a.cadence_spm) {
    char spm[24];
    std::snprintf(spm, sizeof spm, "%.0f spm", *a.cadence_spm);
    add(spm);
  }
  if (!a.device.empty()) add(a.device);
  if (!a.problems.empty()) add("read in part (see below)");
  return text;
}

// One line of small text, cut with an ellipsis to the width left: review rows keep one height.
void OneLine(const std::string& text, ImVec4 color) {
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  const float width = ImGui::GetContentRegionAvail().x;
  std::string shown = text;
  if (ImGui::CalcTextSize(shown.c_str()).x > width) {
    while (!shown.empty() && ImGui::CalcTextSize((shown + "\u2026").c_str()).x > width) {
      shown.pop_back();
      while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
      if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
    }
    shown += "\u2026";
  }
  PlainText(shown.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// Every row has the same height (the list clipper lays out only the visible ones): the tick and
// date, the figures, and the shoe picker or why it is not saved. What a reader could not read is
// listed under the rows, by file.
float RowHeight(UiFrame& frame) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushFont(GetFonts().small);
  float small = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  return 2 * frame.Px(kTouchTargetCss) + small + 3 * style.ItemSpacing.y + frame.Px(6);
}

void DrawRow(UiFrame& frame, const ImportRow& row, int index, float height) {
  const Model& model = frame.state.model;
  const Palette& palette = GetPalette();
  const float top = ImGui::GetCursorPosY();
  std::string when = row.date ? DayLabel(*row.date, frame.context.today) : std::string("No date");
  std::string label = when + " \u00b7 " + SportLabel(row.activity.sport) + "##row" + std::to_string(index);
  bool selected = row.selected;
  ImGui::BeginDisabled(!row.cannot_save.empty() || row.duplicate != import::Duplicate::None);
  if (Checkbox(frame, label.c_str(), &selected))
    frame.Dispatch({{"type", "import_review_set"}, {"index", index}, {"selected", selected}});
  ImGui::EndDisabled();
  ImGui::Indent(frame.Px(36));
  OneLine(RowFigures(row, model.settings.units), palette.muted_text);
  const float slot_top = ImGui::GetCursorPosY();
  if (row.duplicate != import::Duplicate::None) {
    OneLine(row.duplicate == import::Duplicate::InLog ? "Already in your log: skipped." : "Listed twice in these files: skipped.",
            palette.muted_text);
  } else if (!row.cannot_save.empty()) {
    OneLine(row.cannot_save + " Not saved.", palette.muted_text);
  } else if (row.selected && !model.shoes.empty()) {
    std::optional<Id> picked;
    std::string id = "##shoe" + std::to_string(index);
    if (ShoePicker(frame, id.c_str(), "Shoe for " + when, row.shoe_id, picked))
      frame.Dispatch({{"type", "import_review_set"}, {"index", index}, {"shoe_id", ShoeJson(picked)}});
  } else if (!row.selected) {
    OneLine(import::IsRunningSport(row.activity.sport) ? "Not ticked: not saved." : "Not a run: not saved unless ticked.",
            palette.muted_text);
  }
  (void)slot_top;
  ImGui::Unindent(frame.Px(36));
  ImGui::SetCursorPosY(top + height - ImGui::GetStyle().ItemSpacing.y - 1);
  ImGui::Separator();
}

void DrawReading(UiFrame& frame, const ImportSession& session) {
  Heading("Reading your files");
  float fraction = session.files_total > 0 ? float(session.files_done) / float(session.files_total) : 0;
  ProgressBar(frame, fraction, GetPalette().accent, 10);
  char text[64];
  std::snprintf(text, sizeof text, "%d of %d files read", session.files_done, session.files_total);
  Paragraph(text);
  RecordLastItem(frame, text, "info", "import_progress");
  if (Button(frame, "Cancel##import", ImVec2(120, 0))) frame.Dispatch({{"type", "import_abort"}});
}

// Files that gave nothing, and what the readers could not read in the ones that gave something.
void DrawFailures(UiFrame& frame, const ImportSession& session) {
  bool headed = false;
  auto head = [&](const char* title) {
    if (headed) return;
    headed = true;
    ImGui::Spacing();
    Heading(title);
  };
  for (const ImportRow& row : session.rows) {
    if (row.activity.problems.empty()) continue;
    head("Notes on the files");
    for (const std::string& problem : row.activity.problems) {
      std::string line = row.activity.file + ": " + problem;
      ColoredParagraph(GetPalette().warn, line.c_str());
    }
  }
  for (const import::FileFailure& failure : session.failed) {
    head("Notes on the files");
    std::string line = failure.name + ": " + failure.error;
    ColoredParagraph(GetPalette().bad, line.c_str());
  }
  (void)frame;
}

void DrawReview(UiFrame& frame, const ImportSession& session) {
  int ticked = 0, duplicates = 0;
  for (const ImportRow& row : session.rows) {
    ticked += row.selected ? 1 : 0;
    duplicates += row.duplicate != import::Duplicate::None ? 1 : 0;
  }
  Heading("Review before saving");
  std::string summary = std::to_string(session.rows.size()) +
                        (session.rows.size() == 1 ? " activity found" : " activities found") + ", " +
                        std::to_string(ticked) + " ticked to save";
  if (duplicates) summary += ", " + std::to_string(duplicates) + (duplicates == 1 ? " duplicate" : " duplicates") + " skipped";
  summary += ".";
  Paragraph(summary.c_str());
  RecordLastItem(frame, summary.c_str(), "info", "import_summary");
  if (ticked > 0 && !frame.state.model.shoes.empty()) {
    std::optional<Id> picked;
    if (ShoePicker(frame, "##shoe_all", "Shoe for every ticked run", std::nullopt, picked, "Choose a pair for all\u2026"))
      frame.Dispatch({{"type", "import_review_shoe_all"}, {"shoe_id", ShoeJson(picked)}});
  }

  // The rows scroll on their own between the header and the buttons; only the visible ones are
  // laid out, so two thousand rows cost what ten do.
  const float buttons_height = frame.Px(kTouchTargetCss) + ImGui::GetStyle().ItemSpacing.y * 2 + frame.Px(8);
  ImGui::BeginChild("##import_rows", ImVec2(0, -buttons_height), ImGuiChildFlags_None);
  const float row_height = RowHeight(frame);
  ImGuiListClipper clipper;
  clipper.Begin(int(session.rows.size()), row_height);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      DrawRow(frame, session.rows[std::size_t(i)], i, row_height);
  DrawFailures(frame, session);
  ImGui::EndChild();

  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  if (Button(frame, "Cancel##import", ImVec2(half, 0))) frame.Dispatch({{"type", "import_dismiss"}});
  ImGui::SameLine();
  std::string save = ticked == 1 ? "Save 1 run" : "Save " + std::to_string(ticked) + " runs";
  ImGui::BeginDisabled(ticked == 0);
  if (PrimaryButton(frame, save.c_str(), frame.Px(half))) frame.Dispatch({{"type", "import_save"}});
  ImGui::EndDisabled();
}

void DrawDone(UiFrame& frame, const ImportSession& session) {
  Heading(session.imported == 1 ? "1 run imported" : (std::to_string(session.imported) + " runs imported").c_str());
  std::string detail = session.imported > 0 ? "They count toward your shoes, your weekly load and your cadence."
                                            : "Nothing was saved.";
  if (session.duplicates > 0)
    detail += " " + std::to_string(session.duplicates) + (session.duplicates == 1 ? " was" : " were") +
              " already in your log.";
  Paragraph(detail.c_str());
  RecordLastItem(frame, detail.c_str(), "info", "import_done");
  DrawFailures(frame, session);
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  ImGui::BeginDisabled(session.last_import_ids.empty());
  if (Button(frame, "Undo import", ImVec2(half, 0))) frame.Dispatch({{"type", "undo_import"}});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (PrimaryButton(frame, "Done##import", frame.Px(half))) frame.Dispatch({{"type", "import_dismiss"}});
}

void DrawError(UiFrame& frame, const ImportSession& session) {
  Heading("Nothing to import");
  Paragraph(session.error.c_str());
  RecordLastItem(frame, session.error.c_str(), "info", "import_error");
  DrawFailures(frame, session);
  if (PrimaryButton(frame, "Close##import")) frame.Dispatch({{"type", "import_dismiss"}});
}

}  // namespace

void DrawActivityImport(UiFrame& frame) {
  const ImportSession& session = frame.state.import;
  if (session.status == ImportStatus::Idle) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  // Kept in front of the screens, but not while its shoe picker is open: taking the focus back
  // every frame would close the picker's popup the frame after it opened.
  if (!ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, GetPalette().background);
  // A readable measure on a wide screen: the review's lines centred, not spread across a desktop.
  float side = std::max(frame.Px(16), (io.DisplaySize.x - frame.Px(720)) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, frame.Px(16)));
  ImGui::Begin("##activity_import", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  switch (session.status) {
    case ImportStatus::Reading: DrawReading(frame, session); break;
    case ImportStatus::Review: DrawReview(frame, session); break;
    case ImportStatus::Done: DrawDone(frame, session); break;
    case ImportStatus::Error: DrawError(frame, session); break;
    case ImportStatus::Idle: break;
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace sw::ui
