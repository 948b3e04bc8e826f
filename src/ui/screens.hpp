#pragma once
// One struct per screen (one file each). A screen reads frame.state and queues actions; drafts
// of forms being filled in are the only state it keeps.
#include <string>

#include "ui_frame.hpp"

namespace sw::ui {

struct HomeScreen {
  void Draw(UiFrame& frame);
};

struct LogScreen {
  std::string distance_text;
  std::string note_text;
  void Draw(UiFrame& frame);
};

struct ShoesScreen {
  void Draw(UiFrame& frame);
};

struct CadenceScreen {
  void Draw(UiFrame& frame);
};

struct GuideScreen {
  void Draw(UiFrame& frame);
};

struct SettingsScreen {
  float text_size = 100;  // % of the default; applied in a later issue
  void Draw(UiFrame& frame);
};

// The frame around the screens: title bar, scrolling content, bottom navigation.
struct Shell {
  HomeScreen home;
  LogScreen log;
  ShoesScreen shoes;
  CadenceScreen cadence;
  GuideScreen guide;
  SettingsScreen settings;
  void Draw(UiFrame& frame);
};

}  // namespace sw::ui
