// Refunds (seed 003): an overpaid request is refunded from its page with the refund's transaction,
// verified on the run's local chain; and the README's curl for refunds works as written.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { rpc, sendAndWait, transferCalldata } from "../scripts/chain/evm.mjs";
import { BASE_URL, PASSWORD } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { CHAIN_RPC_URL, DEMO_TOKEN, chainAccount } from "./support/chain-wallet.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";
import { localChainRecipient, payFromNode, requestWithLink, walletOf } from "./support/pay-setup.mjs";

let browser;
let page;
let assertCleanConsole;
let s;

before(async () => {
  s = await localChainRecipient("Refunds shop");
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, s.recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

/** A request of 10.00 USDC that account #6 overpays with 12.50, submitted by the shop. */
async function overpaid(reference) {
  const payer = await chainAccount(6);
  const { request } = await requestWithLink(s.orchestrator, s.destination.id, "10.00", reference);
  const txHash = await payFromNode({ from: payer, destination: s.destination, amountMinor: 12_500_000n, requestId: request.id });
  const submitted = await s.orchestrator.post(`/v1/requests/${request.id}/payments`, { txHash });
  assert.equal(submitted.status, 202, submitted.text);
  return { request, payer };
}

/** The destination's wallet sends `amountMinor` back to `to` (hardhat impersonates it, with gas money). */
async function sendBack(to, amountMinor) {
  const wallet = walletOf(s.destination);
  await rpc(CHAIN_RPC_URL, "hardhat_impersonateAccount", [wallet]);
  await rpc(CHAIN_RPC_URL, "hardhat_setBalance", [wallet, "0x56BC75E2D63100000"]);
  const receipt = await sendAndWait(CHAIN_RPC_URL, { from: wallet, to: DEMO_TOKEN, data: transferCalldata(to, amountMinor) });
  assert.equal(receipt.status, "0x1");
  return receipt.transactionHash;
}

test("an overpayment is refunded from the request page with its transaction: verified, listed, and nothing left owed", async () => {
  const { request, payer } = await overpaid("ORDER R1");
  await page.goto(`/destinations/${s.destination.id}/requests/${request.id}`);
  await page.locator(".details div", { hasText: "Overpaid by" }).getByText("2.50 USDC").waitFor();
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund ORDER R1" });
  await dialog.waitFor();
  const amount = dialog.getByLabel("Amount (USDC)");
  await assertFocused(page, amount, "the dialog's first field");
  assert.equal(await amount.inputValue(), "2.50", "prefilled with what is owed back");
  // Neither a hash nor a note: the dialog says what it needs, on the field.
  await dialog.getByRole("button", { name: "Record refund" }).click();
  await dialog.getByText("Enter the refund's transaction hash, or a note below.").waitFor();
  await checkScreen(page, "80-refund-dialog", { fullPage: false });

  const txHash = await sendBack(payer, 2_500_000n);
  await dialog.getByLabel("Transaction hash").fill(txHash);
  await dialog.getByRole("button", { name: "Record refund" }).click();
  const item = page.getByTestId("refund");
  await item.getByText("2.50 USDC").waitFor();
  await item.getByText(/Verified on-chain/).waitFor();
  await assertFocused(page, page.locator("#refunds-title"), "the Refunds heading");
  await assertAnnounced(page, /Refund recorded\. Refunded so far: 2\.50 USDC\./);
  await page.getByTestId("refunded").getByText("2.50 USDC").waitFor();
  assert.equal(await page.getByRole("button", { name: "Refund…" }).count(), 0, "nothing left to refund");
  assert.equal(await page.locator(".details div", { hasText: "Overpaid by" }).count(), 0, "no excess left");
  await page
    .locator(".timeline-item", { hasText: /refund/i })
    .first()
    .waitFor();
  await checkScreen(page, "81-request-refunded");

  const stored = await s.orchestrator.get(`/v1/requests/${request.id}`);
  assert.equal(stored.json.refunded, "2.500000");
  assert.equal(stored.json.refunds[0].txHash, txHash);
  assertCleanConsole([401]);
});

test("the README's refund curl works as written", async () => {
  const { request, payer } = await overpaid("ORDER R2");
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf("## Refunds")))?.[1];
  assert.ok(block, "the README has a refunds block");
  const out = execFileSync("bash", ["-c", `cd "$(mktemp -d)" && ${block.trim()} -w '\\n%{http_code}'`], {
    env: {
      ...process.env,
      BASE: BASE_URL,
      EMAIL: s.recipient.email,
      PASSWORD,
      DST: s.destination.id,
      REQ: request.id,
      REFUND_TX: await sendBack(payer, 2_500_000n),
    },
    encoding: "utf8",
  });
  const status = Number(out.slice(out.lastIndexOf("\n") + 1));
  const body = JSON.parse(out.slice(0, out.lastIndexOf("\n")));
  assert.equal(status, 201, JSON.stringify(body));
  assert.equal(body.amount, "2.500000");
  assert.equal(body.to, payer);
});
