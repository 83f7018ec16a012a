// Keyboard only, one recipient: after every action that removes or disables the
// control that had focus, focus lands somewhere meaningful (the first invalid field,
// the error summary, the new row, a heading), never on <body>; successes are said in
// the polite live region. Each screen with errors or a dialog is also axe-checked.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage } from "./support/browser.mjs";
import { assertAnnounced, assertFocused, assertFocusNotLost } from "./support/focus.mjs";
import { TEST_WALLET, randomAddress } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
const s = {};

before(async () => {
  const recipient = await Recipient.signUp();
  s.email = recipient.email;
  const created = await recipient.post("/api/destinations", { chainId: 8453, walletAddress: TEST_WALLET, tokenAddress: randomAddress(), label: "Keyboard USDC" });
  assert.equal(created.status, 201, created.text);
  s.destinationId = created.body.id;
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
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  const submit = page.locator("form button[type=submit]");
  await press(submit);
  await page.getByRole("button", { name: "Please wait…" }).waitFor();
  assert.equal(await submit.getAttribute("aria-disabled"), "true");
  assert.equal(await submit.getAttribute("disabled"), null, "a busy button stays focusable");
  await assertFocused(page, submit, "the busy Sign in button");
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

test("claim with the wallet by keyboard: focus lands on the heading and the claim is announced", async () => {
  await page.goto(`/destinations/${s.destinationId}`);
  await press(page.getByRole("button", { name: "Sign with browser wallet" }));
  await page.getByRole("region", { name: "Claim this destination" }).waitFor({ state: "detached" });
  await assertFocused(page, page.getByRole("heading", { level: 1, name: "Keyboard USDC" }), "the destination's heading");
  await assertAnnounced(page, /Destination claimed/);
  assertCleanConsole();
});

test("first client from the empty state: opens on Name; errors name the fields and focus Name", async () => {
  const section = page.getByRole("region", { name: "Client IDs" });
  await section.getByRole("heading", { level: 3, name: "No client IDs yet" }).waitFor();
  await press(section.getByRole("button", { name: "Create client ID" }));
  const dialog = page.getByRole("dialog", { name: "Create client ID" });
  const name = dialog.getByLabel("Name");
  await assertFocused(page, name, "the Name field (not ×)");
  for (const box of await dialog.getByRole("checkbox").all()) await box.uncheck();
  await press(dialog.getByRole("button", { name: "Create client ID" }));
  await dialog.getByRole("alert").getByText("Check these fields: name, permissions.").waitFor();
  await assertFocused(page, name, "the Name field, the first invalid one");
  assert.equal((await dialog.locator(".field-error").first().textContent()).trim(), "Enter a name.");
  const group = dialog.locator("fieldset");
  const errorId = await group.getAttribute("aria-describedby");
  assert.ok(errorId, "the permissions group is described by its error");
  assert.equal(await page.locator(`[id="${errorId}"]`).textContent(), "Choose at least one permission.");
  for (const box of await dialog.getByRole("checkbox").all()) {
    assert.equal(await box.getAttribute("aria-invalid"), "true");
    assert.equal(await box.getAttribute("aria-describedby"), errorId);
  }
  await checkScreen(page, "31-create-client-errors", { fullPage: false });
  assertCleanConsole([400]);
});

test("the secret dialog asks before Escape closes it; closing lands on the new row", async () => {
  const dialog = page.getByRole("dialog", { name: "Create client ID" });
  await dialog.getByRole("checkbox", { name: /incoming:creator/ }).check();
  await dialog.getByLabel("Name").fill("Keyboard client");
  await dialog.getByLabel("Name").focus();
  await page.keyboard.press("Enter");
  const reveal = page.getByRole("dialog", { name: "Copy the client secret now" });
  await reveal.getByText("This secret will not be shown again.").waitFor();
  s.clientId = (await reveal.locator(".secret-block code").first().textContent()).trim();

  await page.keyboard.press("Escape");
  await reveal.getByText("Close without storing the secret?").waitFor();
  await assertFocused(page, reveal.getByRole("button", { name: "Keep the secret open" }), "the safe answer");
  await checkScreen(page, "32-secret-confirm-close", { fullPage: false });
  await page.keyboard.press("Enter");
  await reveal.getByText("This secret will not be shown again.").waitFor();
  await assertFocused(page, reveal.getByRole("button", { name: "Copy client secret" }), "the secret's Copy button");

  await reveal.getByRole("button", { name: "Close dialog" }).click();
  await press(reveal.getByRole("button", { name: "Close and lose the secret" }));
  await reveal.waitFor({ state: "detached" });
  await assertFocused(page, page.locator(`tr[data-client-id="${s.clientId}"] .client-name`), "the new client's row");
  assertCleanConsole();
});

test("revoke by keyboard: focus lands on the revoked row, and the revocation is announced", async () => {
  const row = page.locator(`tr[data-client-id="${s.clientId}"]`);
  await press(row.getByRole("button", { name: "Revoke Keyboard client" }));
  const dialog = page.getByRole("dialog", { name: "Revoke Keyboard client?" });
  await assertFocused(page, dialog.getByRole("button", { name: "Keep it active" }), "Keep it active");
  await page.keyboard.press("Tab");
  await assertFocused(page, dialog.getByRole("button", { name: "Revoke client ID" }), "Revoke client ID");
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await row.getByText("Revoked").waitFor();
  await assertFocused(page, row.locator(".client-name"), "the revoked client's row");
  await assertAnnounced(page, /Keyboard client revoked/);
  assertCleanConsole();
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

test("payment link by keyboard: the button keeps focus and the link is announced", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests/new`);
  await page.getByLabel("Amount").fill("7.00");
  await press(page.getByRole("button", { name: "Create request" }));
  await page.getByRole("heading", { level: 1, name: /7\.00/ }).waitFor();
  const create = page.getByRole("button", { name: "Create payment link" });
  await press(create);
  await assertAnnounced(page, /Payment link created/);
  await assertFocused(page, create, "Create payment link");
  assertCleanConsole();
});
