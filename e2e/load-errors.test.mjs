// Issue 24, point 9: a list or page that could not load says so, offers Retry, and shows nothing
// that contradicts it (no "No client IDs yet" beside "could not load"). Retry lands focus on the
// section's heading, then the real content appears.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertFocused } from "./support/focus.mjs";

let browser;
let page;
let assertCleanConsole;
let recipient;
const s = {};

const OUTAGE = "Payrelay is briefly unavailable. Try again in a moment.";

before(async () => {
  recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Load errors")).id;
  const created = await recipient.post(`/api/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "3.00",
    currency: "USDC",
  });
  assert.equal(created.status, 201, created.text);
  s.requestId = created.json.id;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

/** Answers `pattern` with a 503 problem until the returned function is called. */
async function outage(pattern) {
  const answer = (route) =>
    route.request().method() === "GET"
      ? route.fulfill({
          status: 503,
          contentType: "application/problem+json",
          body: JSON.stringify({ type: "about:blank", title: "Unavailable", status: 503, detail: OUTAGE, code: "storage_unavailable" }),
        })
      : route.continue();
  await page.route(pattern, answer);
  return () => page.unroute(pattern, answer);
}

async function retryLandsOn(what, heading) {
  const retry = page.getByTestId("load-problem").getByRole("button", { name: `Retry loading ${what}` });
  await retry.focus();
  await page.keyboard.press("Enter");
  await assertFocused(page, heading, `the ${what} heading`);
  await page.getByTestId("load-problem").waitFor({ state: "detached" });
}

test("client IDs that could not load: the reason and Retry, no empty state; Retry lands on the heading", async () => {
  const end = await outage(`**/api/destinations/${s.destinationId}/clients`);
  await page.goto(`/destinations/${s.destinationId}`);
  await page.getByTestId("load-problem").getByText(OUTAGE).waitFor();
  assert.equal(await page.getByText("No client IDs yet").count(), 0, "no empty state beside the error");
  assert.equal(await page.locator("table").count(), 0, "no table beside the error");
  await checkScreen(page, "81-clients-load-error");
  await end();
  await retryLandsOn("client IDs", page.getByRole("heading", { level: 2, name: "Client IDs" }));
  await page.getByRole("heading", { level: 3, name: "No client IDs yet" }).waitFor();
  assertCleanConsole([401, 503]);
});

test("requests that could not load: no empty state, no empty table; Retry brings the list", async () => {
  const end = await outage(`**/api/destinations/${s.destinationId}/requests?*`);
  await page.goto(`/destinations/${s.destinationId}/requests`);
  await page.getByTestId("load-problem").getByText(OUTAGE).waitFor();
  assert.equal(await page.getByText("No requests yet").count(), 0);
  assert.equal(await page.locator("table").count(), 0);
  await checkScreen(page, "82-requests-load-error");
  await end();
  await retryLandsOn("requests", page.getByRole("heading", { level: 2, name: "Requests" }));
  await page.locator(`tr[data-request-id="${s.requestId}"]`).waitFor();
  assertCleanConsole([503]);
});

test("the audit log that could not load says so without 'Nothing recorded yet'", async () => {
  const end = await outage(`**/api/destinations/${s.destinationId}/audit`);
  await page.goto(`/destinations/${s.destinationId}/audit`);
  await page.getByTestId("load-problem").getByText(OUTAGE).waitFor();
  assert.equal(await page.getByText("Nothing recorded yet").count(), 0);
  await end();
  await retryLandsOn("the audit log", page.getByRole("heading", { level: 2, name: "Audit log" }));
  await page.locator("tr[data-audit-id]").first().waitFor();
  assertCleanConsole([503]);
});

test("a request that could not load is not called 'not found'; Retry shows it", async () => {
  const end = await outage(`**/api/destinations/${s.destinationId}/requests/${s.requestId}`);
  await page.goto(`/destinations/${s.destinationId}/requests/${s.requestId}`);
  await page.getByTestId("load-problem").getByText(OUTAGE).waitFor();
  assert.equal(await page.getByText("Request not found").count(), 0);
  await checkScreen(page, "83-request-load-error");
  await end();
  const retry = page.getByTestId("load-problem").getByRole("button", { name: "Retry loading the request" });
  await retry.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: /3\.00/ }).waitFor();
  assertCleanConsole([503]);
});
