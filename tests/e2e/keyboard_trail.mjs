// The phone keyboard bridge seen from a test: the hidden <input> that web/lib/keyboard.js
// focuses, and a trail of touches, focus and blur to tell where the focus went.
import assert from 'node:assert/strict';

// A trail of what the keyboard bridge's input saw (touches, focus, blur), so a failure says
// where the focus went. The window listeners run after the canvas's own (bubbling order), so
// "touchend focused=true" means the app focused the input inside the tap's handler - the only
// place a phone lets a page open its keyboard.
export async function recordKeyboardTrail(page) {
  await page.evaluate(() => {
    window.__kbTrail = [];
    const input = document.getElementById('sw-text-input');
    const log = (what) => window.__kbTrail.push({ t: Math.round(performance.now()), what,
      focused: document.activeElement === input });
    for (const type of ['touchstart', 'touchend', 'touchcancel', 'mousedown', 'mouseup'])
      window.addEventListener(type, () => log(type));
    input.addEventListener('focus', () => log('focus'));
    input.addEventListener('blur', () => log('blur'));
  });
}
export const keyboardTrail = (page) => page.evaluate(() => (window.__kbTrail ?? []).splice(0));

export const hiddenInput = (page) => page.evaluate(() => {
  const input = document.getElementById('sw-text-input');
  return { focused: document.activeElement === input, inputMode: input.inputMode, value: input.value };
});

// The tap's own handler focused the hidden input (not a later frame's fallback).
const focusedInTap = (trail) => Boolean(trail.find((e) => e.what === 'touchend')?.focused);
export function assertFocusedInTap(trail) {
  assert.ok(focusedInTap(trail), `keyboard input focused inside touchend; trail ${JSON.stringify(trail)}`);
}
// Tests about something else only report a tap whose handler did not focus (the app's per-frame
// fallback then focuses the input, so typing still works).
export function reportTap(t, trail) {
  if (!focusedInTap(trail)) t.diagnostic(`tap did not focus the keyboard input itself: ${JSON.stringify(trail)}`);
}

// Waits for the keyboard input to hold the focus after a field was tapped. On the CI machine the
// focus was twice seen lost after a tap that had taken it (never here); a runner would tap the
// field again, and so does this, once, saying so with what the page looked like.
export async function ensureKeyboardFocus(page, t, field) {
  const focused = (timeout) => page.waitForFunction(
    () => document.activeElement === document.getElementById('sw-text-input'), null, { timeout }).then(() => true, () => false);
  if (await focused(1500)) return;
  const seen = await page.evaluate(() => ({ hasFocus: document.hasFocus(), visibility: document.visibilityState,
    active: document.activeElement ? `${document.activeElement.tagName}#${document.activeElement.id}` : null }));
  t.diagnostic(`keyboard input lost the focus after the tap: ${JSON.stringify(seen)}; trail ${JSON.stringify(await keyboardTrail(page))}`);
  await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
  if (await focused(3000)) return;
  throw new Error(`the keyboard input never got the focus back: ${JSON.stringify(seen)}; trail ${JSON.stringify(await keyboardTrail(page))}`);
}
