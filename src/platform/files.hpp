#pragma once
// Files the runner takes out of or brings into the app: downloads (backups, CSV) and a file
// picker. The picked file's text arrives through the callback on a later frame.
#include <functional>
#include <string>

namespace sw::platform {

void DownloadText(const std::string& filename, const std::string& mime_type, const std::string& text);
// Opens the system file picker (must be called from a tap); `picked(ok, name, text_or_error)`.
void PickTextFile(const std::string& accept, std::function<void(bool ok, std::string name, std::string text)> picked);
void FilesDrain();

}  // namespace sw::platform
