// Issue 2, "Foundation": the app shell in a real headless Chromium, on a phone (390x844, DPR 3,
// touch) and on a desktop (1280x800, mouse). Real input only: DevTools touch and mouse events,
// never calls into the app's C++ except through window.stridewise (state()/dispatch()).
// One browser for the whole file; one context at a time (2 CPU cores).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, PHONE, DESKTOP, state, dispatch, widget, tap, center, drag, screenshot,
  waitForState, settleFrames,
} from './helpers.mjs';
import {
  recordKeyboardTrail, keyboardTrail, hiddenInput, assertFocusedInTap, reportTap, ensureKeyboardFocus,
} from './keyboard_trail.mjs';

const SCREENS = ['Log', 'Shoes', 'Cadence', 'Guide', 'Settings', 'Home'];
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const visibleOf = (s, kind) => s.ui.widgets.filter((w) => w.kind === kind && w.visible);

// Frames drawn over `ms` of doing nothing.
async function framesOver(page, ms) {
  const start = (await state(page)).frames_rendered;
  await sleep(ms);
  return (await state(page)).frames_rendered - start;
}

// Taps (or clicks) a nav button and returns how long until state() shows the new screen.
async function goVia(page, name, { mouse = false } = {}) {
  const w = await widget(page, name, 'nav');
  const { x, y } = center(w);
  if (mouse) await page.mouse.click(x, y); else await page.touchscreen.tap(x, y);
  return waitForState(page, (s) => s.screen === name.toLowerCase(), { timeout: 3000, what: `screen ${name}` });
}

async function checkBoot(opened) {
  const { page, errors, failures } = opened;
  const s = await state(page);
  assert.match(s.version, /^\d+\.\d+\.\d+/, 'state().version');
  assert.equal(s.screen, 'home');
  assert.ok(s.frames_rendered >= 1, 'ready resolves after the first frame');
  assert.equal(await page.locator('#loading').isVisible(), false, 'loading indicator gone once ready');
  assert.equal(await page.locator('#fatal').isVisible(), false, 'no error message');
  assert.deepEqual(errors, [], 'console errors');
  assert.deepEqual(failures, [], 'failed requests');
}

// The Log screen's fields, by label: "Distance" (numeric) and another text field.
const textField = (s, label) => s.ui.widgets.find((w) => w.kind === 'text' && w.visible && w.label === label);
const otherField = (s) => visibleOf(s, 'text').filter((w) => w.label !== 'Distance').pop();

// Taps (or clicks) a text field; waits until ImGui has it active. Returns the keyboard trail of
// the tap.
async function typeIntoField(page, label, { mouse = false } = {}) {
  const s = await state(page);
  const field = label ? textField(s, label) : otherField(s);
  assert.ok(field, `text field "${label ?? 'other'}" on the log screen`);
  const { x, y } = center(field);
  await keyboardTrail(page);
  if (mouse) await page.mouse.click(x, y); else await page.touchscreen.tap(x, y);
  await waitForState(page, (st) => st.ui.text_input_active, { what: 'the field to become active' });
  return keyboardTrail(page);
}

// Opens the Log, taps its Distance field and makes sure the keyboard input holds the focus.
// Returns the field's value before any typing.
async function focusDistanceField(page, t) {
  await goVia(page, 'Log');
  await settleFrames(page);
  const before = textField(await state(page), 'Distance').value;
  reportTap(t, await typeIntoField(page, 'Distance'));
  await ensureKeyboardFocus(page, t, textField(await state(page), 'Distance'));
  return before;
}

// Measures inside the page, from the input event reaching the window to the end of the first
// animation frame after it. (Timing from node would add the DevTools round trip, which at DPR 3
// waits for SwiftShader to composite a 1170x2532 canvas: hundreds of ms that a phone's GPU
// does not spend.)
async function armFrameLatency(page, eventType) {
  await page.evaluate((type) => {
    window.__latency = { input: null, frame: null };
    if (!window.__latencyWrapped) {
      window.__latencyWrapped = true;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => raf((ts) => {
        callback(ts);
        const l = window.__latency;
        if (l.input !== null && l.frame === null) l.frame = performance.now();
      });
    }
    window.addEventListener(type, () => { if (window.__latency.input === null) window.__latency.input = performance.now(); },
      { capture: true, once: true });
  }, eventType);
}
async function frameLatency(page) {
  await page.waitForFunction(() => window.__latency.frame !== null, null, { timeout: 5000, polling: 50 });
  return page.evaluate(() => window.__latency.frame - window.__latency.input);
}

