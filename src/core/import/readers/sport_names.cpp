#include "core/import/readers/sport_names.hpp"

#include <utility>

#include "core/import/activity.hpp"

namespace sw::import {

namespace {

// Lower case without spaces, '_', '-' or '.': "Trail Run", "trail_running" and "TrailRun" meet.
std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  }
  return out;
}

// Exact names first (squeezed). Order does not matter: every key is distinct.
constexpr std::pair<std::string_view, std::string_view> kNames[] = {
    // running
    {"run", sport::kRun}, {"running", sport::kRun}, {"jog", sport::kRun}, {"jogging", sport::kRun},
    {"streetrunning", sport::kRun}, {"roadrunning", sport::kRun}, {"generic", sport::kOther},
    {"trailrun", sport::kTrailRun}, {"trailrunning", sport::kTrailRun}, {"ultrarun", sport::kTrailRun},
    {"treadmill", sport::kTreadmillRun}, {"treadmillrun", sport::kTreadmillRun},
    {"treadmillrunning", sport::kTreadmillRun}, {"virtualrun", sport::kTreadmillRun},
    {"virtualrunning", sport::kTreadmillRun}, {"indoorrun", sport::kTreadmillRun},
    {"indoorrunning", sport::kTreadmillRun},
    {"trackrun", sport::kTrackRun}, {"trackrunning", sport::kTrackRun}, {"track", sport::kTrackRun},
    // cycling
    {"ride", sport::kRide}, {"cycling", sport::kRide}, {"biking", sport::kRide}, {"bike", sport::kRide},
    {"bikeride", sport::kRide}, {"virtualride", sport::kRide}, {"ebikeride", sport::kRide},
    {"mountainbikeride", sport::kRide}, {"mountainbiking", sport::kRide}, {"gravelride", sport::kRide},
    {"roadcycling", sport::kRide}, {"indoorcycling", sport::kRide}, {"roadbiking", sport::kRide},
    {"ebiking", sport::kRide}, {"ebikemountainride", sport::kRide}, {"velomobile", sport::kRide},
    {"handcycle", sport::kRide}, {"gravelcycling", sport::kRide},
    // swimming
    {"swim", sport::kSwim}, {"swimming", sport::kSwim}, {"poolswim", sport::kSwim},
    {"poolswimming", sport::kSwim}, {"lapswimming", sport::kSwim}, {"openwaterswim", sport::kSwim},
    {"openwaterswimming", sport::kSwim}, {"openwater", sport::kSwim},
    // on foot, not running
    {"walk", sport::kWalk}, {"walking", sport::kWalk}, {"casualwalking", sport::kWalk},
    {"speedwalking", sport::kWalk}, {"fitnesswalking", sport::kWalk}, {"indoorwalking", sport::kWalk},
    {"hike", sport::kHike}, {"hiking", sport::kHike}, {"mountaineering", sport::kHike},
    {"snowshoe", sport::kHike}, {"snowshoeing", sport::kHike},
    // several sports in one recording
    {"multisport", sport::kMultisport}, {"triathlon", sport::kMultisport}, {"duathlon", sport::kMultisport},
    {"transition", sport::kOther}, {"other", sport::kOther},
};

}  // namespace

std::string NormaliseSport(std::string_view name_in_file) {
  std::string key = Squeeze(name_in_file);
  for (const auto& [name, normalised] : kNames) {
    if (key == name) return std::string(normalised);
  }
  return std::string(sport::kOther);
}

bool CountsSteps(std::string_view s) { return IsRunningSport(s) || s == sport::kWalk || s == sport::kHike; }

}  // namespace sw::import
