// Issue 7, "Accessible and comfortable": light and dark themes (following the system, or chosen
// in Settings), a text-size setting, and touch targets of at least 44 CSS px, on a phone
// (390x844, DPR 3, touch). Colour contrast is checked on the palettes by the unit tests
// (tests/unit/theme_contrast_test.cpp); here the pixels on screen are checked to follow.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, PHONE, state, dispatch, widget, center, screenshot, waitForState, settleFrames,
} from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// The luminance (0-255) of the canvas pixel at CSS (x, y), read from a real screenshot.
async function pixelLuma(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(1, 1).getContext('2d');
    c.drawImage(img, 0, 0);
    const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, png.toString('base64'));
}

async function goTo(page, screen) {
  await dispatch(page, { type: 'navigate', screen });
  await settleFrames(page);
}

describe('appearance on a phone', () => {
  let opened;
  let page;
  before(async () => {
    opened = await openApp(env, { ...PHONE, colorScheme: 'dark' });
    page = opened.page;
  });
  after(async () => { await opened?.context.close(); });

  test('by default the app follows the system: dark, then light the moment the system switches', async () => {
    let s = await state(page);
    assert.equal(s.settings.theme, 'system');
    assert.equal(s.ui.theme, 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await settleFrames(page);
    assert.ok(await pixelLuma(page, 200, 300) < 40, 'a dark background');
    await page.emulateMedia({ colorScheme: 'light' });
    s = await waitForState(page, (st) => st.ui.theme === 'light', { what: 'the light theme without a reload' });
    await settleFrames(page);
    assert.ok(await pixelLuma(page, 200, 300) > 220, 'a light background');
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="theme-color"]').content), '#0d66a8');
  });

  test('Settings: Dark and Light override the system, System follows it again; the choice is saved', async () => {
    await goTo(page, 'settings');
    const dark = await widget(page, 'Dark', 'button');
    await page.touchscreen.tap(center(dark).x, center(dark).y);
    await waitForState(page, (s) => s.settings.theme === 'dark' && s.ui.theme === 'dark' && s.save.status === 'saved',
      { what: 'the dark theme chosen and saved' });
    await settleFrames(page);
    await screenshot(page, 'settings-dark-phone.png');
    await goTo(page, 'home');
    await screenshot(page, 'home-dark-phone.png');

    await page.reload();
    await page.evaluate(() => window.stridewise.ready);
    await waitForState(page, (s) => s.ui.theme === 'dark', { what: 'dark after a reload, with a light system' });

    await goTo(page, 'settings');
    const system = await widget(page, 'System', 'button');
    await page.touchscreen.tap(center(system).x, center(system).y);
    await waitForState(page, (s) => s.settings.theme === 'system' && s.ui.theme === 'light', { what: 'back to the system' });
    assert.deepEqual(opened.errors, []);
  });

  test('text size: the slider makes text and the layout larger, applied when the finger lets go', async () => {
    await goTo(page, 'settings');
    const before = await state(page);
    assert.equal(before.ui.text_scale, 1);
    const slider = await widget(page, '', 'slider');
    const { y } = center(slider);
    // Drag the grab to the right end: 150 %.
    const cdp = await page.context().newCDPSession(page);
    const x0 = slider.x + slider.w * (100 - 80) / 70;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y, id: 1 }] });
    for (let i = 1; i <= 12; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + (slider.x + slider.w + 20 - x0) * i / 12, y, id: 1 }] });
      await page.waitForTimeout(16);
    }
    const during = await state(page);
    assert.equal(during.settings.text_size_pct, 100, 'nothing applied while the finger is down');
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    const s = await waitForState(page, (st) => st.settings.text_size_pct === 150 && st.ui.text_scale === 1.5,
      { what: 'text size 150 %' });
    const heightOf = (st, label) => st.ui.widgets.find((w) => w.label === label).h;
    assert.ok(heightOf(s, 'Export backup') > heightOf(before, 'Export backup') * 1.4, 'buttons grew with the text');

    // Every screen still fits its navigation bar and reads at 150 %.
    await goTo(page, 'home');
    const home = await state(page);
    const nav = home.ui.widgets.filter((w) => w.kind === 'nav');
    assert.equal(nav.length, 6);
    for (const n of nav) assert.ok(n.visible && n.x >= 0 && n.x + n.w <= 390.5 && n.y + n.h <= 844.5, `nav "${n.label}" on screen`);
    await screenshot(page, 'home-text-150-phone.png');
    await dispatch(page, { type: 'update_settings', text_size_pct: 100 });
    await waitForState(page, (st) => st.ui.text_scale === 1, { what: 'back to 100 %' });
  });

  test('touch targets: every button, field, checkbox and slider is at least 44 CSS px tall on every screen', async () => {
    // Some data, so the lists and their buttons are drawn.
    const shoe = (await dispatch(page, { type: 'add_shoe', name: 'Pegasus 40' })).id;
    await dispatch(page, { type: 'add_run', date: '2026-11-20', distance_m: 8000, shoe_id: shoe });
    const small = [];
    for (const screen of ['home', 'log', 'shoes', 'cadence', 'guide', 'settings']) {
      await goTo(page, screen);
      const s = await state(page);
      for (const w of s.ui.widgets) {
        if (!['button', 'nav', 'text', 'checkbox', 'slider'].includes(w.kind) || !w.visible) continue;
        // A widget cut by the top or bottom edge of the scrolling area shows only part of itself.
        if (w.y <= 60 || w.y + w.h >= 844 - 70) continue;
        if (w.h < 44 - 0.5) small.push(`${screen}: ${w.kind} "${w.label}" ${w.h.toFixed(1)} px`);
      }
    }
    assert.deepEqual(small, []);
  });
});
