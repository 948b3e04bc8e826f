// Starts reading the runner's data from IndexedDB while app.js and app.wasm download, so the
// first frame can show it without waiting. web/lib/storage.js (the storage bridge, compiled into
// app.js) opens the database only through open() below and takes over the snapshot and the
// BroadcastChannel started here. Plain script, no globals besides window.stridewiseStoragePreload.
(function () {
  'use strict';
  // Version 3: the model is stored in parts (runs by year, series as bytes). The bump closes
  // the connections of pages still running the earlier code, which would misread the parts.
  var DB_NAME = 'stridewise', DB_VERSION = 3;

  // The database with its two stores: "docs" (text documents by key) and "revs" (one marker per
  // committed revision).
  function open() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error('This browser has no IndexedDB (private mode?)')); return; }
      var request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs');
        if (!db.objectStoreNames.contains('revs')) db.createObjectStore('revs');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error || new Error('IndexedDB could not be opened')); };
      request.onblocked = function () { reject(new Error('IndexedDB is blocked by another tab')); };
    });
  }

  // Every document and the latest revision, in one read transaction: {rev, entries: [[key, text]]}.
  function readAll(db) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction(['docs', 'revs'], 'readonly');
      var store = tx.objectStore('docs');
      var keys = store.getAllKeys();
      var values = store.getAll();
      var latest = tx.objectStore('revs').openKeyCursor(null, 'prev');
      tx.oncomplete = function () {
        var entries = [];
        for (var i = 0; i < keys.result.length; i++) {
          if (keys.result[i] === 'rev') continue;  // revisions live in "revs"
          var value = values.result[i];
          // Bytes (a cadence series) go over as bytes. Anything else that is not text (a foreign
          // or damaged record) goes over as JSON text so the app can keep it aside, not lose it.
          if (value instanceof ArrayBuffer) value = new Uint8Array(value);
          else if (ArrayBuffer.isView(value)) value = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
          else if (typeof value !== 'string') {
            try { value = JSON.stringify(value); } catch (e) { value = String(value); }
          }
          entries.push([String(keys.result[i]), value]);
        }
        resolve({ rev: latest.result ? String(latest.result.key) : null, entries: entries });
      };
      tx.onerror = tx.onabort = function () { reject(tx.error); };
    });
  }

  var preload = { open: open, readAll: readAll, first: null, channel: null, heard: false };
  // Another tab's commit between this read and the app's start must not go unnoticed.
  if (typeof BroadcastChannel !== 'undefined') {
    preload.channel = new BroadcastChannel('stridewise-storage');
    preload.channel.onmessage = function () { preload.heard = true; };
  }
  // When the first read started and ended (performance.now() ms), for the storage benchmark.
  preload.timing = { start: performance.now(), end: null };
  preload.first = open().then(function (db) {
    return readAll(db).then(function (snapshot) {
      preload.timing.end = performance.now();
      snapshot.db = db;
      return snapshot;
    });
  });
  preload.first.catch(function () {});  // reported by the app when it takes the snapshot
  window.stridewiseStoragePreload = preload;
})();
