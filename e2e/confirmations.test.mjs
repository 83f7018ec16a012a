// Issue 24, point 5: what cannot be undone asks first, in the Revoke dialog's pattern, naming
// the amount and the counterparty. Cancelling an incoming request sits below its payment link;
// Escape keeps everything as it was and returns focus to the button that asked.
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

before(async () => {
  recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Confirmations")).id;
  const incoming = await recipient.post(`/api/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "12.50",
    currency: "USDC",
    reference: "ORDER 7",
    payer: { name: "Bea Buyer", email: "bea@example.com" },
  });
  assert.equal(incoming.status, 201, incoming.text);
  s.incoming = incoming.json.id;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

async function press(locator) {
  await locator.focus();
  await page.keyboard.press("Enter");
}

test("an incoming request's Cancel comes after its payment link, and asks first naming amount and payer", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests/${s.incoming}`);
  const cancel = page.getByRole("button", { name: "Cancel request…" });
  await cancel.waitFor();
  const order = await page.evaluate(() => {
    const cards = [...document.querySelectorAll("main section[aria-labelledby]")].map((el) => el.getAttribute("aria-labelledby"));
    return { links: cards.indexOf("links-title"), actions: cards.indexOf("actions-title") };
  });
  assert.ok(order.links >= 0 && order.actions > order.links, `Cancel comes after Payment link: ${JSON.stringify(order)}`);

  await press(cancel);
  const dialog = page.getByRole("dialog", { name: "Cancel the request for 12.50 USDC from Bea Buyer?" });
  await dialog.getByText("This cannot be undone.").waitFor();
  await assertFocused(page, dialog.getByLabel(/Reason/), "the dialog's Reason field, where Enter confirms nothing");
  await page.keyboard.press("Enter");
  assert.equal(await dialog.count(), 1, "Enter in the Reason field confirms nothing");
  await checkScreen(page, "70-cancel-confirm", { fullPage: false });
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await assertFocused(page, cancel, "Cancel request…, which opened the dialog");
  const still = await recipient.get(`/api/destinations/${s.destinationId}/requests/${s.incoming}`);
  assert.equal(still.json.status, "pending", "Escape cancelled nothing");

  await press(cancel);
  await dialog.getByLabel(/Reason/).fill("Ordered twice");
  await press(dialog.getByRole("button", { name: "Keep the request" }));
  await dialog.waitFor({ state: "detached" });
  await assertFocused(page, cancel, "Cancel request…, after keeping the request");

  await press(cancel);
  await dialog.getByLabel(/Reason/).fill("Ordered twice");
  await press(dialog.getByRole("button", { name: "Cancel request" }));
  await page.locator("#request-status").getByText("Cancelled").waitFor();
  await assertFocused(page, page.locator("#request-status"), "the request's new status");
  await assertAnnounced(page, /Status: Cancelled/);
  await page.locator("ol.timeline").getByText("Reason: Ordered twice").waitFor();
  assertCleanConsole([401]);
});
