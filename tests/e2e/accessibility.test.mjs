// Issue 15: a screen reader, a keyboard and a switch can run Stridewise. Every interaction here
// goes through Playwright's role-based locators (getByRole, getByLabel) and the keyboard only -
// focus an element, then Enter, Space, arrows, typing, Escape - on the accessible mirror, the DOM
// layer over the canvas (web/lib/a11y.js). What happened is checked in the app's state().
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, PHONE, DESKTOP, state, waitForState, settleFrames, screenshot, widget, center } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const INTERACTIVE = new Set(['button', 'checkbox', 'textbox', 'slider', 'link', 'combobox', 'menuitem', 'tab', 'switch']);

async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

async function goTo(page, name) {
  await press(page.getByRole('navigation').getByRole('button', { name, exact: true }));
  await waitForState(page, (s) => s.screen === name.toLowerCase(), { what: `screen ${name}` });
  await settleFrames(page);
}

async function typeIn(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await waitForState(page, (s) => s.ui.widgets.some((w) => w.kind === 'text' && w.label === label && w.value === text),
    { what: `${label} = ${text}` });
}

// Every mirrored element of a visible widget lies over the widget as drawn (CSS px).
async function assertBoxesOverWidgets(page, where) {
  await settleFrames(page);  // state().ui lags the layer by a frame while anything changes
  const s = await state(page);
  const boxes = await page.evaluate(() => [...document.querySelectorAll('#sw-a11y main > *, #sw-a11y nav > *')]
    .map((e) => { const r = e.getBoundingClientRect(); return { tag: e.tagName, name: e.getAttribute('aria-label') || e.textContent, x: r.x, y: r.y, w: r.width, h: r.height }; }));
  const tagOf = (kind) => (kind === 'button' || kind === 'nav' ? 'BUTTON' : 'INPUT');
  let checked = 0;
  for (const w of s.ui.widgets) {
    if (!w.visible || !['button', 'nav', 'text', 'checkbox', 'slider'].includes(w.kind) || !w.label) continue;
    const box = boxes.find((b) => b.tag === tagOf(w.kind) && b.name === w.label && Math.abs(b.y - w.y) < 4 && Math.abs(b.x - w.x) < 4);
    assert.ok(box, `${where}: no mirrored element over "${w.label}" at ${w.x.toFixed(0)},${w.y.toFixed(0)}`);
    assert.ok(Math.abs(box.w - w.w) < 4 && Math.abs(box.h - w.h) < 4, `${where}: "${w.label}" box ${JSON.stringify(box)} vs ${JSON.stringify(w)}`);
    checked++;
  }
  assert.ok(checked >= 6, `${where}: only ${checked} widgets checked`);
}

// CDP's accessibility tree: every interactive node has a name.
async function assertNamedControls(page, where) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const controls = nodes.filter((n) => !n.ignored && INTERACTIVE.has(n.role?.value));
  assert.ok(controls.length >= 8, `${where}: ${controls.length} interactive nodes`);
  for (const n of controls) assert.ok(n.name?.value?.trim(), `${where}: a ${n.role.value} without a name`);
}

