#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/model/model.hpp"
#include "core/model/screen.hpp"

namespace sw {

// The whole app state that actions change: the model plus what the UI shows.
struct AppState {
  Model model;
  Screen screen = Screen::Home;
  // Bumped by every accepted action that changed the model: storage persists on change.
  unsigned long long model_revision = 0;
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
  // import_backup {confirm: true, prepared: true}: a picked backup already parsed and checked off
  // the page's thread (backup_file.hpp), so the action replaces the model without parsing again.
  std::shared_ptr<const Model> prepared_import;
};

}  // namespace sw
