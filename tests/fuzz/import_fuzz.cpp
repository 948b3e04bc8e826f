// libFuzzer target over the import paths: ParseBackup, the import_backup action, (when the
// input happens to be a JSON object) any action through Apply(), and the input as one stored part
// of an otherwise intact store (DecodeStore). Invariants checked:
//  - nothing crashes, leaks, or trips ASan/UBSan;
//  - an accepted backup re-exports to text that parses back to the same model;
//  - a rejected action leaves the state exactly as it was;
//  - a store loads a valid model that survives being written and read back, and every part it
//    cannot read is reported with its bytes as found.
// Build and run: tests/fuzz/run_fuzz.sh [runs]
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <map>
#include <string>

#include "core/actions/actions.hpp"
#include "core/storage/backup.hpp"
#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"
#include "core/storage/storage_codec.hpp"

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

  static const std::map<std::string, std::string> kStore = [] {
    std::map<std::string, std::string> docs = sw::EncodeStoreChanges(nullptr, kStart.model).put;
    docs["cadence/90"] = R"({"schema":3,"app":"stridewise","cadence_sessions":[{"id":90,"date":"2026-03-08"}]})";
    docs["series/90"] = std::string(8, '\0');
    return docs;
  }();
  static const char* kKeys[] = {"settings", "shoes", "runs/2026", "pain", "strength", "cadence/90", "series/90", "model"};
  if (size > 0) {
    auto docs = kStore;
    docs[kKeys[data[0] % std::size(kKeys)]] = text.substr(1);
    sw::DecodedStore decoded = sw::DecodeStore(docs);
    std::string error;
    Require(sw::ValidateModel(decoded.model, error));
    for (const sw::DamagedDocument& d : decoded.damaged) Require(docs.count(d.key) && docs[d.key] == d.text);
    auto written = sw::EncodeStoreChanges(nullptr, decoded.model).put;
    sw::DecodedStore again = sw::DecodeStore(written);
    Require(again.damaged.empty() && again.model == decoded.model);
  }
  return 0;
}
