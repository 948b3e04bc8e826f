#include "cadence_meter.hpp"

#include <algorithm>
#include <cmath>

#include "core/model/dates.hpp"
#include "platform/motion.hpp"
#include "platform/platform.hpp"

namespace sw {
namespace {

constexpr double kMinSessionS = 10;         // shorter measurements are not saved
constexpr double kSampleStaleMs = 2000;     // no sample for this long: no live reading
constexpr double kTapStaleMs = 3000;        // no tap for this long: tap-along reading drops
constexpr double kTapGapMs = 2000;          // a longer pause starts a new run of taps
constexpr int kTapIntervals = 8;
// Tap-along counts one foot and doubles it: about 90 taps a minute are easy to keep while running,
// 180 (every step) are not, and a runner who gives up tapping half the steps halves the reading.
constexpr int kStepsPerTap = 2;
constexpr double kZoneSettleS = 3;          // a band change is spoken once it has lasted this long
constexpr double kMaxSeriesS = 12 * 3600;   // add_cadence_session's limit

}  // namespace

std::optional<nlohmann::json> CadenceMeter::HandleAction(const nlohmann::json& action, const Model& model) {
  const std::string type = action.value("type", "");
  if (type == "cadence_start") return Start(model);
  if (type == "cadence_stop") return Stop(model);
  if (type == "cadence_tap") return Tap(action);
  if (type == "cadence_options") {
    // voice, metronome, pocket (booleans), metronome_at ("band" | "personal"), announce_every_s.
    auto flag = [&](const char* key, bool& out) {
      auto it = action.find(key);
      if (it != action.end() && it->is_boolean()) out = it->get<bool>();
    };
    flag("voice", voice_);
    flag("metronome", metronome_);
    flag("pocket", pocket_);
    if (auto it = action.find("metronome_at"); it != action.end() && it->is_string())
      metronome_personal_ = it->get<std::string>() == "personal";
    if (auto it = action.find("announce_every_s"); it != action.end()) {
      if (!it->is_number() || it->get<double>() < 10 || it->get<double>() > 3600)
        return nlohmann::json{{"ok", false}, {"error", "cadence_options: \"announce_every_s\" must be from 10 to 3600."}};
      announce_every_s_ = it->get<double>();
    }
    UpdateMetronome(model);
    return nlohmann::json{{"ok", true}};
  }
  return std::nullopt;
}

nlohmann::json CadenceMeter::Start(const Model& model) {
  if (measuring_) return {{"ok", true}, {"already", true}};
  measuring_ = true;
  start_ms_ = now_ms_ = platform::NowMs();
  last_sample_ms_ = -1;
  samples_ = 0;
  series_.clear();
  time_in_band_s_ = 0;
  taps_ms_.clear();
  tap_count_ = 0;
  message_.clear();
  last_announce_s_ = 0;
  announced_zone_ = pending_zone_ = Zone::None;
  estimator_.Reset();
  platform::MotionStart();
  platform::WakeLockAcquire();
  UpdateMetronome(model);
  platform::RequestFrameAfter(500);
  platform::SensorStatus status = platform::MotionStatus();
  nlohmann::json out = {{"ok", true}, {"sensor", SensorName()}};
  if (!status.message.empty()) out["message"] = status.message;
  return out;
}

nlohmann::json CadenceMeter::Stop(const Model& model) {
  if (!measuring_) return {{"ok", false}, {"error", "The cadence meter is not running."}};
  Update(model);  // take the last samples and seconds
  measuring_ = false;
  pocket_ = false;
  platform::MotionStop();
  platform::WakeLockRelease();
  UpdateMetronome(model);
  double elapsed_s = double(series_.size());
  double sum = 0;
  int stepping = 0;
  for (float spm : series_)
    if (spm > 0) sum += spm, ++stepping;
  nlohmann::json out = {{"ok", true}};
  if (elapsed_s < kMinSessionS) {
    message_ = "Not saved: measure for at least 10 seconds.";
  } else if (stepping == 0) {
    message_ = "Not saved: no steps were measured.";
  } else {
    nlohmann::json series = nlohmann::json::array();
    for (float spm : series_) series.push_back(std::round(spm * 10) / 10);
    nlohmann::json result = dispatch_({{"type", "add_cadence_session"},
                                       {"date", FormatDate(platform::Today())},
                                       {"duration_s", elapsed_s},
                                       {"mean_spm", std::round(sum / stepping * 10) / 10},
                                       {"time_in_band_s", std::min(time_in_band_s_, elapsed_s)},
                                       {"low_spm", model.settings.cadence_low_spm},
                                       {"high_spm", model.settings.cadence_high_spm},
                                       {"series_spm", std::move(series)}});
    if (result.value("ok", false)) {
      message_ = "Session saved.";
      out["session_id"] = result["id"];
    } else {
      message_ = "Not saved: " + result.value("error", std::string("unknown error"));
    }
  }
  out["message"] = message_;
  if (voice_) platform::Speak(stepping > 0 ? "Stopped. Average " + std::to_string(int(std::lround(sum / stepping))) +
                                                 " steps per minute."
                                           : "Stopped.");
  return out;
}

nlohmann::json CadenceMeter::Tap(const nlohmann::json& action) {
  if (!measuring_) return {{"ok", false}, {"error", "Start the cadence meter before tapping along."}};
  double now = platform::NowMs();
  if (auto it = action.find("t_ms"); it != action.end() && it->is_number()) {
    double t = it->get<double>();
    if (!std::isfinite(t) || t > now + 1000 || t < now - 10000 || (!taps_ms_.empty() && t < taps_ms_.back()))
      return {{"ok", false}, {"error", "cadence_tap: \"t_ms\" must be a recent performance.now() time, after the last tap."}};
    now = t;
  }
  if (!taps_ms_.empty() && now - taps_ms_.back() > kTapGapMs) taps_ms_.clear();
  taps_ms_.push_back(now);
  ++tap_count_;
  if (taps_ms_.size() > kTapIntervals + 1) taps_ms_.erase(taps_ms_.begin());
  now_ms_ = std::max(now_ms_, now);
  platform::RequestFrames(1);
  return {{"ok", true}, {"spm", std::round(LiveSpm() * 10) / 10}};
}

long long CadenceMeter::Steps() const {
  return TapAlong() ? tap_count_ * kStepsPerTap : (long long)estimator_.Current().steps_total;
}

bool CadenceMeter::TapAlong() const {
  platform::SensorState s = platform::MotionStatus().state;
  return measuring_ && (s == platform::SensorState::Denied || s == platform::SensorState::Unavailable || !taps_ms_.empty());
}

double CadenceMeter::LiveSpm() const {
  if (!measuring_) return 0;
  if (taps_ms_.size() >= 3 && now_ms_ - taps_ms_.back() < kTapStaleMs) {
    std::vector<double> intervals;
    for (std::size_t i = 1; i < taps_ms_.size(); ++i) intervals.push_back(taps_ms_[i] - taps_ms_[i - 1]);
    std::nth_element(intervals.begin(), intervals.begin() + intervals.size() / 2, intervals.end());
    double median = intervals[intervals.size() / 2];
    if (intervals.size() % 2 == 0) {
      double lower = *std::max_element(intervals.begin(), intervals.begin() + intervals.size() / 2);
      median = (median + lower) / 2;
    }
    return median > 0 ? kStepsPerTap * 60000.0 / median : 0;
  }
  if (last_sample_ms_ < 0 || now_ms_ - last_sample_ms_ > kSampleStaleMs) return 0;
  CadenceReading reading = estimator_.Current();
  return reading.stepping ? reading.spm : 0;
}

std::string CadenceMeter::SensorName() const {
  switch (platform::MotionStatus().state) {
    case platform::SensorState::Ok: return "ok";
    case platform::SensorState::Denied: return "denied";
    case platform::SensorState::Unavailable: return "unavailable";
    default: return "idle";
  }
}

CadenceMeter::Zone CadenceMeter::ZoneOf(double spm, int low, int high) {
  if (spm <= 0) return Zone::None;
  int rounded = int(std::lround(spm));
  return rounded < low ? Zone::Low : rounded > high ? Zone::High : Zone::In;
}

std::string CadenceMeter::Phrase(double spm, Zone zone) {
  std::string number = std::to_string(int(std::lround(spm)));
  switch (zone) {
    case Zone::Low: return number + ", quicken your steps";
    case Zone::High: return number + ", ease off";
    case Zone::In: return number + ", in range";
    default: return "No steps detected";
  }
}

void CadenceMeter::UpdateMetronome(const Model& model) {
  double bpm = 0;
  if (measuring_ && metronome_) {
    std::optional<PersonalTarget> personal = metronome_personal_ ? ComputePersonalTarget(model) : std::nullopt;
    bpm = personal ? (personal->low_spm + personal->high_spm) / 2.0
                   : (model.settings.cadence_low_spm + model.settings.cadence_high_spm) / 2.0;
  }
  if (bpm == metronome_bpm_) return;
  metronome_bpm_ = bpm;
  if (bpm > 0) platform::MetronomeStart(bpm);
  else platform::MetronomeStop();
}

void CadenceMeter::Update(const Model& model) {
  if (!measuring_) return;
  now_ms_ = platform::NowMs();
  std::vector<platform::MotionSample> samples = platform::MotionTakeSamples();
  for (const platform::MotionSample& s : samples)
    estimator_.AddSample(s.t_s, s.ax, s.ay, s.az, s.rx, s.ry, s.rz);
  if (!samples.empty()) last_sample_ms_ = now_ms_;
  samples_ += (long long)samples.size();

  const int low = model.settings.cadence_low_spm, high = model.settings.cadence_high_spm;
  double spm = LiveSpm();
  double elapsed_s = (now_ms_ - start_ms_) / 1000.0;
  // One value per whole second passed (several at once after a slow frame).
  while (double(series_.size()) + 1 <= elapsed_s && double(series_.size()) < kMaxSeriesS) {
    series_.push_back(float(spm));
    if (ZoneOf(spm, low, high) == Zone::In) time_in_band_s_ += 1;
  }

  // Spoken feedback: on leaving / re-entering the band (once the new zone has lasted a few
  // seconds, so a wobble at the edge is not read out) and every announce_every_s_.
  Zone zone = ZoneOf(spm, low, high);
  if (zone != pending_zone_) {
    pending_zone_ = zone;
    pending_since_s_ = elapsed_s;
  }
  if (voice_ && zone != Zone::None) {
    bool changed = zone != announced_zone_ && elapsed_s - pending_since_s_ >= kZoneSettleS;
    bool periodic = elapsed_s - last_announce_s_ >= announce_every_s_;
    if (changed || periodic) {
      platform::Speak(Phrase(spm, zone));
      announced_zone_ = zone;
      last_announce_s_ = elapsed_s;
    }
  }
  UpdateMetronome(model);
  platform::RequestFrameAfter(500);  // the live number and the clock move about twice a second
}

nlohmann::json CadenceMeter::StateJson(const Model& model) const {
  platform::SensorStatus status = platform::MotionStatus();
  nlohmann::json out = {
      {"measuring", measuring_},
      {"spm", std::round(LiveSpm() * 10) / 10},
      {"confidence", measuring_ && !TapAlong() ? estimator_.Current().confidence : 0.0},
      {"samples", samples_},
      {"sensor", SensorName()},
      {"steps", Steps()},
      {"elapsed_s", double(series_.size())},
      {"time_in_band_s", time_in_band_s_},
      {"low_spm", model.settings.cadence_low_spm},
      {"high_spm", model.settings.cadence_high_spm},
      {"tap_along", TapAlong()},
      {"voice", voice_},
      {"metronome", metronome_},
      {"pocket", pocket_},
      {"sessions", model.cadence_sessions.size()},
  };
  std::string message = measuring_ && !status.message.empty() ? status.message : message_;
  if (!message.empty()) out["message"] = message;
  if (std::optional<PersonalTarget> target = ComputePersonalTarget(model))
    out["personal_target"] = {{"baseline_spm", std::round(target->baseline_spm * 10) / 10},
                              {"low_spm", target->low_spm},
                              {"high_spm", target->high_spm},
                              {"session_ids", target->session_ids}};
  return out;
}

ui::CadenceView CadenceMeter::View(const Model&) const {
  ui::CadenceView view;
  view.measuring = measuring_;
  view.spm = LiveSpm();
  view.confidence = measuring_ && !TapAlong() ? estimator_.Current().confidence : 0;
  view.sensor = SensorName();
  platform::SensorStatus status = platform::MotionStatus();
  view.message = measuring_ && !status.message.empty() ? status.message : message_;
  view.tap_along = TapAlong();
  view.steps = Steps();
  view.elapsed_s = measuring_ ? (now_ms_ - start_ms_) / 1000.0 : double(series_.size());
  view.time_in_band_s = time_in_band_s_;
  view.series = series_;
  view.voice = voice_;
  view.metronome = metronome_;
  view.pocket = pocket_;
  return view;
}

}  // namespace sw
