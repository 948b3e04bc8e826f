#include <imgui.h>

#include <string>

#include "core/guide_content.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {

void GuideScreen::Draw(UiFrame& frame) {
  Heading("Six mistakes that hurt runners");
  int number = 1;
  for (const GuideMistake& m : GuideMistakes()) {
    ImGui::PushID(number);
    std::string title = std::to_string(number++) + ". " + std::string(m.title);
    ImGui::PushFont(GetFonts().heading);
    ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().accent);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    Paragraph(std::string(m.why).c_str());
    Paragraph(std::string(m.what_to_do).c_str());
    std::string label = std::string(m.tool_label);
    if (Button(frame, label.c_str(), ImVec2(-1, 0)))
      frame.Dispatch({{"type", "navigate"}, {"screen", ScreenId(m.tool)}});
    ImGui::Spacing();
    ImGui::PopID();
  }
  Heading("Questions runners ask");
  for (const GuideQuestion& q : GuideFaq()) {
    ImGui::PushFont(GetFonts().heading);
    ImGui::TextWrapped("%s", std::string(q.question).c_str());
    ImGui::PopFont();
    Paragraph(std::string(q.answer).c_str());
    ImGui::Spacing();
  }
  SmallText(std::string(kNotADiagnosis).c_str());
}

}  // namespace sw::ui
