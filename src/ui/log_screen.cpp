// Log: the run form (distance quick picks or typed, date, optional time, shoe, warm-up and
// cool-down ticks) and the recent runs with edit and delete + undo. A quick pick and "Save run"
// log a run in two taps. The runner's text is read here (a number, a date, a time); whether the
// run is acceptable is core's to say: its outcome comes back on the next frame, a mistake shows
// under its field in core's words and the draft stays until the run is saved.
//
// On a desktop (frame.wide) the form and the history are two columns, each scrolling by itself.
//
// [SECTION] Helpers
// [SECTION] Layout
// [SECTION] Form
// [SECTION] Every run, by month, and the undo bar
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/rules/derived.hpp"
#include "core/rules/load_rules.hpp"
#include "core/rules/shoe_rules.hpp"
#include "core/model/model_json.hpp"
#include "core/model/units.hpp"
#include "core/model/validation.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

constexpr const char* kRunForm = "log_run";  // the form's name for its outcome

// [SECTION] Helpers

void FieldError(const std::string& error) {
  if (error.empty()) return;
  ImGui::PushFont(GetFonts().small);
  ColoredParagraph(GetPalette().bad, error.c_str());
  ImGui::PopFont();
}

// A button that shows as selected (filled with the accent colour).
bool ChoiceButton(UiFrame& frame, const char* label, bool selected, float width_css) {
  const Palette& p = GetPalette();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accent : style.Colors[ImGuiCol_Button]);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? p.accent : style.Colors[ImGuiCol_ButtonHovered]);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent_text : p.text);
  bool pressed = Button(frame, label, ImVec2(width_css, 0));
  ImGui::PopStyleColor(3);
  return pressed;
}

// Lays buttons of `widths_css` left to right, wrapping to a new row when the next would not fit.
struct Flow {
  UiFrame& frame;
  float right;
  bool first = true;
  void Next(float width_css) {
    if (!first) {
      float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
      if (x + frame.Px(width_css) <= right) ImGui::SameLine();
    }
    first = false;
  }
};

const Shoe* FindShoe(const Model& model, std::optional<Id> id) {
  if (!id) return nullptr;
  for (const Shoe& s : model.shoes)
    if (s.id == *id) return &s;
  return nullptr;
}

}  // namespace

void LogScreen::ClearForm() {
  distance_text.clear();
  date_text.clear();
  duration_text.clear();
  shoe_choice.reset();
  no_shoe = false;
  warmup = cooldown = false;
  editing_id.reset();
  distance_error.clear();
  date_error.clear();
  duration_error.clear();
}

// [SECTION] Layout

