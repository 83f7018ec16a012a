// Issue 24, point 4: decisions that wait on the recipient are easy to spot. The destination
// and its Requests tab count them ("Needs your approval (n)"), "Awaiting approval" has its own
// badge, the approve card states the client's budget, and after approving a line says who
// sends the money next.
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
  s.destinationId = (await recipient.claimedDestination("Approvals")).id;
  const client = await recipient.post(`/api/destinations/${s.destinationId}/clients`, {
    name: "Acme billing",
    permissions: ["incoming:creator", "outgoing:creator"],
    limits: { outgoingBudget: { amount: "100", currency: "USDC" } },
  });
  assert.equal(client.status, 201, client.text);
  s.clientId = client.json.id;
  const orchestrator = new Orchestrator(client.json.secret);
  s.payeeWallet = randomAddress();
  const outgoing = async (reference) => {
    const res = await orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, {
      direction: "outgoing",
      amount: "10.00",
      currency: "USDC",
      reference,
      payee: { name: "Supplier Co", walletAddress: s.payeeWallet },
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.status, "pending_approval");
    return res.json.id;
  };
  s.first = await outgoing("PO 1");
  s.second = await outgoing("PO 2");
  const incoming = await orchestrator.post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "5.00",
    currency: "USDC",
  });
  assert.equal(incoming.status, 201, incoming.text);
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

test("the destination counts what waits for approval, on the page and on the Requests tab, and links to it", async () => {
  await page.goto(`/destinations/${s.destinationId}`);
  const callout = page.getByTestId("approval-callout");
  await callout.getByRole("link", { name: "Needs your approval (2)" }).waitFor();
  const tab = page.getByRole("navigation", { name: "Destination sections" }).getByRole("link", { name: /^Requests/ });
  assert.equal(
    (await tab.getByTestId("tab-approval-count").textContent()).trim(),
    "2 need your approval",
    "the count is named for screen readers",
  );
  await checkScreen(page, "72-approvals-count");
  await callout.getByRole("link", { name: "Needs your approval (2)" }).click();
  await page.waitForURL(/status=pending_approval/);
  const rows = page.locator("tr[data-request-id]");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2, "only the two waiting requests are listed");
  assertCleanConsole([401]);
});

test("'Awaiting approval' has its own badge, not the amber of 'Pending'", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests`);
  const waiting = page.locator(".badge", { hasText: "Awaiting approval" }).first();
  const pending = page.locator(".badge", { hasText: /^Pending$/ }).first();
  await waiting.waitFor();
  await pending.waitFor();
  const look = (l) => l.evaluate((el) => ({ cls: el.className, bg: getComputedStyle(el).backgroundColor }));
  const [a, p] = [await look(waiting), await look(pending)];
  assert.notEqual(a.cls, p.cls);
  assert.notEqual(a.bg, p.bg, "a different fill, not only a different word");
  await checkScreen(page, "73-approvals-badges");
  assertCleanConsole([401]);
});

test("the approve card shows the client's budget; approving says who sends the money next and lowers the count", async () => {
  await page.goto(`/destinations/${s.destinationId}/requests/${s.first}`);
  const card = page.getByRole("region", { name: "Needs your approval" });
  const budget = card.getByTestId("budget-line");
  await budget.getByText("80.00 of 100.00 USDC left").waitFor();
  await budget.getByRole("link", { name: "Acme billing" }).waitFor();
  assert.equal(
    await budget.getByRole("link", { name: "Acme billing" }).getAttribute("href"),
    `/destinations/${s.destinationId}/clients/${s.clientId}`,
  );
  await checkScreen(page, "74-approve-card");
  const approve = card.getByRole("button", { name: "Approve" });
  await approve.focus();
  await page.keyboard.press("Enter");
  await page.locator("#request-status").getByText("Approved").waitFor();
  await assertFocused(page, page.locator("#request-status"), "the request's new status");
  const next = page.getByTestId("next-step");
  await next.getByText(`Next: you send 10.00 USDC to Supplier Co (wallet ${s.payeeWallet}) yourself`).waitFor();
  await assertAnnounced(page, /Status: Approved\. Next: you send 10\.00 USDC to Supplier Co/);
  await checkScreen(page, "75-approved-next-step");

  await page.goto(`/destinations/${s.destinationId}`);
  await page.getByTestId("approval-callout").getByRole("link", { name: "Needs your approval (1)" }).waitFor();
  assertCleanConsole([401]);
});
