// IndexedDB bridge. One database "stridewise": store "docs" holds text documents by key, store
// "revs" one marker per committed revision. A write is one readwrite transaction, issued in
// full within the same JavaScript task (so a reload right after cannot catch it half-built):
// it add()s the marker of its new revision - add() fails if another tab already took that
// revision, which aborts the whole transaction, a compare-and-swap without a read - then puts
// its documents and asks to commit. It counts as saved only on the `complete` event. Other
// tabs hear about each commit on a BroadcastChannel.
// Results go back to C++ through the sw_storage_* entry points, which queue them for the next frame.
mergeInto(LibraryManager.library, {
  $SwStorage: {
    dbPromise: null,
    channel: null,
    onMessage: null,
    open: function () {
      if (SwStorage.dbPromise) return SwStorage.dbPromise;
      SwStorage.dbPromise = new Promise(function (resolve, reject) {
        if (!window.indexedDB) { reject(new Error('This browser has no IndexedDB (private mode?)')); return; }
        var request = indexedDB.open('stridewise', 2);
        request.onupgradeneeded = function () {
          var db = request.result;
          if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs');
          if (!db.objectStoreNames.contains('revs')) db.createObjectStore('revs');
        };
        request.onsuccess = function () {
          var db = request.result;
          // Another tab upgrading the schema: let it, and reopen on the next use.
          db.onversionchange = function () { db.close(); SwStorage.dbPromise = null; };
          resolve(db);
        };
        request.onerror = function () { reject(request.error || new Error('IndexedDB could not be opened')); };
        request.onblocked = function () { reject(new Error('IndexedDB is blocked by another tab')); };
      });
      SwStorage.dbPromise.catch(function () { SwStorage.dbPromise = null; });
      return SwStorage.dbPromise;
    },
    cstr: function (text) {  // malloc'd UTF-8 copy; the C++ side frees it
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    },
    message: function (error) {
      if (!error) return 'unknown storage error';
      if (error.name === 'QuotaExceededError') return 'the device storage is full (quota exceeded)';
      return (error.name ? error.name + ': ' : '') + (error.message || String(error));
    },
  },

  sw_storage_load_all__deps: ['$SwStorage', 'sw_storage_loaded_doc', 'sw_storage_load_done', 'malloc'],
  sw_storage_load_all: function (request_id) {
    SwStorage.open().then(function (db) {
      var tx = db.transaction(['docs', 'revs'], 'readonly');
      var store = tx.objectStore('docs');
      var keys = store.getAllKeys();
      var values = store.getAll();
      var latest = tx.objectStore('revs').openKeyCursor(null, 'prev');
      tx.oncomplete = function () {
        if (latest.result) _sw_storage_loaded_doc(request_id, SwStorage.cstr('rev'), SwStorage.cstr(String(latest.result.key)));
        for (var i = 0; i < keys.result.length; i++) {
          var value = values.result[i];
          // Anything that is not text (a foreign or damaged record) is handed over as JSON
          // text so the C++ side can keep it aside rather than lose it.
          if (typeof value !== 'string') {
            try { value = JSON.stringify(value); } catch (e) { value = String(value); }
          }
          if (keys.result[i] === 'rev') continue;  // revisions live in "revs"
          _sw_storage_loaded_doc(request_id, SwStorage.cstr(String(keys.result[i])), SwStorage.cstr(value));
        }
        _sw_storage_load_done(request_id, 1, 0);
      };
      tx.onerror = tx.onabort = function () {
        _sw_storage_load_done(request_id, 0, SwStorage.cstr(SwStorage.message(tx.error)));
      };
    }, function (error) {
      _sw_storage_load_done(request_id, 0, SwStorage.cstr(SwStorage.message(error)));
    });
  },

  // ops_json: {"expect_rev": n|null, "rev": n, "put": {key: text}, "delete": [key]}; rev equal to
  // expect_rev means "no new revision" (keeping damaged data aside).
  sw_storage_write__deps: ['$SwStorage', 'sw_storage_write_done', 'malloc'],
  sw_storage_write: function (request_id, ops_ptr) {
    var ops = JSON.parse(UTF8ToString(ops_ptr));
    SwStorage.open().then(function (db) {
      var tx = db.transaction(['docs', 'revs'], 'readwrite', { durability: 'strict' });
      var store = tx.objectStore('docs');
      var conflict = false;
      if (ops.rev !== ops.expect_rev) {
        var revs = tx.objectStore('revs');
        var marker = revs.add(Date.now(), ops.rev);
        marker.onerror = function (event) {
          // ConstraintError: that revision is taken - another tab wrote first. Nothing of ours lands.
          if (marker.error && marker.error.name === 'ConstraintError') conflict = true;
        };
        // Old markers are only needed by tabs that are that far behind; they reload anyway.
        if (ops.rev > 1000) revs.delete(IDBKeyRange.upperBound(ops.rev - 1000));
        // A tab that loaded an empty store expects no revision at all: revision 1 must be free.
      }
      for (var key in ops.put) store.put(ops.put[key], key);
      (ops.delete || []).forEach(function (key) { store.delete(key); });
      if (tx.commit) tx.commit();  // everything is queued: ask for the commit now
      tx.oncomplete = function () {
        _sw_storage_write_done(request_id, 1, 0, 0);
        if (SwStorage.channel) SwStorage.channel.postMessage({ rev: ops.rev });
      };
      // A failed request (the marker's ConstraintError, quota) aborts the transaction: report it
      // once, from onabort. Never preventDefault() here: that would commit the rest.
      tx.onabort = function () {
        if (conflict) _sw_storage_write_done(request_id, 0, 1, 0);
        else _sw_storage_write_done(request_id, 0, 0, SwStorage.cstr(SwStorage.message(tx.error)));
      };
    }, function (error) {
      _sw_storage_write_done(request_id, 0, 0, SwStorage.cstr(SwStorage.message(error)));
    });
  },

  sw_storage_watch__deps: ['$SwStorage', 'sw_storage_external_change'],
  sw_storage_watch: function () {
    if (SwStorage.channel || typeof BroadcastChannel === 'undefined') return;
    SwStorage.channel = new BroadcastChannel('stridewise-storage');
    SwStorage.onMessage = function () { _sw_storage_external_change(); };
    SwStorage.channel.addEventListener('message', SwStorage.onMessage);
  },

  sw_storage_unwatch__deps: ['$SwStorage'],
  sw_storage_unwatch: function () {
    if (!SwStorage.channel) return;
    SwStorage.channel.removeEventListener('message', SwStorage.onMessage);
    SwStorage.channel.close();
    SwStorage.channel = null;
  },

  sw_storage_request_persist__deps: ['sw_storage_persist_result'],
  sw_storage_request_persist: function () {
    if (!navigator.storage || !navigator.storage.persist) { _sw_storage_persist_result(0, 0); return; }
    navigator.storage.persist().then(function (granted) { _sw_storage_persist_result(1, granted ? 1 : 0); },
                                     function () { _sw_storage_persist_result(1, 0); });
  },
});
