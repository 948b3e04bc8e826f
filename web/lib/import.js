// Activity files into the app (platform/activity_import.hpp): the picker (several files), files
// dropped on the page, files shared to the installed app (sw.js keeps a Web Share Target POST in
// a cache and opens ?share-target), and the page API's import_files. All four take one path:
// import_reading goes to core first (which refuses a second import while one reads), then a worker
// (web/import_worker.js) reads the files off the page's thread and its progress and answer go to
// core as import_progress and import_read. The worker is fetched only now, on the first import.
mergeInto(LibraryManager.library, {
  $SwImport__deps: ['sw_import_event', 'malloc', 'free'],
  $SwImport: {
    worker: null,
    ACCEPT: '.fit,.gpx,.tcx,.csv,.zip,.gz,application/gzip,application/zip,text/csv,application/gpx+xml,' +
            'application/vnd.garmin.tcx+xml,application/octet-stream',
    // Hands `action` (an object, or JSON text for the big answer) to core; core's result object.
    send: function (action) {
      var text = typeof action === 'string' ? action : JSON.stringify(action);
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      if (!ptr) return { ok: false, error: 'There is not enough memory to take these files in.' };
      stringToUTF8(text, ptr, size);
      return JSON.parse(UTF8ToString(_sw_import_event(ptr)));  // ptr is taken
    },
    // files: File objects or {name, bytes: ArrayBuffer}. Returns core's answer to import_reading.
    start: function (files, confirm) {
      var reading = SwImport.send({ type: 'import_reading', total: files.length, confirm: !!confirm });
      if (!reading.ok) return reading;
      var worker;
      try {
        worker = new Worker('import_worker.js');
      } catch (error) {
        SwImport.fail('The file reader could not start (' + error.message + '), so nothing was imported.');
        return reading;
      }
      SwImport.worker = worker;
      worker.onmessage = function (event) {
        if (SwImport.worker !== worker) return;  // cancelled meanwhile
        var reply = event.data || {};
        if (reply.type === 'progress') {
          SwImport.send({ type: 'import_progress', done: reply.done, total: reply.total });
          return;
        }
        worker.terminate();
        SwImport.worker = null;
        if (reply.type !== 'done') {
          SwImport.fail(reply.error || 'The file reader gave no answer, so nothing was imported.');
          return;
        }
        // One batch per task, so the page draws frames between them (two thousand activities
        // taken in at once held it for most of a second).
        var batches = reply.json;
        var api = window.stridewise || {};
        var next = function (i) {
          if (SwImport.worker) return;  // a new import started meanwhile: this one is over
          SwImport.send(batches[i]);
          api._importBatchesLeft = batches.length - i - 1;  // the benchmark's cheap "all taken in"
          if (i + 1 < batches.length) setTimeout(function () { next(i + 1); }, 0);
        };
        next(0);
      };
      worker.onerror = function (event) {
        event.preventDefault();
        if (SwImport.worker !== worker) return;
        worker.terminate();
        SwImport.worker = null;
        SwImport.fail('The file reader failed (' + (event.message || 'it could not start') + '), so nothing was imported.');
      };
      worker.postMessage({ files: files });
      return reading;
    },
    fail: function (message) {
      SwImport.send({ type: 'import_read', activities: [], failed: [{ name: 'the files', error: message }] });
    },
    // The page API: {type: 'import_files', files: [{name, base64}], confirm?}.
    fromApi: function (action) {
      var files = action.files;
      if (!Array.isArray(files) || files.length === 0)
        return { ok: false, error: 'import_files: "files" must list at least one {name, base64}.', field: 'files' };
      var decoded = [];
      for (var i = 0; i < files.length; ++i) {
        var f = files[i];
        if (!f || typeof f.name !== 'string' || !f.name || typeof f.base64 !== 'string')
          return { ok: false, error: 'import_files: files[' + i + '] must be {name, base64} (two texts).', field: 'files' };
        var binary;
        try {
          binary = atob(f.base64);
        } catch (error) {
          return { ok: false, error: 'import_files: files[' + i + '].base64 is not base64 text.', field: 'files' };
        }
        var bytes = new Uint8Array(binary.length);
        for (var j = 0; j < binary.length; ++j) bytes[j] = binary.charCodeAt(j);
        decoded.push({ name: f.name, bytes: bytes.buffer });
      }
      if (action.confirm !== undefined && typeof action.confirm !== 'boolean')
        return { ok: false, error: 'import_files: "confirm" must be true or false.', field: 'confirm' };
      return SwImport.start(decoded, action.confirm === true);
    },
    // Files a Web Share Target POST brought (sw.js kept them in this cache, one entry each).
    takeShared: function () {
      if (!/[?&]share-target\b/.test(location.search) || !window.caches) return;
      history.replaceState(null, '', location.pathname);  // a reload does not import them again
      caches.open('stridewise-shared').then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            return cache.match(request).then(function (response) {
              var name = decodeURIComponent(response.headers.get('X-File-Name') || 'shared file');
              return response.arrayBuffer().then(function (bytes) {
                cache.delete(request);
                return { name: name, bytes: bytes };
              });
            });
          }));
        });
      }).then(function (files) {
        if (files.length) SwImport.start(files, false);
      }).catch(function (error) {
        console.warn('Shared files could not be taken in: ' + error.message);
      });
    },
  },

  sw_import_install__deps: ['$SwImport'],
  sw_import_install: function () {
    // Files dragged onto the page (a desktop): the drop is ours, not the browser's "open file".
    var hasFiles = function (event) {
      return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0;
    };
    document.addEventListener('dragover', function (event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    document.addEventListener('drop', function (event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      var files = Array.prototype.slice.call(event.dataTransfer.files || []);
      if (files.length) SwImport.start(files, false);
    });
    SwImport.takeShared();
    var api = window.stridewise || (window.stridewise = {});
    api._importFiles = SwImport.fromApi;  // automation.js routes import_files here
  },

  sw_import_pick__deps: ['$SwImport'],
  sw_import_pick: function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = SwImport.ACCEPT;
    input.style.display = 'none';
    var onChange = function () {
      input.removeEventListener('change', onChange);
      var files = Array.prototype.slice.call(input.files || []);
      document.body.removeChild(input);
      if (files.length) SwImport.start(files, false);
    };
    input.addEventListener('change', onChange);
    document.body.appendChild(input);
    input.click();
  },

  sw_import_cancel__deps: ['$SwImport'],
  sw_import_cancel: function () {
    if (SwImport.worker) SwImport.worker.terminate();
    SwImport.worker = null;
  },
});
