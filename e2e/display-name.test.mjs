// Issue 24, point 2: the recipient names the destination for payers in the dashboard, prompted
// where the first payment link is made; the pay page then says who asks.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertFocused } from "./support/focus.mjs";
import { localChainRecipient } from "./support/pay-setup.mjs";

let browser;
let s;

before(async () => {
  s = await localChainRecipient("Private note");
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test("the link panel asks for the name payers see; an empty name is a field error; saving lands focus on what payers now see", async () => {
  const created = await s.orchestrator.post(`/v1/destinations/${s.destination.id}/requests`, {
    direction: "incoming",
    amount: "9.00",
    currency: "USDC",
    reference: "NAME 1",
  });
  assert.equal(created.status, 201, created.text);
  const { page, assertCleanConsole } = await openPage(browser);
  await signIn(page, s.recipient.email, PASSWORD);
  await page.goto(`/destinations/${s.destination.id}/requests/${created.json.id}`);
  const prompt = page.getByTestId("display-name-prompt");
  await prompt.waitFor();
  const field = prompt.getByLabel("Name shown to payers");
  await prompt.getByRole("button", { name: "Save name" }).click();
  await prompt.getByText("Enter the name payers know you by.").waitFor();
  await assertFocused(page, field, "the name field");
  await field.fill("Bright Bikes");
  await prompt.getByRole("button", { name: "Save name" }).click();
  const saved = prompt.getByTestId("display-name-saved");
  await saved.getByText('Saved: payers see "Payment request from Bright Bikes".').waitFor();
  await assertFocused(page, saved, "the saved line");
  await checkScreen(page, "61-display-name-prompt");
  const stored = await s.recipient.api(`/api/destinations/${s.destination.id}`);
  assert.equal(stored.json.displayName, "Bright Bikes");
  await page.getByRole("button", { name: "Create payment link" }).click();
  const url = await page.locator("a[href*='/pay/'], code").filter({ hasText: "/pay/" }).first().textContent();
  const payer = await browser.newPage();
  await payer.goto(url.trim());
  await payer.getByTestId("payee").getByText("Bright Bikes").waitFor();
  await payer.close();
  assertCleanConsole([401]); // the sign-in page asks /api/me first
});
