// Claiming without a browser wallet: the page shows the exact message, explains
// how to sign it elsewhere, and takes a pasted signature. A signature from the
// wrong key is refused with the error next to the Signature field.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { TEST_WALLET, randomAddress, signAsStranger, signPersonal } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
let destination;

before(async () => {
  const recipient = await Recipient.signUp();
  const created = await recipient.post("/api/destinations", {
    chainId: 10,
    walletAddress: TEST_WALLET,
    tokenAddress: randomAddress(),
    tokenSymbol: "USDC",
    tokenDecimals: 6,
  });
  assert.equal(created.status, 201, created.text);
  destination = created.json;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser, { wallet: false }));
  await signIn(page, recipient.email, PASSWORD);
  assertCleanConsole([401]);
});

after(async () => {
  await browser?.close();
});

test("without a wallet, the message to sign and the paste form are shown straight away", async () => {
  await page.goto(`/destinations/${destination.id}`);
  await page.getByText("No browser wallet found here.").waitFor();
  assert.equal(await page.getByRole("button", { name: "Sign with browser wallet" }).count(), 0);
  assert.equal(await page.getByTestId("claim-message").textContent(), destination.claimChallenge);
  await page.getByText("cast wallet sign").waitFor();
  await checkScreen(page, "18-claim-by-paste");
  assertCleanConsole();
});

test("a signature from another key is refused next to the Signature field", async () => {
  const message = await page.getByTestId("claim-message").textContent();
  await page.getByLabel("Signature").fill(signAsStranger(message));
  await page.getByRole("button", { name: "Claim with this signature" }).click();
  const field = page.locator(".field", { has: page.getByLabel("Signature") });
  await field.locator(".field-error").waitFor();
  assert.equal(await page.getByLabel("Signature").getAttribute("aria-invalid"), "true");
  await checkScreen(page, "19-claim-wrong-signer");
  assertCleanConsole([400]);
});

test("a fresh message signed by the wallet claims the destination", async () => {
  const before = await page.getByTestId("claim-message").textContent();
  await page.getByRole("button", { name: "Get a new message" }).click();
  await page.waitForFunction((old) => document.querySelector("[data-testid=claim-message]")?.textContent !== old, before);
  const message = await page.getByTestId("claim-message").textContent();
  await page.getByLabel("Signature").fill(signPersonal(message));
  await page.getByRole("button", { name: "Claim with this signature" }).click();
  await page.locator(".summary .badge", { hasText: "Claimed" }).waitFor();
  await page.getByText("No client IDs yet").waitFor();
  assertCleanConsole();
});
