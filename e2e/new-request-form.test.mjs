// Issue 24, point 10: the New request form leads to no dead ends. It offers only the currencies
// the destination accepts (its token, the token's peg, and a bank's currency for a bank payout),
// is unavailable until the destination is claimed, and words the reference by rail.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { TEST_WALLET, randomAddress } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
let recipient;
const s = {};

// EURC on Base: a token Payrelay knows, pegged to EUR.
const EURC_ON_BASE = { chainId: 8453, tokenAddress: "0x60a3e35cc302bfa44cb288bc5a4f316fdb1adb42" };

before(async () => {
  recipient = await Recipient.signUp();
  s.claimed = (await recipient.claimedDestination("Euro shop", EURC_ON_BASE)).id;
  const unclaimed = await recipient.post("/api/destinations", {
    chainId: 8453,
    walletAddress: TEST_WALLET,
    tokenAddress: randomAddress(),
    tokenSymbol: "USDC",
    tokenDecimals: 6,
    label: "Not yet claimed",
  });
  assert.equal(unclaimed.status, 201, unclaimed.text);
  s.unclaimed = unclaimed.json.id;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

const options = (select) => select.locator("option").evaluateAll((os) => os.map((o) => o.value));

test("an unclaimed destination offers no form: New request says to claim first", async () => {
  await page.goto(`/destinations/${s.unclaimed}/requests`);
  const button = page.getByRole("button", { name: "New request" });
  await button.waitFor();
  assert.equal(await button.getAttribute("aria-disabled"), "true");
  const why = await button.getAttribute("aria-describedby");
  assert.equal((await page.locator(`[id="${why}"]`).textContent()).trim(), "Claim this destination first.");
  assert.equal(await page.getByRole("link", { name: "New request" }).count(), 0);
  await checkScreen(page, "84-new-request-unclaimed");
  await page.goto(`/destinations/${s.unclaimed}/requests/new`);
  await page.getByTestId("claim-first").getByRole("link", { name: "Claim it first" }).waitFor();
  assert.equal(await page.getByLabel("Amount").count(), 0, "no form to fill for a 409");
  assertCleanConsole([401]);
});

test("currencies are the token and its peg; a bank payout adds the bank's currency; the reference is worded by rail", async () => {
  await page.goto(`/destinations/${s.claimed}/requests/new`);
  const currency = page.getByLabel("Currency", { exact: true });
  await currency.waitFor();
  assert.deepEqual(await options(currency), ["EURC", "EUR"]);
  assert.equal(await currency.inputValue(), "EURC");
  const reference = page.getByLabel(/^Reference/);
  const hint = async () => page.locator(`[id="${(await reference.getAttribute("aria-describedby")).split(" ")[0]}"]`).textContent();
  assert.match(await hint(), /payment page\. A token transfer cannot carry it/);
  assert.doesNotMatch(await hint(), /bank/i, "no bank wording for a crypto request");
  await checkScreen(page, "85-new-request-crypto");

  await page.getByRole("radio", { name: /Outgoing/ }).check();
  assert.deepEqual(await options(currency), ["EURC", "EUR"], "a payout to a wallet is in the token too");
  await page.getByRole("radio", { name: "UK bank account" }).check();
  const bankOptions = await options(currency);
  assert.ok(bankOptions.includes("GBP"), "a bank payout may be in the bank's currency");
  assert.ok(!bankOptions.includes("USDC"), "never another token");
  assert.match(await hint(), /bank transfer's reference/);
  await currency.selectOption("GBP");
  await page.getByRole("radio", { name: "Email or wallet" }).check();
  assert.equal(await currency.inputValue(), "EURC", "GBP is not offered for a wallet payee, so the choice goes back to the token");
  await page.getByRole("radio", { name: "UK bank account" }).check();
  await currency.selectOption("GBP");

  await page.getByLabel("Amount").fill("25.00");
  await reference.fill("Rent June");
  await page.getByLabel("Name", { exact: true }).fill("Landlord Ltd");
  await page.getByLabel("Sort code").fill("123456");
  await page.getByLabel("Account number").fill("12345678");
  await page.getByRole("button", { name: "Create request" }).click();
  await page.getByRole("heading", { level: 1, name: /25\.00\s*GBP/ }).waitFor();
  assertCleanConsole([401]);
});
