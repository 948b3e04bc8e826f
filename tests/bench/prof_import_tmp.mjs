// temporary: where the main thread's time goes during the ten-year import
import { execFileSync } from 'node:child_process';
import { launch, openApp, PHONE, tapVisible, go } from '../e2e/helpers.mjs';

function hooks() {
  window.__log = [];
  const log = (what, t0) => { const d = performance.now() - t0; if (d > 20) window.__log.push([what, Math.round(d), Math.round(t0)]); };
  const Real = window.Worker;
  window.Worker = function (url, options) {
    const worker = new Real(url, options);
    const realAdd = worker.addEventListener.bind(worker);
    let handler = null;
    Object.defineProperty(worker, 'onmessage', { set(h) { handler = h; }, get() { return handler; } });
    realAdd('message', (e) => { const t0 = performance.now(); if (handler) handler.call(worker, e); log('worker message ' + (e.data && e.data.type), t0); });
    return worker;
  };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => { const t0 = performance.now(); cb(ts); log('frame', t0); });
  const st = window.setTimeout.bind(window);
  window.setTimeout = (cb, ms, ...a) => st(() => { const t0 = performance.now(); cb(...a); log('timeout', t0); }, ms);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__log.push(['LONGTASK', Math.round(e.duration), Math.round(e.startTime)]); }).observe({ type: 'longtask', buffered: true });
}

const zip = process.argv[2];
const env = await launch();
const { page, context } = await openApp(env, PHONE, { initScript: hooks });
await page.evaluate(() => window.stridewise.dispatch({ type: 'add_shoe', name: 'Pegasus', purchase_date: '2016-01-01' }));
await go(page, 'Log');
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tapVisible(page, 'Import runs from a watch or app', 'button')]);
await page.evaluate(() => { window.__log = []; window.__t0 = performance.now(); });
await chooser.setFiles(zip);
await page.waitForFunction(() => window.stridewise._importBatchesLeft === 0, null, { timeout: 300000, polling: 200 });
await page.waitForTimeout(1500);
console.log(JSON.stringify(await page.evaluate(() => window.__log.map(([w, d, t]) => [w, d, t - window.__t0]))));
await context.close();
await env.close();