const distanceIs = (value) => (s) => textField(s, 'Distance')?.value === value;

// ---------------------------------------------------------------------------------------------
describe('phone (390x844, DPR 3, touch)', () => {
  let opened;
  let page;
  before(async () => {
    opened = await openApp(env, PHONE);
    page = opened.page;
    await recordKeyboardTrail(page);
  });
  after(async () => { await opened?.context.close(); });

  test('boots with no console errors or failed requests, on Home', async () => {
    await checkBoot(opened);
    const s = await state(page);
    assert.equal(s.ui.pixel_ratio, 3);
    assert.deepEqual(s.ui.canvas, { width: 390 * 3, height: 844 * 3 });
    const nav = visibleOf(s, 'nav');
    assert.deepEqual(nav.map((w) => w.label), ['Home', 'Log', 'Shoes', 'Cadence', 'Guide', 'Settings']);
    for (const w of nav) assert.ok(w.h >= 44 && w.w >= 44, `nav "${w.label}" is a 44 px touch target`);
    await settleFrames(page);
    await screenshot(page, 'home-phone-dpr3.png');
  });

  test('a single tap on each navigation button changes the screen', async () => {
    for (const name of SCREENS) {
      await settleFrames(page);  // each tap starts from an idle app, the usual case on a phone
      await goVia(page, name);
      const current = visibleOf(await state(page), 'nav').find((w) => w.value === 'current');
      assert.equal(current.label, name);
    }
  });

  test('quick taps straight after one another each land', async () => {
    for (const name of ['Guide', 'Log', 'Settings', 'Home']) await goVia(page, name);  // no settling between
  });

  test('navigate to an unknown screen is refused and changes nothing', async () => {
    const before = await state(page);
    const result = await dispatch(page, { type: 'navigate', screen: 'nowhere' });
    assert.equal(result.ok, false);
    assert.match(result.error, /nowhere/);
    const afterState = await state(page);
    assert.equal(afterState.screen, before.screen);
    assert.deepEqual(afterState.settings, before.settings);
  });

  test('a finger drag scrolls the Guide and does not press the button it started on', async () => {
    await goVia(page, 'Guide');
    await settleFrames(page);
    const s0 = await state(page);
    // A button well inside the view with room to drag upwards.
    const button = visibleOf(s0, 'button').find((w) => w.y > 300 && w.y + w.h < 700);
    assert.ok(button, 'a guide button in the middle of the screen');
    const { x, y } = center(button);
    const distance = 250;
    await drag(page, x, y, 0, -distance, 15);
    const s1 = await waitForState(page, (s) => {
      const moved = s.ui.widgets.find((w) => w.label === button.label);
      return moved && moved.y < button.y - distance * 0.8;
    }, { what: 'the guide to scroll' });
    const moved = s1.ui.widgets.find((w) => w.label === button.label);
    assert.ok(Math.abs(button.y - moved.y - distance) <= 30,
      `scrolled by ${button.y - moved.y} CSS px for a ${distance} px drag`);
    await settleFrames(page);
    assert.equal((await state(page)).screen, 'guide', 'the button under the finger did not fire');

    // And back down: a drag the other way scrolls back.
    const s2 = await state(page);
    const again = s2.ui.widgets.find((w) => w.label === button.label);
    await drag(page, x, 300, 0, 150, 10);
    await waitForState(page, (s) => s.ui.widgets.find((w) => w.label === button.label).y > again.y + 120,
      { what: 'the guide to scroll back' });
    await settleFrames(page);
    assert.equal((await state(page)).screen, 'guide');
    await screenshot(page, 'guide-phone.png');
  });

  test('a drag that starts before the next frame is drawn still scrolls (touch and moves in one batch)', async () => {
    await settleFrames(page);
    const s0 = await state(page);
    const button = visibleOf(s0, 'button').find((w) => w.y > 300 && w.y + w.h < 700);
    const { x, y } = center(button);
    // All moves dispatched back to back, faster than a frame.
    await drag(page, x, y, 0, -200, 8, 0);
    const s1 = await waitForState(page, (s) => s.ui.widgets.find((w) => w.label === button.label).y < button.y - 150,
      { what: 'the guide to scroll' });
    assert.ok(s1);
    await settleFrames(page);
    assert.equal((await state(page)).screen, 'guide');
  });

  test('a tap on a Guide button still works after scrolling', async () => {
    const s0 = await state(page);
    const button = visibleOf(s0, 'button').find((w) => w.y > 150 && w.y + w.h < 700);
    // A Guide button either opens another screen (shoes, cadence, load) or one of the Guide's own
    // pages (checklist, strength, pain log): either way the tap must change what is shown.
    const before = s0.ui.widgets.map((w) => w.label).join('|');
    await page.touchscreen.tap(center(button).x, center(button).y);
    await waitForState(page, (s) => s.screen !== 'guide' || s.ui.widgets.map((w) => w.label).join('|') !== before,
      { what: `"${button.label}" to open what it names` });
  });

  test('a slider follows a finger', async () => {
    await goVia(page, 'Settings');
    await settleFrames(page);
    // The text-size slider: its value is read while the finger is still down (letting go applies
    // the size, which re-lays out the screen).
    await dispatch(page, { type: 'update_settings', text_size_pct: 115 });
    await settleFrames(page);
    const slider = await widget(page, '', 'slider');
    const { x, y } = center(slider);
    const valueOf = async () => Number((await widget(page, '', 'slider')).value);
    const dragHold = async (dx) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y, id: 1 }] });
        await page.waitForTimeout(16);
      }
      await settleFrames(page);
      const value = await valueOf();
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
      return value;
    };
    const right = await dragHold(100);
    await waitForState(page, (s) => s.settings.text_size_pct === Math.round(right), { what: 'the size applied on release' });
    await dispatch(page, { type: 'update_settings', text_size_pct: 115 });
    await settleFrames(page);
    const left = await dragHold(-100);
    await dispatch(page, { type: 'update_settings', text_size_pct: 100 });
    await settleFrames(page);
    // 80..150 over the slider's width: 200 px of finger travel is about 200 / 358 * 70 = 39.
    const expected = (200 / slider.w) * 70;
    assert.ok(right > left, `right drag ${right} > left drag ${left}`);
    assert.ok(Math.abs(right - left - expected) < expected * 0.35,
      `value moved ${right - left} for 200 px, expected about ${expected.toFixed(1)}`);
    assert.equal((await state(page)).screen, 'settings');
  });

  test('typing into the numeric distance field through the phone keyboard', async () => {
    await goVia(page, 'Log');
    await settleFrames(page);
    assertFocusedInTap(await typeIntoField(page, 'Distance'));
    const input = await hiddenInput(page);
    assert.equal(input.focused, true, 'hidden input is document.activeElement after the tap');
    assert.equal(input.inputMode, 'decimal', 'numeric keypad for a number');
    await page.keyboard.type('12.5');
    await waitForState(page, distanceIs('12.5'), { what: 'value 12.5' });
    await page.keyboard.press('Backspace');
    await waitForState(page, distanceIs('12.'), { what: 'value 12.' });
    await page.keyboard.insertText('7');  // what an IME / Android keyboard sends: an input event only
    await waitForState(page, distanceIs('12.7'), { what: 'value 12.7' });
    // Android keyboards send Backspace as beforeinput deleteContentBackward (key code 229 keydown).
    await page.evaluate(() => {
      const el = document.getElementById('sw-text-input');
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: 229, bubbles: true }));
      el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true, cancelable: true }));
    });
    await waitForState(page, distanceIs('12.'), { what: 'value 12. after an Android backspace' });
    await page.keyboard.type('3');
    await waitForState(page, distanceIs('12.3'), { what: 'value 12.3' });
    // Enter ends the edit: ImGui lets go of the field and the keyboard closes.
    await page.keyboard.press('Enter');
    await waitForState(page, (s) => !s.ui.text_input_active, { what: 'the field to let go after Enter' });
    assert.equal((await hiddenInput(page)).focused, false, 'keyboard closed (hidden input blurred)');
  });

  test('a second field, and the first again: each tap reaches the app; a tap elsewhere closes the keyboard', async (t) => {
    await settleFrames(page);
    const before = otherField(await state(page));
    reportTap(t, await typeIntoField(page));  // the hidden input now sits over this field
    await ensureKeyboardFocus(page, t, before);
    await page.keyboard.type('45');
    await waitForState(page, (s) => otherField(s).value !== before.value, { what: `typing into "${before.label}"` });
    await page.touchscreen.tap(300, 26);  // the header: nothing there
    await waitForState(page, (s) => !s.ui.text_input_active, { what: 'the field to let go' });
    assert.equal((await hiddenInput(page)).focused, false);
    // The same field once more: the hidden input must not swallow the tap.
    await typeIntoField(page);
    await page.touchscreen.tap(300, 26);
    await waitForState(page, (s) => !s.ui.text_input_active, { what: 'the field to let go again' });
  });

  test('the keyboard bridge can be removed and comes back (every listener has a remover)', async () => {
    const counts = await page.evaluate(() => window.Module._sw_keyboard_listeners());
    assert.ok(counts > 0);
    // Stop and count in one task: a frame in between would install the bridge again.
    const afterStop = await page.evaluate(() => { window.Module._sw_keyboard_stop(); return window.Module._sw_keyboard_listeners(); });
    assert.equal(afterStop, 0);
    // The next frame installs it again.
    await dispatch(page, { type: 'navigate', screen: 'log' });
    await sleep(300);
    assert.equal(await page.evaluate(() => window.Module._sw_keyboard_listeners()), counts);
  });

  test('idle stops rendering, and a tap renders at once', async () => {
    await goVia(page, 'Home');
    await settleFrames(page);
    const idle = await framesOver(page, 3000);
    assert.ok(idle <= 3, `${idle} frames in 3 s of idling (at most 1 per second)`);
    // A tap on empty space (the header): nothing to do but draw.
    const before = (await state(page)).frames_rendered;
    await armFrameLatency(page, 'touchstart');
    await page.touchscreen.tap(300, 26);
    const ms = await frameLatency(page);
    assert.ok(ms <= 100, `first frame ${ms.toFixed(1)} ms after the touch`);
    await waitForState(page, (s) => s.frames_rendered > before, { what: 'frames after the tap' });
    assert.equal((await state(page)).screen, 'home');
  });

  test('a focused text field blinks while typing, then stops rendering', async (t) => {
    const before = await focusDistanceField(page, t);
    await page.keyboard.type('9');
    await waitForState(page, distanceIs(before + '9'), { what: 'the typed digit' });
    const blinking = await framesOver(page, 1500);
    assert.ok(blinking >= 1, `the cursor blinks right after typing (${blinking} frames in 1.5 s)`);
    // Some seconds after the last key the cursor stays drawn and the app idles.
    await settleFrames(page, { quietMs: 1500, timeout: 8000 });
    const idle = await framesOver(page, 3000);
    assert.ok(idle <= 3, `${idle} frames in 3 s with a field focused and no typing`);
    assert.equal((await state(page)).ui.text_input_active, true, 'the field is still active');
    await page.keyboard.press('Backspace');  // typing again renders at once
    await waitForState(page, distanceIs(before), { what: 'backspace' });
    await page.touchscreen.tap(300, 26);
    await waitForState(page, (s) => !s.ui.text_input_active, { what: 'the field to let go' });
  });

  test('focus taken from an active field comes straight back, without waiting for a frame', async (t) => {
    const before = await focusDistanceField(page, t);
    await settleFrames(page, { quietMs: 1500, timeout: 8000 });  // idle: no frame is coming
    // What a tap's stray mouse compatibility events can do: move the focus to the canvas.
    const seen = await page.evaluate(() => new Promise((resolve) => {
      const input = document.getElementById('sw-text-input');
      const frames = window.stridewise.state().frames_rendered;
      document.getElementById('canvas').focus();
      const lost = document.activeElement !== input;
      setTimeout(() => resolve({ lost, back: document.activeElement === input,
        frames: window.stridewise.state().frames_rendered - frames }), 50);
    }));
    assert.deepEqual(seen, { lost: true, back: true, frames: 0 });
    await page.keyboard.type('4');
    await waitForState(page, distanceIs(before + '4'), { what: 'the digit typed after the focus came back' });
    await page.touchscreen.tap(300, 26);
    await waitForState(page, (s) => !s.ui.text_input_active, { what: 'the field to let go' });
  });

  test('rotation re-lays out the shell to the new size', async () => {
    await goVia(page, 'Home');
    await page.setViewportSize({ width: 844, height: 390 });
    const s = await waitForState(page, (st) => st.ui.canvas.width === 844 * 3 && st.ui.canvas.height === 390 * 3,
      { what: 'the canvas to follow the rotation' });
    await settleFrames(page);
    const nav = visibleOf(await state(page), 'nav');
    const last = nav[nav.length - 1];
    assert.equal(nav[0].x, 0);
    assert.ok(Math.abs(last.x + last.w - 844) < 1, `nav spans the width: ends at ${last.x + last.w}`);
    assert.ok(Math.abs(last.y + last.h - 390) < 1, `nav sits at the bottom: ends at ${last.y + last.h}`);
    assert.equal(s.ui.pixel_ratio, 3);
    assert.deepEqual(await page.evaluate(() => [canvas.width, canvas.height]), [844 * 3, 390 * 3]);
    await screenshot(page, 'home-phone-landscape.png');
    // A tap still lands in the new layout.
    await goVia(page, 'Settings');
    await page.setViewportSize(PHONE.viewport);
    await waitForState(page, (st) => st.ui.canvas.width === 390 * 3, { what: 'the canvas to rotate back' });
    await goVia(page, 'Home');
    assert.deepEqual(opened.errors, []);
  });
});

