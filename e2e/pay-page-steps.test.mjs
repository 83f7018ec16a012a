// Issue 24, points 1–3: a payer on a phone with no browser wallet is told what to do,
// in numbered steps (what, to which plain address, on which network, with a QR code
// and an "open in wallet" link; then how it is credited), sees who asks for the
// money on every state, and the headline is what is still due. Each state is kept
// as a 375 px screenshot in docs/screens/ for reviewers.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { publicGet } from "./support/api.mjs";
import { checkScreen, launch, openPage } from "./support/browser.mjs";
import { chainAccount, DEMO_TOKEN } from "./support/chain-wallet.mjs";
import { assertFocused } from "./support/focus.mjs";
import { localChainRecipient, payFromNode, requestWithLink, walletOf } from "./support/pay-setup.mjs";

const SCREENS = fileURLToPath(new URL("../docs/screens/", import.meta.url));
mkdirSync(SCREENS, { recursive: true });
const NAME = "Acme Studio Ltd";

let browser;
let s;

before(async () => {
  s = await localChainRecipient("Private label");
  const named = await s.recipient.api(`/api/destinations/${s.destination.id}`, { method: "PATCH", body: { displayName: NAME } });
  assert.equal(named.status, 200, named.text);
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The axe and layout checks at both widths, then the 375 px screenshot kept for reviewers. */
async function keep(page, name) {
  await checkScreen(page, `60-${name}`);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `${SCREENS}pay-${name}-375.png`, fullPage: true });
}

const payee = (page) => page.getByTestId("payee");

test("a phone without a wallet gets numbered steps: amount, plain address, network, QR and open-in-wallet, then crediting", async () => {
  const { path, request } = await requestWithLink(s.orchestrator, s.destination.id, "7.25", "ORDER P1");
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: /^7\.25\s*USDC$/ }).waitFor();
  assert.equal((await payee(page).textContent()).trim(), `Payment request from ${NAME}`);
  assert.equal(await page.getByText("Private label").count(), 0, "the private label stays private");
  // The steps, in order; the transaction hash box comes after the address, and the interop address after both.
  const steps = page.locator("ol.pay-steps > li");
  assert.equal(await steps.count(), 2);
  assert.match(await steps.nth(0).getByRole("heading", { level: 2 }).textContent(), /^Send 7\.25 USDC on Local development chain/);
  assert.equal((await steps.nth(1).getByRole("heading", { level: 2 }).textContent()).trim(), "Get it credited");
  const wallet = walletOf(s.destination);
  assert.equal((await page.getByTestId("wallet-address").textContent()).trim(), wallet);
  const before = (a, b) =>
    page.evaluate(
      ([x, y]) => !!(document.querySelector(x).compareDocumentPosition(document.querySelector(y)) & Node.DOCUMENT_POSITION_FOLLOWING),
      [a, b],
    );
  assert.ok(await before('[data-testid="wallet-address"]', "input[aria-describedby]"), "the address comes before any field");
  assert.ok(await before('[data-testid="open-in-wallet"]', '[data-testid="interop-address"]'), "the interop address is lower");
  // The most prominent copy button copies the plain wallet address, which every wallet accepts.
  await page.getByRole("button", { name: "Copy wallet address" }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), wallet);
  // EIP-681: the token, the chain, the wallet and the amount due in minor units.
  const uri = `ethereum:${(await publicGet(`/api/public/payment-links/${path.split("/").pop()}`)).json.pay.tokenAddress}@31337/transfer?address=${wallet}&uint256=7250000`;
  assert.equal(await page.getByRole("link", { name: "Open in wallet app" }).getAttribute("href"), uri);
  assert.equal(uri.split(":")[1].split("@")[0].toLowerCase(), DEMO_TOKEN.toLowerCase());
  const qr = page.getByRole("img", { name: `QR code: send 7.25 USDC on Local development chain (Hardhat) to ${wallet}` });
  await qr.waitFor();
  assert.ok((await qr.locator("path").getAttribute("d")).length > 1000, "the QR code has modules");
  // No bank-style "include the reference" advice: a token transfer cannot carry it.
  assert.equal(await page.getByText(/Include the reference/).count(), 0);
  assert.ok(request.id);
  await keep(page, "open");
  assertCleanConsole();
});

test("after a part payment the headline is what is still due, and the page updates by itself", async () => {
  const { path, request } = await requestWithLink(s.orchestrator, s.destination.id, "7.25", "ORDER P2");
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: /^7\.25\s*USDC$/ }).waitFor();
  const txHash = await payFromNode({
    from: await chainAccount(6),
    destination: s.destination,
    amountMinor: 3_000_000n,
    requestId: request.id,
  });
  // Nobody reloads: the page reads its link while open, and the watcher (or this submission) records the payment.
  await s.orchestrator.post(`/v1/requests/${request.id}/payments`, { txHash });
  await page.getByRole("heading", { level: 1, name: /^4\.25\s*USDC$/ }).waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId("pay-progress").textContent(), /of 7\.25 USDC requested/);
  assert.equal(await page.title(), "Pay 4.25 USDC · Payrelay");
  assert.match(await page.getByRole("heading", { level: 2, name: /^Send 4\.25 USDC/ }).textContent(), /4\.25/);
  await keep(page, "partially-paid");
  assertCleanConsole();
});

