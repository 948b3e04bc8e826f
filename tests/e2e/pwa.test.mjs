// Issue 7, the web platform: the service worker (offline reload, versioned updates with the
// "new version" notice), installability, zero off-origin requests and a Content-Security-Policy
// that nothing in a full session violates. Phone viewport; one context at a time (2 CPU cores).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  launch, PHONE, CHROMIUM_ARGS, OUTPUT_DIR, ROOT, state, dispatch, screenshot, waitForState, settleFrames, tap, reveal,
} from './helpers.mjs';
import { startServer, metaContentSecurityPolicy } from '../../tools/serve.mjs';
import { finishServiceWorker } from '../../tools/make_dist.mjs';

const DIST = join(ROOT, process.env.STRIDEWISE_DIST || 'dist');
const SCREENS = ['home', 'log', 'shoes', 'cadence', 'guide', 'settings'];

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const appReady = async (page) => {
  await page.waitForFunction(() => window.stridewise && window.stridewise.state, null, { timeout: 20000 });
  await page.evaluate(() => window.stridewise.ready);
};
const waitSaved = (page) => page.waitForFunction(() => window.stridewise.state().save.status === 'saved', null,
  { timeout: 5000 });
const controlled = (page) => page.evaluate(() => !!navigator.serviceWorker.controller);
const cacheNames = (page) => page.evaluate(() => caches.keys());
const fetchText = (page, path) => page.evaluate((p) => fetch(p).then((r) => r.text()), path);

// Waits until the service worker controls the page (boot.js registers it once the app is ready;
// the first install claims the page). Reloads once if it has not within 15 s.
async function waitControlled(page) {
  const wait = (timeout) => page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout })
    .then(() => true, () => false);
  if (await wait(15000)) return;
  await page.reload();
  await appReady(page);
  assert.ok(await wait(5000), 'the service worker controls the page after a reload');
}

// A context and page with the listeners a test needs attached before the first request.
async function open(url, { initScript, contextOptions = {}, context: given } = {}) {
  const context = given ?? await env.browser.newContext({ ...PHONE, ...contextOptions });
  if (initScript) await context.addInitScript(initScript);
  const requests = [];
  context.on('request', (r) => requests.push(r));
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  const failures = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.url()}: HTTP ${r.status()}`); });
  const response = await page.goto(url);
  await appReady(page);
  return { context, page, requests, errors, failures, response };
}

// Records securitypolicyviolation events from the first script on (an init script).
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ` +
      `${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`);
  });
}

