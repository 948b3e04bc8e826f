#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h>  // ButtonEx: a tab goes on the press

#include "core/import/import_review.hpp"
#include "core/model/dates.hpp"
#include "core/model/units.hpp"
#include "core/model/screen.hpp"
#include "guidance_cards.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

constexpr float kNavHeightCss = 60;
constexpr float kHeaderHeightCss = 52;
// The desktop layout from this width, in CSS px at the runner's text size (io.DisplaySize.x /
// frame.scale), so a larger text size needs a wider window. At 900 each of the two columns gets
// about 300, near the least the Log's form and the shoe lines fit in; a narrower window - a
// desktop's at a large text size too - keeps the phone's layout (bottom bar, one column), the one
// already made to work at every text size.
constexpr float kWideLayoutCss = 900;
// ... and this height: the side navigation's six rows need about 400, and a phone on its side
// (390 CSS px tall) is better served by its own layout, whatever its width.
constexpr float kWideLayoutMinHeightCss = 480;
constexpr float kSideNavWidthCss = 200;
constexpr float kSideNavRowCss = 48;
// Content widths: a readable measure for one column of text; room for two on Home and the Log.
constexpr float kOneColumnCss = 640;
constexpr float kTwoColumnsCss = 1040;

// "Saving…", "Saved" or "Not saved": the runner sees that a change reached the device's storage
// (it says Saved only after IndexedDB committed). At the right of the title bar, its right edge at
// `x` (a phone), or under the app's name in the side navigation, starting at `x` (a desktop).
void DrawSaveMark(UiFrame& frame, float x, float y, bool right_aligned) {
  const Palette& palette = GetPalette();
  const std::string& status = frame.save.status;
  const char* text = status == "saved" ? "Saved" : status == "saving" ? "Saving\u2026"
                   : status == "loading" ? "Loading\u2026" : "Not saved";
  ImVec4 color = status == "error" ? palette.bad : palette.muted_text;
  ImGui::PushFont(GetFonts().small);
  float width = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPos(ImVec2(right_aligned ? x - width : x, y));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  PlainText(text);
  RecordLastItem(frame, text, "info", "save_status");
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// On every screen while nothing is being saved: why, in words, and the two ways out - try
// again now, or take a backup of what this tab holds. The header says "Not saved" meanwhile.
void DrawStorageNotice(UiFrame& frame) {
  const SaveInfo& save = frame.save;
  if (save.status != "error" || save.error.empty()) return;
  std::string title, body;
  if (save.problem == "unreadable") {
    title = "Your saved data cannot be read right now";
    body = "The browser says: " + save.reason + ". Your shoes and runs will show here once they can be read, "
           "and nothing will be saved until then. What you change now is kept in this tab, and Stridewise "
           "keeps trying.";
  } else if (save.problem == "not_answering") {
    title = "Storage is not answering";
    body = "Your shoes and runs will show here once it answers. You can use Stridewise meanwhile, but nothing "
           "will be saved until then. Stridewise keeps trying.";
  } else if (save.problem == "not_saved") {
    title = "Not saved";
    body = "The browser says: " + save.reason + ". Your changes are kept in this tab and Stridewise tries again. "
           "Export a backup to keep a copy.";
  } else {
    title = "A change was not saved";
    body = save.error;
  }
  const Palette& p = GetPalette();
  CardBegin(frame);
  ImGui::PushFont(GetFonts().heading);
  ColoredParagraph(p.bad, title.c_str());
  ImGui::PopFont();
  RecordLastItem(frame, title.c_str(), "info", save.problem);
  WrappedText(body.c_str());
  RecordLastItem(frame, body.c_str(), "info", "storage_error");
  bool can_retry = save.problem != "none";
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2 / frame.scale;
  if (can_retry && Button(frame, "Try again", ImVec2(half, 0))) frame.Dispatch({{"type", "retry_storage"}});
  if (can_retry) ImGui::SameLine();
  if (Button(frame, "Export backup##notice", ImVec2(can_retry ? half : -1, 0))) frame.Dispatch({{"type", "export_backup"}});
  CardEnd(frame, Mix(p.surface, p.bad, 0.07f), p.bad, 2);
  ImGui::Dummy(ImVec2(0, frame.Px(4)));
}

// The screen's title; on a phone the app's name on Home, and the save mark at the right.
void DrawHeader(UiFrame& frame, float title_x) {
  ImGui::PushFont(GetFonts().heading);
  float y = (frame.Px(kHeaderHeightCss) - ImGui::GetFontSize()) * 0.5f;
  ImGui::SetCursorPos(ImVec2(title_x, y));
  PlainText(ScreenId(frame.state.screen) == std::string_view("home") && !frame.wide
                             ? "Stridewise"
                             : std::string(ScreenTitle(frame.state.screen)).c_str());
  ImGui::PopFont();
  if (!frame.wide) DrawSaveMark(frame, ImGui::GetWindowWidth() - frame.Px(16), y + frame.Px(4), true);
}

// One screen's entry in either navigation: tests and the page API find it as "<Title>##nav".
// It goes on the press, as a phone's own tab bars do, not on the release: the page can resize
// under a resting finger (the keyboard closing as the runner leaves a field for a tab), and a
// release that lands beside the moved tab would leave the runner on the old screen. A tab has
// nothing to scroll, so no swipe is mistaken for it.
void NavItem(UiFrame& frame, Screen screen, ImVec2 size) {
  bool current = screen == frame.state.screen;
  std::string label = std::string(ScreenTitle(screen)) + "##nav";
  if (ImGui::ButtonEx(label.c_str(), size, ImGuiButtonFlags_PressedOnClick))
    frame.Dispatch({{"type", "navigate"}, {"screen", ScreenId(screen)}});
  RecordLastItem(frame, label.c_str(), "nav", current ? "current" : "");
}

// A phone: six tabs in a bar along the bottom.
void DrawNavigation(UiFrame& frame) {
  const Palette& palette = GetPalette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  float height = frame.Px(kNavHeightCss);
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(palette.surface));
  draw->AddLine(origin, ImVec2(origin.x + width, origin.y), ImGui::GetColorU32(palette.border), frame.Px(1));

  int count = int(std::size(kAllScreens));
  float button_width = width / float(count);
  ImGui::PushFont(GetFonts().small);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(frame.Px(2), frame.Px(2)));  // labels may use the width
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  // Large text sizes would cut the longest labels ("Settings", "Cadence"): the bar's labels
  // shrink just enough to fit their sixth of the width.
  float widest = 0;
  for (Screen screen : kAllScreens) {
    std::string_view title = ScreenTitle(screen);
    widest = std::max(widest, ImGui::CalcTextSize(title.data(), title.data() + title.size()).x);
  }
  float room = button_width - frame.Px(8);
  if (widest > room) ImGui::SetWindowFontScale(room / widest);
  for (int i = 0; i < count; ++i) {
    Screen screen = kAllScreens[i];
    bool current = screen == frame.state.screen;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + button_width * float(i), origin.y));
    ImGui::PushStyleColor(ImGuiCol_Text, current ? palette.accent : palette.muted_text);
    NavItem(frame, screen, ImVec2(button_width, height));
    ImGui::PopStyleColor();
    if (current) {  // a bar over the current screen's label
      ImVec2 min = ImGui::GetItemRectMin();
      float inset = button_width * 0.22f;
      draw->AddRectFilled(ImVec2(min.x + inset, min.y), ImVec2(min.x + button_width - inset, min.y + frame.Px(3)),
                          ImGui::GetColorU32(palette.accent), frame.Px(2));
    }
  }
  ImGui::SetWindowFontScale(1);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(4);
  ImGui::PopFont();
}

