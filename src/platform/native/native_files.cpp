// Native builds have no downloads or file picker (the CLI reads and writes files itself).
#include "platform/files.hpp"

namespace sw::platform {
void DownloadText(const std::string&, const std::string&, const std::string&) {}
void PickTextFile(const std::string&, std::function<void(bool, std::string, std::string)> picked) {
  picked(false, {}, "no file picker in the native build");
}
void PickBackupFile(const std::string&, std::size_t, BackupCheck, std::function<void(PickedBackup)> done) {
  PickedBackup none;
  none.error = "no file picker in the native build";
  done(std::move(none));
}
void FilesDrain() {}
}  // namespace sw::platform
