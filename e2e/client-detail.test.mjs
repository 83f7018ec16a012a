// A client ID's own page: the budget as words and a bar, its expiry and
// auto-approval limit, limits edited with errors next to the field the API
// names, and a secret rotated with the new secret shown once and the old one's
// end date; then the audit tab says who did all that. axe-clean at both widths.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Orchestrator, PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";
import { randomAddress } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
let recipient;
const s = {};

before(async () => {
  recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Limits")).id;
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const made = await recipient.post(`/api/destinations/${s.destinationId}/clients`, {
    name: "Payroll bot",
    permissions: ["outgoing:creator"],
    limits: { outgoingBudget: { amount: "100.00", currency: "USDC" }, autoApproveUpTo: { amount: "5.00", currency: "USDC" }, expiresAt },
  });
  assert.equal(made.status, 201, made.text);
  s.client = made.json;
  s.orchestrator = new Orchestrator(made.json.secret);
  const spent = await s.orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "outgoing",
    amount: "30.00",
    currency: "USDC",
    payee: { name: "Contractor", walletAddress: randomAddress() },
  });
  assert.equal(spent.status, 201, spent.text);
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

test("the client page states budget, expiry and auto-approval in words, and its name links there from the list", async () => {
  await page.goto(`/destinations/${s.destinationId}`);
  await page.getByRole("link", { name: "Payroll bot" }).click();
  await page.getByRole("heading", { level: 1, name: "Payroll bot" }).waitFor();
  await page.locator("#budget-text").getByText("30.00 USDC spent or reserved of 100.00 USDC; 70.00 USDC remaining.").waitFor();
  await page.getByText("5.00 USDC", { exact: true }).waitFor();
  await page.getByText(/in 30 days|in 4 weeks|next month/).waitFor();
  await checkScreen(page, "40-client-detail");
  assertCleanConsole([401]); // the sign-in page's /api/me before signing in
});

test("editing limits puts the API's error next to its field and focuses it; a valid change is saved and announced", async () => {
  const rate = page.getByLabel("Creates per minute");
  await rate.fill("0");
  await page.getByRole("button", { name: "Save limits" }).click();
  await assertFocused(page, rate, "the Creates per minute field");
  assert.equal(await rate.getAttribute("aria-invalid"), "true");
  await checkScreen(page, "41-client-limits-error");

  const budget = page.getByLabel(/Outgoing budget/);
  await budget.fill("20.00");
  await rate.fill("50");
  await page.getByRole("button", { name: "Save limits" }).click();
  await page.getByRole("alert").getByText("cannot be lowered below what this client ID has already spent").waitFor();

  await budget.fill("200.00");
  await page.getByRole("button", { name: "Save limits" }).click();
  await assertAnnounced(page, /Limits saved/);
  await page.locator("#budget-text").getByText("30.00 USDC spent or reserved of 200.00 USDC; 170.00 USDC remaining.").waitFor();
  const stored = (await recipient.get(`/api/destinations/${s.destinationId}/clients`)).json.data[0];
  assert.deepEqual([stored.limits.outgoingBudget, stored.limits.createsPerMinute], [{ amount: "200.000000", currency: "USDC" }, 50]);
  assertCleanConsole([400, 409]);
});

test("rotating shows the new secret once and when the old one stops; both work until then", async () => {
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("dialog").getByLabel("Old secret keeps working for").selectOption("3600");
  await checkScreen(page, "42-rotate-secret", { fullPage: false });
  await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
  await page
    .getByRole("dialog")
    .getByText(/The previous secret keeps working until/)
    .waitFor();
  const secret = (await page.getByRole("dialog").locator(".secret-block").nth(1).locator("code, .mono").first().textContent()).trim();
  assert.match(secret, /^prsk_/);
  assert.notEqual(secret, s.orchestrator.secret);
  await checkScreen(page, "43-rotated-secret", { fullPage: false });
  await page.getByRole("button", { name: "I have stored the secret" }).click();
  await assertFocused(page, page.getByRole("button", { name: "Rotate secret" }), "the Rotate secret button");

  const body = { direction: "outgoing", amount: "1.00", currency: "USDC", payee: { name: "Tip", walletAddress: randomAddress() } };
  const byOld = await s.orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, body);
  const byNew = await new Orchestrator(secret).post(`/v1/destinations/${s.destinationId}/requests`, body);
  assert.deepEqual([byOld.status, byNew.status], [201, 201]);
  assert.equal(byNew.json.status, "approved", "1.00 is within autoApproveUpTo");
  assertCleanConsole();
});

test("the audit tab lists who claimed, created, limited and rotated, newest first", async () => {
  await page.goto(`/destinations/${s.destinationId}`);
  await page.getByRole("link", { name: "Audit log" }).click();
  const rows = page.locator("tr[data-audit-id]");
  await rows.first().waitFor();
  const texts = await rows.locator('td[data-label="What"] .audit-action').allTextContents();
  // Both 1.00 requests were approved by autoApproveUpTo, after the rotation.
  assert.deepEqual(texts.slice(0, 4), ["Approved a request", "Approved a request", "Rotated a client secret", "Changed a client's limits"]);
  assert.ok(texts.includes("Created a client ID") && texts.at(-1) === "Claimed the destination", texts.join(" | "));
  await checkScreen(page, "44-audit-log");
  assertCleanConsole();
});
