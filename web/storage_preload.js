// Starts reading the runner's data from IndexedDB while app.js and app.wasm download, so the
// first frame can show it without waiting. web/lib/storage.js (the storage bridge, compiled into
// app.js) opens the database only through open() below and takes over the snapshot and the
// BroadcastChannel started here. Plain script, no globals besides window.stridewiseStoragePreload.
(function () {
  'use strict';
  // Version 3: the model is stored in parts (runs by year, series as bytes). Version 4: the
  // newest revision marker carries `head` under a unique index, which every write checks (see
  // web/lib/storage.js). Version 5: the run summary, and every session's fields in one "cadence"
  // document, which earlier code would neither keep up to date nor read. Each bump closes the
  // connections of pages still running earlier code. Version 6: revision numbers are unique to
  // the tab that writes them (its id slot), which a write chained on one not yet committed relies
  // on (src/app/storage_sync_write.cpp); earlier code numbered them one by one.
  var DB_NAME = 'stridewise', DB_VERSION = 6;

  // The database with its two stores: "docs" (text documents by key) and "revs" (one marker per
  // committed revision).
  function open() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error('This browser has no IndexedDB (private mode?)')); return; }
      var request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs');
        var revs = db.objectStoreNames.contains('revs') ? request.transaction.objectStore('revs') : db.createObjectStore('revs');
        if (!revs.indexNames.contains('head')) {
          revs.createIndex('head', 'head', { unique: true });
          // The newest marker of an earlier version becomes the head.
          var newest = revs.openCursor(null, 'prev');
          newest.onsuccess = function () {
            if (newest.result) newest.result.update({ at: Date.now(), head: 1 });
          };
        }
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error || new Error('IndexedDB could not be opened')); };
      request.onblocked = function () { reject(new Error('IndexedDB is blocked by another tab')); };
    });
  }

  // The cadence series ("series/<id>", bytes: most of a big store) are read after the app's first
  // frame, since nothing on the first screen draws them (src/core/storage/storage_codec.hpp).
  var LATER = 'series/';
  // Keys from `prefix` up to (not including) the next prefix: the keys that start with it.
  function prefixEnd(prefix) {
    return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  }
  // A stored value as the app takes it: bytes (a cadence series) as bytes; anything else that is
  // not text (a foreign or damaged record) as JSON text so the app can keep it aside, not lose it.
  function asEntry(key, value) {
    if (value instanceof ArrayBuffer) value = new Uint8Array(value);
    else if (ArrayBuffer.isView(value)) value = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    else if (typeof value !== 'string') {
      try { value = JSON.stringify(value); } catch (e) { value = String(value); }
    }
    return [String(key), value];
  }
  // Documents and the latest revision, in one read transaction: {rev, entries: [[key, text]]}.
  // `scope` (optional): {skip: prefix} reads every document but those under it; {only: prefix}
  // reads only those (without the revision), a few at a time: each batch goes to
  // `onEntries(entries)` as it arrives, in a task of its own, so no one task holds the page long
  // (then `entries` in the answer is empty).
  var BATCH = 40;
  function readAll(db, scope, onEntries) {
    var skip = (scope && scope.skip) || '', only = (scope && scope.only) || '';
    return new Promise(function (resolve, reject) {
      var tx = db.transaction(['docs', 'revs'], 'readonly');
      var store = tx.objectStore('docs');
      var entries = [];
      var take = function (keys, values) {
        var batch = [];
        for (var i = 0; i < keys.length; i++) {
          if (keys[i] === 'rev') continue;  // revisions live in "revs"
          batch.push(asEntry(keys[i], values[i]));
        }
        if (onEntries) onEntries(batch);
        else entries = entries.concat(batch);
      };
      var latest = null;
      if (only) {
        var all = store.getAllKeys(IDBKeyRange.bound(only, prefixEnd(only), false, true));
        all.onsuccess = function () {
          var keys = all.result;
          for (var i = 0; i < keys.length; i += BATCH) {
            (function (first, last) {
              var values = store.getAll(IDBKeyRange.bound(keys[first], keys[last]));
              values.onsuccess = function () { take(keys.slice(first, last + 1), values.result); };
            })(i, Math.min(i + BATCH, keys.length) - 1);
          }
        };
      } else {
        var ranges = skip ? [IDBKeyRange.upperBound(skip, true), IDBKeyRange.lowerBound(prefixEnd(skip))] : [null];
        ranges.forEach(function (range) {
          var keys = store.getAllKeys(range);
          var values = store.getAll(range);
          values.onsuccess = function () { take(keys.result, values.result); };
        });
        latest = tx.objectStore('revs').openKeyCursor(null, 'prev');
      }
      tx.oncomplete = function () {
        resolve({ rev: latest && latest.result ? String(latest.result.key) : null, entries: entries });
      };
      tx.onerror = tx.onabort = function () { reject(tx.error); };
    });
  }

  // The first read, in two parts of one read transaction (one snapshot): first every document but
  // the cadence series and the years of runs older than the first screen shows, then those years.
  // {first, later}: two promises. `first` resolves as soon as the first part is in ({rev, entries,
  // later: the keys of the second part}), `later` when the second is ({entries}). The first screen
  // (Home) shows twelve weeks of runs counted back from today: the years before the one 90 days
  // ago wait (kFirstScreenDays in src/core/rules/derived.cpp, which decides what is decoded; a
  // year it wants sooner is taken from the second part before the first frame).
  var FIRST_SCREEN_DAYS = 90;
  function readFirst(db) {
    var from = new Date();
    from.setDate(from.getDate() - FIRST_SCREEN_DAYS);
    var fromYear = from.getFullYear();
    var first = {}, later = {};
    first.promise = new Promise(function (resolve, reject) { first.resolve = resolve; first.reject = reject; });
    later.promise = new Promise(function (resolve, reject) { later.resolve = resolve; later.reject = reject; });
    var tx = db.transaction(['docs', 'revs'], 'readonly');
    var store = tx.objectStore('docs');
    var olderYear = function (key) {
      var year = /^runs\/(\d{4})$/.exec(key);
      return year !== null && Number(year[1]) < fromYear;
    };
    // Runs of neighbouring keys that all belong to one part: each read with one getAll.
    var ranges = function (keys, wanted) {
      var out = [];
      for (var i = 0; i < keys.length; i++) {
        if (!wanted(keys[i])) continue;
        if (out.length && out[out.length - 1].end === i - 1) out[out.length - 1].end = i;
        else out.push({ start: i, end: i });
      }
      return out;
    };
    var read = function (raw, keys, parts, done) {
      var entries = [], left = parts.length;
      if (!left) { done(entries); return; }
      parts.forEach(function (part) {
        var values = store.getAll(IDBKeyRange.bound(raw[part.start], raw[part.end]));
        values.onsuccess = function () {
          for (var i = 0; i < values.result.length; i++) entries.push(asEntry(keys[part.start + i], values.result[i]));
          if (--left === 0) done(entries);
        };
      });
    };
    var keysRequest = store.getAllKeys();
    keysRequest.onsuccess = function () {
      var raw = keysRequest.result, keys = raw.map(String);  // in the store's order
      var laterKeys = keys.filter(olderYear);
      var firstEntries = null, rev = null, revRead = false;
      var firstDone = function () {
        if (firstEntries && revRead) first.resolve({ rev: rev, entries: firstEntries, later: laterKeys });
      };
      read(raw, keys, ranges(keys, function (key) {
        return key !== 'rev' && key.lastIndexOf(LATER, 0) !== 0 && !olderYear(key);  // revisions live in "revs"
      }), function (entries) { firstEntries = entries; firstDone(); });
      var latest = tx.objectStore('revs').openKeyCursor(null, 'prev');
      latest.onsuccess = function () {
        rev = latest.result ? String(latest.result.key) : null;
        revRead = true;
        firstDone();
      };
      read(raw, keys, ranges(keys, olderYear), function (entries) { later.resolve({ entries: entries }); });
    };
    tx.onerror = tx.onabort = function () {
      first.reject(tx.error);
      later.reject(tx.error);
    };
    return { first: first.promise, later: later.promise };
  }

  // The newest committed revision, or null for an empty store (one cursor step: cheap).
  function latestRev(db) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction('revs', 'readonly');
      var cursor = tx.objectStore('revs').openKeyCursor(null, 'prev');
      tx.oncomplete = function () { resolve(cursor.result ? cursor.result.key : null); };
      tx.onerror = tx.onabort = function () { reject(tx.error); };
    });
  }

  // This tab's slot for new ids (see IdSpace in src/core/model/state.hpp): the first of 16 Web Locks
  // no other open tab holds, kept until the page goes away, so two tabs never hand out the same
  // id. Without Web Locks (or with every slot taken) there is none (-1): the app picks a slot of
  // its own, which keeps a clash unlikely, and writes its changes one after another (no chaining).
  var SLOTS = 16;
  function takeSlot() {
    if (!navigator.locks || !navigator.locks.request) return Promise.resolve(-1);
    return new Promise(function (resolve) {
      (function attempt(slot) {
        if (slot >= SLOTS) { resolve(-1); return; }
        navigator.locks.request('stridewise-id-slot-' + slot, { ifAvailable: true }, function (lock) {
          if (!lock) { attempt(slot + 1); return null; }
          resolve(slot);
          return new Promise(function () {});  // held while the page lives
        }).catch(function () { resolve(-1); });
      })(0);
    });
  }

  var preload = { open: open, readAll: readAll, latestRev: latestRev, first: null, later: null, firstSkips: LATER,
                  channel: null, heard: null, slot: null, slotValue: -1 };
  preload.slot = takeSlot().then(function (slot) { preload.slotValue = slot; return slot; });
  // Another tab's commit between this read and the app's start must not go unnoticed.
  if (typeof BroadcastChannel !== 'undefined') {
    preload.channel = new BroadcastChannel('stridewise-storage');
    preload.channel.onmessage = function (event) { preload.heard = event.data || {}; };
  }
  // When the first read started and its two parts ended (performance.now() ms), for the benchmarks.
  preload.timing = { start: performance.now(), end: null, later_end: null };
  var reading = open().then(function (db) {
    var parts = readFirst(db);
    return { db: db, first: parts.first, later: parts.later };
  });
  preload.first = reading.then(function (r) {
    return r.first.then(function (snapshot) {
      preload.timing.end = performance.now();
      snapshot.db = r.db;
      return snapshot;
    });
  });
  preload.later = reading.then(function (r) {
    return r.later.then(function (part) {
      preload.timing.later_end = performance.now();
      return part;
    });
  });
  preload.first.catch(function () {});  // reported by the app when it takes the snapshot
  preload.later.catch(function () {});
  window.stridewiseStoragePreload = preload;
})();