// ---------------------------------------------------------------------------------------------
describe('desktop (1280x800, mouse)', () => {
  let opened;
  let page;
  before(async () => { opened = await openApp(env, DESKTOP); page = opened.page; });
  after(async () => { await opened?.context.close(); });

  test('boots with no console errors or failed requests, on Home', async () => {
    await checkBoot(opened);
    const s = await state(page);
    assert.equal(s.ui.pixel_ratio, 1);
    assert.deepEqual(s.ui.canvas, { width: 1280, height: 800 });
    await settleFrames(page);
    await screenshot(page, 'home-desktop.png');
  });

  test('a mouse click on each navigation button changes the screen', async () => {
    for (const name of SCREENS) {
      await settleFrames(page);
      await goVia(page, name, { mouse: true });
    }
  });

  test('the mouse wheel scrolls the Guide', async () => {
    await goVia(page, 'Guide', { mouse: true });
    await settleFrames(page);
    const first = visibleOf(await state(page), 'button')[0];
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 300);
    await waitForState(page, (s) => s.ui.widgets.find((w) => w.label === first.label).y < first.y - 100,
      { what: 'the guide to scroll' });
  });

  test('typing into a text field with a real keyboard', async () => {
    await goVia(page, 'Log', { mouse: true });
    await settleFrames(page);
    await typeIntoField(page, 'Distance', { mouse: true });
    assert.equal((await hiddenInput(page)).focused, true);
    await page.keyboard.type('42');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1.5');
    await waitForState(page, distanceIs('41.5'), { what: 'value 41.5' });
    await page.mouse.click(900, 26);
    await waitForState(page, (s) => !s.ui.text_input_active, { what: 'the field to let go' });
  });

  test('idle stops rendering; a mouse click renders at once', async () => {
    await settleFrames(page);
    const idle = await framesOver(page, 3000);
    assert.ok(idle <= 3, `${idle} frames in 3 s of idling`);
    const before = (await state(page)).frames_rendered;
    await armFrameLatency(page, 'mousedown');
    await page.mouse.click(900, 26);
    const ms = await frameLatency(page);
    assert.ok(ms <= 100, `first frame ${ms.toFixed(1)} ms after the click`);
    await waitForState(page, (s) => s.frames_rendered > before, { what: 'frames after the click' });
  });

  test('a window resize re-lays out the shell', async () => {
    // From 900 CSS px the navigation is a column down the left (desktop.test.mjs has the rest);
    // narrower, the phone's bar along the bottom, across the whole width.
    await page.setViewportSize({ width: 900, height: 700 });
    await waitForState(page, (st) => st.ui.canvas.width === 900 && st.ui.canvas.height === 700, { what: 'resize' });
    await settleFrames(page);
    let nav = visibleOf(await state(page), 'nav');
    assert.ok(nav.every((w) => w.x === nav[0].x && w.x + w.w <= 200), 'a side navigation at 900 px');
    await page.setViewportSize({ width: 800, height: 700 });
    await waitForState(page, (st) => st.ui.canvas.width === 800, { what: 'resize' });
    await settleFrames(page);
    nav = visibleOf(await state(page), 'nav');
    const last = nav[nav.length - 1];
    assert.ok(Math.abs(last.x + last.w - 800) < 1 && Math.abs(last.y + last.h - 700) < 1);
    assert.deepEqual(opened.errors, []);
  });
});

