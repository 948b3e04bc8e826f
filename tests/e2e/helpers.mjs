// Shared set-up for the browser tests: a static server for dist/, Debian's Chromium through
// playwright-core, phone and desktop contexts, and helpers that tap what state() reports.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tools/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT_DIR = join(ROOT, 'test-output');
mkdirSync(OUTPUT_DIR, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic',
];

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

export async function launch() {
  const { server, url } = await startServer(join(ROOT, process.env.STRIDEWISE_DIST || 'dist'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url, browser,
    async close() { await browser.close(); await new Promise((ok) => server.close(ok)); },
  };
}

// Pins `new Date()` (no arguments) to 2026-03-12 09:00 local time; the clock keeps ticking.
// An init script (openApp's `initScript`) for tests whose weekly figures need a fixed date.
// Pinned to Thursday 2026-03-12 (or `iso`, as context.addInitScript(pinToday, iso) passes it).
export function pinToday(iso) {
  const Real = Date;
  const [y, m, d] = (typeof iso === 'string' ? iso : '2026-03-12').split('-').map(Number);
  const fixed = new Real(y, m - 1, d, 9, 0, 0).getTime();
  const t0 = Real.now();
  function PinnedDate(...args) {
    if (!new.target) return Real();
    return args.length ? new Real(...args) : new Real(fixed + (Real.now() - t0));
  }
  PinnedDate.prototype = Real.prototype;
  PinnedDate.now = Real.now;
  PinnedDate.UTC = Real.UTC;
  PinnedDate.parse = Real.parse;
  window.Date = PinnedDate;
}

// Opens the app in a new context and waits for stridewise.ready; collects console errors and
// failed requests (network failures and HTTP status >= 400).
// options: `initScript` runs before the page's own scripts; `ready: false` skips the wait.
export async function openApp(env, options = PHONE, { path = '', initScript, ready = true } = {}) {
  const context = await env.browser.newContext(options);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  const failures = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.url()}: HTTP ${r.status()}`); });
  await page.goto(env.url + path);
  if (ready) {
    await page.waitForFunction(() => window.stridewise && window.stridewise.state, null, { timeout: 20000 });
    await page.evaluate(() => window.stridewise.ready);
  }
  return { context, page, errors, failures };
}

// Another tab of the app in `context` (a profile already open), once `ready`.
export async function openTab(env, context) {
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForFunction(() => window.stridewise && window.stridewise.state, null, { timeout: 20000 });
  await page.evaluate(() => window.stridewise.ready);
  return page;
}

// `count` tap-along taps `everyMs` apart through the page API (the same Dispatch as the button),
// each with its intended time (t_ms): on a loaded machine a frame takes up to ~0.5 s in
// SwiftShader at DPR 3, so a finger tap or a page timer lands late and the rhythm would be irregular.
export async function tapRhythm(page, count, everyMs) {
  await page.evaluate(([taps, interval]) => new Promise((done) => {
    const t0 = performance.now();
    let i = 0;
    const next = () => {
      window.stridewise.dispatch({ type: 'cadence_tap', t_ms: t0 + (i + 1) * interval });
      if (++i === taps) return done();
      setTimeout(next, Math.max(0, t0 + (i + 1) * interval - performance.now()));
    };
    setTimeout(next, interval);
  }), [count, everyMs]);
}

// Polls state() until `predicate(state)` holds; returns that state or throws with the last one.
export async function waitForState(page, predicate, { timeout = 3000, what = 'condition' } = {}) {
  const start = Date.now();
  let s;
  for (;;) {
    s = await state(page);
    if (predicate(s)) return s;
    if (Date.now() - start > timeout) {
      const brief = { screen: s.screen, frames_rendered: s.frames_rendered, ui: { ...s.ui, widgets: s.ui.widgets.length } };
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last state: ${JSON.stringify(brief)}`);
    }
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

