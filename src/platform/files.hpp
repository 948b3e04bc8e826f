#pragma once
// Files the runner takes out of or brings into the app: downloads (backups, CSV) and a file
// picker. The picked file's text arrives through the callback on a later frame.
#include <cstddef>
#include <functional>
#include <string>

namespace sw::platform {

void DownloadText(const std::string& filename, const std::string& mime_type, const std::string& text);
// Opens the system file picker (must be called from a tap); `picked(ok, name, text_or_error)`.
void PickTextFile(const std::string& accept, std::function<void(bool ok, std::string name, std::string text)> picked);
// Restoring a backup, without holding up the page. Opens the picker (from a tap); as soon as a
// file is picked, `check(name, size, first_bytes)` gets its size and first `head_bytes` and
// returns "" to go on or why it is refused; a refused file is read no further. Otherwise the
// file is read and parsed off the page's thread (web: a Web Worker running core's ParseBackup
// and PackBackup, src/worker/), and `done` gets on a later frame either ok with the packed
// parts (core's backup_file.hpp) or the reason, naming the file.
struct PickedBackup {
  bool ok = false;
  std::string name;
  bool refused = false;  // by `check`: `error` is its message
  std::string error;     // !ok: in plain words
  std::string packed;    // ok: PackBackup's buffer
};
using BackupCheck = std::function<std::string(const std::string& name, double size, const std::string& head)>;
void PickBackupFile(const std::string& accept, std::size_t head_bytes, BackupCheck check,
                    std::function<void(PickedBackup)> done);
void FilesDrain();

}  // namespace sw::platform
