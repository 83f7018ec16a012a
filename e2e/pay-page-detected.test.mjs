// A payment made outside the pay page (another wallet app, nothing submitted): Payrelay's
// chain watcher finds it on the local chain, and the open pay page, polling its link,
// turns "Paid" by itself.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { publicGet } from "./support/api.mjs";
import { launch, openPage } from "./support/browser.mjs";
import { chainAccount } from "./support/chain-wallet.mjs";
import { localChainRecipient, payFromNode, requestWithLink } from "./support/pay-setup.mjs";

let browser;
let s;

before(async () => {
  s = await localChainRecipient("Detected payments shop");
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test("the pay page turns paid on its own after a payment nobody submits", async () => {
  const { request, path, token } = await requestWithLink(s.orchestrator, s.destination.id, "4.20", "ORDER D1");
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(path);
  await page.getByTestId("interop-address").waitFor(); // the pending page, offering the address to pay
  const started = Date.now();
  await payFromNode({ from: await chainAccount(3), destination: s.destination, amountMinor: 4_200_000n, requestId: request.id });
  // The contract: found within 30 s of its confirmations (1 locally); the page reads its link every 3 s.
  await page.locator("#pay-status-title").getByText("Paid", { exact: true }).waitFor({ timeout: 30_000 });
  console.log(`paid on the page ${Date.now() - started} ms after the transfer was mined`);
  const view = (await publicGet(`/api/public/payment-links/${token}`)).json;
  assert.equal(view.status, "paid");
  const detail = await s.orchestrator.get(`/v1/requests/${request.id}`);
  assert.equal(detail.json.payments[0].detectedBy, "chain_watch");
  assertCleanConsole();
});
