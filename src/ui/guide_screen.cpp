// The Guide screen: four pages behind a segmented bar at the top.
// [SECTION] Draw and the page bar
// [SECTION] Guide page: search, the six mistakes with links into the app, FAQ, evidence
// The other pages live in guide_habits.cpp (warm-up, strength) and guide_pain.cpp (pain log).
#include "guide_screen.hpp"

#include <imgui.h>

#include <string>

#include "core/guide/guide_content.hpp"
#include "core/rules/routines.hpp"
#include "guidance_cards.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {
namespace {

// Where a mistake's button leads: a page of this screen, or another screen.
std::optional<GuidePage> PageFor(std::string_view section) {
  if (section == "checklist") return GuidePage::Warmup;
  if (section == "strength") return GuidePage::Strength;
  if (section == "pain_log") return GuidePage::Pain;
  return std::nullopt;
}

std::string ToolButtonLabel(const GuideMistake& m, int index) {
  // The warm-up mistake's tool in core is the Log form; its button opens the checklist first,
  // which explains each step and leads on to the Log.
  std::string label = m.tool_section == "checklist" ? std::string("Open the warm-up checklist")
                                                    : std::string(m.tool_label);
  return label + "##mistake" + std::to_string(index);
}

void FollowMistake(UiFrame& frame, GuideScreen& screen, const GuideMistake& m) {
  if (std::optional<GuidePage> page = PageFor(m.tool_section)) screen.Open(*page);
  else frame.Dispatch({{"type", "navigate"}, {"screen", ScreenId(m.tool)}});
}

void SectionHeading(const char* text) {
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
  Heading(text);
}

void DrawMistake(UiFrame& frame, GuideScreen& screen, const GuideMistake& m, int index) {
  const Palette& p = GetPalette();
  CardBegin(frame);
  std::string title = std::to_string(index + 1) + ". " + std::string(m.title);
  ImGui::PushFont(GetFonts().heading);
  ColoredParagraph(p.accent, title.c_str());
  ImGui::PopFont();
  Caption("WHAT GOES WRONG");
  Paragraph(std::string(m.why).c_str());
  Caption("WHAT TO DO");
  Paragraph(std::string(m.what_to_do).c_str());
  if (Button(frame, ToolButtonLabel(m, index).c_str(), ImVec2(-1, 0))) FollowMistake(frame, screen, m);
  CardEnd(frame, p.surface);
}

void DrawQuestion(const GuideQuestion& q) {
  ImGui::PushFont(GetFonts().heading);
  WrappedText(std::string(q.question).c_str());
  ImGui::PopFont();
  Paragraph(std::string(q.answer).c_str());
  ImGui::Spacing();
}

void DrawEvidence(const GuideEvidence& e) {
  ImGui::PushFont(GetFonts().heading);
  WrappedText(std::string(e.title).c_str());
  ImGui::PopFont();
  Paragraph(std::string(e.finding).c_str());
  SmallText(("Source: " + std::string(e.source)).c_str());
  ImGui::Spacing();
}

}  // namespace

// [SECTION] Draw and the page bar

void GuideScreen::Open(GuidePage to) {
  page = to;
  scroll_to_top = true;
}

void GuideScreen::Draw(UiFrame& frame) {
  if (std::optional<GuidePage> requested = TakeRequestedGuidePage()) Open(*requested);
  if (TakeGuideEvidenceRequest()) scroll_to_evidence = true;
  if (scroll_to_top) {
    ImGui::SetScrollY(0);
    scroll_to_top = false;
  }
  DrawTabs(frame);
  switch (page) {
    case GuidePage::Guide: DrawGuide(frame); break;
    case GuidePage::Warmup: DrawWarmup(frame); break;
    case GuidePage::Strength: DrawStrength(frame); break;
    case GuidePage::Pain: DrawPain(frame); break;
  }
}

