// The backup worker: reads a picked backup and parses it with core's own ParseBackup, compiled
// to backup_parser.wasm (src/worker/backup_parser.cpp), off the page's thread, so even a big
// backup never holds the page up. web/lib/files.js starts one for each file and terminates it
// after its answer (which frees the file's text and its JSON tree at once).
//   in:  {file}  a File (the page has only read its first bytes)
//   out: {ok: true, packed: ArrayBuffer, transferred}  core's PackBackup: the model as store parts
//        {ok: false, error}                            why it is not imported, in plain words
'use strict';
importScripts('backup_parser.js');

const parser = createBackupParser();

self.onmessage = async (event) => {
  try {
    const [bytes, module] = await Promise.all([event.data.file.arrayBuffer(), parser]);
    const ptr = module._malloc(bytes.byteLength || 1);
    module.HEAPU8.set(new Uint8Array(bytes), ptr);
    const ok = module._sw_backup_parse(ptr, bytes.byteLength);  // takes the bytes
    const result = module._sw_backup_result();
    const size = module._sw_backup_result_size();
    if (ok) {
      const packed = module.HEAPU8.slice(result, result + size).buffer;
      self.postMessage({ ok: true, packed }, [packed]);
    } else {
      self.postMessage({ ok: false, error: module.UTF8ToString(result, size) });
    }
  } catch (error) {
    self.postMessage({ ok: false, error: `The backup could not be read (${error.message}), so nothing was imported.` });
  }
};
