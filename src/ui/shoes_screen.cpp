#include <imgui.h>

#include "screens.hpp"
#include "widgets.hpp"

namespace sw::ui {

void ShoesScreen::Draw(UiFrame&) {
  Heading("Shoes");
  Paragraph("Cushioning and support fade after roughly 300-500 miles (480-800 km). "
            "Stridewise will track each pair's distance and flag it when it is time to replace it.");
}

}  // namespace sw::ui