for (const [device, options] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  describe(`screen reader and keyboard only (${device})`, () => {
    let opened;
    let page;
    before(async () => {
      opened = await openApp(env, options);
      page = opened.page;
      await settleFrames(page);
    });
    after(async () => { await opened?.context.close(); });

    test('one Tab from the top reaches the tab bar; every control is named and lies over its widget', async () => {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ text: document.activeElement.textContent, nav: !!document.activeElement.closest('nav') }));
      assert.deepEqual(focused, { text: 'Home', nav: true });
      await assertNamedControls(page, 'Home');
      await assertBoxesOverWidgets(page, 'Home');
      await screenshot(page, `a11y-focus-ring-${device}.png`);
    });

    test('focus on a control scrolled out of view brings it into view; Enter then does what a tap does', async () => {
      const target = page.getByRole('button', { name: 'Open the cadence meter' });
      await target.focus();
      await waitForState(page, (s) => s.ui.widgets.some((w) => w.label === 'Open the cadence meter' && w.visible &&
        w.y >= 0 && w.y + w.h <= s.ui.canvas.height / s.ui.pixel_ratio), { what: 'revealed' });
      await page.keyboard.press('Enter');
      await waitForState(page, (s) => s.screen === 'cadence', { what: 'the cadence meter' });
      await goTo(page, 'Home');
    });

    test('adds a pair of shoes, logs a run (the live region says "Saved") and reads the status', async () => {
      await press(page.getByRole('button', { name: 'Add shoes' }));
      await waitForState(page, (s) => s.screen === 'shoes' && s.ui.widgets.some((w) => w.label === 'Shoe name'));
      await typeIn(page, 'Shoe name', 'Pegasus 41');
      await press(page.getByRole('button', { name: 'Save shoes' }));
      await waitForState(page, (s) => s.shoes.some((x) => x.name === 'Pegasus 41'), { what: 'shoe added' });
      await assertBoxesOverWidgets(page, 'Shoes');

      await goTo(page, 'Log');
      await typeIn(page, 'Distance', '8');
      await press(page.getByRole('button', { name: 'Save run' }));
      await waitForState(page, (s) => s.runs.length === 1, { what: 'run saved' });
      await page.locator('#sw-live').getByText('Saved').waitFor();
      assert.equal(await page.getByRole('status').filter({ hasText: 'Saved' }).count(), 1);

      await goTo(page, 'Home');
      const line = page.getByText(/^Pegasus 41 - 8\.0 (mi|km) - Good$/);
      await line.waitFor();
      await screenshot(page, `a11y-home-${device}.png`);
    });

    test('ticks a wear sign with Space; Escape closes a dialog', async () => {
      await goTo(page, 'Shoes');
      const card = page.getByRole('button', { name: /^Pegasus 41/ });
      await press(card);
      await waitForState(page, (s) => s.ui.widgets.some((w) => w.label === 'Uneven wear on the sole'));
      await page.getByRole('button', { name: /^Pegasus 41/ }).and(page.locator('[aria-expanded="true"]')).waitFor();
      const box = page.getByRole('checkbox', { name: 'Uneven wear on the sole' });
      await press(box, 'Space');
      await waitForState(page, (s) => s.shoes.find((x) => x.name === 'Pegasus 41')?.wear?.uneven_wear === true,
        { what: 'wear sign ticked' });
      await box.and(page.locator(':checked')).waitFor();
      // The warning it brings is said once, when Home first shows it.
      await goTo(page, 'Home');
      await page.locator('#sw-live').getByText(/Pegasus 41/).waitFor();

      // Escape closes a dialog: the Log's pair filter asks which pair in a card over the screen.
      await goTo(page, 'Log');
      await press(page.getByRole('button', { name: 'Filter by pair' }));
      const cardOpen = (s) => s.ui.widgets.some((w) => w.visible && w.kind === 'button' && w.label === 'All pairs');
      await waitForState(page, cardOpen, { what: 'the pair card' });
      // A modal dialog: the keyboard's focus moved into it, and what lies behind it is inert.
      await page.getByRole('button', { name: 'All pairs' }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'All pairs');
      const inert = await page.evaluate(() => [...document.querySelectorAll('#sw-a11y button')]
        .map((b) => [b.textContent, b.inert]));
      assert.ok(inert.find(([t]) => t === 'Filter by pair')[1], 'the Log behind the card is inert');
      assert.ok(inert.filter(([t]) => t === 'Home' || t === 'Settings').every(([, i]) => i), 'the tabs behind the card are inert');
      assert.ok(!inert.find(([t]) => t === 'All pairs')[1], 'the card is not');
      await page.keyboard.press('Escape');
      await waitForState(page, (s) => !cardOpen(s), { what: 'card closed' });
      assert.equal((await state(page)).runs.length, 1, 'Escape changed nothing');

    });

    test('a slider moves by its step with the arrow keys; the Guide is searched by typing', async () => {
      await goTo(page, 'Settings');
      const slider = page.getByRole('slider', { name: 'Most a week may grow over the week before' });
      const before = (await state(page)).settings.weekly_increase_limit_pct;
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await waitForState(page, (s) => s.settings.weekly_increase_limit_pct === before + 1, { what: 'limit +1' });

      await goTo(page, 'Guide');
      await typeIn(page, 'Search the guide', 'shin splints');
      await page.getByRole('button', { name: 'Clear search' }).waitFor();
      await page.getByText(/^\d+ match(es)?, best first$/).waitFor();
      await page.getByText(/Adding distance too fast/).waitFor();
      await screenshot(page, `a11y-guide-search-${device}.png`);
    });

    test('Tab walks down a long history row by row, each scrolled into view as it is reached', async () => {
      for (let i = 1; i <= 40; i++) {
        const day = new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
        await page.evaluate((d) => window.stridewise.dispatch({ type: 'add_run', date: d, distance_m: 5000 }), day);
      }
      await goTo(page, 'Log');
      const first = page.getByRole('button', { name: /^Edit run 2026-/ }).first();
      await first.focus();
      const seen = new Set();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        // A person's next Tab comes frames later: the app's frame (the row scrolled in, the next
        // rows mirrored) runs in the page's next animation frame.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const name = await page.evaluate(() => document.activeElement.textContent);
        if (/^Edit run /.test(name)) seen.add(name);
      }
      await settleFrames(page);
      const name = await page.evaluate(() => document.activeElement.textContent);
      assert.ok(seen.size >= 15, `Tab reached ${seen.size} runs: ${[...seen].join(', ')}`);
      // The focused row is on screen.
      const s = await state(page);
      const focused = s.ui.widgets.filter((w) => w.label === name && w.kind === 'button');
      assert.ok(focused.some((w) => w.visible && w.y >= 0 && w.y + w.h <= s.ui.canvas.height / s.ui.pixel_ratio),
        `"${name}" is not in view`);
    });

    test('a month without runs is a disabled button; a year and a month are jumped to by Enter', async () => {
      for (const d of ['2025-03-01', '2025-05-01'])
        await page.evaluate((day) => window.stridewise.dispatch({ type: 'add_run', date: day, distance_m: 4000 }), d);
      await settleFrames(page);
      await press(page.getByRole('button', { name: '2025', exact: true }));
      const jan = page.getByRole('button', { name: 'Jan 2025' });
      await jan.waitFor();
      assert.ok(await jan.isDisabled(), 'January 2025 has no runs');
      const mar = page.getByRole('button', { name: 'Mar 2025' });
      assert.ok(await mar.isEnabled());
      await press(mar);
      await waitForState(page, (s) => s.ui.widgets.some((w) => w.kind === 'button' && w.label === 'Edit run 2025-03-01' && w.visible),
        { what: 'March 2025 in view' });
    });

    test('an idle page stays idle with the mirror', async () => {
      await settleFrames(page);
      const a = (await state(page)).frames_rendered;
      await page.waitForTimeout(1000);
      const b = (await state(page)).frames_rendered;
      assert.equal(b - a, 0, 'frames drawn in an idle second');
    });
  });
}

