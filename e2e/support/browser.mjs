// Debian's Chromium driven by playwright-core, with a console watcher, a test
// EIP-1193 wallet, and a per-screen check (both widths, no sideways scroll,
// no axe WCAG 2.2 A/AA violation, every control named, screenshot saved).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { BASE_URL } from "./api.mjs";
import { assertNoAxeViolations } from "./axe.mjs";
import { assertFieldBordersContrast, assertLinksUnderlined } from "./style-checks.mjs";
import { TEST_WALLET, decodePersonalMessage, signPersonal } from "./wallet.mjs";

const SHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));
mkdirSync(SHOTS, { recursive: true });

export const WIDTHS = [375, 1280];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Defined in the page before any script runs: a wallet that only knows the test account. */
function installTestWallet(address) {
  window.ethereum = {
    isPayrelayE2E: true,
    request: async ({ method, params = [] }) => {
      if (method === "eth_requestAccounts" || method === "eth_accounts") return [address];
      if (method === "eth_chainId") return "0x2105";
      if (method === "personal_sign") return window.__e2ePersonalSign(params[0], params[1]);
      throw Object.assign(new Error(`Unsupported method ${method}`), { code: 4200 });
    },
  };
}

/**
 * A fresh context and page. Console errors/warnings and page errors are collected;
 * `assertCleanConsole` fails on any of them except HTTP statuses the step expected
 * (Chromium logs every 4xx fetch as "Failed to load resource").
 */
export async function openPage(browser, { wallet = true, width = 1280 } = {}) {
  // bypassCSP lets axe be injected; only this test context, never the served headers.
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width, height: 900 }, bypassCSP: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const messages = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") messages.push({ type: m.type(), text: m.text(), url: m.location().url });
  });
  page.on("pageerror", (e) => messages.push({ type: "pageerror", text: e.message, url: "" }));
  if (wallet) {
    await page.exposeFunction("__e2ePersonalSign", (data, account) => {
      assert.equal(account.toLowerCase(), TEST_WALLET);
      return signPersonal(decodePersonalMessage(data));
    });
    await page.addInitScript(installTestWallet, TEST_WALLET);
  }

  const assertCleanConsole = (allowedStatuses = []) => {
    const unexpected = messages.filter((m) => {
      const status = /status of (\d{3})/.exec(m.text)?.[1];
      return !(m.text.startsWith("Failed to load resource") && status && allowedStatuses.includes(Number(status)));
    });
    messages.length = 0;
    assert.deepEqual(unexpected, [], "console errors or warnings");
  };
  return { context, page, assertCleanConsole };
}

async function unnamedControls(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const roles = new Set([
      "button",
      "link",
      "textbox",
      "combobox",
      "checkbox",
      "radio",
      "searchbox",
      "spinbutton",
      "switch",
      "tab",
      "listbox",
      "slider",
      "DisclosureTriangle",
    ]);
    return nodes
      .filter((n) => !n.ignored && roles.has(n.role?.value) && !String(n.name?.value ?? "").trim())
      .map((n) => `${n.role.value} (backend node ${n.backendDOMNodeId})`);
  } finally {
    await cdp.detach();
  }
}

/**
 * Both widths: no horizontal scroll, no axe WCAG 2.2 A/AA violation, a screenshot
 * each (full page, or the viewport for modal dialogs, whose backdrop only covers
 * the viewport); then every control must have an accessible name, links in text an
 * underline and field borders 3:1 contrast.
 */
export async function checkScreen(page, name, { fullPage = true } = {}) {
  const original = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(scrollWidth <= innerWidth, `${name} at ${width}px scrolls sideways: ${scrollWidth} > ${innerWidth}`);
    await assertNoAxeViolations(page, name);
  }
  await assertLinksUnderlined(page, name);
  await assertFieldBordersContrast(page, name);
  if (original) await page.setViewportSize(original);
  assert.deepEqual(await unnamedControls(page), [], `${name}: controls without an accessible name`);
}

/** True when the focused element shows a visible focus indicator (outline or ring). */
export function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
  });
}

/** Signs in through the form, as a returning recipient would. */
export async function signIn(page, email, password) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Destinations" }).waitFor();
}
