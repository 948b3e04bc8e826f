#pragma once
// What the formats call a sport, normalised to sport::k* (activity.hpp). Shared by every reader so
// "Running" (TCX), "running" (GPX, FIT), "Run" (Strava) and "Treadmill Running" (Garmin Connect)
// land on the same value; anything unknown becomes sport::kOther and the reader keeps the file's
// word in sport_in_file for the review.
#include <string>
#include <string_view>

namespace sw::import {

// English names as the formats and services write them, case, spaces, '_' and '-' ignored:
// "Trail Run", "trail_running", "VirtualRun", "Indoor Running", "e-bike ride", "Open Water Swimming".
std::string NormaliseSport(std::string_view name_in_file);

// True when the sport's cadence is counted in steps (running, walking, hiking): the per-foot
// cadence of FIT, TCX, GPX and Strava is doubled for these and ignored for the others (a bike's
// cadence is pedal revolutions, not steps).
bool CountsSteps(std::string_view normalised_sport);

}  // namespace sw::import