describe("the browser's text size", () => {
  test('grows the app\'s text with it (Chrome\'s font size, Android\'s text scaling)', async () => {
    const { page, context } = await openApp(env, PHONE);
    try {
      await settleFrames(page);
      assert.equal((await state(page)).ui.text_scale, 1);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
      await page.evaluate(() => window.dispatchEvent(new Event('resize')));
      await waitForState(page, (s) => Math.abs(s.ui.text_scale - 1.5) < 0.01, { what: 'text scale 1.5' });
      await settleFrames(page);
      await screenshot(page, 'a11y-browser-text-size-phone.png');
    } finally {
      await context.close();
    }
  });
});

describe('reduced motion', () => {
  // A text field being edited: its cursor blinks for a few seconds (frames drawn), except when the
  // system asks for reduced motion (none).
  async function framesWhileEditing(reducedMotion) {
    const { page, context } = await openApp(env, { ...DESKTOP, reducedMotion });
    try {
      await press(page.getByRole('navigation').getByRole('button', { name: 'Log', exact: true }));
      await waitForState(page, (s) => s.screen === 'log');
      await settleFrames(page);
      const { x, y } = center(await widget(page, 'Distance', 'text'));
      await page.mouse.click(x, y);
      await waitForState(page, (s) => s.ui.text_input_active, { what: 'editing' });
      const before = (await state(page)).frames_rendered;
      await page.waitForTimeout(2000);
      return (await state(page)).frames_rendered - before;
    } finally {
      await context.close();
    }
  }
  test('the text cursor does not blink with prefers-reduced-motion', async () => {
    assert.ok(await framesWhileEditing('no-preference') >= 2, 'the cursor blinks without the setting');
    assert.equal(await framesWhileEditing('reduce'), 0, 'frames drawn while editing with reduced motion');
  });
});
