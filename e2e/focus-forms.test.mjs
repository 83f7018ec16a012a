// Keyboard only, in forms: a busy button keeps focus; after a failure focus lands on
// the first invalid field or the error summary; after Clear filters, on the heading;
// successes are said in the polite live region. Error screens are axe-checked too.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage } from "./support/browser.mjs";
import { assertAnnounced, assertFocused, assertFocusNotLost } from "./support/focus.mjs";

let browser;
let page;
let assertCleanConsole;
const s = {};

before(async () => {
  const recipient = await Recipient.signUp();
  s.email = recipient.email;
  s.destinationId = (await recipient.claimedDestination("Keyboard USDC")).id;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
});

after(async () => {
  await browser?.close();
});

/** Focuses `locator` and presses Enter on it, as a keyboard user would. */
async function press(locator) {
  await locator.focus();
  await page.keyboard.press("Enter");
}

test("sign in: the busy button keeps focus; an empty password is named and focused; a wrong one focuses the summary", async () => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(s.email);
  // Hold the answer back so the busy state can be seen.
  await page.route("**/api/auth/login", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const submit = page.locator("form button[type=submit]");
  await press(submit);
  await page.getByRole("button", { name: "Please wait…" }).waitFor();
  await assertFocused(page, submit, "the busy Sign in button");
  assert.equal(await submit.getAttribute("aria-disabled"), "true");
  assert.equal(await submit.getAttribute("disabled"), null, "a busy button stays focusable");
  const password = page.getByLabel("Password");
  await assertFocused(page, password, "the Password field, the first invalid one");
  assert.equal(await password.getAttribute("aria-invalid"), "true");
  assert.equal((await page.locator(".field-error").textContent()).trim(), "Enter your password.");
  assert.equal((await page.getByRole("alert").locator(".alert-title").textContent()).trim(), "Check this field: password.");
  await page.unroute("**/api/auth/login");
  await checkScreen(page, "30-sign-in-empty-password");

  await password.fill("not the password at all");
  await page.keyboard.press("Enter");
  await assertFocused(page, page.locator(".error-summary"), "the error summary (no single field is to blame)");
  await password.fill(PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Destinations" }).waitFor();
  assertCleanConsole([400, 401]);
});

test("Clear filters by keyboard: focus lands on the Requests heading", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests?direction=outgoing`);
  await press(page.getByRole("button", { name: "Clear filters" }));
  await page.waitForURL(/\/requests$/);
  await assertFocused(page, page.getByRole("heading", { level: 2, name: "Requests" }), "the Requests heading");
  await assertAnnounced(page, /Filters cleared/);
  assertCleanConsole();
});

test("new request: focus goes to the first invalid field; the payee-required error is tied to its group", async () => {
  await page.getByRole("link", { name: "New request" }).first().click();
  await page.getByRole("radio", { name: /Outgoing/ }).check();
  await press(page.getByRole("button", { name: "Create request" }));
  await page.getByRole("alert").getByText("Check these fields: amount, payee.").waitFor();
  await assertFocused(page, page.getByLabel("Amount"), "the Amount field, the first invalid one");
  const payee = page.getByRole("group", { name: /Payee/ });
  const errorId = await payee.getAttribute("aria-describedby");
  assert.equal(await page.locator(`[id="${errorId}"]`).textContent(), "Required for outgoing requests.");
  assert.equal(await payee.getByLabel("Name", { exact: true }).getAttribute("aria-invalid"), "true");
  await checkScreen(page, "33-new-request-errors");
  await page.getByLabel("Amount").fill("5.00");
  await payee.getByLabel("Name", { exact: true }).fill("Ada");
  await press(page.getByRole("button", { name: "Create request" }));
  await page.getByRole("heading", { level: 1, name: /5\.00/ }).waitFor();
  await assertFocusNotLost(page, "creating a request");
  assertCleanConsole([400]);
});

test("payment link by keyboard: focus moves to Copy (so Enter makes no second link) and the link is announced", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests/new`);
  await page.getByLabel("Amount").fill("7.00");
  await press(page.getByRole("button", { name: "Create request" }));
  await page.getByRole("heading", { level: 1, name: /7\.00/ }).waitFor();
  const create = page.getByRole("button", { name: "Create payment link" });
  await press(create);
  await assertAnnounced(page, /Payment link created\. Copy it now/);
  await assertFocused(page, page.getByTestId("fresh-link").getByRole("button", { name: "Copy payment link" }), "Copy payment link");
  assertCleanConsole();
});

test("the not-found page passes the same checks", async () => {
  await page.goto("/nowhere");
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  await checkScreen(page, "34-not-found");
  assertCleanConsole();
});