// A desktop: a column along the left edge - the app's name and the save mark at its top, then the
// six screens as rows, the current one tinted with a bar at its left edge.
void DrawSideNavigation(UiFrame& frame) {
  const Palette& palette = GetPalette();
  ImGuiIO& io = ImGui::GetIO();
  const float width = frame.Px(kSideNavWidthCss);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(0, 0), ImVec2(width, io.DisplaySize.y), ImGui::GetColorU32(palette.surface));
  draw->AddLine(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y), ImGui::GetColorU32(palette.border), frame.Px(1));

  const float inset = frame.Px(12);  // the rows' margin; the name and mark line up with their labels
  const float text_x = inset + frame.Px(14);
  ImGui::PushFont(GetFonts().heading);
  float name_y = (frame.Px(kHeaderHeightCss) - ImGui::GetFontSize()) * 0.5f;
  ImGui::SetCursorPos(ImVec2(text_x, name_y));
  PlainText("Stridewise");
  ImGui::PopFont();
  DrawSaveMark(frame, text_x, ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y, false);

  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(text_x - inset, frame.Px(4)));
  float y = frame.Px(kHeaderHeightCss + 28);
  for (Screen screen : kAllScreens) {
    bool current = screen == frame.state.screen;
    ImVec4 fill = current ? Mix(palette.surface, palette.accent, 0.16f) : ImVec4(0, 0, 0, 0);
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_Text, current ? palette.accent : palette.text);
    ImGui::SetCursorPos(ImVec2(inset, y));
    NavItem(frame, screen, ImVec2(width - inset * 2, frame.Px(kSideNavRowCss)));
    ImGui::PopStyleColor(2);
    if (current) {  // a bar at the current row's left edge: the tint is not the only sign
      ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      float bar_inset = frame.Px(10);
      draw->AddRectFilled(ImVec2(min.x, min.y + bar_inset), ImVec2(min.x + frame.Px(4), max.y - bar_inset),
                          ImGui::GetColorU32(palette.accent), frame.Px(2));
    }
    y += frame.Px(kSideNavRowCss + 4);
  }
  ImGui::PopStyleVar(3);
}

}  // namespace

