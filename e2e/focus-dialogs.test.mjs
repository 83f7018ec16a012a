// Keyboard only, around dialogs and vanishing controls: the claim panel, the client
// dialogs (opened from the empty state, the secret's "ask before closing", revoke).
// Focus never falls to <body>; it lands on the heading or the row that changed.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";
import { TEST_WALLET, randomAddress } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
const s = {};

before(async () => {
  const recipient = await Recipient.signUp();
  const created = await recipient.post("/api/destinations", {
    chainId: 8453,
    walletAddress: TEST_WALLET,
    tokenAddress: randomAddress(),
    tokenSymbol: "USDC",
    tokenDecimals: 6,
    label: "Keyboard USDC",
  });
  assert.equal(created.status, 201, created.text);
  s.destinationId = created.json.id;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
  assertCleanConsole([401]);
});

after(async () => {
  await browser?.close();
});

/** Focuses `locator` and presses Enter on it, as a keyboard user would. */
async function press(locator) {
  await locator.focus();
  await page.keyboard.press("Enter");
}

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
  const group = dialog.getByRole("group", { name: "Permissions" });
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
  // The confirmation moves focus to its safe answer once it renders; pressing before that move raced it under load.
  await assertFocused(page, reveal.getByRole("button", { name: "Keep the secret open" }), "the safe answer");
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
