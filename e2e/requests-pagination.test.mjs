// More requests than fit on a page: cursor pages forward and back, newest first.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";

const TOTAL = 23;
let browser;
let page;
let assertCleanConsole;
let destination;

before(async () => {
  const recipient = await Recipient.signUp();
  destination = await recipient.claimedDestination("Pagination");
  for (let i = 1; i <= TOTAL; i++) {
    const res = await recipient.post(`/api/destinations/${destination.id}/requests`, {
      direction: "incoming",
      amount: `${i}.00`,
      currency: "USDC",
      reference: `BATCH ${i}`,
    });
    assert.equal(res.status, 201, res.text);
  }
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
  assertCleanConsole([401]);
});

after(async () => {
  await browser?.close();
});

const references = () => page.locator("tbody tr .row-link").allTextContents();

test("the first page holds 20 requests, newest first; Next and Previous walk the cursor", async () => {
  await page.goto(`/destinations/${destination.id}/requests`);
  await page.getByText("BATCH 23").waitFor();
  const first = await references();
  assert.equal(first.length, 20);
  assert.equal(first[0], "BATCH 23");
  assert.ok(await page.getByRole("button", { name: "Previous" }).isDisabled());
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("Page 2").waitFor();
  await page.getByText("BATCH 1", { exact: true }).waitFor();
  assert.deepEqual(await references(), ["BATCH 3", "BATCH 2", "BATCH 1"]);
  assert.ok(await page.getByRole("button", { name: "Next" }).isDisabled());
  await checkScreen(page, "23-requests-page-2");
  await page.getByRole("button", { name: "Previous" }).click();
  await page.getByText("BATCH 23").waitFor();
  assert.deepEqual(await references(), first);
  assertCleanConsole();
});

test("a filter with no match says so and offers to clear it", async () => {
  await page.getByLabel("Status").selectOption("paid");
  await page.getByText("No requests match these filters").waitFor();
  await checkScreen(page, "24-requests-no-match");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByText("BATCH 23").waitFor();
  assertCleanConsole();
});
