// Issue 3 in the real browser: IndexedDB saves every accepted change, survives an immediate
// reload or close, syncs between tabs without overwriting, keeps damaged data aside, and the
// backup round trip restores exactly.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openApp, state, dispatch, PHONE, screenshot, tap, settleQuiet, waitForState } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const waitSaved = (page) => page.waitForFunction(() => window.stridewise.state().save.status === 'saved', null, { timeout: 5000 });

// Writes raw documents into the app's IndexedDB from a page of the same origin, before the app runs.
async function seedStore(context, docs) {
  const page = await context.newPage();
  await page.goto(env.url + 'style.css');
  await page.evaluate((entries) => new Promise((resolve, reject) => {
    const open = indexedDB.open('stridewise', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('docs');
    open.onsuccess = () => {
      const tx = open.result.transaction('docs', 'readwrite');
      for (const [key, value] of entries) tx.objectStore('docs').put(value, key);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), Object.entries(docs));
  await page.close();
}

async function readStore(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('stridewise');
    open.onsuccess = () => {
      const store = open.result.transaction('docs').objectStore('docs');
      const keys = store.getAllKeys();
      const values = store.getAll();
      keys.transaction.oncomplete = () => {
        const out = {};
        keys.result.forEach((k, i) => { out[k] = values.result[i]; });
        open.result.close();
        resolve(out);
      };
    };
  }));
}

