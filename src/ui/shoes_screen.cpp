// Shoes: every pair with its distance, life bar, runs and projected replacement; a tap opens a
// pair for editing (name, start distance, thresholds, purchase date, default, retire) and its
// wear checklist. Numbers are typed and shown in the runner's units, stored in metres.
//
// [SECTION] Drafts: model <-> text in the runner's units
// [SECTION] Form fields
// [SECTION] One shoe card
// [SECTION] Screen
#include <imgui.h>

#include <cmath>
#include <string>

#include "core/model/dates.hpp"
#include "core/rules/shoe_rules.hpp"
#include "core/model/units.hpp"
#include "core/model/validation.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "shoe_status.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

// The forms' names for their outcomes (UiFrame::TakeOutcome).
constexpr const char* kAddForm = "add_shoe";
constexpr const char* kEditForm = "edit_shoe";


// [SECTION] Drafts
std::string StartText(double metres, Units units) {
  return metres > 0 ? TrimNumber(FormatDistanceNumber(metres, units, 1)) : "";
}

ShoeDraft DraftOf(const Shoe& shoe, const Model& model, Units units) {
  ShoeDraft d;
  d.name = shoe.name;
  d.start = StartText(shoe.start_distance_m, units);
  d.warn = std::to_string(ThresholdInUnits(shoe.warn_at_m, units));
  d.replace = std::to_string(ThresholdInUnits(shoe.replace_at_m, units));
  d.purchase = shoe.purchase_date ? FormatDate(*shoe.purchase_date) : "";
  d.make_default = model.default_shoe_id == shoe.id;
  d.units = units;
  return d;
}

ShoeDraft NewDraft(const Model& model) {
  ShoeDraft d;
  Units units = model.settings.units;
  d.warn = std::to_string(ThresholdInUnits(model.settings.default_warn_at_m, units));
  d.replace = std::to_string(ThresholdInUnits(model.settings.default_replace_at_m, units));
  bool has_active_default = false;
  for (const Shoe& s : model.shoes)
    if (!s.retired && model.default_shoe_id == s.id) has_active_default = true;
  d.make_default = !has_active_default;
  d.units = units;
  return d;
}

// The runner switched units while a draft was open: rewrite its numbers in the new units.
void ConvertDraft(ShoeDraft& d, Units to) {
  if (d.units == to) return;
  auto start = ParseDistance(d.start, d.units);
  if (start) d.start = StartText(*start, to);
  for (std::string* field : {&d.warn, &d.replace}) {
    auto m = ParseDistance(*field, d.units);
    if (m) *field = std::to_string(ThresholdInUnits(ThresholdToMetres(MetresToUnits(*m, d.units), d.units), to));
  }
  d.units = to;
}

struct ParsedShoe {
  std::string name;
  double start_m = 0, warn_m = 0, replace_m = 0;
  std::optional<Date> purchase;
};

// Reads the draft's text (numbers in the runner's units, a date); on text that is not one sets
// draft.error. Whether the shoe is acceptable is core's to say (ShowOutcome).
std::optional<ParsedShoe> ParseDraft(ShoeDraft& d, Date today) {
  ParsedShoe out;
  d.error.clear();
  const char* unit = d.units == Units::Miles ? "mi" : "km";
  out.name = d.name;
  if (d.start.find_first_not_of(" ") != std::string::npos) {
    auto m = ParseDistance(d.start, d.units);
    if (!m) {
      d.error = std::string("Distance already run: type a number of ") + unit + ", e.g. 120, or leave it empty.";
      return std::nullopt;
    }
    out.start_m = *m;
  }
  auto threshold = [&](const std::string& text, const char* what, double& metres) {
    auto m = ParseDistance(text, d.units);
    if (!m) {
      d.error = std::string(what) + ": type a whole number of " + unit + ".";
      return false;
    }
    metres = ThresholdToMetres(MetresToUnits(*m, d.units), d.units);
    return true;
  };
  if (!threshold(d.warn, "Warn at", out.warn_m) || !threshold(d.replace, "Replace at", out.replace_m))
    return std::nullopt;
  if (d.purchase.find_first_not_of(" ") != std::string::npos) {
    auto date = ParseDate(d.purchase);
    if (!date) {
      d.error = "Purchase date: use YYYY-MM-DD, e.g. " + FormatDate(today) + ", or leave it empty.";
      return std::nullopt;
    }
    out.purchase = *date;
  }
  return out;
}

