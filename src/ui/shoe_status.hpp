#pragma once
// How a shoe's status is shown (Home and Shoes): its colour and the word beside the bar, so
// status never rests on colour alone.
#include <imgui.h>

#include "core/rules/shoe_rules.hpp"

namespace sw::ui {

ImVec4 StatusColor(ShoeStatus status);
// "Good", "Wearing", "Replace", "Retired".
const char* StatusWord(ShoeStatus status);

}  // namespace sw::ui
