// The Guide's pain log page.
// [SECTION] Body outline: a figure seen from behind, drawn with ImDrawList, tappable per region
// [SECTION] Pain page: advice card, "keeping an eye on", the form, recent entries
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/guide/guide_content.hpp"
#include "core/model/model_json.hpp"
#include "core/rules/pain_rules.hpp"
#include "guidance_cards.hpp"
#include "guide_screen.hpp"
#include "theme.hpp"
#include "format.hpp"
#include "widgets.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw::ui {
namespace {

// [SECTION] Body outline
// Coordinates in a 200 x 390 box, scaled to the width given. Seen from behind, so the runner's
// left is on the left of the screen, and the lower back is in view.
constexpr float kFigureW = 200, kFigureH = 390;

enum class Shape { Circle, Rect, Ellipse };
struct ShapeDef {
  Shape shape;
  float a, b, c, d;  // circle: cx cy r -; rect: x0 y0 x1 y1; ellipse: cx cy rx ry
  float rounding = 0;
};

struct Region {
  const char* label;  // recorded for taps ("Left knee")
  PainArea area;
  BodySide side;
  float x0, y0, x1, y1;  // hit rectangle
  ShapeDef shape;        // drawn highlighted when picked
};

constexpr Region kRegions[] = {
    {"Head##body", PainArea::Other, BodySide::None, 66, 0, 134, 54, {Shape::Circle, 100, 28, 22, 0}},
    {"Left arm##body", PainArea::Other, BodySide::Left, 24, 60, 57, 196, {Shape::Rect, 34, 64, 54, 190, 10}},
    {"Right arm##body", PainArea::Other, BodySide::Right, 143, 60, 176, 196, {Shape::Rect, 146, 64, 166, 190, 10}},
    {"Lower back##body", PainArea::LowerBack, BodySide::None, 58, 128, 142, 190, {Shape::Rect, 60, 134, 140, 188, 10}},
    {"Left hip##body", PainArea::Hip, BodySide::Left, 56, 190, 100, 230, {Shape::Rect, 58, 190, 99, 228, 10}},
    {"Right hip##body", PainArea::Hip, BodySide::Right, 100, 190, 144, 230, {Shape::Rect, 101, 190, 142, 228, 10}},
    // From behind, the back of the thigh is the hamstring and the back of the lower leg the calf,
    // then the Achilles tendon down to the heel. The shin faces away: it is in the list only.
    {"Left hamstring##body", PainArea::Hamstring, BodySide::Left, 56, 230, 100, 274, {Shape::Rect, 62, 226, 97, 282, 14}},
    {"Right hamstring##body", PainArea::Hamstring, BodySide::Right, 100, 230, 144, 274, {Shape::Rect, 103, 226, 138, 282, 14}},
    {"Left knee##body", PainArea::Knee, BodySide::Left, 50, 274, 100, 306, {Shape::Circle, 79, 295, 17, 0}},
    {"Right knee##body", PainArea::Knee, BodySide::Right, 100, 274, 150, 306, {Shape::Circle, 121, 295, 17, 0}},
    {"Left calf##body", PainArea::Calf, BodySide::Left, 50, 306, 100, 326, {Shape::Rect, 68, 306, 90, 328, 10}},
    {"Right calf##body", PainArea::Calf, BodySide::Right, 100, 306, 150, 326, {Shape::Rect, 110, 306, 132, 328, 10}},
    {"Left Achilles##body", PainArea::Achilles, BodySide::Left, 50, 326, 100, 338, {Shape::Rect, 74, 326, 84, 342, 4}},
    {"Right Achilles##body", PainArea::Achilles, BodySide::Right, 100, 326, 150, 338, {Shape::Rect, 116, 326, 126, 342, 4}},
    {"Left ankle##body", PainArea::Ankle, BodySide::Left, 50, 338, 100, 354, {Shape::Circle, 79, 346, 10, 0}},
    {"Right ankle##body", PainArea::Ankle, BodySide::Right, 100, 338, 150, 354, {Shape::Circle, 121, 346, 10, 0}},
    {"Left heel##body", PainArea::Heel, BodySide::Left, 44, 354, 100, 370, {Shape::Ellipse, 79, 362, 10, 7}},
    {"Right heel##body", PainArea::Heel, BodySide::Right, 100, 354, 156, 370, {Shape::Ellipse, 121, 362, 10, 7}},
    {"Left foot##body", PainArea::Foot, BodySide::Left, 44, 370, 100, 390, {Shape::Ellipse, 76, 368, 20, 10}},
    {"Right foot##body", PainArea::Foot, BodySide::Right, 100, 370, 156, 390, {Shape::Ellipse, 124, 368, 20, 10}},
};

// The outline's parts that are not regions of their own.
constexpr ShapeDef kBody[] = {
    {Shape::Rect, 91, 46, 109, 62, 4},      // neck
    {Shape::Rect, 34, 64, 54, 190, 10},     // arms
    {Shape::Rect, 146, 64, 166, 190, 10},
    {Shape::Rect, 58, 58, 142, 192, 20},    // trunk
    {Shape::Rect, 58, 186, 142, 230, 12},   // pelvis
    {Shape::Rect, 62, 226, 97, 282, 14},    // thighs
    {Shape::Rect, 103, 226, 138, 282, 14},
    {Shape::Rect, 68, 306, 90, 344, 10},    // shins
    {Shape::Rect, 110, 306, 132, 344, 10},
    {Shape::Circle, 79, 295, 17, 0},        // knees
    {Shape::Circle, 121, 295, 17, 0},
    {Shape::Circle, 79, 346, 10, 0},        // ankles
    {Shape::Circle, 121, 346, 10, 0},
    {Shape::Ellipse, 76, 368, 20, 10},      // feet
    {Shape::Ellipse, 124, 368, 20, 10},
    {Shape::Circle, 100, 28, 22, 0},        // head
};

void DrawShape(ImDrawList* draw, ImVec2 origin, float s, const ShapeDef& d, ImU32 fill, ImU32 line, float thickness) {
  auto at = [&](float x, float y) { return ImVec2(origin.x + x * s, origin.y + y * s); };
  switch (d.shape) {
    case Shape::Circle:
      draw->AddCircleFilled(at(d.a, d.b), d.c * s, fill, 32);
      if (line) draw->AddCircle(at(d.a, d.b), d.c * s, line, 32, thickness);
      break;
    case Shape::Rect:
      draw->AddRectFilled(at(d.a, d.b), at(d.c, d.d), fill, d.rounding * s);
      if (line) draw->AddRect(at(d.a, d.b), at(d.c, d.d), line, d.rounding * s, 0, thickness);
      break;
    case Shape::Ellipse:
      draw->AddEllipseFilled(at(d.a, d.b), d.c * s, d.d * s, fill, 0, 32);
      if (line) draw->AddEllipse(at(d.a, d.b), d.c * s, d.d * s, line, 0, 32, thickness);
      break;
  }
}

bool SideCovers(BodySide picked, BodySide region) {
  return picked == region || picked == BodySide::Both || region == BodySide::None;
}

// Draws the figure `width` px wide at the cursor; a tap on a region picks its area and side.
void DrawBodyOutline(UiFrame& frame, PainDraft& draft, const PainAdvice& advice, float width) {
  const Palette& p = GetPalette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float s = width / kFigureW;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImU32 body = ImGui::GetColorU32(GetPalette().figure_fill);
  ImU32 line = ImGui::GetColorU32(GetPalette().figure_line);
  float thin = frame.Px(1.2f);
  for (const ShapeDef& d : kBody) DrawShape(draw, origin, s, d, body, 0, 0);
  for (const ShapeDef& d : kBody) DrawShape(draw, origin, s, d, 0x00000000, line, thin);

  // Current episodes tinted (red when they call for a doctor), then the pick in the accent colour.
  for (const Region& r : kRegions) {
    for (const PainEpisode& e : advice.episodes) {
      if (!e.current || e.area != r.area || r.area == PainArea::Other) continue;
      if (!SideCovers(e.side, r.side)) continue;
      ImVec4 tint = e.see_doctor ? p.bad : p.warn;
      tint.w = 0.55f;
      DrawShape(draw, origin, s, r.shape, ImGui::GetColorU32(tint), 0, 0);
    }
  }
  for (const Region& r : kRegions) {
    bool picked = draft.area == r.area && SideCovers(draft.side, r.side) &&
                  (r.area != PainArea::Other || draft.side == r.side);
    if (picked) DrawShape(draw, origin, s, r.shape, ImGui::GetColorU32(p.accent), ImGui::GetColorU32(p.text), thin);
  }

  // Side labels: seen from behind, left is left.
  ImGui::PushFont(GetFonts().small);
  ImU32 muted = ImGui::GetColorU32(p.muted_text);
  draw->AddText(ImVec2(origin.x + 4 * s, origin.y + 8 * s), muted, "Left");
  ImVec2 right_size = ImGui::CalcTextSize("Right");
  draw->AddText(ImVec2(origin.x + width - right_size.x - 4 * s, origin.y + 8 * s), muted, "Right");
  ImGui::PopFont();

  for (const Region& r : kRegions) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + r.x0 * s, origin.y + r.y0 * s));
    if (ImGui::InvisibleButton(r.label, ImVec2((r.x1 - r.x0) * s, (r.y1 - r.y0) * s))) {
      draft.area = r.area;
      draft.side = r.side;
      draft.message.clear();
      draft.error.clear();
    }
    RecordLastItem(frame, r.label, "button");
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + kFigureH * s));
  ImGui::Dummy(ImVec2(width, 0));
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, p.muted_text);
  ImGui::PushTextWrapPos(origin.x - ImGui::GetWindowPos().x + width);
  WrappedText("Seen from behind. For the shin, pick it from the list.");
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}