// What core said of a shoe the form sent: true when saved; otherwise the field to fix, in core's
// words, goes under the form and the draft stays.
bool ShowOutcome(ShoeDraft& d, const Outcome& outcome) {
  if (outcome.ok) return true;
  static const std::pair<const char*, const char*> kFieldNames[] = {
      {"name", "The name"}, {"start_distance_m", "Distance already run"}, {"warn_at_m", "Warn at"},
      {"replace_at_m", "Replace at"}, {"purchase_date", "Purchase date"}};
  d.error = outcome.error;
  for (const auto& [field, name] : kFieldNames)
    if (outcome.field == field) d.error = std::string(name) + " " + outcome.reason + ".";
  if (outcome.field == "name" && d.name.find_first_not_of(" \t") == std::string::npos)
    d.error = "Give the shoes a name, e.g. the brand and model or a nickname.";
  return false;
}

// [SECTION] Form fields

void DraftFields(UiFrame& frame, ShoeDraft& d, const char* suffix) {
  const char* unit = d.units == Units::Miles ? "mi" : "km";
  std::string s = suffix;
  Caption("Name (brand and model, or a nickname)");
  TextField(frame, ("Shoe name##" + s).c_str(), d.name, false);
  Caption((std::string("Distance already on them (") + unit + ", optional)").c_str());
  TextField(frame, ("Start distance##" + s).c_str(), d.start, true);
  // Warn at and Replace at side by side, each its caption over its field (same items in each
  // column, so captions and fields line up).
  TwoColumns columns(ImGui::GetStyle().ItemSpacing.x);
  Caption((std::string("Warn at (") + unit + ")").c_str());
  TextField(frame, ("Warn at##" + s).c_str(), d.warn, true);
  columns.Next();
  Caption((std::string("Replace at (") + unit + ")").c_str());
  TextField(frame, ("Replace at##" + s).c_str(), d.replace, true);
  columns.End();
  Caption("Bought on (YYYY-MM-DD, optional)");
  DateField(frame, ("Purchase date##" + s).c_str(), d.purchase);
}

bool AccentButton(UiFrame& frame, const char* label, ImVec2 size_css = {-1, 0}) {
  const Palette& p = GetPalette();
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  bool pressed = Button(frame, label, size_css);
  ImGui::PopStyleColor(3);
  return pressed;
}

// Two buttons sharing a row; returns 1 or 2 for the one pressed.
int ButtonPair(UiFrame& frame, const char* first, const char* second, bool first_accent) {
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f / frame.scale;
  int pressed = 0;
  if (first_accent ? AccentButton(frame, first, ImVec2(half, 0)) : Button(frame, first, ImVec2(half, 0))) pressed = 1;
  ImGui::SameLine();
  if (Button(frame, second, ImVec2(half, 0))) pressed = 2;
  return pressed;
}

nlohmann::json ShoeFields(const ParsedShoe& s) {
  nlohmann::json a = {{"name", s.name}, {"start_distance_m", s.start_m}, {"warn_at_m", s.warn_m},
                      {"replace_at_m", s.replace_m}};
  a["purchase_date"] = s.purchase ? nlohmann::json(FormatDate(*s.purchase)) : nlohmann::json(nullptr);
  return a;
}