void LogScreen::Draw(UiFrame& frame) {
  if (date_text.empty()) date_text = FormatDate(frame.context.today);
  // The run being edited was deleted elsewhere (or undone): drop the edit.
  if (editing_id) {
    bool found = false;
    for (const Run& r : frame.state.model.runs) found |= r.id == *editing_id;
    if (!found) ClearForm();
  }
  if (!frame.wide) {  // a phone: the form, then the history, in the screen's one scrolling region
    DrawForm(frame);
    ImGui::Spacing();
    DrawRuns(frame, /*own_scroll=*/false);
    DrawUndoBar(frame, ImVec2(frame.float_left, 0), ImVec2(frame.float_right, frame.float_bottom));
    return;
  }
  // A desktop: the form on the left, the history on the right, each a column as tall as the screen
  // that scrolls by itself - the form stays in view while the runner looks for a run to edit. The
  // history is drawn first, so a run its "Edit" loads is in the form in the same frame.
  const ImVec2 top = ImGui::GetCursorPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = frame.Px(kColumnGapCss);
  const float column_w = (avail.x - gap) * 0.5f;
  ImGui::SetCursorPos(ImVec2(top.x + column_w + gap, top.y));
  ImGui::BeginChild("##log_runs", ImVec2(column_w, avail.y), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
  const ImVec2 runs_min = ImGui::GetWindowPos();
  const ImVec2 runs_max(runs_min.x + ImGui::GetWindowWidth(), runs_min.y + ImGui::GetWindowHeight());
  DrawRuns(frame, /*own_scroll=*/true);
  ImGui::EndChild();
  ImGui::SetCursorPos(top);
  ImGui::BeginChild("##log_form", ImVec2(column_w, avail.y));
  if (form_to_top) ImGui::SetScrollY(0), form_to_top = false;
  DrawForm(frame);
  ImGui::EndChild();
  DrawUndoBar(frame, runs_min, runs_max);
}

// [SECTION] Form

void LogScreen::DrawForm(UiFrame& frame) {
  const Model& model = frame.state.model;
  const Palette& p = GetPalette();
  Units units = model.settings.units;
  const char* unit = units == Units::Miles ? "mi" : "km";
  Date today = frame.context.today;

  Heading(editing_id ? "Edit run" : "Log a run");
  Caption((std::string("Distance (") + unit + ")").c_str());
  static const char* const kPicksKm[] = {"3", "5", "8", "10", "16", "21.1"};
  static const char* const kPicksMi[] = {"2", "3", "5", "6.2", "10", "13.1"};
  const char* const* picks = units == Units::Miles ? kPicksMi : kPicksKm;
  float spacing = ImGui::GetStyle().ItemSpacing.x;
  float pick_w = (ImGui::GetContentRegionAvail().x - spacing * 5) / 6 / frame.scale;
  for (int i = 0; i < 6; ++i) {
    if (i > 0) ImGui::SameLine();
    std::string label = std::string(picks[i]) + "##pick";
    if (ChoiceButton(frame, label.c_str(), distance_text == picks[i], pick_w)) {
      distance_text = picks[i];
      distance_error.clear();
      message.clear();
    }
  }
  if (TextField(frame, "Distance##log", distance_text, /*numeric=*/true)) distance_error.clear();
  FieldError(distance_error);

  Caption("Date");
  std::string yesterday = FormatDate(AddDays(today, -1));
  float day_w = 96;
  if (ChoiceButton(frame, "Today", date_text == FormatDate(today), day_w)) date_text = FormatDate(today), date_error.clear();
  ImGui::SameLine();
  if (ChoiceButton(frame, "Yesterday", date_text == yesterday, day_w)) date_text = yesterday, date_error.clear();
  ImGui::SameLine();
  if (DateField(frame, "Date##log", date_text)) date_error.clear();
  FieldError(date_error);

  Caption("Time (optional: mm:ss or h:mm:ss)");
  if (TextField(frame, "Time##log", duration_text, /*numeric=*/false)) duration_error.clear();
  FieldError(duration_error);

  // Shoe picker: the pairs that could have run on the form's date (a pair bought later is left
  // out, a retired pair still in use then is offered) and the edited run's own pair; the runner's
  // choice, else the pair in use on that date (core's DefaultShoeOn, what add_run does too).
  const Date form_date = ParseDate(date_text).value_or(today);
  std::vector<const Shoe*> active;
  for (const Shoe& s : model.shoes)
    if (ShoeAvailableOn(model, s, form_date) || shoe_choice == s.id) active.push_back(&s);
  std::optional<Id> chosen;
  if (!no_shoe) chosen = shoe_choice ? shoe_choice : DefaultShoeOn(model, form_date);
  if (!active.empty()) {
    Caption("Shoes");
    Flow flow{frame, ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x};
    for (const Shoe* s : active) {
      std::string label = s->name + "##shoe" + std::to_string(s->id);
      float w = ImGui::CalcTextSize(s->name.c_str()).x / frame.scale + 28;
      flow.Next(w);
      if (ChoiceButton(frame, label.c_str(), chosen == s->id, w)) shoe_choice = s->id, no_shoe = false;
    }
    float w = ImGui::CalcTextSize("No shoe").x / frame.scale + 28;
    flow.Next(w);
    if (ChoiceButton(frame, "No shoe", !chosen, w)) no_shoe = true, shoe_choice.reset();
  }

  Checkbox(frame, "Warm-up", &warmup);
  ImGui::SameLine(0, frame.Px(28));
  Checkbox(frame, "Cool-down", &cooldown);

  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  float save_w = editing_id ? (ImGui::GetContentRegionAvail().x - spacing) * 0.5f / frame.scale : -1;
  bool save = Button(frame, editing_id ? "Save changes" : "Save run", ImVec2(save_w, 0));
  ImGui::PopStyleColor(3);
  if (editing_id) {
    ImGui::SameLine();
    if (Button(frame, "Cancel edit", ImVec2(save_w, 0))) {
      ClearForm();
      message.clear();
    }
  }
  if (save) {
    distance_error.clear();
    date_error.clear();
    duration_error.clear();
    message.clear();
    auto metres = ParseDistance(distance_text, units);
    if (!metres) distance_error = std::string("Type the distance in ") + unit + ", e.g. 5 or 5.5, or tap a quick pick.";
    auto date = ParseDate(date_text);
    if (!date) date_error = "Use YYYY-MM-DD, e.g. " + FormatDate(today) + ", or tap Today / Yesterday.";
    std::optional<double> seconds;
    if (duration_text.find_first_not_of(" ") != std::string::npos) {
      seconds = ParseDuration(duration_text);
      if (!seconds) duration_error = "Type the time as mm:ss or h:mm:ss, e.g. 27:30 or 1:05:00, or leave it empty.";
    }
    if (distance_error.empty() && date_error.empty() && duration_error.empty()) {
      nlohmann::json action = {{"date", FormatDate(*date)}, {"distance_m", *metres}, {"warmup", warmup},
                               {"cooldown", cooldown}};
      if (editing_id) {
        action["type"] = "update_run";
        action["id"] = *editing_id;
        action["duration_s"] = seconds ? nlohmann::json(*seconds) : nlohmann::json(nullptr);
        action["shoe_id"] = chosen ? nlohmann::json(*chosen) : nlohmann::json(nullptr);
      } else {
        action["type"] = "add_run";
        if (seconds) action["duration_s"] = *seconds;
        if (chosen) action["shoe_id"] = *chosen;
      }
      const Shoe* shoe = FindShoe(model, chosen);
      sent_message = std::string(editing_id ? "Updated: " : "Saved: ") + FormatDistance(*metres, units, 2) + " on " +
                     ShortDate(*date, today) + (shoe ? " in " + shoe->name : "") + ".";
      sent_run = action;
      frame.Dispatch(std::move(action), kRunForm);
    }
  }
  // What core said of the run sent: saved (the draft goes), a question, or a field to fix.
  if (std::optional<Outcome> outcome = frame.TakeOutcome(kRunForm)) {
    if (outcome->ok) {
      message = sent_message;
      ClearForm();
    } else if (outcome->field == "confirm") {
      unusual_run = sent_run;  // "Did you mean ...?" below
    } else {
      std::string reason = outcome->reason.empty() ? outcome->error : outcome->reason + ".";
      if (outcome->field == "distance_m") distance_error = "The distance " + reason;
      else if (outcome->field == "date") date_error = "The date " + reason;
      else if (outcome->field == "duration_s") duration_error = "The time " + reason;
      else distance_error = outcome->error;
    }
  }
  if (unusual_run) {
    double metres = (*unusual_run)["distance_m"];
    int pressed = ConfirmCard(frame, {"unusual_run", "Did you mean " + FormatDistance(metres / 10, units, 1) + "?",
                                      FormatDistance(metres, units, 1) + " is far longer than your recent runs.", "",
                                      "Change it", "Save " + FormatDistance(metres, units, 1), p.accent});
    if (pressed == 2) {
      (*unusual_run)["confirm"] = true;
      sent_run = *unusual_run;
      frame.Dispatch(*unusual_run, kRunForm);
    }
    if (pressed != 0) unusual_run.reset();
  }
  if (!message.empty()) ColoredParagraph(p.ok, message.c_str());

  // Runs a watch or an app recorded come in as files, never retyped (import_review.cpp).
  ImGui::Spacing();
  if (Button(frame, "Import runs from a watch or app", ImVec2(-1, 0))) frame.Dispatch({{"type", "pick_import_files"}});
  SmallText("FIT, GPX or TCX files, or a Strava or Garmin Connect export. You can also drop files on this page.");
}

// [SECTION] Every run, by month, and the undo bar
// Newest first, a line per month with its totals; every run can be edited or deleted. Rows have
// one height and only the visible ones are laid out (ImGuiListClipper), so ten years scroll as
// lightly as one.

void LogScreen::DrawRuns(UiFrame& frame, bool own_scroll) {
  const Model& model = frame.state.model;
  const Units units = model.settings.units;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  Heading("Your runs");
  if (shoe_filter && !FindShoe(model, *shoe_filter)) shoe_filter.reset();  // the pair is gone
  runs.Refresh(frame, shoe_filter);
  if (model.runs.empty()) {  // beside the form on a desktop, below it on a phone
    SmallText(own_scroll ? "No runs yet. Tap a distance, then Save run." : "No runs yet. Tap a distance above, then Save run.");
  } else if (!model.shoes.empty()) {
    // One pair's runs only: a card lists the pairs (ten years may have thirty).
    const Shoe* filtered = FindShoe(model, shoe_filter);
    const std::string label = "Pairs: " + (filtered ? filtered->name : std::string("all")) + "##filter";
    if (ChoiceButton(frame, label.c_str(), filtered != nullptr, -1)) choosing_filter = true;
    frame.widgets.back().label = "Filter by pair";
    frame.widgets.back().value = filtered ? filtered->name : "all";
    if (filtered && runs.empty()) SmallText("No runs in these shoes.");
  }
  if (choosing_filter) {
    const std::vector<const Shoe*> pairs = PairsForChoice(model);
    std::vector<std::string> choices = {"All pairs##filter"};
    for (const Shoe* s : pairs) choices.push_back(s->name + (s->retired ? " (retired)" : "") + "##filter" + std::to_string(s->id));
    const int chosen = ChoiceCard(frame, "filter_runs", "Show the runs of", choices, "Cancel");
    if (chosen == 0) shoe_filter.reset();
    if (chosen > 0) shoe_filter = pairs[std::size_t(chosen - 1)]->id;
    if (chosen != -1) choosing_filter = false;
  }
  runs.DrawJumps(frame, model);
  // In its own column the list scrolls under the heading, the filter and the jumps, which stay.
  if (own_scroll) ImGui::BeginChild("##runs_list", ImVec2(0, ImGui::GetContentRegionAvail().y));
  const float button_w = 72;
  runs.Draw(frame, button_w * 2 + spacing / frame.scale, /*show_shoe=*/!shoe_filter, [&](const Run& run) {
    const bool is_editing = editing_id == run.id;
    if (ChoiceButton(frame, ("Edit##run" + std::to_string(run.id)).c_str(), is_editing, button_w)) {
      editing_id = run.id;
      distance_text = TrimNumber(FormatDistanceNumber(run.distance_m, units, 2));
      date_text = FormatDate(run.date);
      duration_text = run.duration_s ? FormatDuration(*run.duration_s) : "";
      shoe_choice = run.shoe_id;
      no_shoe = !run.shoe_id;
      warmup = run.warmup;
      cooldown = run.cooldown;
      distance_error.clear(), date_error.clear(), duration_error.clear(), message.clear();
      // Show the form: on a phone it is at the top of this scrolling region; beside the list
      // it is in view already, scrolled back to its top (Draw).
      if (own_scroll) form_to_top = true;
      else ImGui::SetScrollY(0);
    }
    // The row's own name for the page API (every row's buttons are "Edit" and "Delete").
    std::string head = ShortDate(run.date, frame.context.today) + "   " + FormatDistance(run.distance_m, units, 2);
    if (run.duration_s) head += "   " + FormatDuration(*run.duration_s);
    RecordLastItem(frame, ("Edit run " + FormatDate(run.date)).c_str(), "button", head);
    ImGui::SameLine();
    if (Button(frame, ("Delete##run" + std::to_string(run.id)).c_str(), ImVec2(button_w, 0))) {
      undo_run = run;
      frame.Dispatch({{"type", "delete_run"}, {"id", run.id}});
      message.clear();
    }
  });
  // Room to scroll the last rows out from under the undo bar.
  if (undo_run) ImGui::Dummy(ImVec2(0, frame.Px(kFloatingBarCss + kFloatingBarMarginCss)));
  if (own_scroll) ImGui::EndChild();
}

// The undo bar floats at the bottom of the history until the runner leaves the screen (Shell) or
// taps Undo. It is a window of its own over the list, so a tap on it never reaches a row.
void LogScreen::DrawUndoBar(UiFrame& frame, ImVec2 min, ImVec2 max) {
  if (!undo_run) return;
  const Palette& p = GetPalette();
  Units units = frame.state.model.settings.units;
  Date today = frame.context.today;
  const float bar_h = frame.Px(kFloatingBarCss);
  BeginFloatingBar(frame, "##undo_bar", min, max);
  std::string text = "Run deleted: " + FormatDistance(undo_run->distance_m, units, 2) + ", " +
                     ShortDate(undo_run->date, today) + ".";
  ImGui::SetCursorPosY((bar_h - ImGui::GetTextLineHeight()) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  PlainText(text.c_str());
  ImGui::PopStyleColor();
  float undo_w = 88;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - frame.Px(undo_w));
  ImGui::SetCursorPosY((bar_h - frame.Px(44)) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  if (Button(frame, "Undo", ImVec2(undo_w, 0))) {
    frame.Dispatch({{"type", "restore_run"}, {"run", RunToJson(*undo_run)}});
    undo_run.reset();
  }
  ImGui::PopStyleColor(3);
  EndFloatingBar();
}

}  // namespace sw::ui
