// The Webhooks tab against a real receiver (node:http on 127.0.0.1 in this process):
// add an endpoint (secret shown once) → an orchestrator's request arrives signed and
// verifies with standardwebhooks → deliveries list it → test event → rotate (both
// secrets verify) → a 410 disables the endpoint and the page says why → delete.
// Every screen and dialog is checked by axe at 375 and 1280 px, and after every
// action the test asserts where keyboard focus landed and what was announced.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { Webhook } from "standardwebhooks";
import { Orchestrator, PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";

const received = [];
const answers = [];
let receiver;
let receiverUrl;
let browser;
let page;
let assertCleanConsole;
const s = {};

before(async () => {
  receiver = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${receiver.address().port}/payrelay`;
  const recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Webhooks USDC")).id;
  s.client = await recipient.client(s.destinationId, "Acme billing", ["incoming:creator"]);
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
  await page.goto(`/destinations/${s.destinationId}/webhooks`);
  await page.getByRole("heading", { level: 2, name: "Webhooks" }).waitFor();
  assertCleanConsole([401]);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function waitForDeliveries(n) {
  const deadline = Date.now() + 15_000;
  while (received.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(received.length >= n, `expected ${n} deliveries, got ${received.length}`);
  return received[n - 1];
}

const verify = (secret, r) => new Webhook(secret).verify(r.body, r.headers);
const badge = (scope, label) => scope.locator(".badge", { hasText: new RegExp(`^${label}$`) });
/** Keyboard activation: the button is focused first, as a keyboard user's would be. */
async function press(locator) {
  await locator.focus();
  await page.keyboard.press("Enter");
}

test("the empty webhooks tab offers to add an endpoint", async () => {
  await page.getByRole("heading", { level: 3, name: "No webhook endpoints yet" }).waitFor();
  await checkScreen(page, "39-webhooks-empty");
  assertCleanConsole();
});

test("add an endpoint: its secret is shown once, Escape asks first, and a new request arrives signed with it", async () => {
  await press(page.getByRole("button", { name: "Add endpoint" }));
  const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
  await assertFocused(page, dialog.getByLabel("Endpoint URL"), "the URL field, not ×");
  await checkScreen(page, "42-webhooks-add-dialog", { fullPage: false });

  await dialog.getByLabel("Endpoint URL").fill("http://10.0.0.5/hook");
  await press(dialog.getByRole("button", { name: "Add endpoint" }));
  await dialog
    .getByText(/private, loopback, link-local or metadata|Use https/)
    .first()
    .waitFor();
  await assertFocused(page, dialog.locator('input[aria-invalid="true"]'), "the invalid URL field");
  await checkScreen(page, "43-webhooks-add-invalid", { fullPage: false });
  assertCleanConsole([400]);

  await dialog.getByLabel("Endpoint URL").fill(receiverUrl);
  await press(dialog.getByRole("button", { name: "Add endpoint" }));
  const reveal = page.getByTestId("webhook-secret");
  await reveal.waitFor();
  await assertFocused(page, reveal, "the secret's warning");
  s.secret = (await reveal.locator(".secret-block code").textContent()).trim();
  assert.match(s.secret, /^whsec_/);
  await checkScreen(page, "44-webhooks-secret", { fullPage: false });

  // One key must not lose the secret: Escape asks, and the safe answer is focused.
  await page.keyboard.press("Escape");
  await assertFocused(page, reveal.getByRole("button", { name: "Keep the secret open" }), "the safe answer");
  await checkScreen(page, "45-webhooks-secret-confirm", { fullPage: false });
  await press(reveal.getByRole("button", { name: "Keep the secret open" }));
  await assertFocused(page, reveal.getByRole("button", { name: "Copy signing secret" }), "the secret's copy button");
  await press(reveal.getByRole("button", { name: "I have stored the secret" }));
  await assertFocused(page, page.getByRole("heading", { level: 3, name: receiverUrl }), "the new endpoint's heading");
  await assertAnnounced(page, /added/);
  await badge(page.locator("article.webhook-endpoint"), "Enabled").waitFor();

  const created = await new Orchestrator(s.client.secret).post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "5.00",
    currency: "USDC",
  });
  assert.equal(created.status, 201, created.text);
  const event = verify(s.secret, await waitForDeliveries(1));
  assert.equal(event.type, "request.created");
  assert.equal(event.data.object.id, created.json.id);

  await press(page.getByRole("button", { name: "Refresh deliveries" }));
  const row = page.locator("tr[data-delivery-id]").first();
  await row.getByText("request.created", { exact: true }).waitFor();
  await row.getByText("200", { exact: true }).waitFor();
  await badge(row, "Delivered").waitFor();
  await assertFocused(page, page.getByRole("button", { name: "Refresh deliveries" }), "Refresh, still there");
  await checkScreen(page, "40-webhooks");
  assertCleanConsole();
});

test("send a test event, then rotate: during the overlap both secrets verify", async () => {
  const sendTest = page.getByRole("button", { name: "Send test event" });
  await press(sendTest);
  await assertAnnounced(page, /Test event queued\./);
  await assertFocused(page, sendTest, "Send test event (busy buttons keep focus)");
  assert.equal(verify(s.secret, await waitForDeliveries(2)).type, "webhook.test");

  await press(page.getByRole("button", { name: "Rotate secret…" }));
  const ask = page.getByRole("dialog", { name: /^Rotate the signing secret of / });
  await assertFocused(page, ask.getByRole("button", { name: "Keep the current secret" }), "the safe answer");
  await press(ask.getByRole("button", { name: "Rotate secret" }));
  const reveal = page.getByTestId("webhook-secret");
  await reveal.waitFor();
  await assertFocused(page, reveal, "the new secret's warning");
  const fresh = (await reveal.locator(".secret-block code").textContent()).trim();
  assert.notEqual(fresh, s.secret);
  await press(page.getByRole("button", { name: "I have stored the secret" }));
  await assertFocused(page, page.getByRole("button", { name: "Rotate secret…" }), "Rotate secret…, where the rotation started");
  await assertAnnounced(page, /Secret rotated/);
  await page.getByRole("button", { name: "Send test event" }).click();
  const third = await waitForDeliveries(3);
  assert.equal(verify(fresh, third).type, "webhook.test");
  assert.equal(verify(s.secret, third).type, "webhook.test");
  s.secret = fresh;
  assertCleanConsole();
});

test("an endpoint answering 410 is disabled at once and the page says why; a manual retry is offered", async () => {
  answers.push(410);
  await page.getByRole("button", { name: "Send test event" }).click();
  await waitForDeliveries(4);
  await new Promise((r) => setTimeout(r, 500));
  await page.reload();
  await page.getByTestId("disabled-reason").getByText(/410/).waitFor();
  const failed = page.locator("tr[data-delivery-id]").first();
  await failed.getByText("410", { exact: true }).waitFor();
  await badge(failed, "Failed").waitFor();
  await badge(page.locator("article.webhook-endpoint"), "Disabled").waitFor();
  await checkScreen(page, "41-webhooks-disabled");
  const retry = failed.getByRole("button", { name: /Retry/ });
  await press(retry);
  await assertAnnounced(page, /Delivery queued again\./);
  await assertFocused(page, failed.getByRole("button", { name: /Retry/ }), "the Retry button (busy buttons keep focus)");
  assertCleanConsole();
});

test("delete asks in a dialog: Escape keeps the endpoint and returns to Delete; confirming lands on the section heading", async () => {
  const del = page.getByRole("button", { name: "Delete…" });
  await press(del);
  const ask = page.getByRole("dialog", { name: /^Delete the endpoint http/ });
  await assertFocused(page, ask.getByRole("button", { name: "Keep the endpoint" }), "the safe answer");
  await checkScreen(page, "44-webhook-delete-confirm", { fullPage: false });
  await page.keyboard.press("Escape");
  await ask.waitFor({ state: "detached" });
  await assertFocused(page, del, "Delete…, which opened the dialog");
  assert.equal(await page.locator("article.webhook-endpoint").count(), 1, "Escape deleted nothing");
  await press(del);
  await assertFocused(page, ask.getByRole("button", { name: "Keep the endpoint" }), "the safe answer");
  await press(ask.getByRole("button", { name: "Delete endpoint" }));
  await assertFocused(page, page.getByRole("heading", { level: 2, name: "Webhooks" }), "the Webhooks heading");
  await assertAnnounced(page, /deleted/);
  await page.getByRole("heading", { level: 3, name: "No webhook endpoints yet" }).waitFor();
  assertCleanConsole();
});
