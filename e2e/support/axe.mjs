// axe-core (from npm) injected into the page under test, asserting no WCAG 2.2 A/AA
// violations. Injecting a script needs the page's CSP bypassed: openPage() does that
// for the test browser context only; what users get keeps its strict CSP.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

function describe(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join("; ")}`).join("\n")}`,
    )
    .join("\n");
}

/** Runs axe on the whole document (an open modal <dialog> included) and fails on any violation. */
export async function assertNoAxeViolations(page, name) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
  assert.equal(violations.length, 0, `${name} at ${page.viewportSize()?.width}px: WCAG 2.2 A/AA violations\n${describe(violations)}`);
}