// Waits until no frame has been drawn for `quietMs` (render on demand has gone idle).
// Asks state() for frames_rendered alone: the whole state of years of runs is costly to build, and
// polling it would keep the page it waits on busy.
export async function settleFrames(page, { quietMs = 400, timeout = 5000 } = {}) {
  const start = Date.now();
  const frames = () => page.evaluate(() => window.stridewise.state(['frames_rendered']).frames_rendered);
  let last = await frames();
  let since = Date.now();
  while (Date.now() - start < timeout) {
    await new Promise((ok) => setTimeout(ok, 50));
    const now = await frames();
    if (now !== last) { last = now; since = Date.now(); } else if (Date.now() - since >= quietMs) return last;
  }
  throw new Error(`the app kept rendering for ${timeout} ms (frames_rendered ${last})`);
}

export const state = (page) => page.evaluate(() => window.stridewise.state());
// Only the named top-level fields of state() (cheap with years of data), e.g. ['save'].
export const stateOf = (page, fields) => page.evaluate((f) => window.stridewise.state(f), fields);
export const dispatch = (page, action) => page.evaluate((a) => window.stridewise.dispatch(a), action);

// The widget state() reports under `label` (and `kind`, if given), once it is on screen.
// Only state().ui is asked for: the whole state of years of runs takes tens of milliseconds to
// build, and polling it would keep the page busy.
export async function widget(page, label, kind) {
  let found;
  await page.waitForFunction(([l, k]) => window.stridewise.state(['ui']).ui.widgets
    .some((w) => w.label === l && (!k || w.kind === k) && w.visible && w.h > 0), [label, kind], { timeout: 5000 })
    .catch(() => {});
  const s = await stateOf(page, ['ui']);
  found = s.ui.widgets.find((w) => w.label === label && (!kind || w.kind === kind) && w.visible);
  if (!found) throw new Error(`no visible widget "${label}"; have: ${s.ui.widgets.map((w) => w.label).join(', ')}`);
  return found;
}

export const center = (w) => ({ x: w.x + w.w / 2, y: w.y + w.h / 2 });

// A real finger tap through the DevTools touch pipeline.
export async function tap(page, label, kind) {
  const w = await widget(page, label, kind);
  const { x, y } = center(w);
  await page.touchscreen.tap(x, y);
  return w;
}

// A finger drag from (x, y) by (dx, dy) in `steps` moves `stepMs` apart, through DevTools'
// touch events. stepMs 0: the moves are sent back to back, none waiting for the page to handle
// the one before, so the whole drag can reach the page within one frame (at DPR 3 in software GL
// a frame is ~200 ms, and each move waited for cost one).
const touchSessions = new WeakMap();  // page -> its DevTools session, opened once
export async function drag(page, x, y, dx, dy, steps = 12, stepMs = 16) {
  if (!touchSessions.has(page)) touchSessions.set(page, page.context().newCDPSession(page));
  const cdp = await touchSessions.get(page);
  const touch = (type, touchPoints) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
  const at = (i) => [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps, id: 1 }];
  await touch('touchStart', at(0));
  const moves = [];
  for (let i = 1; i <= steps; i++) {
    moves.push(touch('touchMove', at(i)));
    if (stepMs > 0) {
      await moves[moves.length - 1];
      await page.waitForTimeout(stepMs);
    }
  }
  await Promise.all(moves);
  await touch('touchEnd', []);
}

export async function screenshot(page, name) {
  const path = join(OUTPUT_DIR, name);
  await page.screenshot({ path });
  return path;
}

// [SECTION] Phone-screen helpers shared by the screen tests: scroll a widget into view, tap it,
// type into a field.

export const find = (s, label, kind) => s.ui.widgets.find((w) => w.label === label && (!kind || w.kind === kind));

export async function go(page, name) {
  const nav = await widget(page, name, 'nav');
  await page.touchscreen.tap(nav.x + nav.w / 2, nav.y + nav.h / 2);
  await waitForState(page, (s) => s.screen === name.toLowerCase(), { what: `screen ${name}` });
  await settleQuiet(page);
}

