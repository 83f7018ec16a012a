// Issue 24, point 8: a half-typed expiry is refused on its field instead of saving as "Never",
// and limits can be set when a client ID is created.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";

let browser;
let page;
let assertCleanConsole;
let recipient;
const s = {};

const HALF_TYPED = "Enter the whole date and time (day, month, year, hour and minute), or clear the field for no expiry.";

before(async () => {
  recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Limits entry")).id;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

const clients = async () => (await recipient.get(`/api/destinations/${s.destinationId}/clients`)).json.data;

test("the create dialog takes limits; a half-typed expiry there is a field error and creates nothing", async () => {
  await page.goto(`/destinations/${s.destinationId}`);
  await page.getByRole("button", { name: "Create client ID" }).click();
  const dialog = page.getByRole("dialog", { name: "Create client ID" });
  await dialog.getByLabel("Name").fill("Budgeted bot");
  await dialog.getByLabel(/^Outgoing budget/).fill("50");
  await dialog.getByLabel(/^Approve automatically up to/).fill("5");
  const expires = dialog.getByLabel(/^Expires/);
  await expires.focus();
  await page.keyboard.type("12"); // the month only: Chromium keeps value "" and flags badInput
  await dialog.getByRole("button", { name: "Create client ID" }).click();
  await dialog.getByText(HALF_TYPED).waitFor();
  await assertFocused(page, expires, "the Expires field");
  assert.equal(await expires.getAttribute("aria-invalid"), "true");
  await checkScreen(page, "79-create-client-half-typed-expiry", { fullPage: false });
  assert.equal((await clients()).length, 0, "nothing was created");

  const at = new Date(Date.now() + 40 * 86_400_000);
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await expires.fill(local);
  await dialog.getByRole("button", { name: "Create client ID" }).click();
  await page.getByRole("dialog", { name: "Copy the client secret now" }).getByRole("button", { name: "I have stored the secret" }).click();
  const [made] = await clients();
  assert.equal(made.name, "Budgeted bot");
  assert.deepEqual(made.limits.outgoingBudget, { amount: "50.000000", currency: "USDC" });
  assert.deepEqual(made.limits.autoApproveUpTo, { amount: "5.000000", currency: "USDC" });
  assert.equal(made.expiresAt.slice(0, 16), new Date(`${local}`).toISOString().slice(0, 16));
  s.clientId = made.id;
  assertCleanConsole([401]);
});

test("on the client page a half-typed expiry is refused on the field, not saved as Never", async () => {
  await page.goto(`/destinations/${s.destinationId}/clients/${s.clientId}`);
  const expires = page.getByLabel(/^Expires/);
  await expires.waitFor();
  await expires.fill("");
  await expires.focus();
  await page.keyboard.type("03");
  await page.getByRole("button", { name: "Save limits" }).click();
  await page.getByText(HALF_TYPED).waitFor();
  await assertFocused(page, expires, "the Expires field");
  await checkScreen(page, "80-limits-half-typed-expiry");
  const [after] = await clients();
  assert.notEqual(after.expiresAt, null, "the expiry was not removed");
  await expires.fill("");
  await page.getByRole("button", { name: "Save limits" }).click();
  await assertAnnounced(page, /Limits saved/);
  assert.equal((await clients())[0].expiresAt, null, "an empty field still means no expiry");
  assertCleanConsole([401]);
});