test("a payer names their wallet (a field error first), focus lands on the confirmation, and a plain transfer from it turns the page paid", async () => {
  const { path, token } = await requestWithLink(s.orchestrator, s.destination.id, "2.50", "ORDER P3");
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(path);
  const field = page.getByLabel("Your wallet address");
  await field.fill("0x1234");
  await page.getByRole("button", { name: "Use this wallet" }).click();
  await page.getByText("The wallet address must be 0x followed by 40 letters a–f and digits 0–9.").waitFor();
  await assertFocused(page, field, "the wallet address field");
  const from = await chainAccount(7);
  await field.fill(from);
  await page.getByRole("button", { name: "Use this wallet" }).click();
  const declared = page.getByTestId("declared-wallet");
  await declared.waitFor();
  await assertFocused(page, declared, "the sentence naming the declared wallet");
  assert.equal((await publicGet(`/api/public/payment-links/${token}`)).json.payerWalletAddress.toLowerCase(), from);
  await keep(page, "wallet-declared");
  // What a QR code or "open in wallet" sends: a plain transfer, no reference, nothing submitted.
  await payFromNode({ from, destination: s.destination, amountMinor: 2_500_000n, tagged: false });
  await page.locator("#pay-status-title").getByText("Paid", { exact: true }).waitFor({ timeout: 30_000 });
  assert.equal((await payee(page).textContent()).trim(), `Payment request from ${NAME}`);
  await keep(page, "paid");
  assertCleanConsole();
});

test("a pasted hash the chain has not seen yet is checked again, saying so plainly; Stop checking returns focus to the field", async () => {
  const { path } = await requestWithLink(s.orchestrator, s.destination.id, "1.00", "ORDER P4");
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(path);
  const field = page.getByLabel("Transaction hash");
  await field.fill(`0x${"cd".repeat(32)}`);
  await page.getByRole("button", { name: "Submit transaction hash" }).click();
  const checking = page.getByTestId("pay-checking");
  await checking.getByText(/^Not seen on Local development chain \(Hardhat\) yet\. Checking again in 5 seconds\.$/).waitFor();
  assert.equal(await checking.getAttribute("role"), "status");
  assert.equal(await page.getByText(/has no transaction/).count(), 0, "no chain jargon");
  await keep(page, "checking-hash");
  await page.getByRole("button", { name: "Stop checking" }).click();
  await assertFocused(page, field, "the transaction hash field");
  assert.equal((await checking.textContent()).trim(), "");
  assertCleanConsole([422]);
});

test("cancelled, expired and unknown links still say who asked (when known) and offer no way to pay", async () => {
  const { path, request } = await requestWithLink(s.orchestrator, s.destination.id, "3.00", "ORDER P5");
  await s.orchestrator.post(`/v1/requests/${request.id}/cancel`);
  const { page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 });
  await page.goto(path);
  await page.locator("#pay-status-title").getByText("Request cancelled").waitFor();
  assert.equal((await payee(page).textContent()).trim(), `Payment request from ${NAME}`);
  assert.equal(await page.locator("ol.pay-steps").count(), 0);
  await keep(page, "cancelled");

  const created = await s.orchestrator.post(`/v1/destinations/${s.destination.id}/requests`, {
    direction: "incoming",
    amount: "3.00",
    currency: "USDC",
    reference: "ORDER P6",
  });
  const short = await s.orchestrator.post(`/v1/requests/${created.json.id}/payment-links`, { expiresInSeconds: 1 });
  await new Promise((r) => setTimeout(r, 1500));
  const expired = await publicGet(new URL(short.json.url).pathname.replace("/pay/", "/api/public/payment-links/"));
  assert.equal(expired.status, 410);
  assert.deepEqual(expired.json.payee, { displayName: NAME });
  await page.goto(new URL(short.json.url).pathname);
  await page.getByRole("heading", { level: 1, name: "This payment link has expired" }).waitFor();
  assert.equal((await payee(page).textContent()).trim(), `Payment request from ${NAME}`);
  await page.getByText(`Ask ${NAME} for a new payment link.`, { exact: false }).waitFor();
  await keep(page, "expired");

  await page.goto("/pay/no-such-link-token");
  await page.getByRole("heading", { level: 1, name: "Payment link not found" }).waitFor();
  // An unknown token names no destination: there is no one to show.
  assert.equal((await payee(page).textContent()).trim(), "Payment request");
  await keep(page, "not-found");
  assertCleanConsole([400, 404, 410]);
});
