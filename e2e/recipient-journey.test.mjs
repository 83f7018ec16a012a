// The recipient's whole story in one browser session, step by step:
// sign up → add destination → claim with the browser wallet → client ID and its
// one-time secret → an orchestrator request → a manual request → filters →
// revoke → payment link → reload → sign out.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Orchestrator, PASSWORD, publicGet, uniqueEmail } from "./support/api.mjs";
import { checkScreen, focusIsVisible, launch, openPage } from "./support/browser.mjs";
import { TEST_WALLET, randomAddress } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
const s = { email: uniqueEmail("journey"), token: randomAddress() };

before(async () => {
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
});

after(async () => {
  await browser?.close();
});

const heading = (name) => page.getByRole("heading", { level: 1, name });

test("sign up (a too-short password is explained next to the field), and the session survives a reload", async () => {
  await page.goto("/");
  await heading("Sign in to your account").waitFor();
  await checkScreen(page, "01-sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await heading("Create your account").waitFor();
  await page.getByLabel("Email").fill(s.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  const passwordField = page.locator(".field", { has: page.getByLabel("Password") });
  await passwordField.locator(".field-error").waitFor();
  await checkScreen(page, "02-sign-up-error");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await heading("Destinations").waitFor();
  await page.getByText("No destinations yet").waitFor();
  await checkScreen(page, "03-destinations-empty");
  await page.reload();
  await heading("Destinations").waitFor();
  assert.match(await page.locator(".user-email").textContent(), new RegExp(s.email.split("@")[0]));
  assertCleanConsole([400, 401]);
});

test("add a destination; the interop address appears as you type and matches the server's", async () => {
  await page.getByRole("link", { name: "Add your first destination" }).click();
  await heading("Add a destination").waitFor();
  await page.getByLabel("Label").fill("Main USDC on Base");
  await page.getByLabel("Chain").selectOption("8453");
  await page.getByLabel("Wallet address").fill(TEST_WALLET);
  await page.getByText("Enter the token contract address.").waitFor();
  await page.getByLabel("Token contract address").fill(s.token);
  const preview = page.getByTestId("interop-preview");
  await preview.waitFor();
  const typed = (await preview.textContent()).trim();
  assert.match(typed, /^0x[0-9a-fA-F]{40}@eip155:8453#[0-9A-F]{8}:0x[0-9a-fA-F]{40}$/);
  await checkScreen(page, "04-add-destination");
  await page.getByRole("button", { name: "Add destination" }).click();
  await heading("Main USDC on Base").waitFor();
  s.destinationId = page.url().split("/destinations/")[1];
  assert.match(s.destinationId, /^dst_/);
  assert.equal((await page.locator(".summary .mono-value-full code").first().textContent()).trim(), typed);
  assertCleanConsole();
});

test("claim it by signing the challenge with the browser wallet", async () => {
  const claim = page.getByRole("region", { name: "Claim this destination" });
  await claim.waitFor();
  assert.match(await page.getByTestId("claim-message").textContent(), /\S/);
  await page.getByText("Claim this destination first").waitFor();
  await checkScreen(page, "05-destination-unclaimed");
  await page.getByRole("button", { name: "Sign with browser wallet" }).click();
  await claim.waitFor({ state: "detached" });
  await page.locator(".summary .badge", { hasText: "Claimed" }).waitFor();
  await page.getByText("No client IDs yet").waitFor();
  await checkScreen(page, "06-destination-claimed");
  assertCleanConsole();
});

const clientsSection = () => page.getByRole("region", { name: "Client IDs" });

test("the create dialog works by keyboard: focus inside, visible focus, Escape closes and returns focus", async () => {
  const open = clientsSection().getByRole("button", { name: "Create client ID" });
  await open.focus();
  assert.ok(await focusIsVisible(page), "focused button shows a focus indicator");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Create client ID" });
  await dialog.waitFor();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")));
    assert.ok(inside, `focus left the dialog after ${i + 1} Tab presses`);
  }
  assert.ok(await focusIsVisible(page), "focused control in the dialog shows a focus indicator");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Create client ID");
  assertCleanConsole();
});

test("create a client ID with chosen permissions; the secret is shown once, copyable, then gone", async () => {
  await clientsSection().getByRole("button", { name: "Create client ID" }).click();
  const dialog = page.getByRole("dialog", { name: "Create client ID" });
  await dialog.getByLabel("Name").fill("Acme billing");
  await dialog.getByRole("checkbox", { name: /outgoing:creator/ }).uncheck();
  await dialog.getByRole("checkbox", { name: /incoming:reader/ }).check();
  await checkScreen(page, "07-create-client", { fullPage: false });
  await dialog.getByRole("button", { name: "Create client ID" }).click();
  const reveal = page.getByRole("dialog", { name: "Copy the client secret now" });
  await reveal.waitFor();
  await reveal.getByText("This secret will not be shown again.").waitFor();
  s.secret = (await reveal.locator(".secret-block code").nth(1).textContent()).trim();
  s.clientId = (await reveal.locator(".secret-block code").nth(0).textContent()).trim();
  assert.match(s.secret, /^prsk_/);
  await reveal.getByRole("button", { name: "Copy client secret" }).click();
  await reveal.getByRole("button", { name: "Copy client secret" }).getByText("Copied").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s.secret);
  await checkScreen(page, "08-client-secret", { fullPage: false });
  await reveal.getByRole("button", { name: "I have stored the secret" }).click();
  await reveal.waitFor({ state: "detached" });
  const row = page.locator(`tr[data-client-id="${s.clientId}"]`);
  await row.getByText("Active").waitFor();
  assert.deepEqual(await row.locator(".chip").allTextContents(), ["incoming:creator", "incoming:reader"]);
  assert.ok(!(await page.content()).includes(s.secret), "secret still in the page after closing");
  await page.reload();
  await row.waitFor();
  assert.ok(!(await page.content()).includes(s.secret), "secret in the page after reload");
  await checkScreen(page, "09-clients");
  assertCleanConsole();
});

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
  s.clientRequestId = created.body.id;
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
  await page.getByLabel("Currency").selectOption("GBP");
  await page.getByLabel("Reference").fill("Rent March");
  await page.getByRole("radio", { name: "UK bank account" }).check();
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

test("create a payment link from the dashboard and open it", async () => {
  await page.locator(`tr[data-request-id="${s.clientRequestId}"] a`).click();
  await page.getByRole("heading", { level: 1, name: /1,250\.00\s*USDC/ }).waitFor();
  await page.getByLabel("Expires after").selectOption("3600");
  await page.getByRole("button", { name: "Create payment link" }).click();
  const link = page.getByRole("list", { name: "Payment links created now" }).locator("code").first();
  await link.waitFor();
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
  const refused = await orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, { direction: "incoming", amount: "5.00", currency: "USDC" });
  assert.equal(refused.status, 403, refused.text);
  assert.equal(refused.body.code, "client_revoked");
  assert.match(refused.headers.get("content-type"), /application\/problem\+json/);
  const link = await orchestrator.post(`/v1/requests/${s.clientRequestId}/payment-links`, {});
  assert.equal(link.status, 403, link.text);
  assert.equal(link.body.code, "client_revoked");
  const read = await orchestrator.get(`/v1/requests/${s.clientRequestId}`);
  assert.equal(read.status, 200, read.text);
  assert.equal(read.body.id, s.clientRequestId);
  const list = await orchestrator.get("/v1/requests");
  assert.equal(list.status, 200, list.text);
  assert.ok(list.body.data.some((r) => r.id === s.clientRequestId));
  const stillOpen = await publicGet(`/api/public/payment-links/${new URL(s.payUrl).pathname.split("/").pop()}`);
  assert.equal(stillOpen.status, 200, "a link created before revocation keeps working");

  await page.getByRole("link", { name: "Requests" }).click();
  await page.getByLabel("Created by").selectOption({ label: "Acme billing (revoked)" });
  await page.locator(`tr[data-request-id="${s.clientRequestId}"]`).waitFor();
  assertCleanConsole();
});

test("sign out; the dashboard then asks to sign in, even after a reload", async () => {
  await page.getByRole("link", { name: "Destinations", exact: true }).first().click();
  const row = page.getByRole("row", { name: /Main USDC on Base/ });
  await row.getByText("Claimed").waitFor();
  await checkScreen(page, "17-destinations");
  await page.getByRole("button", { name: "Sign out" }).click();
  await heading("Sign in to your account").waitFor();
  await page.reload();
  await heading("Sign in to your account").waitFor();
  await page.goto(`/destinations/${s.destinationId}`);
  await heading("Sign in to your account").waitFor();
  await page.getByLabel("Email").fill(s.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading("Main USDC on Base").waitFor();
  assertCleanConsole([401]);
});
