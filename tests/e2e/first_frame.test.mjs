// Issue 17 in the real browser: the first frame is drawn from the run summary and the years of
// runs the first screen shows (late in a year, that year alone), before the older years and the cadence series are read; they are read right
// after it. Every pair's total at that first frame is already exact; an action on an old run
// asked for at that moment waits for the older years and lands; a change never writes over the
// series and a backup waits for them; a summary that disagrees with the runs is rebuilt from them.
// Once `loaded` resolves, everything is in and agrees with what was stored.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openApp, dispatch, PHONE, pinToday } from './helpers.mjs';
import { yearsOfData } from './years_of_data.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// What the page sees at `drawn` (the first frame), before anything else runs: a change and a
// backup asked for at once (the series are read only after this first frame).
function atReady() {
  const hook = () => {
    window.stridewise.drawn.then(() => {
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

// At `drawn` (the first frame with data; a microtask after it, before any later read), what the
// page shows and an edit of a run from the oldest year.
function atDrawn(oldRunId) {
  const hook = () => {
    window.stridewise.drawn.then(() => {
      const api = window.stridewise;
      const state = api.state(['save', 'startup', 'shoes']);  // fields the summary answers: nothing forced
      const edit = api.dispatch({ type: 'update_run', id: oldRunId, distance_m: 7777 });
      const timing = window.stridewiseStoragePreload.timing;
      window.__atDrawn = { state, edit, after: api.state(['save']), twoParts: [timing.end, timing.later_end] };
    });
  };
  if (window.stridewise) hook(); else document.addEventListener('DOMContentLoaded', hook);
}

// The stored "summary" document, and every stored year of runs summed the same way in JS.
async function storedSummary(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('stridewise');
    open.onsuccess = () => {
      const store = open.result.transaction('docs').objectStore('docs');
      const all = store.getAll(IDBKeyRange.bound('runs/', 'runs0', false, true));
      const summary = store.get('summary');
      all.transaction.oncomplete = () => {
        const years = {};
        for (const text of all.result)
          for (const run of JSON.parse(text).runs) {
            const y = (years[run.date.slice(0, 4)] ||= { runs: 0, distance_m: 0 });
            y.runs += 1;
            y.distance_m += run.distance_m;
          }
        open.result.close();
        resolve({ summary: JSON.parse(summary.result), years });
      };
    };
  }));
}

function assertSummaryAgrees({ summary, years }) {
  assert.deepEqual(summary.run_years.map((y) => String(y.year)), Object.keys(years).sort());
  for (const y of summary.run_years) {
    assert.equal(y.runs, years[y.year].runs, `runs of ${y.year}`);
    assert.ok(Math.abs(y.distance_m - years[y.year].distance_m) < 0.01, `distance of ${y.year}`);
  }
}

describe('first frame from the run summary (issue 17)', () => {
  test('ten years reopened late in a year: drawn with that year and every pair exact; an edit of a 2016 run at that moment lands',
    async () => {
      const doc = yearsOfData({ sessions: 0 });  // 3,650 runs from 2016-11-27, 30 pairs
      const { page, context } = await openApp(env, PHONE);
      const imported = await dispatch(page, { type: 'import_backup', json: JSON.stringify(doc), confirm: true });
      assert.equal(imported.ok, true, imported.error);
      await page.waitForFunction(() => window.stridewise.state(['save']).save.status === 'saved', null, { timeout: 60000 });
      const whole = await page.evaluate(() => window.stridewise.state(['shoes', 'runs']));
      assertSummaryAgrees(await storedSummary(page));
      const oldRun = doc.runs[3];
      assert.equal(oldRun.date.slice(0, 4), '2016');

      // Reopened on 25 November: the first screen's twelve weeks lie in 2026 alone.
      await context.addInitScript(pinToday, '2026-11-25');
      await context.addInitScript(atDrawn, oldRun.id);
      await page.reload();
      await page.waitForFunction(() => window.__atDrawn, null, { timeout: 20000 });
      const first = await page.evaluate(() => window.__atDrawn);
      // Drawn with 2026 read; the ten years before waited for the frame after.
      const recent = doc.runs.filter((r) => r.date >= '2026').length;
      assert.deepEqual(first.state.startup.drawn_with, { runs: recent, years_later: 10 });
      // Their text came in the read's second part, after the first (and before `drawn`).
      assert.ok(first.twoParts[0] > 0 && first.twoParts[1] >= first.twoParts[0], JSON.stringify(first.twoParts));
      assert.ok(first.state.save.parts_loading.includes('older_runs'), JSON.stringify(first.state.save));
      // Every pair's figures were already exactly those of all ten years.
      assert.deepEqual(first.state.shoes, whole.shoes);
      // The edit of a 2016 run waited for the older years (read at once), then landed.
      assert.equal(first.edit.ok, true, first.edit.error);
      assert.ok(!first.after.save.parts_loading.includes('older_runs'));

      await page.evaluate(() => window.stridewise.ready);
      await page.waitForFunction(() => window.stridewise.state(['save']).save.status === 'saved', null, { timeout: 10000 });
      const s = await page.evaluate(() => window.stridewise.state(['runs', 'shoes', 'save']));
      assert.equal(s.runs.length, doc.runs.length);
      assert.equal(s.runs.find((r) => r.id === oldRun.id).distance_m, 7777);
      const pair = s.shoes.find((x) => x.id === oldRun.shoe_id);
      const before = whole.shoes.find((x) => x.id === oldRun.shoe_id);
      assert.ok(Math.abs(pair.distance_m - (before.distance_m - oldRun.distance_m + 7777)) < 0.01);
      assertSummaryAgrees(await storedSummary(page));
      await page.screenshot({ path: 'test-output/first-frame-ten-years-phone.png' });

      // A summary that is wrong about 2018 (as if damaged): the first frame trusts it only until
      // 2018 is read, then it is rebuilt from the runs and every total is right again.
      await page.evaluate(() => new Promise((resolve) => {
        const open = indexedDB.open('stridewise');
        open.onsuccess = () => {
          const store = open.result.transaction('docs', 'readwrite').objectStore('docs');
          const get = store.get('summary');
          get.onsuccess = () => {
            const summary = JSON.parse(get.result);
            const y = summary.run_years.find((x) => x.year === 2018);
            y.distance_m += 50000;
            y.shoes[0].distance_m += 50000;
            store.put(JSON.stringify(summary), 'summary');
          };
          store.transaction.oncomplete = () => { open.result.close(); resolve(); };
        };
      }));
      await page.reload();
      await page.evaluate(() => window.stridewise.loaded);
      await page.waitForFunction(() => window.stridewise.state(['save']).save.status === 'saved', null, { timeout: 10000 });
      const repaired = await page.evaluate(() => window.stridewise.state(['shoes']));
      assert.deepEqual(repaired.shoes, s.shoes);
      assertSummaryAgrees(await storedSummary(page));
      await context.close();
    });
});

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
