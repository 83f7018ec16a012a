// Two checks axe does not make: links in running text are underlined (axe's
// link-in-text-block skips a block whose link is longer than its other text, like
// "New to Payrelay? Create an account"), and field borders reach 3:1 against what
// is behind them (WCAG 1.4.11; axe does not test non-text contrast).
import assert from "node:assert/strict";

/** Links styled as controls (buttons, tabs, navigation) are recognisable without an underline. */
const CONTROL_LINKS = ".btn, .nav-link, .tab, .brand, .skip-link";

export async function assertLinksUnderlined(page, name) {
  const bare = await page.locator("a[href]").evaluateAll(
    (links, controls) =>
      links
        .filter((a) => !a.matches(controls) && a.getClientRects().length > 0)
        .filter((a) => !getComputedStyle(a).textDecorationLine.includes("underline"))
        .map((a) => a.textContent.trim()),
    CONTROL_LINKS,
  );
  assert.deepEqual(bare, [], `${name}: links without an underline`);
}

export async function assertFieldBordersContrast(page, name) {
  const weak = await page.locator("input.input, select.input, textarea.input").evaluateAll((fields) => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const ch = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    };
    const behind = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const c = rgb(getComputedStyle(p).backgroundColor);
        if (c.length === 3 || c[3] === 1) return c;
      }
      return [255, 255, 255];
    };
    return fields
      .filter((f) => f.getClientRects().length > 0 && f.getAttribute("aria-invalid") !== "true")
      .map((f) => {
        const [a, b] = [lum(rgb(getComputedStyle(f).borderTopColor)), lum(behind(f))];
        return { field: f.id || f.name || f.tagName, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      })
      .filter((x) => x.ratio < 3)
      .map((x) => `${x.field} ${x.ratio.toFixed(2)}:1`);
  });
  assert.deepEqual(weak, [], `${name}: field borders under 3:1`);
}
