#include "core/cadence/cadence_meter.hpp"

#include <algorithm>
#include <cmath>

#include "core/cadence/cadence_session_check.hpp"
#include "core/model/dates.hpp"

namespace sw {

const char* SensorStateName(SensorState state) {
  switch (state) {
    case SensorState::Ok: return "ok";
    case SensorState::Denied: return "denied";
    case SensorState::Unavailable: return "unavailable";
    default: return "idle";
  }
}

bool CadenceMeter::Start(const Model& model, double now_ms, std::vector<Effect>& effects) {
  if (measuring_) return false;
  measuring_ = true;
  start_ms_ = now_ms_ = now_ms;
  last_sample_ms_ = -1;
  samples_ = 0;
  series_.clear();
  time_in_band_s_ = 0;
  taps_ms_.clear();
  tap_count_ = 0;
  message_.clear();
  last_announce_s_ = 0;
  announced_zone_ = pending_zone_ = Zone::None;
  pending_since_s_ = 0;
  estimator_.Reset();
  effects.push_back(SetMotionSensor{true});
  UpdateMetronome(model, effects);
  return true;
}

std::optional<CadenceSession> CadenceMeter::Stop(const Model& model, double now_ms, std::vector<Effect>& effects) {
  if (!measuring_) return std::nullopt;
  Tick(model, now_ms, {}, effects);  // the last whole seconds
  measuring_ = false;
  pocket_ = false;
  effects.push_back(SetMotionSensor{false});
  UpdateMetronome(model, effects);
  const double elapsed_s = double(series_.size());
  double sum = 0;
  int stepping = 0;
  for (float spm : series_)
    if (spm > 0) sum += spm, ++stepping;
  std::optional<CadenceSession> session;
  if (elapsed_s < kMinSessionS) {
    message_ = "Not saved: measure for at least 10 seconds.";
  } else if (stepping == 0) {
    message_ = "Not saved: no steps were measured.";
  } else {
    session.emplace();
    session->duration_s = elapsed_s;
    session->mean_spm = sum / stepping;
    session->time_in_band_s = std::min(time_in_band_s_, elapsed_s);
    session->low_spm = model.settings.cadence_low_spm;
    session->high_spm = model.settings.cadence_high_spm;
    session->series_spm = series_;
    session->tapped = tap_count_ > 0;
    message_.clear();
  }
  if (voice_)
    effects.push_back(Speak{stepping > 0 ? "Stopped. Average " + std::to_string(int(std::lround(sum / stepping))) +
                                               " steps per minute."
                                         : "Stopped."});
  return session;
}

bool CadenceMeter::TapTimeOk(double tap_ms, double now_ms) const {
  return std::isfinite(tap_ms) && tap_ms <= now_ms + kTapAheadMs && tap_ms >= now_ms - kTapBehindMs &&
         (taps_ms_.empty() || tap_ms >= taps_ms_.back());
}

void CadenceMeter::Tap(double tap_ms) {
  if (!measuring_) return;
  if (!taps_ms_.empty() && tap_ms - taps_ms_.back() > kTapGapMs) taps_ms_.clear();
  taps_ms_.push_back(tap_ms);
  ++tap_count_;
  if (taps_ms_.size() > std::size_t(kTapIntervals) + 1) taps_ms_.erase(taps_ms_.begin());
  now_ms_ = std::max(now_ms_, tap_ms);
}

void CadenceMeter::SetOptions(const CadenceOptions& options, const Model& model, std::vector<Effect>& effects) {
  if (options.voice) voice_ = *options.voice;
  if (options.metronome) metronome_ = *options.metronome;
  if (options.pocket) pocket_ = *options.pocket;
  if (options.metronome_personal) metronome_personal_ = *options.metronome_personal;
  if (options.announce_every_s) announce_every_s_ = *options.announce_every_s;
  UpdateMetronome(model, effects);
}

long long CadenceMeter::Steps(const SensorStatus& sensor) const {
  return TapAlong(sensor) ? tap_count_ * kStepsPerTap : (long long)estimator_.Current().steps_total;
}

bool CadenceMeter::TapAlong(const SensorStatus& sensor) const {
  return measuring_ &&
         (sensor.state == SensorState::Denied || sensor.state == SensorState::Unavailable || !taps_ms_.empty());
}

double CadenceMeter::Confidence(const SensorStatus& sensor) const {
  return measuring_ && !TapAlong(sensor) ? estimator_.Current().confidence : 0.0;
}

std::string CadenceMeter::Message(const SensorStatus& sensor) const {
  return measuring_ && !sensor.message.empty() ? sensor.message : message_;
}

double CadenceMeter::LiveSpm(double now_ms) const {
  if (!measuring_) return 0;
  const double now = Clock(now_ms);
  if (taps_ms_.size() >= 3 && now - taps_ms_.back() < kTapStaleMs) {
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
  if (last_sample_ms_ < 0 || now - last_sample_ms_ > kSampleStaleMs) return 0;
  CadenceReading reading = estimator_.Current();
  return reading.stepping ? reading.spm : 0;
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

void CadenceMeter::UpdateMetronome(const Model& model, std::vector<Effect>& effects) {
  double bpm = 0;
  if (measuring_ && metronome_) {
    std::optional<PersonalTarget> personal = metronome_personal_ ? ComputePersonalTarget(model) : std::nullopt;
    bpm = personal ? (personal->low_spm + personal->high_spm) / 2.0
                   : (model.settings.cadence_low_spm + model.settings.cadence_high_spm) / 2.0;
  }
  if (bpm == metronome_bpm_) return;
  metronome_bpm_ = bpm;
  effects.push_back(SetMetronome{bpm});
}

void CadenceMeter::Tick(const Model& model, double now_ms, const std::vector<MotionSample>& samples,
                        std::vector<Effect>& effects) {
  if (!measuring_) return;
  now_ms_ = Clock(now_ms);
  for (const MotionSample& s : samples) estimator_.AddSample(s.t_s, s.ax, s.ay, s.az, s.rx, s.ry, s.rz);
  if (!samples.empty()) last_sample_ms_ = now_ms_;
  samples_ += (long long)samples.size();

  const int low = model.settings.cadence_low_spm, high = model.settings.cadence_high_spm;
  const double spm = LiveSpm(now_ms_);
  const double elapsed_s = (now_ms_ - start_ms_) / 1000.0;
  // One value per whole second passed (several at once after a slow frame), up to the longest
  // session kept.
  while (double(series_.size()) + 1 <= elapsed_s && series_.size() < kMaxCadenceSeriesLength) {
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
  if (zone != Zone::None) {
    bool changed = zone != announced_zone_ && elapsed_s - pending_since_s_ >= kZoneSettleS;
    bool periodic = elapsed_s - last_announce_s_ >= announce_every_s_;
    if (changed || periodic) {
      if (voice_) effects.push_back(Speak{Phrase(spm, zone)});
      else effects.push_back(Announce{Phrase(spm, zone)});
      announced_zone_ = zone;
      last_announce_s_ = elapsed_s;
    }
  }
  UpdateMetronome(model, effects);
}

CadenceReadout CadenceMeter::Readout(double now_ms, const SensorStatus& sensor) const {
  CadenceReadout out;
  out.measuring = measuring_;
  out.spm = LiveSpm(now_ms);
  out.confidence = Confidence(sensor);
  out.sensor = SensorStateName(sensor.state);
  out.message = Message(sensor);
  out.tap_along = TapAlong(sensor);
  out.steps = Steps(sensor);
  out.elapsed_s = measuring_ ? (Clock(now_ms) - start_ms_) / 1000.0 : double(series_.size());
  out.time_in_band_s = time_in_band_s_;
  out.series = series_;
  out.voice = voice_;
  out.metronome = metronome_;
  out.pocket = pocket_;
  return out;
}

nlohmann::json CadenceToJson(const CadenceMeter& meter, const Model& model, double now_ms, const SensorStatus& sensor,
                             const std::optional<PersonalTarget>& personal_target) {
  nlohmann::json out = {
      {"measuring", meter.measuring()},
      {"spm", std::round(meter.LiveSpm(now_ms) * 10) / 10},
      {"confidence", meter.Confidence(sensor)},
      {"samples", meter.samples()},
      {"sensor", SensorStateName(sensor.state)},
      {"steps", meter.Steps(sensor)},
      {"elapsed_s", double(meter.series().size())},
      {"time_in_band_s", meter.time_in_band_s()},
      {"low_spm", model.settings.cadence_low_spm},
      {"high_spm", model.settings.cadence_high_spm},
      {"tap_along", meter.TapAlong(sensor)},
      {"voice", meter.voice()},
      {"metronome", meter.metronome()},
      {"pocket", meter.pocket()},
  };
  // Every saved session without its per-second series (API.md: the list's length is the count
  // this field used to be). All are measured by the phone: "phone" from its motion, "tap" from the
  // runner's taps.
  nlohmann::json sessions = nlohmann::json::array();
  for (const CadenceSession& s : model.cadence_sessions)
    sessions.push_back({{"id", s.id}, {"date", FormatDate(s.date)}, {"duration_s", s.duration_s},
                        {"mean_spm", s.mean_spm}, {"time_in_band_s", s.time_in_band_s},
                        {"source", s.tapped ? "tap" : "phone"}});
  out["sessions"] = std::move(sessions);
  std::string message = meter.Message(sensor);
  if (!message.empty()) out["message"] = message;
  if (personal_target)
    out["personal_target"] = {{"baseline_spm", std::round(personal_target->baseline_spm * 10) / 10},
                              {"low_spm", personal_target->low_spm},
                              {"high_spm", personal_target->high_spm},
                              {"session_ids", personal_target->session_ids}};
  return out;
}

}  // namespace sw