std::string EntryDetails(const PainEntry& e) {
  std::string out = std::to_string(e.severity) + "/10";
  if (e.severity == 0) out += " (gone)";
  if (e.worse_with_activity) out += " - worse with activity";
  if (e.changes_gait) out += " - changes how you run";
  if (!e.note.empty()) out += " - " + e.note;
  return out;
}

}  // namespace

// [SECTION] Pain page

void GuideScreen::DrawPain(UiFrame& frame) {
  const Palette& p = GetPalette();
  const Model& model = frame.state.model;
  Date today = frame.context.today;
  const PainAdvice& advice = frame.Summaries().pain;

  Heading("Pain log");
  Paragraph("Pain is a signal, not something to run through. Log it here and Stridewise tells you when "
            "it is time to get it checked.");
  ImGui::Spacing();
  if (!DrawPainAdviceCard(frame, true)) {
    std::vector<const PainEpisode*> watching;
    for (const PainEpisode& e : advice.episodes)
      if (e.current) watching.push_back(&e);
    if (!watching.empty()) {
      CardBegin(frame);
      ImGui::PushFont(GetFonts().heading);
      WrappedText("Keeping an eye on");
      ImGui::PopFont();
      for (const PainEpisode* e : watching) {
        std::string line = PainName(e->area, e->side) + ": " + std::to_string(e->days) +
                           (e->days == 1 ? " day" : " days") + ", " + std::to_string(e->latest_severity) + "/10 last time.";
        ImGui::Bullet();
        ImGui::SameLine();
        WrappedText(line.c_str());
      }
      SmallText("Get it checked if it lasts more than a few days, gets worse as you run, or changes how "
                "you run. Log a 0 when it has gone.");
      SmallText(std::string(kNotADiagnosis).c_str());
      CardEnd(frame, p.surface, p.warn, 1.2f);
    }
  }
  DrawRestDayCard(frame);
  DrawPainForm(frame);

  // Recent entries, newest first.
  std::vector<const PainEntry*> recent;
  for (const PainEntry& e : model.pain) recent.push_back(&e);
  SortByDate(recent, DateOrder::NewestFirst);
  if (recent.size() > 8) recent.resize(8);
  if (recent.empty()) return;
  ImGui::Spacing();
  Heading("Recent entries");
  float remove_w = frame.Px(90);
  for (const PainEntry* e : recent) {
    ImGui::PushID(int(e->id));
    float row_y = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - remove_w - frame.Px(8));
    WrappedText((DayLabel(e->date, today) + " - " + PainName(e->area, e->side)).c_str());
    ImGui::PushFont(GetFonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, e->severity >= 7 ? p.bad : p.muted_text);
    WrappedText(EntryDetails(*e).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    float after_text = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(ImGui::GetContentRegionMax().x - remove_w, row_y));
    std::string label = "Remove##pain" + std::to_string(e->id);
    if (Button(frame, label.c_str(), ImVec2(remove_w / frame.scale, 0)))
      frame.Dispatch({{"type", "delete_pain"}, {"id", e->id}});
    ImGui::SetCursorPosY(std::max(after_text, ImGui::GetCursorPosY()) + frame.Px(4));
    ImGui::PopID();
  }
}