// ---------------------------------------------------------------------------------------------
describe('offline', () => {
  test('after the first visit the app opens with the network off, with its data', async () => {
    const opened = await open(env.url);
    const { context, page } = opened;
    try {
      await waitControlled(page);
      assert.equal((await cacheNames(page)).filter((n) => n.startsWith('stridewise-')).length, 1, 'one versioned cache');
      const r = await dispatch(page, { type: 'add_shoe', name: 'Offline Pegasus' });
      assert.equal(r.ok, true, r.error);
      await waitSaved(page);

      const offline = [];
      page.on('request', (req) => offline.push(req));
      await context.setOffline(true);
      await page.reload();
      await appReady(page);
      let s = await state(page);
      assert.deepEqual(s.shoes.map((x) => x.name), ['Offline Pegasus']);
      assert.equal(await page.locator('#fatal').isVisible(), false);

      // Every request of the offline load was answered by the service worker.
      const pageRequests = offline.filter((req) => /^https?:/.test(req.url()));
      assert.ok(pageRequests.length >= 4, `the offline load made requests: ${pageRequests.map((q) => q.url())}`);
      for (const req of pageRequests) {
        const response = await req.response();
        assert.ok(response, `${req.url()} got a response offline (failure: ${req.failure()?.errorText})`);
        assert.equal(response.fromServiceWorker(), true, `${req.url()} came from the service worker`);
        assert.equal(response.status(), 200, req.url());
      }

      // A new tab, as when the runner opens the installed app at the trailhead.
      const tab = await context.newPage();
      await tab.goto(env.url);
      await appReady(tab);
      s = await state(tab);
      assert.deepEqual(s.shoes.map((x) => x.name), ['Offline Pegasus']);
      await tab.close();
      assert.deepEqual(opened.errors, [], 'console errors');
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });
});

// A copy of dist/ that a test can change as a new deployment would, served for the suite that
// calls this (hooks registered on that describe()); `onUrl` gets the copy's address.
function servedCopy(copy, onUrl) {
  let server;
  before(async () => {
    rmSync(copy, { recursive: true, force: true });
    cpSync(DIST, copy, { recursive: true });
    let url;
    ({ server, url } = await startServer(copy));
    onUrl(url);
  });
  after(async () => {
    await new Promise((ok) => server?.close(ok) ?? ok());
    rmSync(copy, { recursive: true, force: true });
  });
}

// ---------------------------------------------------------------------------------------------
describe('update to a new version', () => {
  const copy = join(OUTPUT_DIR, 'pwa-dist');
  let url;
  servedCopy(copy, (u) => { url = u; });

  // dist/sw.js is minified (const VERSION="..."); one rewritten by finishServiceWorker is not.
  const versionOf = () => readFileSync(join(copy, 'sw.js'), 'utf8').match(/const VERSION ?= ?"([0-9a-f]+)"/)[1];
  const MARK = '/* pwa test: build 2 */';

  test('installs completely in the background, says so, and switches only on Reload', async () => {
    const opened = await open(url);
    const { context, page } = opened;
    try {
      await waitControlled(page);
      const v1 = versionOf();
      assert.deepEqual(await cacheNames(page), [`stridewise-${v1}`]);
      await dispatch(page, { type: 'add_shoe', name: 'Kept across the update' });
      await waitSaved(page);
      assert.equal(await page.evaluate(() => window.stridewise.updateReady), false);
      assert.equal(await page.locator('#update button').count(), 0, 'no notice without a new version');

      // A new build: one file changed, sw.js rewritten by the same code make_dist.mjs runs.
      appendFileSync(join(copy, 'style.css'), `\n${MARK}\n`);
      const { version: v2 } = finishServiceWorker(copy);
      assert.notEqual(v2, v1);

      await page.reload();
      await appReady(page);
      const reloadButton = page.locator('#update .update-reload');
      await reloadButton.waitFor({ state: 'visible', timeout: 20000 });
      assert.equal(await page.evaluate(() => window.stridewise.updateReady), true);
      assert.match(await page.locator('#update').innerText(), /A new version of Stridewise is ready/);
      assert.equal(await page.locator('#update').getAttribute('role'), 'status');
      // The new version is complete in its own cache; the page still runs the old one.
      await page.waitForFunction((v) => caches.keys().then((k) => k.includes(`stridewise-${v}`)), v2);
      assert.deepEqual((await cacheNames(page)).sort(), [`stridewise-${v1}`, `stridewise-${v2}`].sort());
      assert.equal((await fetchText(page, 'style.css')).includes(MARK), false, 'the old style.css still served');
      assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)), true);

      // Reloading without tapping keeps the old version (no half-updated app) and asks again.
      await page.reload();
      await appReady(page);
      await reloadButton.waitFor({ state: 'visible', timeout: 10000 });
      assert.equal((await fetchText(page, 'style.css')).includes(MARK), false, 'still the old version');

      // "Later" puts the notice away; the next start offers it again.
      const later = await page.locator('#update .update-later').boundingBox();
      await page.touchscreen.tap(later.x + later.width / 2, later.y + later.height / 2);
      await page.locator('#update button').first().waitFor({ state: 'detached', timeout: 3000 });
      assert.equal(await page.evaluate(() => window.stridewise.updateReady), false);
      await page.reload();
      await appReady(page);
      await reloadButton.waitFor({ state: 'visible', timeout: 10000 });

      // The notice: under the header, above the navigation bar, 44 px buttons.
      await settleFrames(page);
      await page.waitForTimeout(300);  // the card's slide-in
      const card = await page.locator('#update .update-card').boundingBox();
      const nav = (await state(page)).ui.widgets.filter((w) => w.kind === 'nav' && w.visible);
      const navTop = Math.min(...nav.map((w) => w.y));
      assert.ok(card.y >= 52, `the notice starts below the header (y ${card.y})`);
      assert.ok(card.y + card.height <= navTop, `the notice ends above the navigation bar (${card.y + card.height} > ${navTop})`);
      assert.ok(card.x >= 0 && card.x + card.width <= PHONE.viewport.width, 'the notice fits the screen');
      for (const button of await page.locator('#update button').all()) {
        const box = await button.boundingBox();
        assert.ok(box.height >= 44 && box.width >= 44, `"${await button.innerText()}" is a 44 px target: ${box.width}x${box.height}`);
      }
      await screenshot(page, 'update-banner-phone.png');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForTimeout(100);
      await screenshot(page, 'update-banner-phone-dark.png');
      await page.emulateMedia({ colorScheme: 'light' });

      // Reload: the new worker takes over, the page reloads on its own into the new version.
      const box = await reloadButton.boundingBox();
      const loaded = page.waitForEvent('load', { timeout: 20000 });
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await loaded;
      await appReady(page);
      assert.equal(await controlled(page), true);
      assert.equal((await fetchText(page, 'style.css')).includes(MARK), true, 'the new style.css');
      await page.waitForFunction((v) => caches.keys().then((k) => k.length === 1 && k[0] === `stridewise-${v}`), v2,
        { timeout: 10000 }).catch(() => {});
      assert.deepEqual(await cacheNames(page), [`stridewise-${v2}`], 'only the new version is cached');
      assert.equal(await page.evaluate(() => window.stridewise.updateReady), false);
      assert.equal(await page.locator('#update button').count(), 0, 'no notice after updating');
      assert.deepEqual((await state(page)).shoes.map((s) => s.name), ['Kept across the update']);
      assert.deepEqual(opened.errors, [], 'console errors');
      assert.deepEqual(opened.failures, [], 'failed requests');
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('a half-deployed new version', () => {
  const copy = join(OUTPUT_DIR, 'pwa-dist-half');
  let url;
  servedCopy(copy, (u) => { url = u; });

  // Asks the browser to look for a new sw.js now; resolves with how the new worker ended up.
  const tryUpdate = (page) => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const outcome = new Promise((resolve) => {
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' || worker.state === 'redundant') resolve(worker.state);
        });
      });
    });
    await registration.update();
    return outcome;
  });

  test('new sw.js but an old file on the server: nothing installs, the old version stays whole', async () => {
    const opened = await open(url);
    const { context, page } = opened;
    try {
      await waitControlled(page);
      const [v1] = await cacheNames(page);
      const cssPath = join(copy, 'style.css');
      const oldCss = readFileSync(cssPath, 'utf8');
      writeFileSync(cssPath, `${oldCss}\n/* build 2 */\n`);
      finishServiceWorker(copy);
      writeFileSync(cssPath, oldCss);  // the server still has build 1's style.css
      assert.equal(await tryUpdate(page), 'redundant', 'the install fails on the file of another build');
      assert.deepEqual(await cacheNames(page), [v1], 'no cache for the broken version');
      assert.equal(await page.evaluate(() => window.stridewise.updateReady), false);
      await page.reload();
      await appReady(page);
      assert.equal(await page.locator('#update button').count(), 0, 'no notice');
      assert.equal((await state(page)).screen, 'home', 'the old version runs');

      writeFileSync(cssPath, `${oldCss}\n/* build 2 */\n`);  // the deployment finishes
      assert.equal(await tryUpdate(page), 'installed');
      await page.locator('#update .update-reload').waitFor({ state: 'visible', timeout: 5000 });
      assert.deepEqual(opened.errors, [], 'console errors');
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('installable', () => {
  // Width and height from a PNG's IHDR chunk.
  const pngSize = (buffer) => {
    assert.equal(buffer.subarray(1, 4).toString('latin1'), 'PNG');
    return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
  };

  test('Chromium reports no installability errors; the manifest has 192 and 512 px icons', async () => {
    // Chromium never offers to install from an incognito profile (browser.newContext()), so this
    // test runs in a real, throw-away profile.
    const profile = mkdtempSync(join(tmpdir(), 'stridewise-profile-'));
    const persistent = await chromium.launchPersistentContext(profile,
      { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ...PHONE });
    const { context, page, errors } = await open(env.url, { context: persistent });
    try {
      await waitControlled(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, []);
      const appManifest = await cdp.send('Page.getAppManifest');
      assert.deepEqual(appManifest.errors, [], 'manifest parse errors');

      const href = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
      const manifest = await page.evaluate((u) => fetch(u).then((r) => r.json()), href);
      assert.equal(manifest.name, 'Stridewise');
      assert.ok(manifest.short_name);
      assert.equal(manifest.display, 'standalone');
      assert.equal(manifest.start_url, './');
      assert.equal(manifest.theme_color, '#0d66a8');
      assert.ok(manifest.background_color);
      const icons = manifest.icons;
      for (const size of ['192x192', '512x512']) {
        assert.ok(icons.some((i) => i.sizes === size && i.type === 'image/png' && (i.purpose ?? 'any').includes('any')),
          `a ${size} PNG icon`);
      }
      assert.ok(icons.some((i) => (i.purpose ?? '').includes('maskable')), 'a maskable icon');
      for (const icon of icons) {
        const [w, h] = pngSize(readFileSync(join(DIST, icon.src)));
        assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is as large as the manifest says`);
      }
      const apple = await page.evaluate(() => document.querySelector('link[rel=apple-touch-icon]').getAttribute('href'));
      assert.deepEqual(pngSize(readFileSync(join(DIST, apple))), [180, 180]);
      await cdp.detach();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('private by design', () => {
  test('a full session: no request leaves the origin, no CSP violation, no console error', async (t) => {
    const opened = await open(env.url, { initScript: recordCspViolations, contextOptions: { acceptDownloads: true } });
    const { context, page, requests, errors, failures, response } = opened;
    try {
      const origin = new URL(page.url()).origin;
      // The header carries exactly the page's own <meta> policy: no inline script, no eval.
      const header = response.headers()['content-security-policy'];
      const meta = await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'));
      assert.ok(header, 'Content-Security-Policy header');
      assert.equal(header, meta);
      assert.equal(header, metaContentSecurityPolicy(readFileSync(join(DIST, 'index.html'), 'utf8')));
      assert.doesNotMatch(header, /unsafe-inline|'unsafe-eval'/);
      assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);

      await waitControlled(page);
      for (const screen of SCREENS) {
        assert.equal((await dispatch(page, { type: 'navigate', screen })).ok, true);
        await waitForState(page, (s) => s.screen === screen, { what: `screen ${screen}` });
        await settleFrames(page);
      }
      const shoe = await dispatch(page, { type: 'add_shoe', name: 'Private Ride' });
      assert.equal(shoe.ok, true, shoe.error);
      const run = await dispatch(page, { type: 'add_run', date: '2026-03-10', distance_m: 8000, duration_s: 2700,
        shoe_id: shoe.id });
      assert.equal(run.ok, true, run.error);
      await waitSaved(page);

      // Backup out (a Blob URL download) and back in through the file <input>, by real taps.
      const [backup] = await Promise.all([page.waitForEvent('download'), dispatch(page, { type: 'export_backup' })]);
      assert.match(backup.suggestedFilename(), /^stridewise-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const backupPath = await backup.path();
      assert.match(readFileSync(backupPath, 'utf8'), /Private Ride/);
      const [csv] = await Promise.all([page.waitForEvent('download'), dispatch(page, { type: 'export_csv' })]);
      assert.match(readFileSync(await csv.path(), 'utf8'), /^date,distance/);
      await dispatch(page, { type: 'navigate', screen: 'settings' });
      await settleFrames(page);
      // Settings is longer than a phone screen: scroll to the button first, as a runner would.
      await reveal(page, 'Import backup', 'button');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), tap(page, 'Import backup', 'button')]);
      await chooser.setFiles(backupPath);
      await tap(page, 'Replace');
      await waitSaved(page);
      assert.deepEqual((await state(page)).shoes.map((s) => s.name), ['Private Ride']);
      await page.reload();
      await appReady(page);
      assert.equal((await state(page)).runs.length, 1);

      const urls = requests.map((r) => r.url());
      assert.ok(urls.length >= 8, `requests were recorded: ${urls.length}`);
      t.diagnostic(`${urls.length} requests recorded (${requests.filter((r) => r.serviceWorker()).length} made by ` +
        `the service worker), origin ${origin}`);
      const offOrigin = urls.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
      assert.deepEqual(offOrigin, [], 'requests outside the page\'s origin');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
      assert.deepEqual(errors, [], 'console errors');
      assert.deepEqual(failures, [], 'failed requests');

      // The policy is in force: inline script and eval are refused (and reported).
      const refused = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true;';
        document.body.appendChild(s);
        // From a task of the page's own (DevTools' evaluation itself is exempt from the CSP).
        return new Promise((resolve) => setTimeout(() => {
          let evalRan = false;
          try { evalRan = (0, eval)('true'); } catch { /* EvalError: refused by the CSP */ }
          resolve({ inline: window.__inlineRan === true, eval: evalRan });
        }, 0));
      });
      assert.deepEqual(refused, { inline: false, eval: false });
      await page.waitForFunction(() => window.__cspViolations.length >= 2, null, { timeout: 3000 });
    } finally {
      await context.close();
    }
  });
});
