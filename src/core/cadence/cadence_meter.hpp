#pragma once
// The cadence meter (issue 5) as core state: motion samples -> CadenceEstimator -> a live number,
// a per-second series, spoken feedback, an optional metronome and, on Stop, a session to keep.
// It calls nothing outside itself: every method is told the time (performance.now() ms, the
// ActionContext's now_ms) and appends what the app must do - speak, tick, switch the sensor and
// wake lock - as Effects. AppState owns one (state.cadence); the cadence_* actions drive it
// (actions_cadence.cpp), cadence_tick once per frame with the samples the sensor delivered.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actions/action.hpp"
#include "core/cadence/cadence_estimator.hpp"
#include "core/cadence/cadence_target.hpp"
#include "core/cadence/motion_sample.hpp"
#include "core/model/model.hpp"

namespace sw {

// What the Cadence screen shows (ui::CadenceView's fields).
struct CadenceReadout {
  bool measuring = false;
  double spm = 0;               // 0: no rhythm yet
  double confidence = 0;        // 0..1
  std::string sensor = "idle";  // "ok" | "denied" | "unavailable" | "idle"
  std::string message;          // why the sensor is not delivering, or the last outcome
  bool tap_along = false;       // no sensor (or taps): each tap counts one right-foot landing, two steps
  long long steps = 0;
  double elapsed_s = 0;
  double time_in_band_s = 0;
  std::vector<float> series;    // this session's per-second cadence so far
  bool voice = true, metronome = false, pocket = false;
};

// "ok" | "denied" | "unavailable" | "idle" (Idle and Starting).
const char* SensorStateName(SensorState state);

// cadence_options' fields; an absent one leaves the option as it is.
struct CadenceOptions {
  std::optional<bool> voice, metronome, pocket;
  std::optional<bool> metronome_personal;  // metronome_at: "personal" (true) or "band"
  std::optional<double> announce_every_s;  // kMinAnnounceEveryS..kMaxAnnounceEveryS
};

class CadenceMeter {
 public:
  static constexpr double kMinSessionS = 10;      // shorter measurements are not saved
  static constexpr double kSampleStaleMs = 2000;  // no sample for this long: no live reading
  static constexpr double kTapStaleMs = 3000;     // no tap for this long: tap-along reading drops
  static constexpr double kTapGapMs = 2000;       // a longer pause starts a new run of taps
  static constexpr int kTapIntervals = 8;         // the median of the last this many intervals
  // Tap-along counts one foot and doubles it: about 90 taps a minute are easy to keep while
  // running, 180 (every step) are not, and a runner who gives up tapping half the steps halves
  // the reading.
  static constexpr int kStepsPerTap = 2;
  static constexpr double kZoneSettleS = 3;  // a band change is spoken once it has lasted this long
  static constexpr double kMinAnnounceEveryS = 10, kMaxAnnounceEveryS = 3600, kDefaultAnnounceEveryS = 60;
  // A tap's own time (cadence_tap's t_ms) may be this far after / before the clock.
  static constexpr double kTapAheadMs = 1000, kTapBehindMs = 10000;

  // Starts a measurement: SetMotionSensor{true}, then SetMetronome when it should tick. False
  // (and nothing done) when one is running.
  bool Start(const Model& model, double now_ms, std::vector<Effect>& effects);
  // Stops a running measurement (call only when measuring()): takes the last whole seconds,
  // SetMotionSensor{false}, silences the metronome, speaks the average (voice on). Returns the
  // session to keep - id 0 and date unset, for the caller to give - or nullopt when it is too
  // short or has no steps (message() says which).
  std::optional<CadenceSession> Stop(const Model& model, double now_ms, std::vector<Effect>& effects);
  // The outcome of keeping the session Stop returned ("Session saved.", "Not saved: ...").
  void SetMessage(std::string message) { message_ = std::move(message); }
  // A tap-along tap at `tap_ms` (a time checked by TapTimeOk). Call only when measuring().
  void Tap(double tap_ms);
  // Whether a caller's own tap time may be used: recent (kTapBehindMs before .. kTapAheadMs after
  // now_ms) and not before the last tap.
  bool TapTimeOk(double tap_ms, double now_ms) const;
  void SetOptions(const CadenceOptions& options, const Model& model, std::vector<Effect>& effects);
  // Once per frame: feeds the samples, adds one series value per whole second passed (up to
  // kMaxCadenceSessionS), speaks (zone changes once settled, every announce_every_s), keeps the
  // metronome on the band. Does nothing when not measuring.
  void Tick(const Model& model, double now_ms, const std::vector<MotionSample>& samples,
            std::vector<Effect>& effects);

  // The live cadence at `now_ms`: tap-along's median or the estimator's, 0 when there is none.
  double LiveSpm(double now_ms) const;
  bool TapAlong(const SensorStatus& sensor) const;
  long long Steps(const SensorStatus& sensor) const;  // both feet: tap-along taps one foot
  double Confidence(const SensorStatus& sensor) const;
  // The screen's message: the sensor's complaint while measuring, else the last outcome.
  std::string Message(const SensorStatus& sensor) const;
  CadenceReadout Readout(double now_ms, const SensorStatus& sensor) const;

  bool measuring() const { return measuring_; }
  bool voice() const { return voice_; }
  bool metronome() const { return metronome_; }
  bool pocket() const { return pocket_; }
  bool metronome_personal() const { return metronome_personal_; }
  double announce_every_s() const { return announce_every_s_; }
  double metronome_bpm() const { return metronome_bpm_; }  // what is ticking now (0: silent)
  long long samples() const { return samples_; }
  const std::vector<float>& series() const { return series_; }
  double time_in_band_s() const { return time_in_band_s_; }
  const std::string& message() const { return message_; }

 private:
  enum class Zone { None, Low, In, High };
  static Zone ZoneOf(double spm, int low, int high);
  static std::string Phrase(double spm, Zone zone);
  void UpdateMetronome(const Model& model, std::vector<Effect>& effects);
  double Clock(double now_ms) const { return now_ms > now_ms_ ? now_ms : now_ms_; }

  CadenceEstimator estimator_;
  bool measuring_ = false;
  double start_ms_ = 0, now_ms_ = 0;
  double last_sample_ms_ = -1;  // the clock at the last tick that brought samples
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
  double announce_every_s_ = kDefaultAnnounceEveryS;
  double last_announce_s_ = 0;
  Zone announced_zone_ = Zone::None;
  Zone pending_zone_ = Zone::None;
  double pending_since_s_ = 0;
  double metronome_bpm_ = 0;
};

// state().cadence: the meter as the page API reads it (same keys and rounding as ever).
// `personal_target`: ComputePersonalTarget(model) (Derived's).
nlohmann::json CadenceToJson(const CadenceMeter& meter, const Model& model, double now_ms, const SensorStatus& sensor,
                             const std::optional<PersonalTarget>& personal_target);

}  // namespace sw
