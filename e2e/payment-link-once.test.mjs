// Issue 24, point 6: a payment link's URL is on screen once. The panel says "copy it now" as the
// secret dialogs do, focus moves to Copy (so Enter does not make a second link), and with a payer's
// email it offers "Email to payer". After a reload the link is listed without its address.
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
  s.destinationId = (await recipient.claimedDestination("Links once")).id;
  const named = await recipient.api(`/api/destinations/${s.destinationId}`, { method: "PATCH", body: { displayName: "Links Ltd" } });
  assert.equal(named.status, 200, named.text);
  const created = await recipient.post(`/api/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "30.00",
    currency: "USDC",
    reference: "INV 30",
    payer: { name: "Cal Customer", email: "cal@example.com" },
  });
  assert.equal(created.status, 201, created.text);
  s.requestId = created.json.id;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

test("a new link: warned once, Copy under focus, Email to payer prefilled; Enter copies rather than making a second link", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests/${s.requestId}`);
  const create = page.getByRole("button", { name: "Create payment link" });
  await create.focus();
  await page.keyboard.press("Enter");
  const fresh = page.getByTestId("fresh-link");
  await fresh.getByText("Copy the payment link now").waitFor();
  await fresh.getByText(/shown only this once/).waitFor();
  const copy = fresh.getByRole("button", { name: "Copy payment link" });
  await assertFocused(page, copy, "Copy payment link");
  await assertAnnounced(page, /Copy it now/);
  const url = (await fresh.locator("code").textContent()).trim();
  assert.match(url, /\/pay\/[A-Za-z0-9_-]+$/);

  await page.keyboard.press("Enter");
  await fresh.getByRole("button", { name: /^Copied/ }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  assert.equal(await page.locator("[data-link-id]").count(), 1, "Enter copied; no second link was made");

  const mail = fresh.getByRole("link", { name: /^Email to payer/ });
  const href = await mail.getAttribute("href");
  assert.ok(href.startsWith("mailto:cal@example.com?"), href);
  const params = new URLSearchParams(href.slice(href.indexOf("?") + 1));
  assert.equal(params.get("subject"), "Payment request: 30.00 USDC (INV 30)");
  assert.ok(params.get("body").includes(url), "the email carries the link");
  await checkScreen(page, "71-payment-link-fresh");

  await page.reload();
  const listed = page.locator("[data-link-id]");
  await listed.getByText(/Link address not shown/).waitFor();
  assert.equal(await page.getByTestId("fresh-link").count(), 0);
  assertCleanConsole([401]);
});

test("without a payer email there is no Email to payer", async () => {
  const bare = await recipient.post(`/api/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "5.00",
    currency: "USDC",
  });
  assert.equal(bare.status, 201, bare.text);
  await page.goto(`/destinations/${s.destinationId}/requests/${bare.json.id}`);
  await page.getByRole("button", { name: "Create payment link" }).click();
  await page.getByTestId("fresh-link").getByRole("button", { name: "Copy payment link" }).waitFor();
  assert.equal(await page.getByRole("link", { name: /Email to payer/ }).count(), 0);
  assertCleanConsole([401]);
});
