// Moneyhub's payment-claim fields (seed 001) in the dashboard: a wrong end-to-end ID is named on its field,
// with focus on it; once fixed, the request carries context, end-to-end ID and payer reference, shown on its page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertFocused } from "./support/focus.mjs";
import { localChainRecipient } from "./support/pay-setup.mjs";

let browser;
let page;
let assertCleanConsole;
let s;

before(async () => {
  s = await localChainRecipient("Claim fields shop");
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, s.recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

test("a request made by hand carries Moneyhub's claim fields; a wrong one is named on its field", async () => {
  await page.goto(`/destinations/${s.destination.id}/requests/new`);
  await page.getByLabel("Amount").fill("5.00");
  await page.getByLabel("Payment context").selectOption("BillPayment");
  const e2e = page.getByLabel("End-to-end ID");
  await e2e.fill("INV#1");
  await page.getByLabel("Payer reference").fill("ACME 1042");
  await page.getByRole("button", { name: "Create request" }).click();
  await page.getByText("Use 1 to 35 letters, digits, spaces and - . / ? : ( ) , ' + (ISO 20022's characters).").first().waitFor();
  await assertFocused(page, e2e, "the End-to-end ID field, the one invalid");
  assert.equal(await e2e.getAttribute("aria-invalid"), "true");
  await checkScreen(page, "82-new-request-claim-error");

  await e2e.fill("INV-1042/2026");
  await page.getByRole("button", { name: "Create request" }).click();
  await page.locator("#request-status").waitFor();
  const row = (term) => page.locator(".details div", { has: page.locator("dt", { hasText: term }) });
  await row("Payment context").getByText("Bill payment").waitFor();
  await row("End-to-end ID").getByText("INV-1042/2026").waitFor();
  await row("Payer reference").getByText("ACME 1042").waitFor();
  await checkScreen(page, "83-request-claim-fields");
  const listed = await s.recipient.get(`/api/destinations/${s.destination.id}/requests?endToEndId=INV-1042%2F2026`);
  assert.deepEqual(
    listed.json.data.map((r) => [r.context, r.endToEndId, r.payerRef]),
    [["BillPayment", "INV-1042/2026", "ACME 1042"]],
  );
  assertCleanConsole([400, 401]);
});
