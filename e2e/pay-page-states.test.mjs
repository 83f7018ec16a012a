// The payment page's live states. A confirming transaction (processing) cannot be
// held on the local chain, which confirms at once, so that test answers the page's
// link reads itself: processing → paid by polling, announced, and polling stopped.
// Cancelled and expired requests are real.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { publicGet } from "./support/api.mjs";
import { checkScreen, launch, openPage } from "./support/browser.mjs";
import { assertAnnounced } from "./support/focus.mjs";
import { localChainRecipient, requestWithLink } from "./support/pay-setup.mjs";

let browser;
let s;

before(async () => {
  s = await localChainRecipient("Pay states shop");
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const TX = `0x${"ab".repeat(32)}`;

test("processing polls the link every few seconds, turns paid by itself, says so, and stops polling", async () => {
  const { path, token } = await requestWithLink(s.orchestrator, s.destination.id, "5.00", "ORDER S1");
  const real = (await publicGet(`/api/public/payment-links/${token}`)).json;
  const processing = { ...real, status: "processing", payments: [{ txHash: TX, status: "confirming" }] };
  const paid = {
    ...real,
    status: "paid",
    amountPaid: real.amount,
    amountDue: "0",
    pay: { ...real.pay, amountDue: "0" },
    payments: [{ txHash: TX, status: "confirmed" }],
  };
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  let reads = 0;
  await page.route(`**/api/public/payment-links/${token}`, (route) => {
    reads += 1;
    return route.fulfill({ json: reads < 3 ? processing : paid });
  });
  await page.goto(path);
  await page.locator("#pay-status-title").getByText("Payment processing").waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Transaction hash" }).count(), 0, "no second payment offered while one confirms");
  await page.getByText("Confirming").waitFor();
  await checkScreen(page, "50-pay-processing");
  await page.locator("#pay-status-title").getByText("Paid", { exact: true }).waitFor({ timeout: 15_000 });
  await assertAnnounced(page, /Payment status: Paid/);
  const settled = reads;
  await page.waitForTimeout(7000);
  assert.equal(reads, settled, "no reads once paid");
  assertCleanConsole();
});

test("a cancelled request's link says so and offers no way to pay", async () => {
  const { request, path } = await requestWithLink(s.orchestrator, s.destination.id, "6.00", "ORDER S2");
  const cancelled = await s.orchestrator.post(`/v1/requests/${request.id}/cancel`);
  assert.equal(cancelled.status, 200, cancelled.text);
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(path);
  await page.locator("#pay-status-title").getByText("Request cancelled").waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Transaction hash" }).count(), 0);
  assert.equal(await page.getByTestId("interop-address").count(), 0, "no address to pay on a cancelled request");
  await checkScreen(page, "51-pay-cancelled");
  assertCleanConsole();
});

test("an expired request's link says so and offers no way to pay", async () => {
  const created = await s.orchestrator.post(`/v1/destinations/${s.destination.id}/requests`, {
    direction: "incoming",
    amount: "7.00",
    currency: "USDC",
    reference: "ORDER S3",
    expiresAt: new Date(Date.now() + 4000).toISOString(),
  });
  assert.equal(created.status, 201, created.text);
  const link = await s.orchestrator.post(`/v1/requests/${created.json.id}/payment-links`, {});
  assert.equal(link.status, 201, link.text);
  await new Promise((r) => setTimeout(r, 4500));
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(new URL(link.json.url).pathname);
  await page.locator("#pay-status-title").getByText("Request expired").waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Transaction hash" }).count(), 0);
  await checkScreen(page, "52-pay-request-expired");
  assertCleanConsole();
});
