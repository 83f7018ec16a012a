// The public payment page a payer opens from a link: amount, currency, reference,
// the destination's interop address and the time left; the expired and unknown
// states; all on a phone-sized screen first.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Orchestrator, Recipient, publicGet } from "./support/api.mjs";
import { checkScreen, launch, openPage } from "./support/browser.mjs";

let browser;
let page;
let assertCleanConsole;
let destination;
let orchestrator;
let request;
let recipient;

async function link(expiresInSeconds) {
  const res = await orchestrator.post(`/v1/requests/${request.id}/payment-links`, expiresInSeconds ? { expiresInSeconds } : {});
  assert.equal(res.status, 201, res.text);
  const url = new URL(res.json.url);
  return { path: url.pathname, token: url.pathname.split("/").pop(), expiresAt: res.json.expiresAt };
}

before(async () => {
  recipient = await Recipient.signUp();
  destination = await recipient.claimedDestination("Acme Studio");
  const client = await recipient.client(destination.id, "Shop backend", ["incoming:creator"]);
  orchestrator = new Orchestrator(client.secret);
  const created = await orchestrator.post(`/v1/destinations/${destination.id}/requests`, {
    direction: "incoming",
    amount: "42.10",
    currency: "USDC",
    reference: "ORDER 7",
  });
  assert.equal(created.status, 201, created.text);
  request = created.json;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser, { wallet: false, width: 375 }));
});

after(async () => {
  await browser?.close();
});

test("a fresh link shows amount, currency, reference, interop address and time left", async () => {
  const fresh = await link();
  await page.goto(fresh.path);
  await page.getByRole("heading", { level: 1, name: /42\.10\s*USDC/ }).waitFor();
  // "Acme Studio" is the recipient's private label ("For you only"): payers never see it.
  assert.equal(await page.getByText("Acme Studio").count(), 0);
  assert.equal(await page.title(), "Pay 42.10 USDC · Payrelay");
  await page.getByText("ORDER 7").waitFor();
  assert.equal((await page.getByTestId("interop-address").locator("code").textContent()).trim(), destination.interopAddress);
  assert.match(await page.getByTestId("time-left").textContent(), /^(6 d 23 h|7 d 0 h)$/);
  await page.getByRole("button", { name: "Copy interop address" }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), destination.interopAddress);
  await checkScreen(page, "20-payment-page");
  assertCleanConsole();
});

test("a request in USD on a USDC destination asks for the exact token amount and says what was requested", async () => {
  // Base Sepolia's USDC: a token Payrelay knows, pegged to USD, so a request may be written in dollars.
  const usdc = await recipient.claimedDestination("Sepolia USDC", {
    chainId: 84532,
    tokenAddress: "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
  });
  const client = await recipient.client(usdc.id, "Fiat shop", ["incoming:creator"]);
  const orchestrator = new Orchestrator(client.secret);
  const created = await orchestrator.post(`/v1/destinations/${usdc.id}/requests`, {
    direction: "incoming",
    amount: "12.50",
    currency: "USD",
    reference: "FIAT 1",
  });
  assert.equal(created.status, 201, created.text);
  const res = await orchestrator.post(`/v1/requests/${created.json.id}/payment-links`, {});
  assert.equal(res.status, 201, res.text);
  const token = new URL(res.json.url).pathname.split("/").pop();
  const api = await publicGet(`/api/public/payment-links/${token}`);
  assert.equal(api.json.pay.amount, "12.500000");
  assert.equal(api.json.pay.tokenSymbol, "USDC");
  await page.goto(new URL(res.json.url).pathname);
  await page.getByRole("heading", { level: 1, name: /^12\.50\s*USDC$/ }).waitFor();
  assert.equal(await page.title(), "Pay 12.50 USDC · Payrelay");
  assert.match(await page.getByTestId("requested-amount").textContent(), /request is for 12\.50 USD; you pay it in USDC, 1 to 1/);
  await page.getByRole("heading", { level: 2, name: /^Send 12\.50 USDC on Base Sepolia/ }).waitFor();
  await checkScreen(page, "29-payment-page-usd");
  assertCleanConsole();
});

test("a link opened after its expiry shows the expired state (and the API answers 410 link_expired)", async () => {
  const short = await link(1);
  await new Promise((r) => setTimeout(r, 2100));
  const api = await publicGet(`/api/public/payment-links/${short.token}`);
  assert.equal(api.status, 410);
  assert.equal(api.json.code, "link_expired");
  assert.match(api.headers.get("content-type"), /application\/problem\+json/);
  await page.goto(short.path);
  await page.getByRole("heading", { level: 1, name: "This payment link has expired" }).waitFor();
  assert.equal(await page.getByTestId("interop-address").count(), 0, "no address to pay on an expired link");
  await checkScreen(page, "21-payment-expired");
  assertCleanConsole([410]);
});

test("a link that expires while the page is open switches to the expired state by itself", async () => {
  const soon = await link(5);
  await page.goto(soon.path);
  await page.getByTestId("time-left").waitFor();
  assert.match(await page.getByTestId("time-left").textContent(), /^0 min 0[0-5] s$/);
  await page.getByRole("heading", { level: 1, name: "This payment link has expired" }).waitFor({ timeout: 8000 });
  assertCleanConsole();
});

test("an unknown link says so", async () => {
  await page.goto("/pay/no-such-link-token");
  await page.getByRole("heading", { level: 1, name: "Payment link not found" }).waitFor();
  await checkScreen(page, "22-payment-not-found");
  assertCleanConsole([400, 404]);
});
