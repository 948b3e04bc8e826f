#include <imgui.h>

#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace sw::ui {

void LogScreen::Draw(UiFrame& frame) {
  Heading("Log a run");
  const char* unit = frame.state.model.settings.units == Units::Miles ? "mi" : "km";
  std::string label = std::string("Distance (") + unit + ")";
  ImGui::TextUnformatted(label.c_str());
  TextField(frame, "##distance", distance_text, /*numeric=*/true);
  ImGui::TextUnformatted("Note");
  TextField(frame, "##note", note_text, /*numeric=*/false);
  SmallText("Saving runs, shoes and the weekly check arrive with the run log.");
}

}  // namespace sw::ui
