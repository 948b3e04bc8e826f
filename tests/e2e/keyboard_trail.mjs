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
