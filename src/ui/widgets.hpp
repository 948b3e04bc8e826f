#pragma once
// Touch-sized wrappers over ImGui widgets. Each records its rectangle and label so a tap on a
// text field can open the phone keyboard and browser tests can find what to tap.
#include <imgui.h>

#include <string>
#include <vector>

#include "core/model/model.hpp"

#include "ui_frame.hpp"

namespace sw::ui {

// Minimum touch target: 44 CSS px.
inline constexpr float kTouchTargetCss = 44.0f;

bool Button(UiFrame& frame, const char* label, ImVec2 size_css = {0, 0});
// select_all: the first tap selects the whole text, so typing replaces it (dates, whose text is
// always there already: a caret where the finger lands would splice "2026-11260").
bool TextField(UiFrame& frame, const char* label, std::string& value, bool numeric, bool select_all = false);
// A YYYY-MM-DD field: typed with a mouse and a keyboard like a TextField (select_all); a finger's
// tap opens the platform's own date picker instead of the keyboard, offering the days core
// accepts (kFirstYear to kMaxFutureDays after today). True when the text changed, typed or picked.
bool DateField(UiFrame& frame, const char* label, std::string& value);
bool Slider(UiFrame& frame, const char* label, float* value, float min, float max, const char* format);
bool Checkbox(UiFrame& frame, const char* label, bool* value);

// Text helpers in the theme's fonts.
void Heading(const char* text);
void Paragraph(const char* text);
// One line of small muted text, not wrapped (a field's caption).
void Caption(const char* text);
void SmallText(const char* text);

// Wrapped text in `color`.
void ColoredParagraph(ImVec4 color, const char* text);

// [SECTION] Bars, pills, cards and styled buttons

// `a` moved towards `b` by `t` (0..1), opaque: a card's tint of a status colour.
ImVec4 Mix(ImVec4 a, ImVec4 b, float t);
// A rounded track filled to `fraction` (clamped 0..1) in `color`; `marker` (0..1, or < 0 for
// none) draws a vertical tick, e.g. a cap. Takes the full available width, `height_css` tall.
void ProgressBar(UiFrame& frame, float fraction, ImVec4 color, float height_css = 8, float marker = -1);
// A small filled label ("Replace", "Default") drawn on the current line at the cursor.
void Pill(UiFrame& frame, const char* text, ImVec4 fill, ImVec4 text_color);
// The width a Pill with `text` takes, in pixels.
float PillWidth(UiFrame& frame, const char* text);
// A rounded card behind everything drawn between CardBegin and CardEnd (not nestable: it splits
// the draw list into channels). `border` alpha 0 for none.
void CardBegin(UiFrame& frame);
void CardEnd(UiFrame& frame, ImVec4 fill, ImVec4 border = ImVec4(0, 0, 0, 0), float border_css = 1.5f);
// Between CardBegin and CardEnd: an invisible button over the card drawn so far, so the whole
// card is the tap target.
bool CardTapTarget(UiFrame& frame, const char* label);
// A button drawn filled with the accent colour when `selected`.
bool ToggleButton(UiFrame& frame, const char* label, bool selected, float width_px, float height_css = 44);
// A button in the accent colour for the main action of a section.
bool PrimaryButton(UiFrame& frame, const char* label, float width_px = -1);

// [SECTION] Two columns (the desktop layout, frame.wide)

// The gap between the two columns, CSS px.
inline constexpr float kColumnGapCss = 40.0f;
// Two columns of equal width side by side in the current window, `gap_px` apart. Each column is
// the content region its widgets measure (wrapped text, full-width buttons, bars and cards stay
// inside it), as in an ImGui table - but without the table machinery, which was 22 KB of app.wasm
// for two uses. Draw into the left column, call Next() for the right one, then End(): the cursor
// goes below the taller column. Nothing is clipped: a card may bleed a little past its column.
class TwoColumns {
 public:
  TwoColumns(float gap_px);
  void Next();
  void End();

 private:
  void Enter(int column);
  float left_ = 0, width_ = 0, gap_ = 0, top_ = 0, bottom_ = 0;
  // What Enter() changes in the window, put back by End(): only the x edges.
  float work_min_x_ = 0, work_max_x_ = 0, content_min_x_ = 0, content_max_x_ = 0, columns_offset_ = 0;
};

// [SECTION] Rows of a clipped list (ImGuiListClipper needs one height for every row)

// A row of two lines (body text over small text) or a touch target, whichever is taller, plus spacing.
float ListRowHeight(UiFrame& frame);
// Starts `clipper` on `count` rows of `row_h` whose first begins at the cursor, laying out two rows
// either side of the visible ones as well: the accessible mirror then always holds the next row
// for a keyboard's Tab or a screen reader's swipe, and focus on it scrolls it into view.
void BeginListClipper(ImGuiListClipper& clipper, int count, float row_h);
// The row's two lines from `row_screen`, centred in `row_h`, each cut with an ellipsis at the
// screen x `text_right` (a row keeps its height whatever the text); no detail line when empty.
void ListRowText(ImVec2 row_screen, float row_h, float text_right, const std::string& head,
                 const std::string& detail);
// The hairline under a row that began at `row_screen`, across the window's content width.
void ListRowDivider(UiFrame& frame, ImVec2 row_screen, float row_h);

// [SECTION] A dark bar floating over the foot of what it covers (the undo bar, "Move to...")
inline constexpr float kFloatingBarCss = 60;        // its height
inline constexpr float kFloatingBarMarginCss = 12;  // between it and the edges of what it floats over
// A window of its own, so a tap on it never reaches the list beneath; `min`/`max` is the area it
// floats over. Draw its contents, then EndFloatingBar().
void BeginFloatingBar(UiFrame& frame, const char* id, ImVec2 min, ImVec2 max);
void EndFloatingBar();

// The pairs to offer in a list to choose from: those in use first (in the runner's order), then
// the retired ones, the most recently retired first.
std::vector<const Shoe*> PairsForChoice(const Model& model);

// ImGui::TextUnformatted and ImGui::TextWrapped("%s", ...), recorded for the accessible mirror.
void PlainText(const char* text);
void WrappedText(const char* text);

// Text drawn by Heading(), Paragraph() and the other text helpers is recorded into `widgets` too
// (kinds "heading" and "label"), for the accessible mirror; nullptr stops it. Shell::Draw sets it
// for the frame: the text helpers take no UiFrame.
void RecordTextInto(std::vector<WidgetInfo>* widgets);

// Records the last ImGui item under `label`.
void RecordLastItem(UiFrame& frame, const char* label, const char* kind, std::string value = {},
                    bool numeric = false);

}  // namespace sw::ui
