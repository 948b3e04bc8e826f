// Native builds import through the CLI (`stridewise import FILE...`): no picker, no worker.
#include "platform/activity_import.hpp"

namespace sw::platform {
void SetImportListener(std::function<std::string(const std::string&)>) {}
void PickImportFiles() {}
void CancelImportRead() {}
}  // namespace sw::platform
