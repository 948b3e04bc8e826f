// Fills in window.stridewise (created by boot.js with its `ready` promise) once the app runs.
mergeInto(LibraryManager.library, {
  sw_automation_install__deps: ['sw_api_state', 'sw_api_dispatch', 'malloc', 'free'],
  sw_automation_install: function () {
    var api = window.stridewise || (window.stridewise = {});
    api.state = function () {
      return JSON.parse(UTF8ToString(_sw_api_state()));
    };
    api.dispatch = function (action) {
      var text;
      try {
        text = JSON.stringify(action);
      } catch (e) {
        return { ok: false, error: 'The action could not be turned into JSON: ' + e.message };
      }
      if (text === undefined) return { ok: false, error: 'An action must be a JSON object with a "type".' };
      // Files take the picker's path (web/lib/import.js): read in a worker, not through here.
      if (action && action.type === 'import_files' && api._importFiles) return api._importFiles(action);
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      var result = UTF8ToString(_sw_api_dispatch(ptr));
      _free(ptr);
      return JSON.parse(result);
    };
  },
  sw_automation_ready: function () {
    if (window.stridewise && window.stridewise._resolveReady) window.stridewise._resolveReady();
  },
});
