// Issue 17 in the real browser: the first frame is drawn before the cadence series are read;
// they are read right after it. Meanwhile a change never writes over them and a backup waits for
// them; once `loaded` resolves, everything is in and agrees with what was stored.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openApp, dispatch, PHONE } from './helpers.mjs';
import { yearsOfData } from './years_of_data.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// What the page sees at `ready`, before anything else runs: a change and a backup asked for at
// once (the series are read only after this first frame).
function atReady() {
  const hook = () => {
    window.stridewise.ready.then(() => {
      const api = window.stridewise;
      window.__atReady = {
        state: api.state(['save', 'runs', 'cadence']),
        run: api.dispatch({ type: 'add_run', date: '2026-11-20', distance_m: 4321 }),
        backup: api.dispatch({ type: 'export_backup' }),
      };
    });
  };
  if (window.stridewise) hook(); else document.addEventListener('DOMContentLoaded', hook);
}

async function seriesInStore(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('stridewise');
    open.onsuccess = () => {
      const store = open.result.transaction('docs').objectStore('docs');
      const range = IDBKeyRange.bound('series/', 'series0', false, true);
      const keys = store.getAllKeys(range);
      const values = store.getAll(range);
      keys.transaction.oncomplete = () => {
        const out = {};
        keys.result.forEach((k, i) => { out[k] = Array.from(new Float32Array(values.result[i].buffer.slice(0))); });
        open.result.close();
        resolve(out);
      };
    };
  }));
}

describe('first frame before the cadence series (issue 17)', () => {
  test('reopened: drawn with every run and session listed, series read after; a change and a backup meanwhile lose nothing',
    async () => {
      const doc = yearsOfData({ sessions: 40, seriesSeconds: 600 });
      const { page, context } = await openApp(env, { ...PHONE, acceptDownloads: true });
      const imported = await dispatch(page, { type: 'import_backup', json: JSON.stringify(doc), confirm: true });
      assert.equal(imported.ok, true, imported.error);
      await page.waitForFunction(() => window.stridewise.state(['save']).save.status === 'saved', null, { timeout: 60000 });
      const storedBefore = await seriesInStore(page);
      assert.equal(Object.keys(storedBefore).length, 40);

      await context.addInitScript(atReady);
      const download = page.waitForEvent('download', { timeout: 20000 });
      await page.reload();
      await page.waitForFunction(() => window.__atReady, null, { timeout: 20000 });
      const first = await page.evaluate(() => window.__atReady);
      // The first frame had every run and session (their list), not yet the series.
      assert.equal(first.state.runs.length, 3650);
      assert.equal(first.state.cadence.sessions.length, 40);
      assert.deepEqual(first.state.save.parts_loading, ['cadence_series']);
      assert.equal(first.state.save.timing.all_loaded_ms, null);
      assert.deepEqual(Object.keys(first.state).sort(), ['cadence', 'runs', 'save'], 'state(fields) gives those fields alone');
      assert.equal(first.run.ok, true, first.run.error);
      // The backup waits for the series, then downloads with every one of them.
      assert.equal(first.backup.ok, true, first.backup.error);
      assert.equal(first.backup.waiting_for, 'cadence_series');
      const backup = JSON.parse(await readFile(await (await download).path(), 'utf8'));
      assert.equal(backup.cadence_sessions.length, 40);
      backup.cadence_sessions.forEach((session, i) => {
        assert.deepEqual(session.series_spm.map((v) => Math.fround(v)), doc.cadence_sessions[i].series_spm.map((v) => Math.fround(v)),
          `session ${session.id}'s series`);
      });
      assert.equal(backup.runs.at(-1).distance_m, 4321);

      await page.evaluate(() => window.stridewise.loaded);
      await page.waitForFunction(() => window.stridewise.state(['save']).save.status === 'saved', null, { timeout: 10000 });
      const s = await page.evaluate(() => window.stridewise.state(['save', 'startup']));
      assert.deepEqual(s.save.parts_loading, []);
      assert.ok(s.save.timing.all_loaded_ms >= s.startup.ready_ms, JSON.stringify(s.save.timing));
      // The change made before the series were read wrote none of them.
      assert.deepEqual(await seriesInStore(page), storedBefore);
      await context.close();
    });
});
