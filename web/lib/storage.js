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
    // The database is opened by web/storage_preload.js (loaded before the app), which also
    // started the first read; the connection is shared and dropped when another tab upgrades.
    preload: function () { return window.stridewiseStoragePreload; },
    keep: function (db) {
      db.onversionchange = function () { db.close(); SwStorage.dbPromise = null; };
      return db;
    },
    // `fresh`: an open that has not answered yet is given up (it may never answer) and a new one
    // is started; a settled connection is kept.
    dbSettled: false,
    open: function (fresh) {
      if (fresh && SwStorage.dbPromise && !SwStorage.dbSettled) SwStorage.dbPromise = null;
      if (!SwStorage.dbPromise) {
        var opening = SwStorage.preload().open().then(SwStorage.keep);
        SwStorage.dbPromise = opening;
        SwStorage.dbSettled = false;
        opening.then(function () { if (SwStorage.dbPromise === opening) SwStorage.dbSettled = true; },
                     function () { if (SwStorage.dbPromise === opening) SwStorage.dbPromise = null; });
      }
      return SwStorage.dbPromise;
    },
    cstr: function (text) {  // malloc'd UTF-8 copy; the C++ side frees it
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    },
    // A stored value as malloc'd bytes and their length: text as UTF-8, bytes as they are.
    // TextEncoder is native code; Emscripten's stringToUTF8 is a JavaScript loop (half a MB of
    // runs at start-up).
    encoder: null,
    decoder: null,
    bytes: function (value) {
      if (typeof value === 'string') value = (SwStorage.encoder || (SwStorage.encoder = new TextEncoder())).encode(value);
      var ptr = _malloc(value.length || 1);
      HEAPU8.set(value, ptr);
      return [ptr, value.length];
    },
    staged: {},  // request id -> {key: text or Uint8Array}, documents handed over before their write
    message: function (error) {
      if (!error) return 'unknown storage error';
      if (error.name === 'QuotaExceededError') return 'the device storage is full (quota exceeded)';
      return (error.name ? error.name + ': ' : '') + (error.message || String(error));
    },
  },

  sw_storage_load_all__deps: ['$SwStorage', 'sw_storage_loaded_doc', 'sw_storage_load_done', 'malloc'],
  // `skip_ptr` / `only_ptr`: a key prefix to leave out / to read alone ("" for none); see readAll
  // in web/storage_preload.js. Documents are handed over as they arrive, then load_done.
  sw_storage_load_all: function (request_id, fresh, skip_ptr, only_ptr) {
    var preload = SwStorage.preload();
    var scope = { skip: UTF8ToString(skip_ptr), only: UTF8ToString(only_ptr) };
    var hand_over = function (key, stored) {
      var value = SwStorage.bytes(stored);
      _sw_storage_loaded_doc(request_id, SwStorage.cstr(key), value[0], value[1]);
    };
    var hand_over_all = function (entries) { entries.forEach(function (entry) { hand_over(entry[0], entry[1]); }); };
    // The first load takes the read started while the app downloaded, if it read the same.
    var snapshot = !scope.only && scope.skip === preload.firstSkips ? preload.first : null;
    if (snapshot) preload.first = null;
    if (snapshot) {
      snapshot = snapshot.then(function (first) {
        if (!SwStorage.dbPromise) {
          SwStorage.dbPromise = Promise.resolve(SwStorage.keep(first.db));
          SwStorage.dbSettled = true;
        }
        return first;
      });
    } else {
      snapshot = SwStorage.open(!!fresh).then(function (db) {
        return preload.readAll(db, scope, scope.only ? hand_over_all : null);
      });
    }
    // The tab's id slot is known before the app can hand out an id (it takes milliseconds).
    var afterSlot = function (value) { return preload.slot.then(function () { return value; }, function () { return value; }); };
    snapshot = snapshot.then(afterSlot, function (error) { return afterSlot(null).then(function () { throw error; }); });
    snapshot.then(function (result) {
      if (result.rev !== null) hand_over('rev', result.rev);
      // The first read's second part (older years of runs): their keys now, as one more document
      // ("\u0001later", a name no stored document has); their text from sw_storage_load_later.
      if (result.later && result.later.length) hand_over('\u0001later', JSON.stringify(result.later));
      hand_over_all(result.entries);
      _sw_storage_load_done(request_id, 1, 0);
    }, function (error) {
      _sw_storage_load_done(request_id, 0, SwStorage.cstr(SwStorage.message(error)));
    });
  },

  sw_storage_load_later__deps: ['$SwStorage', 'sw_storage_loaded_doc', 'sw_storage_load_done', 'malloc'],
  // The second part of the first read (web/storage_preload.js: the same transaction), once.
  sw_storage_load_later: function (request_id) {
    var preload = SwStorage.preload();
    var later = preload.later || Promise.reject(new Error('the first read has no second part'));
    preload.later = null;
    later.then(function (part) {
      part.entries.forEach(function (entry) {
        var value = SwStorage.bytes(entry[1]);
        _sw_storage_loaded_doc(request_id, SwStorage.cstr(entry[0]), value[0], value[1]);
      });
      _sw_storage_load_done(request_id, 1, 0);
    }, function (error) {
      _sw_storage_load_done(request_id, 0, SwStorage.cstr(SwStorage.message(error)));
    });
  },

  // Bytes to store under `key` with the write `request_id` that follows (copied now).
  // Text to store under `key` with the write `request_id` that follows (decoded now).
  sw_storage_stage_text__deps: ['$SwStorage'],
  sw_storage_stage_text: function (request_id, key_ptr, data_ptr, size) {
    var staged = SwStorage.staged[request_id] || (SwStorage.staged[request_id] = {});
    SwStorage.decoder = SwStorage.decoder || new TextDecoder();
    staged[UTF8ToString(key_ptr)] = SwStorage.decoder.decode(HEAPU8.subarray(data_ptr, data_ptr + size));
  },

  sw_storage_stage_bytes__deps: ['$SwStorage'],
  sw_storage_stage_bytes: function (request_id, key_ptr, data_ptr, size) {
    var staged = SwStorage.staged[request_id] || (SwStorage.staged[request_id] = {});
    staged[UTF8ToString(key_ptr)] = HEAPU8.slice(data_ptr, data_ptr + size);
  },

  // ops_json: {"expect_rev": n|null, "rev": n, "delete": [key]}, plus the documents (text or
  // bytes) staged for this request; rev equal to expect_rev means "no new revision".
  sw_storage_write__deps: ['$SwStorage', 'sw_storage_write_done', 'malloc'],
  sw_storage_write: function (request_id, ops_ptr) {
    var ops = JSON.parse(UTF8ToString(ops_ptr));
    var staged = SwStorage.staged[request_id] || {};
    delete SwStorage.staged[request_id];
    SwStorage.open().then(function (db) {
      var tx = db.transaction(['docs', 'revs'], 'readwrite', { durability: 'strict' });
      var conflict = false, failure = null;
      tx.oncomplete = function () {
        _sw_storage_write_done(request_id, 1, 0, 0);
        if (SwStorage.channel) SwStorage.channel.postMessage({ rev: ops.rev });
      };
      // A failed request (the revision check, quota) aborts the transaction: report it once,
      // from onabort. Never preventDefault() here: that would commit the rest.
      tx.onabort = function () {
        if (conflict) _sw_storage_write_done(request_id, 0, 1, 0);
        else _sw_storage_write_done(request_id, 0, 0, SwStorage.cstr(SwStorage.message(failure || tx.error)));
      };
      try {
        var store = tx.objectStore('docs');
        if (ops.rev !== ops.expect_rev) {
          var revs = tx.objectStore('revs');
          // The check against the stored revision itself, without a read (so the whole write is
          // queued and committed in this task): exactly one marker, the newest, carries `head`,
          // under a unique index. Our base stops being the head, then our revision becomes it -
          // which fails (ConstraintError, and nothing of this transaction lands) if the head is
          // any other revision: another tab wrote after our base, however long ago.
          var now = Date.now();
          if (ops.expect_rev !== null) revs.put({ at: now }, ops.expect_rev);
          var marker = revs.add({ at: now, head: 1 }, ops.rev);
          marker.onerror = function () {
            if (marker.error && marker.error.name === 'ConstraintError') conflict = true;
          };
          // Old markers are kept only for reading; the head is never among them.
          if (ops.rev > 1000) revs.delete(IDBKeyRange.upperBound(ops.rev - 1000));
        }
        for (var key in staged) store.put(staged[key], key);
        (ops.delete || []).forEach(function (key) { store.delete(key); });
      } catch (error) {
        // A request that could not even be queued: the rest must not commit without it.
        failure = error;
        tx.abort();
      }
      // Every request is queued in this task, so a reload cannot catch the write half-built; the
      // commit is asked for now, so closing the tab right after cannot abort it.
      if (!failure && tx.commit) tx.commit();
    }).catch(function (error) {
      // No connection, or transaction() threw (the connection was closing): nothing was written.
      _sw_storage_write_done(request_id, 0, 0, SwStorage.cstr(SwStorage.message(error)));
    });
  },

  sw_storage_latest_rev__deps: ['$SwStorage', 'sw_storage_rev_answer'],
  sw_storage_latest_rev: function (request_id) {
    SwStorage.open().then(SwStorage.preload().latestRev).then(function (rev) {
      _sw_storage_rev_answer(request_id, 1, rev === null ? 0 : 1, rev === null ? 0 : rev);
    }, function () { _sw_storage_rev_answer(request_id, 0, 0, 0); });
  },

  sw_storage_tab_slot__deps: ['$SwStorage'],
  sw_storage_tab_slot: function () { return SwStorage.preload().slotValue; },

  sw_storage_watch__deps: ['$SwStorage', 'sw_storage_external_change'],
  sw_storage_watch: function () {
    if (SwStorage.channel || typeof BroadcastChannel === 'undefined') return;
    var preload = SwStorage.preload();
    // The channel the preload opened heard every commit since the first read.
    SwStorage.channel = preload.channel || new BroadcastChannel('stridewise-storage');
    preload.channel = null;
    SwStorage.channel.onmessage = null;
    var notify = function (data) {
      var rev = data && typeof data.rev === 'number' ? data.rev : null;
      _sw_storage_external_change(rev === null ? 0 : 1, rev === null ? 0 : rev);
    };
    SwStorage.onMessage = function (event) { notify(event.data); };
    SwStorage.channel.addEventListener('message', SwStorage.onMessage);
    if (preload.heard) { var heard = preload.heard; preload.heard = null; notify(heard); }
    // A notice can be missed (a page frozen in the background); coming back, check the revision.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') _sw_storage_external_change(0, 0);
    });
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
