#pragma once
// Activity files coming in (FIT, GPX, TCX, CSV, a Strava export zip): from the picker, dropped on
// the page, shared to the installed app (Web Share Target) or handed over by the page API's
// import_files. The web build reads them in a Web Worker (web/import_worker.js, running core's
// import readers) and tells the app what happens as core actions, as JSON text:
//   import_reading {total, confirm?}  files were handed over and are being read
//   import_progress {done}            files read so far
//   import_read {activities, failed}  what the readers found (a worker failure: one entry in failed)
#include <functional>
#include <string>

namespace sw::platform {

// `on_action` applies one of those actions and returns core's result as dispatch() JSON.
// Setting it also installs the page's drop target and takes in files shared to the app.
void SetImportListener(std::function<std::string(const std::string& action_json)> on_action);
// Opens the system picker for several activity files (must be called from a tap).
void PickImportFiles();
// Stops the worker of the import being read; its answer never comes.
void CancelImportRead();

}  // namespace sw::platform
