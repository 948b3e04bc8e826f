// The import worker: reads activity files (FIT, GPX, TCX, CSV, a Strava export zip) with core's
// import readers compiled to import_reader.wasm (src/worker/import_reader.cpp), off the page's
// thread, so the page keeps drawing while years of runs are read. web/lib/import.js starts one per
// import and terminates it after its answer, or when the runner taps Cancel.
//   in:  {files: [File | {name, bytes: ArrayBuffer}]}
//   out: {type: 'progress', done, total}      files read so far (a zip counts its files), from
//                                              the readers (src/worker/import_reader.cpp)
//        {type: 'done', json: [text...]}      import_read actions as JSON text, one per batch
//        {type: 'error', error}               why nothing could be read, in plain words
'use strict';
importScripts('import_reader.js');

const reader = createImportReader();

function heapString(module, text) {
  const size = module.lengthBytesUTF8(text) + 1;
  const ptr = module._malloc(size);
  module.stringToUTF8(text, ptr, size);
  return ptr;
}

self.onmessage = async (event) => {
  try {
    const files = event.data.files;
    const module = await reader;
    for (let i = 0; i < files.length; ++i) {
      const file = files[i];
      // A File (picked, dropped) is read here; the page API and the share target send bytes.
      // (Not `file.bytes || ...`: Blob has a bytes() method of its own in current browsers.)
      const bytes = new Uint8Array(file instanceof Blob ? await file.arrayBuffer() : file.bytes);
      const ptr = module._malloc(bytes.length || 1);
      if (!ptr) throw new Error(`there is not enough memory for ${file.name}`);
      module.HEAPU8.set(bytes, ptr);
      const name = heapString(module, file.name);
      module._sw_import_add(name, ptr, bytes.length);  // takes the bytes
      module._free(name);
    }
    // The answer in batches of import_read actions: the page takes each in a task of its own.
    const batches = module._sw_import_run();
    const json = [];
    for (let i = 0; i < batches; ++i) {
      const text = module._sw_import_batch(i);
      json.push(module.UTF8ToString(text, module._sw_import_result_size()));
    }
    self.postMessage({ type: 'done', json });
  } catch (error) {
    self.postMessage({ type: 'error', error: `The files could not be read (${error.message}), so nothing was imported.` });
  }
};