// [SECTION] One shoe card
void DrawEditor(UiFrame& frame, ShoesScreen& screen, const Shoe& shoe, const ShoeSummary& summary) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  Units units = model.settings.units;
  ShoeDraft& d = screen.edit;
  ConvertDraft(d, units);

  // The pair's own page: its runs, its distance over time, moving runs to another pair.
  ImGui::Spacing();
  const std::string story_label = "Runs and history (" + std::to_string(summary.runs) + ")";
  if (Button(frame, story_label.c_str(), ImVec2(-1, 0))) {
    screen.story.emplace();
    screen.story->shoe_id = shoe.id;
    ImGui::SetScrollY(0);
  }

  // The wear checklist first: it decides the status whatever the distance.
  ImGui::Spacing();
  PlainText("Wear check");
  ShoeWear wear = shoe.wear;
  bool changed = false;
  changed |= Checkbox(frame, "Uneven wear on the sole", &wear.uneven_wear);
  changed |= Checkbox(frame, "Discomfort when running", &wear.discomfort);
  changed |= Checkbox(frame, "A change in your stride", &wear.stride_change);
  if (changed)
    frame.Dispatch({{"type", "set_shoe_wear"}, {"id", shoe.id}, {"uneven_wear", wear.uneven_wear},
                    {"discomfort", wear.discomfort}, {"stride_change", wear.stride_change}});
  if (summary.wear_flagged)
    ColoredParagraph(p.bad, "A wear sign means replace, whatever the distance.");
  if (DiscomfortMayBeFit(shoe, summary.distance_m)) {
    const char* fit_hint = units == Units::Miles
                               ? "This pair has under 50 mi on it. Discomfort in new shoes is often the fit or the "
                                 "lacing: try lacing them differently, or get a professional fitting."
                               : "This pair has under 80 km on it. Discomfort in new shoes is often the fit or the "
                                 "lacing: try lacing them differently, or get a professional fitting.";
    Paragraph(fit_hint);
    RecordLastItem(frame, "New pair discomfort", "info", fit_hint);  // state().ui: tests, assistive bridges
  }
  SmallText("Unsure? A gait analysis or a fitting at a running store or with a physio matches the shoe to how you run.");

  ImGui::Spacing();
  DraftFields(frame, d, "edit");
  if (std::optional<Outcome> outcome = frame.TakeOutcome(kEditForm))
    if (ShowOutcome(d, *outcome)) screen.expanded_id.reset();
  if (!d.error.empty()) ColoredParagraph(p.bad, d.error.c_str());
  int pressed = ButtonPair(frame, "Save changes", "Close", true);
  if (pressed == 1) {
    if (auto parsed = ParseDraft(d, frame.context.today)) {
      // Only what the runner changed: a km user saving an untouched 644 km keeps 400 mi exactly.
      ShoeDraft loaded = DraftOf(shoe, model, units);
      nlohmann::json all = ShoeFields(*parsed);
      nlohmann::json action = {{"type", "update_shoe"}, {"id", shoe.id}};
      if (d.name != loaded.name) action["name"] = all["name"];
      if (d.start != loaded.start) action["start_distance_m"] = all["start_distance_m"];
      if (d.warn != loaded.warn) action["warn_at_m"] = all["warn_at_m"];
      if (d.replace != loaded.replace) action["replace_at_m"] = all["replace_at_m"];
      if (d.purchase != loaded.purchase) action["purchase_date"] = all["purchase_date"];
      if (action.size() > 2) frame.Dispatch(action, kEditForm);
      else screen.expanded_id.reset();
    }
  } else if (pressed == 2) {
    screen.expanded_id.reset();
  }
  if (!shoe.retired) {
    bool is_default = model.default_shoe_id == shoe.id;
    if (!is_default && Button(frame, "Make default", ImVec2(-1, 0)))
      frame.Dispatch({{"type", "update_shoe"}, {"id", shoe.id}, {"is_default", true}});
    if (Button(frame, "Retire these shoes", ImVec2(-1, 0))) {
      frame.Dispatch({{"type", "retire_shoe"}, {"id", shoe.id}});
      screen.expanded_id.reset();
    }
  } else if (Button(frame, "Put back in use", ImVec2(-1, 0))) {
    frame.Dispatch({{"type", "reactivate_shoe"}, {"id", shoe.id}});
  }
}

void DrawCard(UiFrame& frame, ShoesScreen& screen, const Shoe& shoe, const ShoeSummary& summary) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  Units units = model.settings.units;
  Date today = frame.context.today;
  bool expanded = screen.expanded_id == shoe.id;
  bool is_default = model.default_shoe_id == shoe.id && !shoe.retired;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::Dummy(ImVec2(0, frame.Px(4)));
  ImVec2 top = ImGui::GetCursorScreenPos();
  float right = ImGui::GetContentRegionMax().x;

  // Header: name, then pills on the right.
  ImVec4 color = StatusColor(summary.status);
  const char* word = StatusWord(summary.status);
  float pills = PillWidth(frame, word) + (is_default ? PillWidth(frame, "Default") + frame.Px(6) : 0);
  float line_y = ImGui::GetCursorPosY();
  ImGui::PushTextWrapPos(right - pills - frame.Px(8));
  ImGui::PushFont(GetFonts().heading);
  WrappedText(shoe.name.c_str());
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  float after_name = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(right - pills, line_y + frame.Px(4)));
  if (is_default) {
    Pill(frame, "Default", p.button, p.text);
    ImGui::SameLine(0, frame.Px(6));
    ImGui::SetCursorPosY(line_y + frame.Px(4));
  }
  Pill(frame, word, color, p.accent_text);
  ImGui::SetCursorPosY(std::max(after_name, ImGui::GetCursorPosY()));

  ProgressBar(frame, float(summary.life_used), color, 10,
              shoe.replace_at_m > 0 ? float(shoe.warn_at_m / shoe.replace_at_m) : -1);
  std::string line = ShoeDistanceText(summary.distance_m, units) + " of " + FormatThreshold(shoe.replace_at_m, units) +
                     "  -  " + std::to_string(summary.runs) + (summary.runs == 1 ? " run" : " runs");
  PlainText(line.c_str());
  std::string when;
  if (shoe.retired) when = "Retired.";
  else if (summary.wear_flagged) when = "Replace now: a wear sign is ticked.";
  else if (summary.status == ShoeStatus::Replace) when = "Replace now: past its replace distance.";
  else if (summary.projected_replace_date)
    when = "Estimate: replace " + ProjectionText(*summary.projected_replace_date, today) + " at your recent pace.";
  else
    when = "A replacement date is estimated once these have " + std::to_string(kProjectionMinRuns) + " runs over " +
           std::to_string(kProjectionMinSpanDays / 7) + " weeks.";
  if (shoe.purchase_date) when += " Bought " + ShortDate(*shoe.purchase_date, today) + ".";
  SmallText(when.c_str());
  ImVec2 header_end = ImGui::GetCursorScreenPos();

  // The header is the tap target that opens or closes the editor.
  ImGui::SetCursorScreenPos(top);
  std::string id = shoe.name + "##card" + std::to_string(shoe.id);
  if (ImGui::InvisibleButton(id.c_str(), ImVec2(right - ImGui::GetCursorPosX(), header_end.y - top.y))) {
    if (expanded) {
      screen.expanded_id.reset();
    } else {
      screen.expanded_id = shoe.id;
      screen.edit = DraftOf(shoe, model, units);
    }
  }
  RecordLastItem(frame, id.c_str(), "button", expanded ? "expanded" : "");
  ImGui::SetCursorScreenPos(header_end);
  if (expanded) DrawEditor(frame, screen, shoe, summary);
  ImGui::Dummy(ImVec2(0, frame.Px(4)));

  // Card background behind it all, bleeding into the side padding.
  ImVec2 bottom = ImGui::GetCursorScreenPos();
  draw->ChannelsSetCurrent(0);
  float pad = frame.Px(10);
  ImVec2 win = ImGui::GetWindowPos();
  draw->AddRectFilled(ImVec2(top.x - pad, top.y - pad), ImVec2(win.x + right + pad, bottom.y - ImGui::GetStyle().ItemSpacing.y + pad * 0.4f),
                      ImGui::GetColorU32(p.surface), frame.Px(12));
  if (expanded)
    draw->AddRect(ImVec2(top.x - pad, top.y - pad), ImVec2(win.x + right + pad, bottom.y - ImGui::GetStyle().ItemSpacing.y + pad * 0.4f),
                  ImGui::GetColorU32(p.accent), frame.Px(12), 0, frame.Px(1.5f));
  draw->ChannelsMerge();
  ImGui::Dummy(ImVec2(0, frame.Px(6)));
}

}  // namespace