describe('storage', () => {
  test('starts in loading, then saved; a change is saved only after IndexedDB commits', async () => {
    const { page, context, errors } = await openApp(env, PHONE);
    let s = await state(page);
    assert.equal(s.save.status, 'saved');
    const result = await page.evaluate(() => {
      const r = window.stridewise.dispatch({ type: 'add_shoe', name: 'Pegasus 40' });
      return { r, status: window.stridewise.state().save.status };
    });
    assert.equal(result.r.ok, true);
    assert.equal(result.status, 'saving', 'a change is not "saved" before the transaction completes');
    await waitSaved(page);
    const stored = await readStore(page);
    assert.ok(stored.shoes.includes('Pegasus 40'));
    await page.reload();
    await page.evaluate(() => window.stridewise.ready);
    s = await state(page);
    assert.deepEqual(s.shoes.map((x) => x.name), ['Pegasus 40']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a change followed at once by a reload is never lost (20 times in a row)', async () => {
    const { page, context } = await openApp(env, PHONE);
    let losses = 0;
    for (let i = 1; i <= 20; i++) {
      const r = await page.evaluate((n) => window.stridewise.dispatch({
        type: 'add_run', date: '2026-11-20', distance_m: 1000 + n,
      }), i);
      assert.equal(r.ok, true, r.error);
      await page.reload();  // no waiting for the save
      await page.waitForFunction(() => window.stridewise && window.stridewise.state);
      await page.evaluate(() => window.stridewise.ready);
      const runs = (await state(page)).runs;
      if (runs.length !== i) losses++;
    }
    assert.equal(losses, 0, `${losses} of 20 changes were lost`);
    await context.close();
  });

  // The second change comes while the first one's write is still in flight: it is written at once,
  // chained on that write, rather than after its commit (which the reload would never hear).
  test('two changes in a row, then a reload at once: neither is lost (10 times in a row)', async () => {
    const { page, context } = await openApp(env, PHONE);
    let lost = 0;
    for (let i = 1; i <= 10; i++) {
      const results = await page.evaluate((n) => [
        window.stridewise.dispatch({ type: 'add_run', date: '2026-11-20', distance_m: 2000 + n }),
        window.stridewise.dispatch({ type: 'add_run', date: '2026-11-21', distance_m: 3000 + n }),
      ], i);
      for (const r of results) assert.equal(r.ok, true, r.error);
      await page.reload();  // no waiting for either save
      await page.waitForFunction(() => window.stridewise && window.stridewise.state);
      await page.evaluate(() => window.stridewise.ready);
      lost += 2 * i - (await state(page)).runs.length;
    }
    assert.equal(lost, 0, `${lost} of 20 changes were lost`);
    await context.close();
  });

  test('a change followed at once by closing the tab is there after reopening', async () => {
    const context = await env.browser.newContext(PHONE);
    for (let i = 1; i <= 5; i++) {
      const page = await context.newPage();
      await page.goto(env.url);
      await page.waitForFunction(() => window.stridewise && window.stridewise.state);
      await page.evaluate(() => window.stridewise.ready);
      assert.equal((await state(page)).runs.length, i - 1);
      await page.evaluate(() => window.stridewise.dispatch({ type: 'add_run', date: '2026-11-21', distance_m: 5000 }));
      await page.close({ runBeforeUnload: true });
    }
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForFunction(() => window.stridewise && window.stridewise.state);
    await page.evaluate(() => window.stridewise.ready);
    assert.equal((await state(page)).runs.length, 5);
    await context.close();
  });

  test('two tabs: a change in one appears in the other within a second, and neither overwrites the other', async () => {
    const context = await env.browser.newContext(PHONE);
    const open = async () => {
      const page = await context.newPage();
      await page.goto(env.url);
      await page.waitForFunction(() => window.stridewise && window.stridewise.state);
      await page.evaluate(() => window.stridewise.ready);
      return page;
    };
    const a = await open();
    const b = await open();
    await dispatch(a, { type: 'add_shoe', name: 'From tab A' });
    await waitSaved(a);
    await b.waitForFunction(() => window.stridewise.state().shoes.some((s) => s.name === 'From tab A'), null,
      { timeout: 10000, polling: 20 });
    // Measured by the app itself on the wall clock both tabs share (the test's own polling of a
    // background tab is slower than the sync): A's commit -> B applied A's data.
    const committedAt = (await state(a)).save.timing.last_commit_at;
    const syncedAt = (await state(b)).save.timing.last_sync_at;
    const seenAfter = syncedAt - committedAt;
    assert.ok(seenAfter >= 0 && seenAfter < 1000, `B had A's change ${seenAfter} ms after A's commit`);
    // Both tabs change at the same moment, each from the same stored revision.
    await Promise.all([
      dispatch(a, { type: 'add_run', date: '2026-11-22', distance_m: 3000 }),
      dispatch(b, { type: 'add_run', date: '2026-11-22', distance_m: 4000 }),
    ]);
    await Promise.all([waitSaved(a), waitSaved(b)]);
    // One of the two writes met the other's revision: that tab rebases and writes again, and the
    // other hears of it. Each tab ends with both runs, saved.
    for (const page of [a, b]) {
      const s = await waitForState(page, (x) => x.runs.length >= 2 && x.save.status === 'saved',
        { timeout: 10000, what: 'both runs in this tab, saved' });
      assert.deepEqual(s.runs.map((r) => r.distance_m).sort(), [3000, 4000]);
    }
    const reopened = await open();
    assert.deepEqual((await state(reopened)).runs.map((r) => r.distance_m).sort(), [3000, 4000]);
    await context.close();
  });

  test('unreadable or newer-schema data: the app opens, keeps it aside, says so, never overwrites it', async () => {
    for (const bad of ['{"schema": 2, "app": "stridewise", "shoes": [', '{"schema": 99, "app": "stridewise"}']) {
      const context = await env.browser.newContext(PHONE);
      await seedStore(context, { model: bad });
      const page = await context.newPage();
      await page.goto(env.url);
      await page.waitForFunction(() => window.stridewise && window.stridewise.state);
      await page.evaluate(() => window.stridewise.ready);
      let s = await state(page);
      assert.ok(s.save.damaged && s.save.damaged.length === 1, JSON.stringify(s.save));
      const keptAs = s.save.damaged[0].kept_as;
      assert.match(keptAs, /^damaged\/model\//);
      assert.ok(s.save.damaged[0].reason.length > 10);
      // The runner can go on: a new change saves, and the damaged copy stays as it was.
      assert.equal((await dispatch(page, { type: 'add_shoe', name: 'New start' })).ok, true);
      await waitSaved(page);
      const stored = await readStore(page);
      assert.equal(stored[keptAs], bad);
      assert.equal(stored.model, undefined, 'moved aside, not left where the next write could replace it');
      await dispatch(page, { type: 'navigate', screen: 'settings' });
      await settleQuiet(page);
      await screenshot(page, bad.includes('99') ? 'settings-damaged-newer.png' : 'settings-damaged.png');
      await context.close();
    }
  });

  test('a store in the earlier layout (one model document) opens as it was and is rewritten in parts', async () => {
    const series = Array.from({ length: 600 }, (_, s) => (s < 5 ? 0 : 168 + (s % 70) / 7));
    const model = { schema: 2, app: 'stridewise',
      settings: { units: 'km', week_start: 'sunday', cadence_low_spm: 168, cadence_high_spm: 178, weekly_increase_limit_pct: 10,
        default_warn_at_m: 482803.2, default_replace_at_m: 804672, strength_target_per_week: 2 },
      shoes: [{ id: 1, name: 'Kept shoe', start_distance_m: 0, warn_at_m: 482803.2, replace_at_m: 804672, retired: false,
        wear: { uneven_wear: false, discomfort: false, stride_change: false } }],
      runs: [{ id: 2, date: '2025-12-30', distance_m: 5000, shoe_id: 1, warmup: true, cooldown: false },
        { id: 3, date: '2026-11-20', distance_m: 8000, duration_s: 2700, warmup: false, cooldown: true }],
      strength: [], pain: [], cadence_sessions: [], default_shoe_id: 1, next_id: 5 };
    const session = { id: 4, date: '2026-11-21', duration_s: 600, mean_spm: 172, time_in_band_s: 500, low_spm: 168,
      high_spm: 178, series_spm: series };
    const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
    await seedStore(context, { model: JSON.stringify(model), 'cadence/4': JSON.stringify(session) });
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForFunction(() => window.stridewise && window.stridewise.state);
    await page.evaluate(() => window.stridewise.ready);
    await waitSaved(page);
    const s = await state(page);
    assert.equal(s.save.damaged, undefined, JSON.stringify(s.save));
    assert.deepEqual(s.runs.map((r) => [r.id, r.date, r.distance_m, r.shoe_id ?? null]),
      [[2, '2025-12-30', 5000, 1], [3, '2026-11-20', 8000, null]]);
    assert.equal(s.settings.week_start, 'sunday');
    // Rewritten at once, in one transaction: the parts are there, the old document is gone.
    const layout = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('stridewise');
      open.onsuccess = () => {
        const store = open.result.transaction('docs').objectStore('docs');
        const keys = store.getAllKeys();
        const series = store.get('series/4');
        keys.transaction.oncomplete = () => {
          resolve({ keys: keys.result, series: series.result instanceof Uint8Array ? series.result.length : typeof series.result,
            version: open.result.version });
          open.result.close();
        };
      };
    }));
    assert.deepEqual(layout.keys.sort(),
      ['cadence', 'pain', 'runs/2025', 'runs/2026', 'series/4', 'settings', 'shoes', 'strength', 'summary']);
    assert.equal(layout.series, 600 * 4, 'the series is stored as 600 float32 values');
    assert.equal(layout.version, 6);
    // Everything, the series to the last value, is what the earlier layout held.
    await page.reload();
    await page.evaluate(() => window.stridewise.ready);
    const [download] = await Promise.all([page.waitForEvent('download'), dispatch(page, { type: 'export_backup' })]);
    const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(backup.runs.map((r) => r.id), [2, 3]);
    assert.equal(backup.shoes[0].name, 'Kept shoe');
    assert.equal(backup.cadence_sessions.length, 1);
    assert.deepEqual(backup.cadence_sessions[0].series_spm.map((v) => Math.fround(v)), series.map((v) => Math.fround(v)));
    await context.close();
  });

  test('a damaged cadence series is moved aside as bytes; the session and everything else still open', async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForFunction(() => window.stridewise && window.stridewise.state);
    await page.evaluate(() => window.stridewise.ready);
    await dispatch(page, { type: 'add_run', date: '2026-11-20', distance_m: 5000 });
    await waitSaved(page);
    // A session as the meter saves it, then its series damaged (a length that is not whole floats).
    await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('stridewise');
      open.onsuccess = () => {
        const tx = open.result.transaction('docs', 'readwrite');
        tx.objectStore('docs').put(JSON.stringify({ schema: 3, app: 'stridewise', cadence_sessions: [
          { id: 50, date: '2026-11-21', duration_s: 3, mean_spm: 170, time_in_band_s: 3, low_spm: 170, high_spm: 180 }] }), 'cadence/50');
        tx.objectStore('docs').put(new Uint8Array([1, 2, 3, 4, 5]), 'series/50');
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }));
    await page.reload();
    await page.evaluate(() => window.stridewise.ready);
    await waitSaved(page);
    const s = await state(page);
    assert.equal(s.runs.length, 1);
    assert.equal(s.save.damaged.length, 1, JSON.stringify(s.save));
    assert.match(s.save.damaged[0].kept_as, /^damaged\/series\/50\//);
    const kept = await page.evaluate((key) => new Promise((resolve) => {
      const open = indexedDB.open('stridewise');
      open.onsuccess = () => {
        const store = open.result.transaction('docs').objectStore('docs');
        const aside = store.get(key);
        const original = store.get('series/50');
        aside.transaction.oncomplete = () => {
          resolve({ aside: Array.from(aside.result), original: original.result === undefined });
          open.result.close();
        };
      };
    }), s.save.damaged[0].kept_as);
    assert.deepEqual(kept, { aside: [1, 2, 3, 4, 5], original: true });
    await context.close();
  });

  test('backup: export, then import into an empty app restores exactly; bad files change nothing', async () => {
    const { page, context } = await openApp(env, { ...PHONE, acceptDownloads: true });
    const shoe = (await dispatch(page, { type: 'add_shoe', name: 'Ghost, "the fast one"', start_distance_m: 12000 })).id;
    await dispatch(page, { type: 'add_run', date: '2026-11-01', distance_m: 8000, duration_s: 2400, shoe_id: shoe, warmup: true });
    await dispatch(page, { type: 'add_run', date: '2026-11-03', distance_m: 5000 });
    await dispatch(page, { type: 'log_pain', date: '2026-11-03', area: 'knee', side: 'left', severity: 3,
      worse_with_activity: false, changes_gait: false });
    await dispatch(page, { type: 'log_strength', date: '2026-11-04', exercises: ['plank', 'bridge'] });
    await waitSaved(page);
    const before = await state(page);
    const [download] = await Promise.all([page.waitForEvent('download'), dispatch(page, { type: 'export_backup' })]);
    assert.match(download.suggestedFilename(), /^stridewise-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(await download.path(), 'utf8');

    const fresh = await openApp(env, PHONE);
    const p2 = fresh.page;
    await dispatch(p2, { type: 'add_run', date: '2026-10-01', distance_m: 1000 });
    const untouched = await state(p2);
    for (const bad of ['not json', '{"hello": 1}', '{"schema": 99, "app": "stridewise"}', text.slice(0, text.length / 2)]) {
      const r = await dispatch(p2, { type: 'import_backup', json: bad, confirm: true });
      assert.equal(r.ok, false);
      assert.ok(r.error.length > 10);
      assert.deepEqual((await state(p2)).runs, untouched.runs);
    }
    const unconfirmed = await dispatch(p2, { type: 'import_backup', json: text });
    assert.match(JSON.stringify(unconfirmed), /Replace 1 run and 0 shoes with 2 runs and 1 shoe\?/);
    assert.deepEqual((await state(p2)).runs, untouched.runs);
    const r = await dispatch(p2, { type: 'import_backup', json: text, confirm: true });
    assert.equal(r.ok, true, r.error);
    await waitSaved(p2);
    const after = await state(p2);
    for (const key of ['shoes', 'runs', 'settings', 'pain', 'strength']) assert.deepEqual(after[key], before[key], key);
    await p2.reload();
    await p2.evaluate(() => window.stridewise.ready);
    assert.deepEqual((await state(p2)).runs, before.runs);
    await fresh.context.close();
    await context.close();
  });

  test('runs export as CSV that a spreadsheet opens cleanly', async () => {
    const { page, context } = await openApp(env, { ...PHONE, acceptDownloads: true });
    const shoe = (await dispatch(page, { type: 'add_shoe', name: 'Trail, "muddy"' })).id;
    await dispatch(page, { type: 'add_run', date: '2026-11-02', distance_m: 10000, duration_s: 3725, shoe_id: shoe });
    const [download] = await Promise.all([page.waitForEvent('download'), dispatch(page, { type: 'export_csv' })]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'date,distance,unit,duration,shoe');
    assert.equal(lines[1], '2026-11-02,6.21,mi,1:02:05,"Trail, ""muddy"""');
    await context.close();
  });
});
