// The /docs page reflows: no sideways scroll at 375 or 1280 px, long paths break
// inside their cards, there is a <main> landmark, and axe finds no WCAG 2.2 A/AA issue.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkScreen, launch, openPage } from "./support/browser.mjs";

let browser;
let page;
let assertCleanConsole;

before(async () => {
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser, { wallet: false }));
});

after(async () => {
  await browser?.close();
});

test("/docs reflows at both widths, with a main landmark and every card holding its path", async () => {
  await page.goto("/docs");
  await page.getByRole("heading", { level: 1, name: "Payrelay API" }).waitFor();
  assert.equal(await page.getByRole("main").count(), 1);
  await checkScreen(page, "40-docs");
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflowing = await page
      .locator(".op, main > p")
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent.trim().slice(0, 60)));
    assert.deepEqual(overflowing, [], `cards or intro paragraphs overflow at ${width}px`);
  }
  assertCleanConsole();
});