// [SECTION] Screen
void ShoesScreen::StartAdding(const Model& model) {
  adding = true;
  add = NewDraft(model);
}

void ShoesScreen::Draw(UiFrame& frame) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  Units units = model.settings.units;
  const std::vector<ShoeSummary>& summaries = frame.Summaries().shoes;
  if (story) {
    if (story->Draw(frame)) return;
    story.reset();  // "All shoes": back to the list where the runner left it
  }

  if (!adding) {
    if (AccentButton(frame, "Add shoes")) StartAdding(model);
  } else {
    Heading("Add shoes");
    ConvertDraft(add, units);
    DraftFields(frame, add, "add");
    Checkbox(frame, "Make these my default shoes", &add.make_default);
    if (std::optional<Outcome> outcome = frame.TakeOutcome(kAddForm); outcome && ShowOutcome(add, *outcome)) {
      adding = false;
      add = ShoeDraft{};
    }
    if (!add.error.empty()) ColoredParagraph(p.bad, add.error.c_str());
    int pressed = ButtonPair(frame, "Save shoes", "Cancel", true);
    if (pressed == 1) {
      if (auto parsed = ParseDraft(add, frame.context.today)) {
        nlohmann::json action = ShoeFields(*parsed);
        action["type"] = "add_shoe";
        if (!parsed->purchase) action.erase("purchase_date");
        action["is_default"] = add.make_default;
        frame.Dispatch(action, kAddForm);
      }
    } else if (pressed == 2) {
      adding = false;
      add = ShoeDraft{};
    }
  }
  if (model.shoes.empty()) {
    Paragraph("No shoes yet. Cushioning and support fade somewhere around 300-500 miles (480-800 km); "
              "add each pair you run in and Stridewise keeps count.");
    return;
  }
  // Shoes in use first, then retired ones.
  ImGui::Dummy(ImVec2(0, frame.Px(6)));
  for (int pass = 0; pass < 2; ++pass) {
    bool retired_pass = pass == 1;
    bool any = false;
    for (size_t i = 0; i < model.shoes.size(); ++i) {
      if (model.shoes[i].retired != retired_pass) continue;
      if (retired_pass && !any) {
        ImGui::Spacing();
        Heading("Retired");
      }
      any = true;
      ImGui::PushID(int(model.shoes[i].id));
      DrawCard(frame, *this, model.shoes[i], summaries[i]);
      ImGui::PopID();
    }
  }
  SmallText("Support fades somewhere around 300-500 miles (480-800 km). Tap a pair to edit it, tick a wear sign, "
            "or retire it.");
}

}  // namespace sw::ui
