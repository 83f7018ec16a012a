// A claimed destination with one client ID, worked through the dashboard:
// an orchestrator's request appears under its client's name → a manual request
// (with a field error first) → filters → a payment link → revoking the client.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Orchestrator, PASSWORD, Recipient, publicGet } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";

let browser;
let page;
let assertCleanConsole;
const s = {};

before(async () => {
  const recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Main USDC on Base")).id;
  const client = await recipient.client(s.destinationId, "Acme billing", ["incoming:creator", "incoming:reader"]);
  s.clientId = client.id;
  s.secret = client.secret;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
  await page.goto(`/destinations/${s.destinationId}`);
  assertCleanConsole([401]);
});

after(async () => {
  await browser?.close();
});

const heading = (name) => page.getByRole("heading", { level: 1, name });

test("a request an orchestrator sends with the secret appears with the client's name in Created by", async () => {
  const orchestrator = new Orchestrator(s.secret);
  const created = await orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "1250.00",
    currency: "USDC",
    reference: "INV 1001",
    payer: { name: "Jane Payer", email: "jane@example.com" },
  });
  assert.equal(created.status, 201, created.text);
  s.clientRequestId = created.json.id;
  await page.getByRole("link", { name: "Requests" }).click();
  const row = page.locator(`tr[data-request-id="${s.clientRequestId}"]`);
  await row.waitFor();
  assert.equal((await row.locator(".created-by").textContent()).trim(), "Acme billing");
  assert.match(await row.locator(".amount").textContent(), /1,250\.00\s*USDC/);
  await row.getByText("Pending").waitFor();
  await checkScreen(page, "10-requests");
  assertCleanConsole();
});

test("create a request by hand: a bad amount is explained next to the Amount field, then it is created as Manual", async () => {
  await page.getByRole("link", { name: "New request" }).click();
  await heading("New request").waitFor();
  await page.getByRole("radio", { name: /Outgoing/ }).check();
  await page.getByLabel("Amount").fill("10.555");
  // GBP is offered once the payee is a UK bank account: a payout in the bank's currency.
  await page.getByRole("radio", { name: "UK bank account" }).check();
  await page.getByLabel("Currency").selectOption("GBP");
  await page.getByRole("textbox", { name: "Reference (optional)", exact: true }).fill("Rent March");
  await page.getByLabel("Name", { exact: true }).fill("Landlord Ltd");
  await page.getByLabel("Sort code").fill("12-34-56");
  await page.getByLabel("Account number").fill("12345678");
  await page.getByRole("button", { name: "Create request" }).click();
  const amountField = page.locator(".field", { has: page.getByLabel("Amount") });
  await amountField.locator(".field-error").waitFor();
  assert.equal(await page.getByLabel("Amount").getAttribute("aria-invalid"), "true");
  await page.getByRole("alert").waitFor();
  await checkScreen(page, "11-new-request-error");
  await page.getByLabel("Amount").fill("10.50");
  await page.getByRole("button", { name: "Create request" }).click();
  await page.getByRole("heading", { level: 1, name: /10\.50\s*GBP/ }).waitFor();
  s.manualRequestId = page.url().split("/requests/")[1];
  await page.getByText("Manual (you)").waitFor();
  await page.getByText("Sort code 12-34-56").waitFor();
  await checkScreen(page, "12-request-detail-outgoing");
  assertCleanConsole([400]);
});

test("filter the requests by client and by Manual; the filters live in the URL", async () => {
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Requests" }).click();
  const rows = page.locator("tbody tr");
  await page.locator(`tr[data-request-id="${s.manualRequestId}"]`).waitFor();
  assert.equal(await rows.count(), 2);
  await page.getByLabel("Created by").selectOption({ label: "Acme billing" });
  await page.waitForURL(/createdBy=cli_/);
  await page.locator(`tr[data-request-id="${s.manualRequestId}"]`).waitFor({ state: "detached" });
  assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.dataset.requestId)), [s.clientRequestId]);
  await page.getByLabel("Created by").selectOption({ label: "Manual" });
  await page.waitForURL(/createdBy=manual/);
  await page.locator(`tr[data-request-id="${s.clientRequestId}"]`).waitFor({ state: "detached" });
  assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.dataset.requestId)), [s.manualRequestId]);
  await checkScreen(page, "13-requests-filtered-manual");
  await page.getByLabel("Direction").selectOption("incoming");
  await page.getByText("No requests match these filters").waitFor();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.locator(`tr[data-request-id="${s.clientRequestId}"]`).waitFor();
  assert.equal(await rows.count(), 2);
  assertCleanConsole();
});

