// The Webhooks tab against a real receiver (node:http on 127.0.0.1 in this process):
// add an endpoint (secret shown once) → an orchestrator's request arrives signed and
// verifies with standardwebhooks → deliveries list it → test event → rotate (both
// secrets verify) → a 410 disables the endpoint and the page says why.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { Webhook } from "standardwebhooks";
import { Orchestrator, PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";

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
const status = () => page.getByTestId("webhooks-status");

test("add an endpoint: its secret is shown once and a new request arrives signed with it", async () => {
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByLabel("Endpoint URL").fill("http://10.0.0.5/hook");
  await page.getByRole("button", { name: "Add endpoint" }).last().click();
  await page.getByText(/private, loopback, link-local or metadata|Use https/).first().waitFor();
  assertCleanConsole([400]);
  await page.getByLabel("Endpoint URL").fill(receiverUrl);
  await page.getByRole("button", { name: "Add endpoint" }).last().click();
  const reveal = page.getByTestId("webhook-secret");
  await reveal.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "webhook-secret");
  s.secret = (await reveal.locator(".secret-block code").textContent()).trim();
  assert.match(s.secret, /^whsec_/);
  await page.getByRole("button", { name: "I have stored the secret" }).click();
  assert.match(await status().textContent(), /added/);

  const created = await new Orchestrator(s.client.secret).post(`/v1/destinations/${s.destinationId}/requests`, { direction: "incoming", amount: "5.00", currency: "USDC" });
  assert.equal(created.status, 201, created.text);
  const event = verify(s.secret, await waitForDeliveries(1));
  assert.equal(event.type, "request.created");
  assert.equal(event.data.object.id, created.json.id);

  await page.getByRole("button", { name: "Refresh deliveries" }).click();
  const row = page.locator("tr[data-delivery-id]").first();
  await row.getByText("request.created", { exact: true }).waitFor();
  await row.getByText("200", { exact: true }).waitFor();
  await checkScreen(page, "40-webhooks");
  assertCleanConsole();
});

test("send a test event, then rotate: during the overlap both secrets verify", async () => {
  await page.getByRole("button", { name: "Send test event" }).click();
  await status().getByText("Test event queued.").waitFor();
  assert.equal(verify(s.secret, await waitForDeliveries(2)).type, "webhook.test");

  await page.getByRole("button", { name: "Rotate secret" }).click();
  const reveal = page.getByTestId("webhook-secret");
  await reveal.waitFor();
  const fresh = (await reveal.locator(".secret-block code").textContent()).trim();
  assert.notEqual(fresh, s.secret);
  await page.getByRole("button", { name: "I have stored the secret" }).click();
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
  await failed.getByRole("button", { name: /Retry/ }).waitFor();
  await checkScreen(page, "41-webhooks-disabled");
  assertCleanConsole();
});