void Shell::Draw(UiFrame& frame) {
  // The frame's text goes into its widget list too, for the accessible mirror.
  struct TextRecording {
    explicit TextRecording(std::vector<WidgetInfo>* widgets) { RecordTextInto(widgets); }
    ~TextRecording() { RecordTextInto(nullptr); }
  } recording(&frame.widgets);
  // The activity import covers the whole screen, opaque: the screen under it is not drawn at all
  // (it keeps its state), which about halves what each frame asks of the GPU while files are read
  // and reviewed - in software rendering, the longest part of such a frame.
  if (frame.state.import.status != import::ImportStatus::Idle) {
    DrawImportConfirmation(frame);
    DrawActivityImport(frame);
    return;
  }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("Stridewise", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();

  frame.wide = io.DisplaySize.x >= frame.Px(kWideLayoutCss) && io.DisplaySize.y >= frame.Px(kWideLayoutMinHeightCss);
  // The screens' area: right of the side navigation on a desktop, above the bottom bar on a phone.
  const float left = frame.wide ? frame.Px(kSideNavWidthCss) : 0;
  const float area_width = io.DisplaySize.x - left;
  const bool two_columns = frame.wide && (frame.state.screen == Screen::Home || frame.state.screen == Screen::Log);
  // The text keeps a readable measure on a wide screen, centred in the area.
  const float measure = frame.Px(two_columns ? kTwoColumnsCss : kOneColumnCss);
  const float side_padding = std::max(frame.Px(frame.wide ? 24 : 16), (area_width - measure) * 0.5f);
  frame.float_left = frame.wide ? left + side_padding - frame.Px(12) : 0;
  frame.float_right = frame.wide ? io.DisplaySize.x - side_padding + frame.Px(12) : io.DisplaySize.x;
  frame.float_bottom = io.DisplaySize.y - (frame.wide ? 0 : frame.Px(kNavHeightCss));

  ImGui::SetCursorPos(ImVec2(left, 0));
  ImGui::BeginChild("##header", ImVec2(area_width, frame.Px(kHeaderHeightCss)), false, ImGuiWindowFlags_NoScrollbar);
  DrawHeader(frame, frame.wide ? side_padding : frame.Px(16));
  ImGui::EndChild();

  ImGui::SetCursorPos(ImVec2(left, frame.Px(kHeaderHeightCss)));
  float content_height = io.DisplaySize.y - frame.Px(kHeaderHeightCss) - (frame.wide ? 0 : frame.Px(kNavHeightCss));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side_padding, frame.Px(8)));
  // One scrolling region per screen, so each keeps its own scroll position.
  std::string content_id = "##content_" + std::string(ScreenId(frame.state.screen));
  ImGui::BeginChild(content_id.c_str(), ImVec2(area_width, content_height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  DrawStorageNotice(frame);
  switch (frame.state.screen) {
    case Screen::Home: home.Draw(frame); break;
    case Screen::Log: log.Draw(frame); break;
    case Screen::Shoes: shoes.Draw(frame); break;
    case Screen::Cadence: cadence.Draw(frame); break;
    case Screen::Guide: guide.Draw(frame); break;
    case Screen::Settings: settings.Draw(frame); break;
  }
  if (home.open_add_shoes) {  // Home's "Add shoes" lands on the form, not on a second "Add shoes"
    home.open_add_shoes = false;
    shoes.StartAdding(frame.state.model);
  }
  // The undo bar belongs to the Log screen as the runner left it; coming back later, a tap there
  // must meet the list, not a stale "Undo".
  if (frame.state.screen != Screen::Log) log.undo_run.reset();
  // Likewise a pair's page and its ticked runs: the Shoes tab opens on the list of pairs.
  if (frame.state.screen != Screen::Shoes) shoes.story.reset();
  if (cadence.log_as_run) {  // a cadence session saved as the run it was part of: the Log, filled in
    log.ClearForm();
    log.date_text = FormatDate(cadence.log_as_run->date);
    if (cadence.log_as_run->duration_s) log.duration_text = FormatDuration(*cadence.log_as_run->duration_s);
    log.message = "Date and time from your cadence session: add the distance and save the run.";
    cadence.log_as_run.reset();
    frame.Dispatch({{"type", "navigate"}, {"screen", "log"}});
  }
  if (guide.log_with_habits) {  // the checklist's "Log a run with warm-up and cool-down ticked"
    guide.log_with_habits = false;
    log.warmup = log.cooldown = true;
  }
  // Room below the last line - except beside the Log's two columns, which fill the area and
  // scroll by themselves (the area itself must not scroll a few pixels under them).
  if (!(frame.wide && frame.state.screen == Screen::Log)) ImGui::Dummy(ImVec2(0, frame.Px(16)));
  ImGui::EndChild();

  // The navigation after the screen, as on a phone: state().ui lists a screen's widgets first.
  if (frame.wide) {
    DrawSideNavigation(frame);
  } else {
    ImGui::SetCursorPos(ImVec2(0, io.DisplaySize.y - frame.Px(kNavHeightCss)));
    DrawNavigation(frame);
  }
  ImGui::End();
  DrawImportConfirmation(frame);
  DrawActivityImport(frame);
}

}  // namespace sw::ui
