// Issue 14 item 5: on a phone (390x844, DPR 3, touch) a date comes from the platform's own date
// picker, not from typing YYYY-MM-DD. A finger's tap on a date field focuses the hidden
// <input type="date"> and asks for its picker inside the tap (web/lib/date_picker.js); the day
// picked (set here as a picker sets it: input and change events) becomes the field's text. The
// phone keyboard stays shut. "Today" is pinned to Thursday 2026-03-12. One browser for the file.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, PHONE, state, dispatch, screenshot, waitForState, settleFrames, pinToday,
  find, go, reveal, tapVisible, typeInto, center, pickDate, dateInputFocused,
} from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Notes whether the phone keyboard's hidden input gets the focus from now on.
const watchKeyboard = (page) => page.evaluate(() => {
  window.__keyboardFocused = false;
  document.getElementById('sw-text-input').addEventListener('focus', () => { window.__keyboardFocused = true; });
});
const keyboardWasFocused = (page) => page.evaluate(() => window.__keyboardFocused);
// Counts the page's calls of showPicker() and what they threw (NotAllowedError: no user gesture seen).
const watchShowPicker = (page) => page.evaluate(() => {
  const showPicker = HTMLInputElement.prototype.showPicker;
  window.__pickerCalls = [];
  HTMLInputElement.prototype.showPicker = function () {
    try {
      showPicker.call(this);
      window.__pickerCalls.push({ id: this.id, error: null });
    } catch (e) {
      window.__pickerCalls.push({ id: this.id, error: e.name });
      throw e;
    }
  };
});

describe('the date picker on a phone', () => {
  let opened;
  let page;
  before(async () => {
    opened = await openApp(env, PHONE, { initScript: pinToday });
    page = opened.page;
    assert.equal((await dispatch(page, { type: 'set_units', units: 'km' })).ok, true);
  });
  after(async () => { await opened?.context.close(); });

  test("the date picker: a tap on the Log's date opens it, the keyboard stays shut, the day picked is the run's", async () => {
    await go(page, 'Log');
    // A field being typed in first: its keyboard must give way to the picker.
    await typeInto(page, 'Distance', '7.5');
    await watchKeyboard(page);
    await watchShowPicker(page);
    const field = await reveal(page, 'Date', 'text');
    assert.equal(field.value, '2026-03-12');
    await page.touchscreen.tap(center(field).x, center(field).y);
    await page.waitForFunction(dateInputFocused, null, { timeout: 5000 });
    const input = await page.evaluate(() => {
      const el = document.getElementById('sw-date-input');
      return { type: el.type, value: el.value, min: el.min, max: el.max };
    });
    // The picker starts on the field's day and offers the days core accepts (up to tomorrow).
    assert.deepEqual(input, { type: 'date', value: '2026-03-12', min: '1900-01-01', max: '2026-03-13' });
    assert.deepEqual(await page.evaluate(() => window.__pickerCalls), [{ id: 'sw-date-input', error: null }],
      'the picker was asked for once, inside the tap');
    const s = await waitForState(page, (x) => !x.ui.text_input_active, { what: 'no field being typed in' });
    assert.equal(find(s, 'Distance', 'text').value, '7.5', 'the distance typed stays');
    assert.equal(await keyboardWasFocused(page), false, "the keyboard's input never got the focus");

    await page.locator('#sw-date-input').fill('2024-05-03');
    await waitForState(page, (x) => find(x, 'Date', 'text')?.value === '2024-05-03', { what: 'the day picked in the field' });
    // Idle with the picker's input focused: nothing is drawn each frame.
    await settleFrames(page);
    await screenshot(page, 'date-picker-log-phone.png');
    await tapVisible(page, 'Save run', 'button');
    const saved = await waitForState(page, (x) => x.runs.length === 1, { what: 'the run saved' });
    assert.equal(saved.runs[0].date, '2024-05-03');
    assert.equal(saved.runs[0].distance_m, 7500);
    assert.equal(await keyboardWasFocused(page), false);
    assert.deepEqual(opened.errors, []);
  });

  test("the date picker: a pair's purchase date is picked too", async () => {
    await go(page, 'Shoes');
    await tapVisible(page, 'Add shoes', 'button');
    await typeInto(page, 'Shoe name', 'Ghost 16');
    await page.keyboard.press('Enter');
    await watchKeyboard(page);
    await pickDate(page, 'Purchase date', '2025-11-02');
    assert.equal(await keyboardWasFocused(page), false, "the keyboard's input never got the focus");
    await screenshot(page, 'date-picker-shoes-phone.png');
    await tapVisible(page, 'Save shoes', 'button');
    const s = await waitForState(page, (x) => x.shoes.some((y) => y.name === 'Ghost 16'), { what: 'the pair saved' });
    assert.equal(s.shoes.find((y) => y.name === 'Ghost 16').purchase_date, '2025-11-02');
  });

  test('the date picker bridge can be removed and comes back (every listener has a remover)', async () => {
    const counts = await page.evaluate(() => window.Module._sw_date_picker_listeners());
    assert.ok(counts > 0);
    // Stop and count in one task: a frame in between would install the bridge again.
    const afterStop = await page.evaluate(() => { window.Module._sw_date_picker_stop(); return window.Module._sw_date_picker_listeners(); });
    assert.equal(afterStop, 0);
    await go(page, 'Log');  // the next frame installs it again
    assert.equal(await page.evaluate(() => window.Module._sw_date_picker_listeners()), counts);
    await pickDate(page, 'Date', '2026-03-10');
  });
});
