#pragma once
// The one vocabulary of change. Every change a runner, the page API, the sensor pump or storage
// makes is an Action that core's Apply() (actions.hpp) applies; what the app must then do outside
// the state comes back as Effects in the result.
//
// Why JSON with a small typed envelope, not one C++ struct per action: two of the three sources
// speak JSON already (the page API, and the rebase log, which must re-apply an action exactly as
// it was given), and every handler reads its fields through one FieldReader that words each
// field's error once. Typed structs would be a second copy of ~35 schemas to keep in step with
// their JSON converters. What JSON cannot carry cheaply rides beside it, typed: a model already
// decoded (storage's load, a picked backup) and a batch of motion samples.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cadence/motion_sample.hpp"
#include "core/model/model.hpp"

namespace sw {

struct Action {
  nlohmann::json fields;  // {"type": "...", ...}: the page API's words (API.md)
  // load_stored, backup_file_read, import_backup {prepared: true}: a model decoded off the door.
  std::shared_ptr<const Model> model;
  // cadence_tick: the samples the sensor bridge delivered since the last tick.
  std::vector<MotionSample> samples;

  Action() = default;
  explicit Action(nlohmann::json f) : fields(std::move(f)) {}
  std::string Type() const;
};

// --- Effects: what the app carries out, in order, after Apply() ---------------------------------
struct DownloadFile {  // a file for the runner (share sheet on phones, a download elsewhere)
  std::string name, mime, text;
};
struct Speak {
  std::string text;
};
// Said by screen readers only (the page's polite live region): the cadence readout at the voice
// feedback's pace while the voice itself is off, so it is never said twice.
struct Announce {
  std::string text;
};
struct SetMetronome {
  double bpm = 0;  // 0: silent
};
struct SetMotionSensor {  // the sensor bridge and the screen wake lock, on or off together
  bool on = false;
};
struct PickBackupFile {};  // open the file picker; the bridge answers with backup_file_* actions
struct RetryStorage {};
struct PickImportFiles {};   // the file picker for activity files (several at once)
struct CancelImportRead {};  // stop the import worker    // the storage notice's "Try again"
// The model changed: write it. `replay` is what a rebase re-applies on top of another tab's
// newer data (the action itself, or what it amounted to: a confirmed import's decoded model).
struct SaveChange {
  Action replay;
  std::optional<std::int64_t> created_id;
};
using Effect = std::variant<DownloadFile, Speak, Announce, SetMetronome, SetMotionSensor, PickBackupFile, RetryStorage,
                            PickImportFiles, CancelImportRead, SaveChange>;

}  // namespace sw
