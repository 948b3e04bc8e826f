// Where the stored data's read goes (issue 17): with issue 17's ten years in the real app's
// IndexedDB, the documents by kind (count, bytes) and how long a readonly getAll of each kind
// takes in the page, then the app's own read + decode at a reload. Prints figures, medians of 5.
import { launch, openApp, PHONE, settleFrames } from '../e2e/helpers.mjs';
import { tenYearsProfile } from '../e2e/years_of_data.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const env = await launch();
try {
  const { page, context } = await openApp(env, { ...PHONE, deviceScaleFactor: 1 });
  const backup = JSON.stringify(tenYearsProfile());
  const r = await page.evaluate((text) => window.stridewise.dispatch({ type: 'import_backup', json: text, confirm: true }), backup);
  if (!r.ok) throw new Error(r.error);
  await page.waitForFunction(() => window.stridewise.state().save.status === 'saved', null, { timeout: 120000 });
  await page.reload();
  await page.evaluate(() => window.stridewise.ready);
  await settleFrames(page, { quietMs: 500, timeout: 15000 });
  const kinds = await page.evaluate(async () => {
    const db = await new Promise((ok, ko) => { const q = indexedDB.open('stridewise'); q.onsuccess = () => ok(q.result); q.onerror = ko; });
    const ranges = {
      'everything': null,
      'runs/<year>': IDBKeyRange.bound('runs/', 'runs/\uffff'),
      'cadence/<id>': IDBKeyRange.bound('cadence/', 'cadence/\uffff'),
      'series/<id>': IDBKeyRange.bound('series/', 'series/\uffff'),
      'everything but series/': null,
      'settings shoes pain strength': null,
    };
    const read = (range) => new Promise((ok, ko) => {
      const t0 = performance.now();
      const tx = db.transaction('docs', 'readonly');
      const s = tx.objectStore('docs');
      const k = s.getAllKeys(range); const v = s.getAll(range);
      tx.oncomplete = () => ok({ ms: performance.now() - t0, keys: k.result, values: v.result });
      tx.onerror = ko;
    });
    const readSplit = (lo, hi) => new Promise((ok, ko) => {  // two ranges around series/
      const t0 = performance.now();
      const tx = db.transaction('docs', 'readonly');
      const s = tx.objectStore('docs');
      const a = s.getAll(IDBKeyRange.upperBound('series/', true)); const ak = s.getAllKeys(IDBKeyRange.upperBound('series/', true));
      const b = s.getAll(IDBKeyRange.lowerBound('series/\uffff')); const bk = s.getAllKeys(IDBKeyRange.lowerBound('series/\uffff'));
      tx.oncomplete = () => ok({ ms: performance.now() - t0, keys: ak.result.concat(bk.result), values: a.result.concat(b.result) });
      tx.onerror = ko;
    });
    const readKeys = (keys) => new Promise((ok, ko) => {
      const t0 = performance.now();
      const tx = db.transaction('docs', 'readonly');
      const s = tx.objectStore('docs');
      const out = keys.map((k) => s.get(k));
      tx.oncomplete = () => ok({ ms: performance.now() - t0, keys, values: out.map((q) => q.result) });
      tx.onerror = ko;
    });
    const size = (v) => (v == null ? 0 : typeof v === 'string' ? v.length : v.byteLength || 0);
    const out = {};
    for (const [name, range] of Object.entries(ranges)) {
      const times = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = name === 'everything but series/' ? await readSplit()
          : name === 'settings shoes pain strength' ? await readKeys(['settings', 'shoes', 'pain', 'strength']) : await read(range);
        times.push(last.ms);
      }
      times.sort((a, b) => a - b);
      out[name] = { ms: times[2], count: last.keys.length, kb: last.values.reduce((n, v) => n + size(v), 0) / 1024 };
    }
    return out;
  });
  console.log('Issue 17 ten years in IndexedDB: readonly getAll (+ getAllKeys) by kind, median of 5, DPR 1');
  for (const [name, k] of Object.entries(kinds))
    console.log(`  ${name.padEnd(32)} ${String(k.count).padStart(5)} docs ${k.kb.toFixed(0).padStart(7)} KB ${k.ms.toFixed(1).padStart(8)} ms`);
  const loads = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await page.evaluate(() => window.stridewise.ready);
    loads.push(await page.evaluate(() => { const s = window.stridewise.state(); const t = window.stridewiseStoragePreload.timing;
      return { read: t.end - t.start, decode: s.save.timing.load_decode_ms, load: s.save.timing.load_ms, ready: s.startup.ready_ms }; }));
    await settleFrames(page, { quietMs: 500, timeout: 15000 });
  }
  for (const k of ['read', 'decode', 'load', 'ready'])
    console.log(`  app at reload: ${k.padEnd(8)} ${median(loads.map((l) => l[k])).toFixed(1).padStart(8)} ms   (${loads.map((l) => l[k].toFixed(0)).join(' ')})`);
  await context.close();
} finally {
  await env.close();
}
