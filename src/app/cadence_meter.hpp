#pragma once
// The cadence meter (issue 5): motion samples -> core's CadenceEstimator -> a live number, a
// per-second series, spoken feedback, an optional metronome and, on Stop, a saved session
// (add_cadence_session through the app's one Dispatch path). Owned by App; the browser pieces
// (sensor, speech, metronome, wake lock) come from platform/motion.hpp.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cadence/cadence_estimator.hpp"
#include "core/cadence/cadence_target.hpp"
#include "core/model/model.hpp"
#include "ui/ui_frame.hpp"

namespace sw {

class CadenceMeter {
 public:
  using DispatchFn = std::function<nlohmann::json(const nlohmann::json&)>;
  explicit CadenceMeter(DispatchFn dispatch) : dispatch_(std::move(dispatch)) {}

  // cadence_start, cadence_stop, cadence_tap (optional t_ms: the tap's performance.now(), for
  // callers that time taps themselves), cadence_options; nullopt: not a meter action.
  std::optional<nlohmann::json> HandleAction(const nlohmann::json& action, const Model& model);
  // Once per frame: drains the sensor, advances the clock, speaks, keeps frames coming.
  void Update(const Model& model);
  nlohmann::json StateJson(const Model& model) const;
  ui::CadenceView View(const Model& model) const;
  bool measuring() const { return measuring_; }
  bool pocket() const { return pocket_; }

 private:
  enum class Zone { None, Low, In, High };
  nlohmann::json Start(const Model& model);
  nlohmann::json Stop(const Model& model);
  nlohmann::json Tap(const nlohmann::json& action);
  double LiveSpm() const;  // estimator or tap-along, 0 when no rhythm
  bool TapAlong() const;
  long long Steps() const;  // both feet: tap-along taps one foot
  std::string SensorName() const;
  void UpdateMetronome(const Model& model);
  static Zone ZoneOf(double spm, int low, int high);
  static std::string Phrase(double spm, Zone zone);

  DispatchFn dispatch_;
  CadenceEstimator estimator_;
  bool measuring_ = false;
  double start_ms_ = 0, now_ms_ = 0;
  double last_sample_ms_ = -1;  // wall clock of the last sensor sample
  long long samples_ = 0;
  std::vector<float> series_;
  double time_in_band_s_ = 0;
  std::string message_;
  // Tap-along.
  std::vector<double> taps_ms_;  // the last few taps
  long long tap_count_ = 0;
  // Voice and metronome.
  bool voice_ = true, metronome_ = false, pocket_ = false;
  bool metronome_personal_ = false;  // tick at the personal target instead of the band's middle
  double announce_every_s_ = 60;
  double last_announce_s_ = 0;
  Zone announced_zone_ = Zone::None;
  Zone pending_zone_ = Zone::None;
  double pending_since_s_ = 0;
  double metronome_bpm_ = 0;  // what is ticking now (0: silent)
};

}  // namespace sw