void GuideScreen::DrawPainForm(UiFrame& frame) {
  const Palette& p = GetPalette();
  Date today = frame.context.today;
  const PainAdvice& advice = frame.Summaries().pain;
  PainDraft& d = pain;
  float gap = ImGui::GetStyle().ItemSpacing.x;

  Heading("Log pain");
  // When.
  std::string today_text = FormatDate(today), yesterday_text = FormatDate(AddDays(today, -1));
  std::string shown = d.date_text.empty() ? today_text : d.date_text;
  float third = (ImGui::GetContentRegionAvail().x - gap * 2) / 3;
  if (ToggleButton(frame, "Today##pain", shown == today_text, third)) d.date_text.clear(), d.error.clear();
  ImGui::SameLine();
  if (ToggleButton(frame, "Yesterday##pain", shown == yesterday_text, third)) d.date_text = yesterday_text, d.error.clear();
  ImGui::SameLine();
  if (DateField(frame, "Pain date", shown)) d.date_text = shown, d.error.clear();

  // Where: the outline on the left, the list on the right.
  ImGui::Spacing();
  PlainText("Where does it hurt?");
  float avail = ImGui::GetContentRegionAvail().x;
  float figure_w = std::min(avail * 0.52f, frame.Px(220));
  ImVec2 start = ImGui::GetCursorPos();
  DrawBodyOutline(frame, d, advice, figure_w);
  float figure_bottom = ImGui::GetCursorPosY();
  float column_x = start.x + figure_w + frame.Px(14);
  float column_w = ImGui::GetContentRegionMax().x - column_x;
  float row = 0;
  for (PainArea area : kPainAreas) {
    ImGui::SetCursorPos(ImVec2(column_x, start.y + row++ * (frame.Px(kTouchTargetCss) + frame.Px(6))));
    std::string label = std::string(PainAreaLabel(area)) + "##area";
    if (ToggleButton(frame, label.c_str(), d.area == area, column_w)) {
      d.area = area;
      if (area == PainArea::LowerBack) d.side = BodySide::None;
      d.message.clear();
      d.error.clear();
    }
  }
  ImGui::SetCursorPosY(std::max(figure_bottom, ImGui::GetCursorPosY()));

  PlainText("Which side?");
  static const char* const kSideLabels[] = {"Left##side", "Right##side", "Both##side", "No side##side"};
  static const BodySide kSides[] = {BodySide::Left, BodySide::Right, BodySide::Both, BodySide::None};
  float quarter = (ImGui::GetContentRegionAvail().x - gap * 3) / 4;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(frame.Px(4), ImGui::GetStyle().FramePadding.y));
  for (int i = 0; i < 4; ++i) {
    if (i > 0) ImGui::SameLine();
    if (ToggleButton(frame, kSideLabels[i], d.side == kSides[i], quarter)) d.side = kSides[i];
  }
  ImGui::PopStyleVar();
  if (d.area) {
    ColoredParagraph(p.accent, ("Picked: " + PainName(*d.area, d.side)).c_str());
  } else {
    SmallText("Tap the figure or pick an area from the list.");
  }

  ImGui::Spacing();
  char how_bad[48];
  std::snprintf(how_bad, sizeof how_bad, "How bad is it? %d of 10", int(d.severity + 0.5f));
  PlainText(how_bad);
  Slider(frame, "##severity", &d.severity, 0, 10, "%.0f");
  frame.widgets.back().label = "Severity";
  SmallText("0 means it has gone: that closes the episode. 10 is the worst you can imagine.");
  Checkbox(frame, "Worse with activity?", &d.worse_with_activity);
  Checkbox(frame, "Changes how you run?", &d.changes_gait);
  PlainText("Note (optional)");
  TextField(frame, "##pain_note", d.note, false);
  frame.widgets.back().label = "Note";

  ImGui::Spacing();
  if (PrimaryButton(frame, "Save pain entry")) {
    d.message.clear();
    std::optional<Date> date = ParseDate(d.date_text.empty() ? today_text : d.date_text);
    if (!d.area) d.error = "Pick where it hurts first.";
    else if (!date) d.error = "Write the date as YYYY-MM-DD, e.g. " + today_text + ", or tap Today.";
    else if (Days(*date) > Days(today)) d.error = "That date is in the future.";
    else {
      d.error.clear();
      int severity = std::clamp(int(d.severity + 0.5f), 0, 10);
      nlohmann::json action = {{"type", "log_pain"},
                               {"date", FormatDate(*date)},
                               {"area", PainAreaId(*d.area)},
                               {"side", BodySideId(d.side)},
                               {"severity", severity},
                               {"worse_with_activity", d.worse_with_activity},
                               {"changes_gait", d.changes_gait}};
      if (!d.note.empty()) action["note"] = d.note;
      frame.Dispatch(std::move(action));
      d.message = "Saved: " + PainName(*d.area, d.side) + ", " + std::to_string(severity) + "/10, " +
                  DayLabel(*date, today) + ".";
      d.worse_with_activity = d.changes_gait = false;
      d.note.clear();
      d.date_text.clear();
    }
  }
  if (!d.error.empty()) ColoredParagraph(p.bad, d.error.c_str());
  if (!d.message.empty()) ColoredParagraph(p.ok, d.message.c_str());
}

}  // namespace sw::ui
