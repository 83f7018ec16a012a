// The recipient settles what the chain cannot tell: an approved outgoing request paid
// by bank transfer is marked paid with a note (shown as declared, not verified), and
// a transfer nobody could tie to a request is assigned to one from the destination page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, publicGet } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { chainAccount } from "./support/chain-wallet.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";
import { localChainRecipient, payFromNode, requestWithLink } from "./support/pay-setup.mjs";

let browser;
let page;
let assertCleanConsole;
let s;

before(async () => {
  s = await localChainRecipient("Mark paid shop");
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, s.recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

const timeline = () => page.locator("ol.timeline");

test("an approved outgoing request is marked paid with a note: declared, in the payments and the timeline", async () => {
  const base = `/api/destinations/${s.destination.id}/requests`;
  const payee = { name: "Landlord Ltd", sortCode: "123456", accountNumber: "12345678" };
  const created = await s.recipient.post(base, { direction: "outgoing", amount: "42.00", currency: "GBP", reference: "Rent May", payee });
  assert.equal(created.status, 201, created.text);
  const approved = await s.recipient.post(`${base}/${created.json.id}/approve`);
  assert.equal(approved.json.status, "approved", approved.text);

  await page.goto(`/destinations/${s.destination.id}/requests/${created.json.id}`);
  await page.locator("#request-status").getByText("Approved").waitFor();
  await page.getByRole("button", { name: "Mark paid" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark Rent May paid" });
  await dialog.waitFor();
  await assertFocused(page, dialog.getByLabel("Transaction hash"), "the dialog's first field");
  // Neither a hash nor a note: the dialog says what it needs, on the field.
  await dialog.getByRole("button", { name: "Mark paid" }).click();
  await dialog.getByText("Enter the transaction hash, or a note below.").waitFor();
  await checkScreen(page, "46-mark-paid-dialog", { fullPage: false });
  await dialog.getByLabel("Note").fill("Bank transfer, ref 991");
  await dialog.getByRole("button", { name: "Mark paid" }).click();
  await page.locator("#request-status").getByText("Paid").waitFor();
  await assertFocused(page, page.locator("#request-status"), "the request's status");
  await assertAnnounced(page, /Marked paid\. Status: Paid/);
  const payment = page.getByTestId("payment");
  await payment.getByText("Declared", { exact: true }).waitFor();
  await payment.getByText("Declared by you: Bank transfer, ref 991").waitFor();
  await page.getByTestId("amount-paid").getByText("42.00 GBP").waitFor();
  await timeline().locator(".timeline-item", { hasText: "Paid" }).waitFor();
  assert.equal(await page.getByRole("button", { name: /Mark paid|Cancel request/ }).count(), 0, "nothing left to do");
  await checkScreen(page, "47-request-marked-paid");
  assertCleanConsole([401]);
});

test("a transfer with no reference is listed as unattributed and assigned to its request from the destination page", async () => {
  const { request, token } = await requestWithLink(s.orchestrator, s.destination.id, "7.00", "ORDER U1");
  const payer = await chainAccount(4);
  const txHash = await payFromNode({
    from: payer,
    destination: s.destination,
    amountMinor: 7_000_000n,
    requestId: request.id,
    tagged: false,
  });
  // Nothing ties this transfer to the request: the payer's submission is refused and the transfer parked for the recipient.
  const submitted = await fetch(`${process.env.BASE_URL}/api/public/payment-links/${token}/payments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ txHash }),
  });
  assert.equal(submitted.status, 422);
  assert.equal((await submitted.json()).code, "payment_unattributed");

  await page.goto(`/destinations/${s.destination.id}/requests`);
  const item = page.getByTestId("unattributed-payment").filter({ has: page.locator(`code[title="${txHash}"]`) });
  await item.waitFor();
  await checkScreen(page, "48-unattributed-payments");
  await item.getByRole("button", { name: "Assign to a request" }).click();
  const dialog = page.getByRole("dialog", { name: /Assign 7\.00 USDC to a request/ });
  await dialog.getByLabel("Request").selectOption(request.id);
  await checkScreen(page, "49-assign-payment-dialog", { fullPage: false });
  await dialog.getByRole("button", { name: "Assign payment" }).click();
  await assertAnnounced(page, /Payment assigned to ORDER U1/);
  assert.equal(await item.count(), 0, "the assigned transfer leaves the list");
  const stored = await s.recipient.get(`/api/destinations/${s.destination.id}/requests/${request.id}`);
  assert.equal(stored.json.status, "paid");
  assert.equal(stored.json.payments[0].txHash, txHash);
  const link = await publicGet(`/api/public/payment-links/${token}`);
  assert.equal(link.json.status, "paid");
  assertCleanConsole([401, 422]);
});

test("a transfer due exactly what one open request is due is assigned to it in one step", async () => {
  const { request, token } = await requestWithLink(s.orchestrator, s.destination.id, "8.25", "ORDER U2");
  const txHash = await payFromNode({
    from: await chainAccount(5),
    destination: s.destination,
    amountMinor: 8_250_000n,
    requestId: request.id,
    tagged: false,
  });
  const submitted = await fetch(`${process.env.BASE_URL}/api/public/payment-links/${token}/payments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ txHash }),
  });
  assert.equal(submitted.status, 422);

  await page.goto(`/destinations/${s.destination.id}/requests`);
  const item = page.getByTestId("unattributed-payment").filter({ has: page.locator(`code[title="${txHash}"]`) });
  await item.getByRole("button", { name: `Assign to ${request.id}` }).click();
  await assertAnnounced(page, /Payment assigned to ORDER U2/);
  assert.equal(await item.count(), 0, "the assigned transfer leaves the list");
  const stored = await s.recipient.get(`/api/destinations/${s.destination.id}/requests/${request.id}`);
  assert.equal(stored.json.status, "paid");
  assert.equal(stored.json.payments[0].detectedBy, null);
  const audit = await s.recipient.get(`/api/destinations/${s.destination.id}/audit`);
  assert.equal(audit.status, 200);
  assert.ok(JSON.stringify(audit.json).includes("request.marked_paid"), "the one-step assignment is a mark-paid, audited");
  assertCleanConsole([401, 422]);
});

test("an overpaid request shows the excess; a cancelled one paid anyway shows the refund due", async () => {
  const payer = await chainAccount(5);
  const over = await requestWithLink(s.orchestrator, s.destination.id, "10.00", "ORDER O1");
  const overTx = await payFromNode({ from: payer, destination: s.destination, amountMinor: 12_500_000n, requestId: over.request.id });
  const submitted = await s.orchestrator.post(`/v1/requests/${over.request.id}/payments`, { txHash: overTx });
  assert.equal(submitted.status, 202, submitted.text);
  await page.goto(`/destinations/${s.destination.id}/requests/${over.request.id}`);
  await page.locator("#request-status").getByText("Paid").waitFor();
  await page.locator(".details div", { hasText: "Overpaid by" }).getByText("2.50 USDC").waitFor();

  const cancelled = await requestWithLink(s.orchestrator, s.destination.id, "4.00", "ORDER C1");
  assert.equal((await s.orchestrator.post(`/v1/requests/${cancelled.request.id}/cancel`)).status, 200);
  const lateTx = await payFromNode({ from: payer, destination: s.destination, amountMinor: 4_000_000n, requestId: cancelled.request.id });
  const late = await s.orchestrator.post(`/v1/requests/${cancelled.request.id}/payments`, { txHash: lateTx });
  assert.equal(late.status, 202, late.text);
  await page.goto(`/destinations/${s.destination.id}/requests/${cancelled.request.id}`);
  await page.locator("#request-status").getByText("Cancelled").waitFor();
  await page.locator(".details div", { hasText: "Refund due" }).getByText("4.00 USDC").waitFor();
  await page.getByTestId("payment").getByText("Confirmed", { exact: true }).waitFor();
  await checkScreen(page, "53-request-refund-due");
  assertCleanConsole([401]);
});
