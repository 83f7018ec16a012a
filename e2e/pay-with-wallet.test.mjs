// A payer pays from the payment page on the run's local chain: through the injected
// EIP-1193 wallet (switch chain, ERC-20 transfer with the payment reference), or by
// pasting the hash of a payment made elsewhere, part now and the rest later. The page
// follows the request to paid, with focus on its status; the recipient's dashboard
// then shows it paid, with the transaction and the timeline.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { paymentReference, rpc } from "../scripts/chain/evm.mjs";
import { Orchestrator, PASSWORD } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { CHAIN_RPC_URL, chainAccount, installChainWallet } from "./support/chain-wallet.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";
import { localChainRecipient, payFromNode, requestWithLink } from "./support/pay-setup.mjs";

let browser;
let s;

before(async () => {
  s = await localChainRecipient("Pay page shop");
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A phone-sized payer page with a wallet of local-chain account `n`. */
async function payerPage(n) {
  const opened = await openPage(browser, { wallet: false, width: 375 });
  const account = await chainAccount(n);
  await installChainWallet(opened.page, account);
  return { ...opened, account };
}

const statusHeading = (page) => page.locator("#pay-status-title");

test("paying with the browser wallet sends the tagged transfer and the page shows paid", async () => {
  const { request, path } = await requestWithLink(s.orchestrator, s.destination.id, "25.00", "ORDER W1");
  const { page, assertCleanConsole, account } = await payerPage(1);
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: /25\.00\s*USDC/ }).waitFor();
  await checkScreen(page, "40-pay-open");
  await page.getByRole("button", { name: "Pay 25.00 USDC with wallet" }).click();
  await statusHeading(page).getByText("Paid", { exact: true }).waitFor({ timeout: 30_000 });
  await assertFocused(page, statusHeading(page), "the payment's status heading");
  await assertAnnounced(page, /Payment status: Paid/);
  assert.equal(await page.getByTestId("time-left").count(), 0, "no countdown once the request is paid");
  // The transaction the page lists is the wallet's: from the payer, carrying this request's reference.
  const txHash = await page.locator(".pay-payments code").getAttribute("title");
  const tx = await rpc(CHAIN_RPC_URL, "eth_getTransactionByHash", [txHash]);
  assert.equal(tx.from.toLowerCase(), account);
  assert.ok(tx.input.endsWith(paymentReference(request.id).slice(2)), "the transfer carries the payment reference");
  assert.equal(await page.getByRole("button", { name: /with wallet/ }).count(), 0, "nothing left to pay");
  await checkScreen(page, "41-pay-paid");
  assertCleanConsole();
  s.paid = { request, txHash };
});

test("the recipient's dashboard shows the request paid, with the transaction and the timeline", async () => {
  assert.ok(s.paid, "needs the wallet payment above");
  const { page, assertCleanConsole } = await openPage(browser);
  await signIn(page, s.recipient.email, PASSWORD);
  await page.goto(`/destinations/${s.destination.id}/requests/${s.paid.request.id}`);
  await page.locator("#request-status").getByText("Paid").waitFor();
  await page.getByTestId("amount-paid").getByText("25.00 USDC").waitFor();
  const payment = page.getByTestId("payment");
  await payment.getByText("Confirmed", { exact: true }).waitFor();
  assert.equal(await payment.locator(`code[title="${s.paid.txHash}"]`).count(), 1, "the payment shows its transaction hash");
  await payment.getByRole("button", { name: "Copy transaction hash" }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s.paid.txHash);
  const timeline = page.locator("ol.timeline");
  await timeline.locator(".timeline-item", { hasText: "Created" }).waitFor();
  await timeline.locator(".timeline-item", { hasText: "Paid" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Mark paid" }).count(), 0, "a paid request cannot be marked paid");
  await checkScreen(page, "42-request-paid");
  assertCleanConsole([401]);
});

test("a malformed hash is refused in words; a partial payment pasted shows what is left; the rest paid by wallet", async () => {
  const { request, path } = await requestWithLink(s.orchestrator, s.destination.id, "10.00", "ORDER P1");
  const { page, assertCleanConsole, account } = await payerPage(2);
  await page.goto(path);
  const field = page.getByLabel("Transaction hash");
  await field.fill("0x1234");
  await page.getByRole("button", { name: "Submit transaction hash" }).click();
  await page.getByText("The transaction hash must be 0x followed by 64 letters a–f and digits 0–9.").waitFor();
  await assertFocused(page, field, "the transaction hash field");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  await checkScreen(page, "43-pay-hash-invalid");

  const part = await payFromNode({ from: account, destination: s.destination, amountMinor: 4_000_000n, requestId: request.id });
  await field.fill(part);
  await page.getByRole("button", { name: "Submit transaction hash" }).click();
  await statusHeading(page).getByText("Partially paid").waitFor({ timeout: 30_000 });
  await assertFocused(page, statusHeading(page), "the payment's status heading");
  await page
    .getByTestId("amount-left")
    .getByText(/6\.00 USDC/)
    .waitFor();
  await assertAnnounced(page, /Partially paid\. 6\.00 USDC left to pay/);
  await checkScreen(page, "44-pay-partially-paid");

  await page.getByRole("button", { name: "Pay the rest (6.00 USDC) with wallet" }).click();
  await statusHeading(page).getByText("Paid", { exact: true }).waitFor({ timeout: 30_000 });
  await assertFocused(page, statusHeading(page), "the payment's status heading");
  assert.equal(await page.locator(".pay-payments li").count(), 2, "both transactions are listed");
  const stored = await s.orchestrator.get(`/v1/requests/${request.id}`);
  assert.equal(stored.json.status, "paid");
  assert.equal(stored.json.amountPaid, "10.000000"); // a request in the token itself keeps its 6 decimals
  assertCleanConsole();
});

test("a wallet that does not know the link's chain is told so, and nothing is sent", async () => {
  // A destination on Base: the e2e wallet only knows the local chain and answers 4902, as MetaMask does.
  const base = await s.recipient.claimedDestination("On Base");
  const client = await s.recipient.client(base.id, "Base shop", ["incoming:creator"]);
  const { path } = await requestWithLink(new Orchestrator(client.secret), base.id, "3.00", "ORDER B1");
  const { page, assertCleanConsole } = await payerPage(3);
  await page.goto(path);
  await page.getByRole("button", { name: "Pay 3.00 USDC with wallet" }).click();
  const alert = page.getByRole("alert");
  await alert.getByText("Your wallet does not know Base (chain ID 8453). Add that network to your wallet, then try again.").waitFor();
  await assertFocused(page, alert, "the problem alert");
  await checkScreen(page, "45-pay-wallet-wrong-chain");
  assertCleanConsole();
});
