// Storage that fails, hangs, fills up or hears of another tab late: the runner's data is never
// lost or overwritten, the app never freezes, and it always says whether anything is saved.
// Each test reproduces one fault of the reliability issue with an init script or DevTools.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, openTab, state, dispatch, PHONE, screenshot, tap, waitForState } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const waitSaved = (page, timeout = 8000) =>
  page.waitForFunction(() => window.stridewise.state().save.status === 'saved', null, { timeout, polling: 20 });

// Init script: while window.__storageBroken is true (from the start until the test clears it),
// every indexedDB.open of the app's database fails (UnknownError, as Chrome and Safari report a
// broken backing store) or, with mode 'hang', never answers.
function breakOpen(mode) {
  const realOpen = IDBFactory.prototype.open;
  window.__storageBroken = true;
  IDBFactory.prototype.open = function (name) {
    if (!window.__storageBroken || name !== 'stridewise') return realOpen.apply(this, arguments);
    const request = { result: undefined, error: null, onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null };
    if (mode === 'fail') {
      request.error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
      setTimeout(() => request.onerror && request.onerror({ target: request }), 0);
    }
    return request;
  };
}

// Rewrites the revision markers as a store with more than 1,000 commits has them: the newest,
// `latest`, is the head; everything below latest - 1000 is pruned.
async function ageRevisions(page, latest) {
  await page.evaluate((top) => new Promise((resolve, reject) => {
    const open = indexedDB.open('stridewise');
    open.onsuccess = () => {
      const tx = open.result.transaction('revs', 'readwrite');
      const revs = tx.objectStore('revs');
      revs.clear();
      for (let rev = top - 1000; rev < top; rev++) revs.put({ at: Date.now() }, rev);
      revs.put({ at: Date.now(), head: 1 }, top);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), latest);
}

async function seedRunsAndShoe(page) {
  const shoe = await dispatch(page, { type: 'add_shoe', name: 'Kept pair', is_default: true });
  assert.equal(shoe.ok, true, shoe.error);
  for (const [date, m] of [['2026-11-02', 5000], ['2026-11-09', 8000], ['2026-11-16', 12000]]) {
    assert.equal((await dispatch(page, { type: 'add_run', date, distance_m: m })).ok, true);
  }
  assert.equal((await dispatch(page, { type: 'update_settings', units: 'km' })).ok, true);
  await waitSaved(page);
}

describe('storage faults', () => {
  test('one failed open on a store past 1,000 commits: nothing is written until the store is read, then nothing is lost', async () => {
    const context = await env.browser.newContext(PHONE);
    const first = await openTab(env, context);
    await seedRunsAndShoe(first);
    await ageRevisions(first, 1500);
    await first.close();

    const page = await context.newPage();
    await page.addInitScript(breakOpen, 'fail');
    // Watch every write the page makes to the docs store from the very start.
    await page.addInitScript(() => {
      window.__writes = [];
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        window.__writes.push({ key: String(key), at: performance.now() });
        return put.apply(this, arguments);
      };
    });
    await page.goto(env.url);
    await page.waitForFunction(() => window.stridewise && window.stridewise.state);
    await page.evaluate(() => window.stridewise.ready);
    let s = await state(page);
    assert.equal(s.save.status, 'error');
    assert.equal(s.save.problem, 'unreadable');
    assert.equal(s.save.readable, false);
    assert.match(s.save.error, /cannot be read right now/);
    assert.match(s.save.error, /Nothing will be saved until it can/);
    // The runner logs a run before the store could be read: kept in memory, not written.
    const run = await dispatch(page, { type: 'add_run', date: '2026-11-20', distance_m: 6000 });
    assert.equal(run.ok, true, run.error);
    s = await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'Your saved data cannot be read right now'),
      { what: 'the notice drawn' });
    assert.equal(s.save.status, 'error');
    assert.equal(s.save.unsaved_changes, 1);
    await screenshot(page, 'storage-unreadable-phone.png');
    // Storage works again: the next retry reads the store, puts the run on top of the stored
    // data and saves it. Nothing was written before that.
    assert.deepEqual(await page.evaluate(() => window.__writes), [], 'nothing is written before the store is read');
    await page.evaluate(() => { window.__storageBroken = false; });
    await waitSaved(page);
    s = await state(page);
    assert.equal(s.save.readable, true);
    // Based on the stored revision: the next step of 32 after it, ending in this tab's id slot.
    assert.equal(s.save.rev, 1504 + s.save.id_slot, 'the write is based on the stored revision');
    assert.deepEqual(s.runs.map((r) => r.distance_m).sort((a, b) => a - b), [5000, 6000, 8000, 12000]);
    assert.ok(s.runs.find((r) => r.distance_m === 6000).id === run.id, 'the run keeps the id it was given');
    // A fresh tab sees everything: the earlier runs, the shoe and the settings.
    const fresh = await openTab(env, context);
    const f = await state(fresh);
    assert.deepEqual(f.runs.map((r) => r.distance_m).sort((a, b) => a - b), [5000, 6000, 8000, 12000]);
    assert.deepEqual(f.shoes.map((x) => x.name), ['Kept pair']);
    assert.equal(f.settings.units, 'km');
    await context.close();
  });

  test('a write from a tab whose base revision was pruned is refused by the stored revision itself', async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await openTab(env, context);
    await seedRunsAndShoe(page);
    await ageRevisions(page, 1500);
    // This tab still believes the store is at its own (much older) revision: its next write
    // claims a revision whose marker was pruned. It must conflict, rebase and keep everything.
    const r = await dispatch(page, { type: 'add_run', date: '2026-11-21', distance_m: 7000 });
    assert.equal(r.ok, true);
    await waitSaved(page);
    const s = await state(page);
    assert.ok(s.save.conflicts_resolved >= 1, 'the stale write was refused and rebased');
    assert.equal(s.save.rev, 1504 + s.save.id_slot);
    const fresh = await openTab(env, context);
    const f = await state(fresh);
    assert.deepEqual(f.runs.map((x) => x.distance_m).sort((a, b) => a - b), [5000, 7000, 8000, 12000]);
    assert.deepEqual(f.shoes.map((x) => x.name), ['Kept pair']);
    await context.close();
  });

  test('no IndexedDB at all: the app opens, works, says nothing is saved, and Export backup works', async () => {
    const { page, context } = await openApp(env, PHONE, { initScript: () => { delete window.indexedDB; Object.defineProperty(window, 'indexedDB', { value: undefined }); } });
    let s = await state(page);
    assert.equal(s.save.status, 'error');
    assert.equal((await dispatch(page, { type: 'add_shoe', name: 'Memory only' })).ok, true);
    await tap(page, 'Settings', 'nav');
    s = await waitForState(page, (x) => x.screen === 'settings' && x.ui.widgets.some((w) => w.label === 'Import backup'),
      { what: 'the Settings screen drawn' });
    assert.ok(s.ui.widgets.some((w) => w.label === 'Not saved' && w.value === 'save_status'));
    const download = page.waitForEvent('download');
    await tap(page, 'Export backup', 'button');
    const file = await download;
    assert.match(file.suggestedFilename(), /^stridewise-backup-/);
    await context.close();
  });

  test('a full quota: the app stays usable, says "Not saved" and why, keeps the change, saves it once there is room', async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await openTab(env, context);
    const cdp = await context.newCDPSession(page);
    const origin = new URL(env.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    const framesBefore = (await state(page)).frames_rendered;
    assert.equal((await dispatch(page, { type: 'add_shoe', name: 'Waiting for room' })).ok, true);
    let s = await waitForState(page, (x) => x.save.status === 'error', { timeout: 5000, what: 'the failed write' });
    assert.equal(s.save.problem, 'not_saved');
    assert.match(s.save.error, /^Not saved: .*(full|quota)/i);
    assert.equal(s.save.unsaved_changes, 1);
    assert.ok(s.save.retry_in_ms !== null, 'a retry is scheduled');
    // Not frozen: frames are drawn, a tab tap changes the screen, and the notice is on it.
    await tap(page, 'Settings', 'nav');
    s = await waitForState(page, (x) => x.screen === 'settings' && x.ui.widgets.some((w) => w.label === 'Import backup'),
      { what: 'the Settings screen drawn' });
    assert.ok(s.frames_rendered > framesBefore);
    assert.ok(s.ui.widgets.some((w) => w.label === 'Not saved' && w.value === 'save_status'), 'header says Not saved');
    assert.ok(s.ui.widgets.some((w) => w.value === 'storage_error' && w.label.includes(s.save.reason)), 'the reason is drawn');
    await screenshot(page, 'storage-not-saved-phone.png');
    // "Try again" tries at once (and fails again while the disk is full).
    const attempts = s.save.failed_attempts;
    await tap(page, 'Try again', 'button');
    await waitForState(page, (x) => x.save.failed_attempts > attempts, { timeout: 3000, what: 'another attempt' });
    // Room again: the kept change is saved.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    assert.equal((await dispatch(page, { type: 'retry_storage' })).ok, true);
    await waitSaved(page);
    const fresh = await openTab(env, context);
    assert.deepEqual((await state(fresh)).shoes.map((x) => x.name), ['Waiting for room']);
    await context.close();
  });

  test('storage that never answers: after a few seconds the app opens marked as not saving, then catches up', async () => {
    const context = await env.browser.newContext(PHONE);
    const first = await openTab(env, context);
    await seedRunsAndShoe(first);
    await first.close();
    const page = await context.newPage();
    await page.addInitScript(breakOpen, 'hang');
    const started = Date.now();
    await page.goto(env.url);
    await page.waitForFunction(() => window.stridewise && window.stridewise.state);
    await page.evaluate(() => window.stridewise.ready);
    const openedAfter = Date.now() - started;
    assert.ok(openedAfter < 10000, `usable after ${openedAfter} ms`);
    const s = await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'Storage is not answering'),
      { what: 'the notice drawn' });
    assert.equal(s.save.problem, 'not_answering');
    assert.equal(s.save.status, 'error');
    assert.match(s.save.error, /not answering/);
    await screenshot(page, 'storage-not-answering-phone.png');
    assert.equal((await dispatch(page, { type: 'add_run', date: '2026-11-23', distance_m: 4000 })).ok, true);
    // Storage answers again: a retry opens the database anew, the stored data comes in, and the
    // run logged meanwhile is saved on top of it.
    await page.evaluate(() => { window.__storageBroken = false; });
    await tap(page, 'Try again', 'button');
    await waitForState(page, (x) => x.save.readable && x.runs.length === 4, { timeout: 8000, what: 'the stored runs' });
    await waitSaved(page);
    const fresh = await openTab(env, context);
    assert.equal((await state(fresh)).runs.length, 4);
    await context.close();
  });

  test('a tab that hears of the other tab late never overwrites its run and catches up', async () => {
    const context = await env.browser.newContext(PHONE);
    const late = await context.newPage();
    // Tab W: every storage notice reaches it 3 s late.
    await late.addInitScript(() => {
      const Real = window.BroadcastChannel;
      window.BroadcastChannel = class extends Real {
        addEventListener(type, listener, options) {
          super.addEventListener(type, (event) => setTimeout(() => listener.call(this, event), 3000), options);
        }
        set onmessage(listener) { super.onmessage = listener && ((event) => setTimeout(() => listener.call(this, event), 3000)); }
        get onmessage() { return super.onmessage; }
      };
    });
    await late.goto(env.url);
    await late.waitForFunction(() => window.stridewise && window.stridewise.state);
    await late.evaluate(() => window.stridewise.ready);
    const other = await openTab(env, context);
    const w1 = await dispatch(late, { type: 'add_run', date: '2026-11-20', distance_m: 1111 });
    await waitSaved(late);
    const l1 = await dispatch(other, { type: 'add_run', date: '2026-11-20', distance_m: 2222 });
    await waitSaved(other);
    // W has not heard of L's run yet; it adds one and edits it at once by the id it was given.
    const w2 = await dispatch(late, { type: 'add_run', date: '2026-11-21', distance_m: 3333 });
    assert.equal(w2.ok, true);
    assert.notEqual(w2.id, l1.id, 'two tabs never hand out the same id');
    assert.notEqual(w2.id, w1.id);
    const edit = await dispatch(late, { type: 'update_run', id: w2.id, distance_m: 4444 });
    assert.equal(edit.ok, true, edit.error);
    await waitSaved(late);
    const expected = [[w1.id, 1111], [l1.id, 2222], [w2.id, 4444]].sort((a, b) => a[0] - b[0]);
    for (const page of [late, other]) {
      const s = await waitForState(page, (x) => x.runs.length === 3 && x.runs.some((r) => r.distance_m === 4444),
        { timeout: 6000, what: 'all three runs' });
      assert.deepEqual(s.runs.map((r) => [r.id, r.distance_m]).sort((a, b) => a[0] - b[0]), expected);
    }
    await context.close();
  });
});
