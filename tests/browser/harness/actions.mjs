// Acting like a user: real mouse clicks where the element can be seen and reached, real keys.

import { waitFor, waitForNoteBox, waitForCoach } from './page.mjs';

// A real mouse click on the first visible element (in any open root) matching `selector`, at
// its centre, once nothing else (a backdrop, an injected panel) covers that point and the
// element is at rest: the same point twice in a row, as a dialog still laying itself out can
// move it between the look and the click.
export async function click(page, selector, { timeout = 5_000 } = {}) {
  const deadline = performance.now() + timeout;
  let last = null;
  for (;;) {
    const point = await waitFor(page, (s) => {
      const el = __t.all(s).find(__t.visible);
      return el ? __t.clickPoint(el) : null;
    }, selector, { timeout: Math.max(1, deadline - performance.now()), message: `a visible, uncovered ${selector}` });
    if (last && last.x === point.x && last.y === point.y) {
      await page.mouse.click(point.x, point.y);
      return;
    }
    last = point;
  }
}

export async function clickNoteBox(page) {
  const point = await waitFor(page, () => {
    const box = __t.noteBox();
    return box ? __t.clickPoint(box) : null;
  }, undefined, { message: 'a visible, uncovered note box' });
  await page.mouse.click(point.x, point.y);
}

// Opens the era C invitation dialog on a fixture profile and its note stage, as a member would:
// Connect, then "Add a free note"; resolves once the note box and its coach are there (only the
// note box with `coach: false`, for a browser without the extension).
export async function openNote(page, name = 'Rosa Díaz', { coach = true } = {}) {
  await click(page, `button[aria-label="Invite ${name} to connect"]`);
  await click(page, 'button[aria-label="Add a free note"]');
  await waitForNoteBox(page);
  if (coach) await waitForCoach(page);
}

export async function selectAll(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
}

export async function undo(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyZ');
  await page.keyboard.up('Control');
}
