// libFuzzer target over the import path: ParseBackup, the import_backup action and (when the
// input happens to be a JSON object) any action through Apply(). Invariants checked:
//  - nothing crashes, leaks, or trips ASan/UBSan;
//  - an accepted backup re-exports to text that parses back to the same model;
//  - a rejected action leaves the state exactly as it was.
// Build and run: tests/fuzz/run_fuzz.sh [runs]
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/actions.hpp"
#include "core/backup.hpp"
#include "core/dates.hpp"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

sw::AppState StartState() {
  sw::AppState state;
  sw::ActionContext context;
  context.today = *sw::ParseDate("2026-03-10");
  sw::Apply(state, {{"type", "add_shoe"}, {"name", "Daily"}}, context);
  sw::Apply(state, {{"type", "add_run"}, {"date", "2026-03-09"}, {"distance_m", 5000}}, context);
  return state;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sw::AppState kStart = StartState();
  sw::ActionContext context;
  context.today = *sw::ParseDate("2026-03-10");
  std::string text(reinterpret_cast<const char*>(data), size);

  sw::ParsedBackup backup = sw::ParseBackup(text);
  if (backup.ok) {
    sw::ParsedBackup again = sw::ParseBackup(sw::ExportBackup(backup.model, false));
    Require(again.ok && again.model == backup.model);
  }

  sw::AppState state = kStart;
  sw::ActionResult result = sw::Apply(state, {{"type", "import_backup"}, {"json", text}, {"confirm", true}}, context);
  Require(result.ok == backup.ok);
  Require(result.ok ? state.model == backup.model : state.model == kStart.model);

  nlohmann::json action = nlohmann::json::parse(text, nullptr, false);
  if (action.is_object()) {
    sw::AppState other = kStart;
    sw::ActionResult r = sw::Apply(other, action, context);
    if (!r.ok) Require(other.model == kStart.model && other.model_revision == kStart.model_revision);
  }
  return 0;
}
