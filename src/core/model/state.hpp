#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/cadence/cadence_meter.hpp"
#include "core/cadence/motion_sample.hpp"
#include "core/import/import_review.hpp"
#include "core/model/model.hpp"
#include "core/model/screen.hpp"
#include "core/storage/damaged_document.hpp"

namespace sw {

// A checked backup waiting for the runner's "Replace?" (import_confirm / import_cancel).
struct PendingImport {
  std::shared_ptr<const Model> model;
  std::string message;  // the question, with both sides' counts
};

// The whole app state that actions change: the runner's model (saved) and this tab's session
// (what the UI shows and does: never saved).
struct AppState {
  Model model;
  // Bumped by every accepted action that changed the model, and by storage's load: storage
  // persists on change, derived summaries are memoised on it.
  unsigned long long model_revision = 0;

  Screen screen = Screen::Home;
  CadenceMeter cadence;  // the live measurement (cadence_* actions): not saved
  std::optional<PendingImport> pending_import;
  import::ImportSession import;  // runs coming in from watch and app files (import_* actions)
  // The last import/export outcome, in plain words; `failed` when it says nothing was done (a file
  // refused or unreadable), which Settings draws as an error rather than a quiet caption.
  struct Notice {
    std::string text;
    bool failed = false;
  } notice;
  // Cadence sessions whose per-second series is stored but not read yet: storage reads the
  // series after the first frame (load_series), since nothing on the first screen draws them.
  // Until then those sessions hold an empty series that stands for "unread", never for "none":
  // storage never writes it over the stored one, and a backup waits for it.
  std::set<Id> unread_series;
  // export_backup was asked for while series were unread: the app asks again once they are in.
  bool backup_waiting = false;
};

// Ids a tab may hand out. Two open tabs can each add a run before either hears of the other's,
// so each tab holds its own slot (web/storage_preload.js takes it with a Web Lock) and gives out
// only the ids of its residue class: ids stay unique across tabs, and a rebase that re-applies an
// action can give it back the very id the runner (or the page API) was told.
struct IdSpace {
  int slots = 1;  // ids are handed out in steps of `slots`...
  int slot = 0;   // ...those with (id - 1) % slots == slot
};

// What an action may read from outside the state: "today" comes from the browser clock.
struct ActionContext {
  std::chrono::year_month_day today{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}};
  IdSpace ids;
  // Set when a rebase re-applies an action that created a record: the id it was given first.
  std::optional<std::int64_t> reuse_id;
  // performance.now() in ms: the cadence meter's clock (injected, so tests drive it).
  double now_ms = 0;
  // The sensor bridge as it is now (cadence actions and the meter's state read it).
  SensorStatus sensor;
  // Documents storage found unreadable and kept aside (export_damaged writes them out).
  const std::vector<KeptAside>* kept_aside = nullptr;
};

}  // namespace sw
