// Downloads and the file picker. A download is a Blob behind a temporary <a download> (on a phone,
// the system share sheet where it takes files); the
// picker is a temporary <input type=file>. A text file is read as text and handed to C++
// (queued there); a backup to restore is checked from its size and first bytes, then read and
// parsed by web/backup_worker.js off the page's thread.
mergeInto(LibraryManager.library, {
  $swFilesCString__deps: ['malloc'],
  $swFilesCString: function (text) {
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },

  // A heap copy of `bytes` (a Uint8Array), for C++ to take and free; 0 when the heap is full.
  $swFilesHeapBytes__deps: ['malloc'],
  $swFilesHeapBytes: function (bytes) {
    var ptr = _malloc(bytes.length || 1);
    if (ptr) HEAPU8.set(bytes, ptr);
    return ptr;
  },

  // Opens the system picker; `onFile(file)` once one is picked (nothing when cancelled).
  $swFilesPickOne: function (accept, onFile) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    var onChange = function () {
      input.removeEventListener('change', onChange);
      var file = input.files && input.files[0];
      document.body.removeChild(input);
      if (file) onFile(file);
    };
    input.addEventListener('change', onChange);
    document.body.appendChild(input);
    input.click();
  },

  sw_files_download: function (name_ptr, mime_ptr, text_ptr) {
    var name = UTF8ToString(name_ptr), type = UTF8ToString(mime_ptr);
    var file = new File([UTF8ToString(text_ptr)], name, { type: type });
    var download = function () {
      var url = URL.createObjectURL(file);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    };
    // On a phone the system share sheet is where a file goes (Drive, Files, mail, a message);
    // elsewhere, or where sharing files is not offered or fails, the file downloads. Cancelling
    // the sheet is the runner's choice: nothing else happens then.
    var phone = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
    if (phone && navigator.share && navigator.canShare && navigator.canShare({ files: [file] })) {
      navigator.share({ files: [file], title: name }).catch(function (error) {
        if (!error || error.name !== 'AbortError') download();
      });
      return;
    }
    download();
  },


  sw_files_pick__deps: ['sw_files_picked', '$swFilesPickOne', '$swFilesCString'],
  sw_files_pick: function (request_id, accept_ptr) {
    swFilesPickOne(UTF8ToString(accept_ptr), function (file) {
      file.text().then(function (text) {
        _sw_files_picked(request_id, 1, swFilesCString(file.name), swFilesCString(text));
      }, function (error) {
        _sw_files_picked(request_id, 0, swFilesCString(file.name), swFilesCString('the file could not be read: ' + error.message));
      });
    });
  },

  // A backup to restore. Only the first `head_bytes` are read on the page, and C++ decides from
  // them and the size (sw_files_backup_head) whether to go on; the whole file then goes to a
  // worker (the File object, not its bytes: the worker reads it), which parses it with core's
  // ParseBackup and answers with the packed parts, transferred, not copied. C++ sets room aside
  // for them (sw_files_backup_room) and takes them a slice per task: the page never stops for it.
  sw_files_pick_backup__deps: ['sw_files_backup_head', 'sw_files_backup_failed', 'sw_files_backup_room',
                               'sw_files_backup_append', 'sw_files_backup_filled', '$swFilesPickOne',
                               '$swFilesCString', '$swFilesHeapBytes'],
  sw_files_pick_backup: function (request_id, accept_ptr, head_bytes) {
    var SLICE_BYTES = 2 * 1024 * 1024;
    swFilesPickOne(UTF8ToString(accept_ptr), function (file) {
      var fail = function (message) {
        _sw_files_backup_failed(request_id, swFilesCString(file.name), swFilesCString(message));
      };
      var handOver = function (packed) {
        var noRoom = 'There is not enough memory to restore this backup, so nothing was imported.';
        if (!_sw_files_backup_room(request_id, packed.length)) return fail(noRoom);
        var at = 0;
        var handSlice = function () {
          var end = Math.min(at + SLICE_BYTES, packed.length);
          var ptr = swFilesHeapBytes(packed.subarray(at, end));
          if (!ptr) return fail(noRoom);
          _sw_files_backup_append(request_id, ptr, end - at);
          at = end;
          if (at < packed.length) setTimeout(handSlice, 0);
          else _sw_files_backup_filled(request_id, swFilesCString(file.name));
        };
        setTimeout(handSlice, 0);
      };
      file.slice(0, head_bytes).arrayBuffer().then(function (head) {
        var bytes = new Uint8Array(head);
        var ptr = swFilesHeapBytes(bytes);
        if (!_sw_files_backup_head(request_id, swFilesCString(file.name), file.size, ptr, ptr ? bytes.length : 0)) return;
        var worker;
        try {
          worker = new Worker('backup_worker.js');
        } catch (error) {
          fail('The backup reader could not start (' + error.message + '), so nothing was imported.');
          return;
        }
        worker.onmessage = function (event) {
          worker.terminate();
          var reply = event.data;
          if (reply && reply.ok) handOver(new Uint8Array(reply.packed));
          else fail(reply && reply.error ? reply.error : 'The backup reader gave no answer, so nothing was imported.');
        };
        worker.onerror = function (event) {
          event.preventDefault();
          worker.terminate();
          fail('The backup reader failed (' + (event.message || 'it could not start') + '), so nothing was imported.');
        };
        worker.postMessage({ file: file });
      }, function (error) {
        fail('The file could not be read (' + error.message + '), so nothing was imported.');
      });
    });
  },
});