test("create a payment link from the dashboard and open it; earlier links are listed without their URLs", async () => {
  const earlier = await new Orchestrator(s.secret).post(`/v1/requests/${s.clientRequestId}/payment-links`, { expiresInSeconds: 600 });
  assert.equal(earlier.status, 201, earlier.text);
  await page.locator(`tr[data-request-id="${s.clientRequestId}"] a`).click();
  await page.getByRole("heading", { level: 1, name: /1,250\.00\s*USDC/ }).waitFor();
  const links = page.getByRole("list", { name: "Links for this request" });
  const older = links.locator(`li[data-link-id="${earlier.json.id}"]`);
  await older.getByText(/Link address not shown/).waitFor();
  // Made by the client, shown by its name and linked to its page.
  await older.getByRole("link", { name: "Acme billing" }).waitFor();
  assert.equal(
    await links.locator("code", { hasText: "/pay/" }).count(),
    0,
    "an earlier link's URL is never shown: only its hash is stored",
  );
  await page.getByLabel("Expires after").selectOption("3600");
  await page.getByRole("button", { name: "Create payment link" }).click();
  const link = links.locator("li").first().locator("code", { hasText: "/pay/" });
  await link.waitFor();
  assert.equal(await links.locator("li").count(), 2);
  await links.locator("li").first().getByText("you, in the dashboard").waitFor();
  s.payUrl = (await link.textContent()).trim();
  assert.match(s.payUrl, /\/pay\/[^/]+$/);
  await checkScreen(page, "14-request-detail-incoming");
  const payPath = new URL(s.payUrl).pathname;
  await page.goto(payPath);
  await page.getByRole("heading", { level: 1, name: /1,250\.00\s*USDC/ }).waitFor();
  await page.getByText("INV 1001").waitFor();
  assert.match(await page.getByTestId("time-left").textContent(), /^(59|60) min \d\d s$|^1 h 0 min$/);
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: /1,250\.00\s*USDC/ }).waitFor();
  // A new visit knows no URL: both links are listed, newest first, neither with its address.
  await links
    .locator("li")
    .nth(1)
    .getByText(/Link address not shown/)
    .waitFor();
  assert.equal(await links.locator("li").count(), 2);
  assert.equal(await links.locator("code", { hasText: "/pay/" }).count(), 0);
  assertCleanConsole();
});

test("revoke the client ID: the dialog says what it does; it is marked revoked with the time; creates are refused, reads still work", async () => {
  await page.goto(`/destinations/${s.destinationId}`);
  const row = page.locator(`tr[data-client-id="${s.clientId}"]`);
  await row.getByRole("button", { name: "Revoke Acme billing" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke Acme billing?" });
  await dialog.getByText("No new requests or payment links.").waitFor();
  await dialog.getByText("Existing requests stay valid").waitFor();
  await dialog.getByText("Existing payment links keep working").waitFor();
  await dialog.getByText("The orchestrator can still read").waitFor();
  await checkScreen(page, "15-revoke-dialog", { fullPage: false });
  await dialog.getByRole("button", { name: "Revoke client ID" }).click();
  await dialog.waitFor({ state: "detached" });
  await row.getByText("Revoked").waitFor();
  assert.match(await row.locator("time").first().getAttribute("datetime"), /^\d{4}-\d\d-\d\dT/);
  assert.equal(await row.getByRole("button", { name: /Revoke/ }).count(), 0);
  await page.reload();
  await row.getByText("Revoked").waitFor();
  await checkScreen(page, "16-clients-revoked");

  const orchestrator = new Orchestrator(s.secret);
  const refused = await orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "5.00",
    currency: "USDC",
  });
  assert.equal(refused.status, 403, refused.text);
  assert.equal(refused.json.code, "client_revoked");
  assert.match(refused.headers.get("content-type"), /application\/problem\+json/);
  const link = await orchestrator.post(`/v1/requests/${s.clientRequestId}/payment-links`, {});
  assert.equal(link.status, 403, link.text);
  assert.equal(link.json.code, "client_revoked");
  const read = await orchestrator.get(`/v1/requests/${s.clientRequestId}`);
  assert.equal(read.status, 200, read.text);
  assert.equal(read.json.id, s.clientRequestId);
  const list = await orchestrator.get("/v1/requests");
  assert.equal(list.status, 200, list.text);
  assert.ok(list.json.data.some((r) => r.id === s.clientRequestId));
  const stillOpen = await publicGet(`/api/public/payment-links/${new URL(s.payUrl).pathname.split("/").pop()}`);
  assert.equal(stillOpen.status, 200, "a link created before revocation keeps working");

  await page.getByRole("link", { name: "Requests" }).click();
  await page.getByLabel("Created by").selectOption({ label: "Acme billing (revoked)" });
  await page.locator(`tr[data-request-id="${s.clientRequestId}"]`).waitFor();
  assertCleanConsole();
});
