// Issue 24, point 7: names where IDs were. A request's timeline, its payment links and the audit
// log show the client's name, linked to its page, instead of cli_…; the audit log says what a
// limits change changed (before → after) and what a rejection gave back to whose budget.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Orchestrator, PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { randomAddress } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
let recipient;
const s = {};

before(async () => {
  recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Names")).id;
  const made = await recipient.post(`/api/destinations/${s.destinationId}/clients`, {
    name: "Acme billing",
    permissions: ["incoming:creator", "outgoing:creator"],
    limits: { outgoingBudget: { amount: "100.00", currency: "USDC" } },
  });
  assert.equal(made.status, 201, made.text);
  s.clientId = made.json.id;
  const orchestrator = new Orchestrator(made.json.secret);
  const incoming = await orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "8.00",
    currency: "USDC",
  });
  assert.equal(incoming.status, 201, incoming.text);
  s.incoming = incoming.json.id;
  assert.equal((await orchestrator.post(`/v1/requests/${s.incoming}/payment-links`, {})).status, 201);
  assert.equal((await orchestrator.post(`/v1/requests/${s.incoming}/cancel`, {})).status, 200);
  const outgoing = await orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "outgoing",
    amount: "40.00",
    currency: "USDC",
    payee: { name: "Supplier Co", walletAddress: randomAddress() },
  });
  assert.equal(outgoing.status, 201, outgoing.text);
  assert.equal((await recipient.post(`/api/destinations/${s.destinationId}/requests/${outgoing.json.id}/reject`, {})).status, 200);
  const patched = await recipient.api(`/api/destinations/${s.destinationId}/clients/${s.clientId}`, {
    method: "PATCH",
    body: { limits: { outgoingBudget: { amount: "150.00", currency: "USDC" }, createsPerMinute: 60 } },
  });
  assert.equal(patched.status, 200, patched.text);
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

const clientHref = () => `/destinations/${s.destinationId}/clients/${s.clientId}`;

test("the timeline and the link list name the client and link to it; no cli_ id is shown", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests/${s.incoming}`);
  const timeline = page.locator("ol.timeline");
  await timeline.locator(".timeline-item", { hasText: "Cancelled" }).getByRole("link", { name: "Acme billing" }).waitFor();
  assert.equal(await timeline.getByRole("link", { name: "Acme billing" }).first().getAttribute("href"), clientHref());
  const links = page.getByTestId("payment-links");
  await links.getByRole("link", { name: "Acme billing" }).waitFor();
  assert.doesNotMatch(await timeline.textContent(), /cli_/);
  assert.doesNotMatch(await links.textContent(), /cli_/);
  await checkScreen(page, "86-timeline-client-names");
  assertCleanConsole([401]);
});

test("the audit log names clients, shows a limits change before → after, and the budget a rejection gave back", async () => {
  await page.goto(`/destinations/${s.destinationId}/audit`);
  const row = (action) => page.locator("tr[data-audit-id]", { has: page.locator(".audit-action", { hasText: action }) }).first();
  const limits = row("Changed a client's limits");
  await limits.waitFor();
  await limits.getByText("Budget: 100.00 USDC → 150.00 USDC").waitFor();
  await limits.getByText("Creates per minute: 600 → 60").waitFor();
  assert.equal(await limits.getByText(/Expires:/).count(), 0, "only what changed");
  assert.equal(await limits.getByRole("link", { name: "Acme billing" }).getAttribute("href"), clientHref());
  const rejected = row("Rejected a request");
  await rejected.getByText(/40\.00 USDC back to the budget of/).waitFor();
  await rejected.getByRole("link", { name: "Acme billing" }).waitFor();
  const cancelled = row("Cancelled a request");
  await cancelled.locator('td[data-label="Who"]').getByRole("link", { name: "Acme billing" }).waitFor();
  assert.doesNotMatch(await page.locator("table").textContent(), /cli_/);
  await checkScreen(page, "87-audit-before-after");
  assertCleanConsole([]);
});
