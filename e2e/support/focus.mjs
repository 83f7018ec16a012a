// Where keyboard focus is, and what the polite live region said: the two things a
// screen-reader or keyboard user relies on after every action.
import assert from "node:assert/strict";

/** A short description of the focused element, for failure messages. */
export function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "<body>";
    const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 60) ?? "";
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> ${name}`;
  });
}

/** Waits (up to 3 s) until `locator` holds focus; focus moves once the render settles. */
export async function assertFocused(page, locator, what) {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`focus should be on ${what}, but is on ${await describeFocus(page)}`);
}

/** Focus is on something on the page, never dropped to <body>. */
export async function assertFocusNotLost(page, after) {
  assert.notEqual(await describeFocus(page), "<body>", `focus fell to <body> after ${after}`);
}

/** Waits until the polite live region says `pattern`. */
export async function assertAnnounced(page, pattern) {
  const region = page.locator('[role="status"][aria-live="polite"]#announcer');
  const deadline = Date.now() + 3000;
  let text = "";
  while (Date.now() < deadline) {
    text = (await region.textContent()) ?? "";
    if (pattern.test(text)) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`live region should announce ${pattern}, but says "${text}"`);
}
