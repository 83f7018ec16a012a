// An agent connected as the client page says: the "Connect an agent" panel shows
// the MCP URL and config that names the secret without showing it, and the
// official MCP SDK client, pointed at that URL of `wrangler dev` with the secret,
// lists the tools, creates a request and its link, reads it, and is refused once
// the client is revoked. axe-clean at both widths.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { BASE_URL, PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";

let browser;
let page;
let assertCleanConsole;
let recipient;
const s = {};

before(async () => {
  recipient = await Recipient.signUp();
  s.destinationId = (await recipient.claimedDestination("Agents")).id;
  s.client = await recipient.client(s.destinationId, "Shopping agent");
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

async function agent(url, secret) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${secret}` } } });
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

test("the client page tells how to connect an agent and never shows the secret again", async () => {
  await page.goto(`/destinations/${s.destinationId}/clients/${s.client.id}`);
  const panel = page.getByRole("region", { name: "Connect an agent" }).or(page.locator("#connect-agent"));
  await panel.getByRole("heading", { name: "Connect an agent" }).waitFor();
  s.url = (await panel.locator("dd").first().locator("code").textContent()).trim();
  assert.equal(s.url, `${BASE_URL}/mcp`);
  const text = await panel.textContent();
  assert.ok(text.includes("PAYRELAY_SECRET") && text.includes(s.destinationId), text);
  assert.ok(!(await page.content()).includes(s.client.secret), "the secret is not on the page");
  await checkScreen(page, "45-connect-agent");
  assertCleanConsole([401]);
});

test("an MCP client at that URL creates a request and its link, reads them, and is refused after revocation", async () => {
  const client = await agent(s.url, s.client.secret);
  const { tools } = await client.listTools();
  assert.equal(tools.length, 7);
  const created = await client.callTool({
    name: "create_request",
    arguments: { destinationId: s.destinationId, idempotencyKey: "e2e-1", direction: "incoming", amount: "4.20", currency: "USDC" },
  });
  assert.equal(created.isError, undefined, JSON.stringify(created));
  const id = created.structuredContent.id;
  const link = await client.callTool({ name: "create_payment_link", arguments: { requestId: id } });
  assert.match(link.structuredContent.url, /\/pay\//);
  const read = await client.callTool({ name: "get_request", arguments: { requestId: id } });
  assert.equal(read.structuredContent.createdBy.clientName, "Shopping agent");

  assert.equal((await recipient.post(`/api/destinations/${s.destinationId}/clients/${s.client.id}/revoke`)).status, 200);
  const refused = await client.callTool({
    name: "create_request",
    arguments: { destinationId: s.destinationId, direction: "incoming", amount: "1.00", currency: "USDC" },
  });
  assert.equal(refused.isError, true);
  assert.equal(refused.structuredContent.code, "client_revoked");
  await client.close();
});