// One finger swipe over the content, from y `from` to y `to`: four moves sent back to back
// (drag's stepMs 0), as the screen tests swipe only to scroll, and the finger's path in between
// is what the pointer tests in foundation.test.mjs check.
export async function swipe(page, from, to) {
  await drag(page, 370, from, 0, to - from, 4, 0);
  await settleQuiet(page);
}

// Scrolls until the widget is fully on screen between the header and the nav bar. A widget not
// drawn at all (a clipped list draws only the rows on screen) is looked for further down first,
// then, once the page stops moving, further up.
export async function reveal(page, label, kind) {
  let upwards = false;
  let before = '';
  for (let i = 0; i < 30; i++) {
    const s = await stateOf(page, ['ui']);
    const w = find(s, label, kind);
    if (w && w.visible && w.y >= 56 && w.y + w.h <= PHONE.viewport.height - 64) return w;
    const layout = s.ui.widgets.map((x) => `${x.label}@${Math.round(x.y)}`).join();
    if (!w && layout === before) upwards = !upwards;  // the last swipe moved nothing: the end of the page
    before = layout;
    const down = w ? w.y + w.h > PHONE.viewport.height - 64 : !upwards;
    await (down ? swipe(page, 620, 300) : swipe(page, 300, 620));
  }
  return widget(page, label, kind);
}

// Waits for the frames a change asked for. Under load (two cores shared with builds, SwiftShader
// at DPR 3) a save can keep frames coming for a while; the suite's last test checks that the app
// does go idle, so here a busy spell is only noted.
export async function settleQuiet(page) {
  try {
    await settleFrames(page, { quietMs: 150 });
  } catch (e) {
    console.log(`# note: ${e.message}`);
  }
}

export async function tapVisible(page, label, kind) {
  const w = await reveal(page, label, kind);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  await settleQuiet(page);
  return w;
}

// Swipes down until the page bar (the first thing on the Guide screen) is fully in view.
export async function scrollToTop(page) {
  for (let i = 0; i < 10; i++) {
    const tab = find(await stateOf(page, ['ui']), 'Guide', 'button');
    if (tab && tab.visible && tab.y >= 56) return;
    await swipe(page, 150, 820);
  }
}

export async function typeInto(page, label, text) {
  const field = await reveal(page, label, 'text');
  await page.touchscreen.tap(field.x + Math.min(40, field.w / 3), field.y + field.h / 2);
  await waitForState(page, (s) => s.ui.text_input_active, { what: `field "${label}" to become active` });
  await page.keyboard.press('End');
  for (let i = 0; i < field.value.length + 2; i++) await page.keyboard.press('Backspace');
  // The text arrives whole, as a phone keyboard commits a word or a suggestion (one input
  // event); key-by-key typing is foundation.test.mjs's, and each key waits for a DPR-3 frame.
  if (text) await page.keyboard.insertText(text);
  await waitForState(page, (s) => s.ui.widgets.some((w) => w.label === label && w.kind === 'text' && w.value === text),
    { what: `field "${label}" = "${text}"` });
}

// A finger's tap on a date field opens the platform's date picker: the hidden <input type="date">
// (web/lib/date_picker.js) holds the focus. `date` is then set the way a picker sets it (fill()
// sends input and change events). Returns the field as it was before.
export const dateInputFocused = () => document.activeElement === document.getElementById('sw-date-input');
export async function pickDate(page, label, date) {
  const field = await reveal(page, label, 'text');
  await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
  await page.waitForFunction(dateInputFocused, null, { timeout: 5000 });
  await page.locator('#sw-date-input').fill(date);
  await waitForState(page, (s) => find(s, label, 'text')?.value === date, { what: `field "${label}" = "${date}" picked` });
  return field;
}