void GuideScreen::DrawTabs(UiFrame& frame) {
  struct Tab { const char* label; GuidePage page; };
  static const Tab kTabs[] = {{"Guide##tab", GuidePage::Guide},
                              {"Warm-up##tab", GuidePage::Warmup},
                              {"Strength##tab", GuidePage::Strength},
                              {"Pain log##tab", GuidePage::Pain}};
  float gap = frame.Px(6);
  float width = (ImGui::GetContentRegionAvail().x - gap * 3) / 4;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(frame.Px(4), ImGui::GetStyle().FramePadding.y));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, ImGui::GetStyle().ItemSpacing.y));
  for (int i = 0; i < 4; ++i) {
    if (i > 0) ImGui::SameLine();
    if (ToggleButton(frame, kTabs[i].label, page == kTabs[i].page, width, 40)) Open(kTabs[i].page);
  }
  ImGui::PopStyleVar(2);
  ImGui::Dummy(ImVec2(0, frame.Px(4)));
}

// [SECTION] Guide page

void GuideScreen::DrawGuide(UiFrame& frame) {
  TextField(frame, "Search the guide", search, false);
  if (search.empty() && !ImGui::IsItemActive()) {  // a placeholder, since the field has no label
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(min.x + frame.Px(12), (min.y + max.y - ImGui::GetFontSize()) * 0.5f),
        ImGui::GetColorU32(GetPalette().muted_text), "Search the guide: knee, shoes, cadence...");
  }
  std::vector<GuideHit> hits = SearchGuide(search);
  bool searching = search.find_first_not_of(" \t") != std::string::npos;

  if (searching) {
    std::string count = hits.empty() ? "Nothing found for \"" + search +
                                           "\". Try one word, such as shoes, knee, pain, cadence or distance."
                                     : std::to_string(hits.size()) + (hits.size() == 1 ? " match" : " matches") +
                                           ", best first";
    SmallText(count.c_str());
    // Always there while searching: with nothing found it is the way back to the whole guide.
    if (Button(frame, "Clear search", ImVec2(-1, 0))) search.clear();
    ImGui::Spacing();
    int n = 0;
    for (const GuideHit& hit : hits) {
      ImGui::PushID(n++);
      switch (hit.section) {
        case GuideSection::Mistake:
          DrawMistake(frame, *this, GuideMistakes()[hit.index], hit.index);
          break;
        case GuideSection::Question:
          DrawQuestion(GuideFaq()[hit.index]);
          break;
        case GuideSection::Evidence:
          DrawEvidence(GuideEvidenceItems()[hit.index]);
          break;
        case GuideSection::Warmup:
        case GuideSection::Cooldown:
        case GuideSection::Strength: {
          bool strength = hit.section == GuideSection::Strength;
          ImGui::PushFont(GetFonts().heading);
          WrappedText(std::string(hit.title).c_str());
          ImGui::PopFont();
          Paragraph(std::string(hit.snippet).c_str());
          const char* label = strength ? "Open the strength routine##hit"
                              : hit.section == GuideSection::Warmup ? "Open the warm-up##hit"
                                                                    : "Open the cool-down##hit";
          if (Button(frame, label, ImVec2(-1, 0))) Open(strength ? GuidePage::Strength : GuidePage::Warmup);
          ImGui::Spacing();
          break;
        }
      }
      ImGui::PopID();
    }
    return;
  }

  DrawRestDayCard(frame);
  SectionHeading("Six mistakes that hurt runners");
  SmallText("Each one with what to do about it and where Stridewise helps.");
  ImGui::Spacing();
  int index = 0;
  for (const GuideMistake& m : GuideMistakes()) {
    DrawMistake(frame, *this, m, index);
    ++index;
  }

  SectionHeading("Questions runners ask");
  for (const GuideQuestion& q : GuideFaq()) DrawQuestion(q);
  if (Button(frame, "Open the pain log##faq", ImVec2(-1, 0))) Open(GuidePage::Pain);

  if (scroll_to_evidence) {  // opened from Home's "Why these signals?"
    ImGui::SetScrollHereY(0);
    scroll_to_evidence = false;
  }
  SectionHeading("What the research adds");
  RecordLastItem(frame, "What the research adds", "info", "heading");
  SmallText("Beyond the clinic's advice, these studies shape the warnings Stridewise gives.");
  ImGui::Spacing();
  for (const GuideEvidence& e : GuideEvidenceItems()) DrawEvidence(e);
  SmallText(std::string(kNotADiagnosis).c_str());
}

}  // namespace sw::ui
