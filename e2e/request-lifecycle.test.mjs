// Outgoing requests wait for the recipient: approve one and reject another (with
// a reason) from the request page, with focus on the new status and the timeline
// telling what happened, axe-clean in every state.
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

const payee = { name: "Landlord Ltd", sortCode: "123456", accountNumber: "12345678" };

before(async () => {
  recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Lifecycle")).id;
  const create = async (reference) => {
    const res = await recipient.post(`/api/destinations/${s.destinationId}/requests`, {
      direction: "outgoing",
      amount: "42.00",
      currency: "GBP",
      reference,
      payee,
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.status, "pending_approval");
    return res.json.id;
  };
  s.toApprove = await create("Rent April");
  s.toReject = await create("Rent twice");
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

const timeline = () => page.getByRole("list").filter({ has: page.locator(".timeline-item") });
const detail = (id) => page.goto(`/destinations/${s.destinationId}/requests/${id}`);

test("approving an outgoing request moves focus to its new status and adds it to the timeline", async () => {
  await detail(s.toApprove);
  await page.locator("#request-status").getByText("Awaiting approval").waitFor();
  await timeline().getByText("Created").waitFor();
  await checkScreen(page, "30-request-awaiting-approval");
  await page.getByRole("button", { name: "Approve" }).click();
  await page.locator("#request-status").getByText("Approved").waitFor();
  await assertFocused(page, page.locator("#request-status"), "the request's status");
  await timeline().locator(".timeline-item", { hasText: "Approved" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Approve" }).count(), 0);
  await page.getByRole("button", { name: "Cancel request…" }).waitFor();
  await checkScreen(page, "31-request-approved");
  const stored = await recipient.get(`/api/destinations/${s.destinationId}/requests/${s.toApprove}`);
  assert.equal(stored.json.status, "approved");
  assertCleanConsole([401]);
});

test("rejecting with a reason records the reason in the timeline; nothing is left to do", async () => {
  await detail(s.toReject);
  await page.locator("#request-status").getByText("Awaiting approval").waitFor();
  await page.getByRole("button", { name: "Reject…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject 42.00 GBP to Landlord Ltd?" });
  await dialog.getByLabel(/Reason/).fill("Already paid by transfer");
  await dialog.getByRole("button", { name: "Reject request" }).click();
  await page.locator("#request-status").getByText("Rejected").waitFor();
  await assertFocused(page, page.locator("#request-status"), "the request's status");
  await timeline().getByText("Reason: Already paid by transfer").waitFor();
  assert.equal(await page.getByRole("button", { name: /Approve|Reject|Cancel request/ }).count(), 0);
  assert.equal(await page.getByRole("dialog").count(), 0);
  await checkScreen(page, "32-request-rejected");
  const events = await recipient.get(`/api/destinations/${s.destinationId}/requests/${s.toReject}/events`);
  assert.deepEqual(
    events.json.data.map((e) => e.type),
    ["request.created", "request.rejected"],
  );
  assertCleanConsole([401]);
});