// ---------------------------------------------------------------------------------------------
describe('high DPI: backing store = CSS size x devicePixelRatio', () => {
  for (const dpr of [1, 2, 3]) {
    test(`DPR ${dpr}`, async () => {
      const opened = await openApp(env, { ...PHONE, deviceScaleFactor: dpr });
      try {
        const { page } = opened;
        const s = await state(page);
        assert.equal(s.ui.pixel_ratio, dpr);
        assert.deepEqual(s.ui.canvas, { width: 390 * dpr, height: 844 * dpr });
        assert.deepEqual(await page.evaluate(() => [canvas.width, canvas.height, canvas.clientWidth, canvas.clientHeight]),
          [390 * dpr, 844 * dpr, 390, 844]);
        // Layout in CSS px is the same at every DPR (the UI is scaled, not shrunk).
        const nav = visibleOf(s, 'nav');
        assert.equal(nav[0].h, 60);
        assert.ok(Math.abs(nav[5].x + nav[5].w - 390) < 1);
        const button = visibleOf(s, 'button')[0];
        assert.ok(button.h >= 44 && button.h < 60, `a 44 CSS px touch target at DPR ${dpr}: ${button.h}`);
        await goVia(page, 'Log');
        await goVia(page, 'Home');
        if (dpr === 1) { await settleFrames(page); await screenshot(page, 'home-phone-dpr1.png'); }
        assert.deepEqual(opened.errors, []);
        assert.deepEqual(opened.failures, []);
      } finally {
        await opened.context.close();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
describe('start-up and missing browser features', () => {
  test('a loading indicator shows while the WebAssembly downloads', async () => {
    const context = await env.browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      let release;
      const held = new Promise((ok) => { release = ok; });
      await page.route('**/app.wasm', async (route) => { await held; await route.continue(); });
      await page.goto(env.url, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('#loading', { state: 'visible', timeout: 5000 });
      assert.match(await page.locator('#loading').innerText(), /Loading/);
      assert.equal(await page.evaluate(() => !!(window.stridewise && window.stridewise.state)), false);
      release();
      await page.evaluate(() => window.stridewise.ready);
      await page.waitForSelector('#loading', { state: 'hidden', timeout: 5000 });
    } finally {
      await context.close();
    }
  });

  test('without WebGL2 a clear message replaces the canvas', async () => {
    const opened = await openApp(env, PHONE, {
      ready: false,
      initScript: () => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' ? null : original.call(this, type, ...rest);
        };
      },
    });
    try {
      const { page } = opened;
      await page.waitForSelector('#fatal', { state: 'visible', timeout: 5000 });
      assert.match(await page.locator('#fatal').innerText(), /WebGL2/);
      assert.equal(await page.locator('#loading').isVisible(), false);
      assert.equal(await page.locator('#canvas').isVisible(), false);
      await screenshot(page, 'no-webgl2-phone.png');
    } finally {
      await opened.context.close();
    }
  });

  test('without WebAssembly a clear message replaces the canvas', async () => {
    const opened = await openApp(env, PHONE, { ready: false, initScript: () => { delete window.WebAssembly; } });
    try {
      const { page } = opened;
      await page.waitForSelector('#fatal', { state: 'visible', timeout: 5000 });
      assert.match(await page.locator('#fatal').innerText(), /WebAssembly/);
      assert.equal(await page.locator('#canvas').isVisible(), false);
      assert.deepEqual(opened.failures, [], 'app.js is not even requested');
    } finally {
      await opened.context.close();
    }
  });
});
