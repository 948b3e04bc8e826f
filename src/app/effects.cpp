// Carries out what core's Apply() asked for: the app's only decisions are how, never whether.
// Also the file picker's flow, whose answers go back into core as actions (backup_file_*).
#include <type_traits>

#include "app.hpp"
#include "core/storage/backup_file.hpp"
#include "platform/activity_import.hpp"
#include "platform/files.hpp"
#include "platform/motion.hpp"
#include "platform/platform.hpp"

namespace sw {

void App::Carry(std::vector<Effect>& effects, const ActionContext& context) {
  for (Effect& effect : effects) {
    std::visit(
        [&](auto& e) {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, DownloadFile>) {
            platform::DownloadText(e.name, e.mime, e.text);
          } else if constexpr (std::is_same_v<T, Speak>) {
            platform::Speak(e.text);
          } else if constexpr (std::is_same_v<T, Announce>) {
            platform::Announce(e.text);
          } else if constexpr (std::is_same_v<T, SetMetronome>) {
            if (e.bpm > 0) platform::MetronomeStart(e.bpm);
            else platform::MetronomeStop();
          } else if constexpr (std::is_same_v<T, SetMotionSensor>) {
            if (e.on) platform::MotionStart(), platform::WakeLockAcquire();
            else platform::MotionStop(), platform::WakeLockRelease();
          } else if constexpr (std::is_same_v<T, PickBackupFile>) {
            PickBackup();
          } else if constexpr (std::is_same_v<T, RetryStorage>) {
            storage_.RetryNow();
          } else if constexpr (std::is_same_v<T, PickImportFiles>) {
            platform::PickImportFiles();
          } else if constexpr (std::is_same_v<T, CancelImportRead>) {
            platform::CancelImportRead();
          } else if constexpr (std::is_same_v<T, SaveChange>) {
            storage_.OnModelChanged(e.replay, context, e.created_id);
          }
        },
        effect);
  }
}

// Refused at once from its size and first bytes (core's CheckBackupFileStart); otherwise parsed in
// a worker (the page stays responsive), decoded here a slice at a time, then core asks "Replace?".
void App::PickBackup() {
  auto check = [this](const std::string& name, double size, const std::string& head) {
    std::string refused = CheckBackupFileStart(name, std::uint64_t(size), head);
    if (refused.empty()) Dispatch(Action(nlohmann::json{{"type", "backup_file_opened"}, {"name", name}}));
    return refused;
  };
  platform::PickBackupFile(".json,application/json", kBackupHeadBytes, check, [this](platform::PickedBackup picked) {
    if (!picked.ok) {
      Dispatch(Action(nlohmann::json{
          {"type", "backup_file_read"}, {"name", picked.name}, {"error", picked.error}, {"refused", picked.refused}}));
      return;
    }
    unpacking_ = std::make_unique<BackupUnpacker>(std::move(picked.packed));
    unpacking_name_ = picked.name;
    UnpackSlice(++unpack_generation_);
  });
}

// Decodes the picked backup's parts for a few milliseconds, then yields to the page (a task of
// its own each time), until the model is whole.
void App::UnpackSlice(unsigned generation) {
  constexpr double kSliceMs = 8;
  if (generation != unpack_generation_ || !unpacking_) return;
  double start = platform::NowMs();
  do unpacking_->Step();
  while (!unpacking_->Done() && platform::NowMs() - start < kSliceMs);
  if (!unpacking_->Done()) {
    platform::CallAfter(0, [this, generation] { UnpackSlice(generation); });
    return;
  }
  ParsedBackup backup = unpacking_->Finish();
  unpacking_.reset();
  Action read(nlohmann::json{{"type", "backup_file_read"}, {"name", unpacking_name_}});
  if (backup.ok) read.model = std::make_shared<const Model>(std::move(backup.model));
  else read.fields["error"] = backup.error;
  Dispatch(read);
}

}  // namespace sw
