// @payrelay/client (sdk/) against `wrangler dev`: the SDK as an integrator installs it, built from sdk/src here.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { BASE_URL, Recipient, publicGet } from "./support/api.mjs";

const sdkDir = new URL("../sdk/", import.meta.url);
let sdk;

before(async () => {
  execFileSync(process.execPath, ["build.mjs"], { cwd: sdkDir, stdio: "inherit" });
  sdk = await import(new URL("dist/index.js", sdkDir).href);
});

/** A recipient with a claimed destination, and the SDK for one fresh client of it. */
async function shop(name, retry) {
  const recipient = await Recipient.signUp();
  const destination = await recipient.claimedDestination(`SDK ${name}`);
  const client = await recipient.client(destination.id, name);
  const payrelay = sdk.createPayrelayClient({ baseUrl: BASE_URL, secret: client.secret, retry });
  return { recipient, destination, client, payrelay };
}

const incoming = (amount, reference) => ({ direction: "incoming", amount, currency: "USDC", reference });

test("create, then the same Idempotency-Key answers the same request again (Idempotent-Replayed)", async () => {
  const { destination, payrelay } = await shop("Idempotent shop");
  const first = await payrelay.requests.create(destination.id, incoming("12.50", "ORDER 1042"), { idempotencyKey: "order-1042" });
  assert.match(first.id, /^req_/);
  assert.equal(first.amount, "12.500000");
  const replay = await payrelay.api.POST("/v1/destinations/{destinationId}/requests", {
    params: { path: { destinationId: destination.id }, header: { "idempotency-key": "order-1042" } },
    body: incoming("12.50", "ORDER 1042"),
  });
  assert.equal(replay.response.status, 201);
  assert.equal(replay.response.headers.get("idempotent-replayed"), "true");
  assert.deepEqual(replay.data, first);
  // The same key with another body is a conflict, typed.
  await assert.rejects(payrelay.requests.create(destination.id, incoming("13.00"), { idempotencyKey: "order-1042" }), {
    name: "PayrelayError",
    status: 409,
    code: "idempotency_conflict",
  });
  // Without a key of its own, each create gets a fresh one: two creates, two requests.
  const [a, b] = [
    await payrelay.requests.create(destination.id, incoming("1.00")),
    await payrelay.requests.create(destination.id, incoming("1.00")),
  ];
  assert.notEqual(a.id, b.id);
});

test("paginates 250 requests as one async iterator, newest first, each once", async () => {
  const { destination, client, payrelay } = await shop("Busy shop");
  const secret = client.secret;
  const created = [];
  for (let batch = 0; batch < 25; batch++) {
    const ten = await Promise.all(
      Array.from({ length: 10 }, (_, i) => payrelay.requests.create(destination.id, incoming(`${batch * 10 + i + 1}.00`))),
    );
    created.push(...ten.map((r) => r.id));
  }
  // The SDK over a counting fetch: 250 at 100 a page is three pages, fetched as the loop goes.
  let pages = 0;
  const counted = sdk.createPayrelayClient({ baseUrl: BASE_URL, secret, fetch: (request) => (pages++, fetch(request)) });
  const seen = [];
  for await (const r of counted.requests.list({ direction: "incoming", limit: 100 })) seen.push(r);
  assert.equal(pages, 3);
  assert.equal(seen.length, 250);
  assert.equal(new Set(seen.map((r) => r.id)).size, 250);
  assert.deepEqual(new Set(seen.map((r) => r.id)), new Set(created));
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1].createdAt >= seen[i].createdAt, "newest first");
});

test("a revoked client gets PayrelayError client_revoked on create, and still reads its own", async () => {
  const { recipient, destination, client, payrelay } = await shop("Revoked shop");
  const before = await payrelay.requests.create(destination.id, incoming("5.00"));
  const revoke = await recipient.post(`/api/destinations/${destination.id}/clients/${client.id}/revoke`);
  assert.equal(revoke.status, 200, revoke.text);
  const error = await payrelay.requests.create(destination.id, incoming("5.00")).catch((e) => e);
  assert.ok(error instanceof sdk.PayrelayError, String(error));
  assert.equal(error.status, 403);
  assert.equal(error.code, "client_revoked");
  assert.match(error.detail, /revoked/i);
  assert.equal((await payrelay.requests.get(before.id)).id, before.id);
});

/** The dashboard's PATCH of a client's limits (issue #10); absent from the document until that work is merged. */
async function limitsOperation() {
  const doc = (await publicGet("/openapi.json")).json;
  return ["{destinationId}", "{id}"].some((d) => doc.paths[`/api/destinations/${d}/clients/{clientId}`]?.patch);
}

test("a 429 (createsPerMinute) is retried after Retry-After and the create then succeeds", async (t) => {
  if (!(await limitsOperation()))
    return t.skip("pending: PATCH /api/destinations/{destinationId}/clients/{clientId} {limits} is not in this build");
  // 20 creates a minute is a bucket of 20 that refills one every 3 s: drained, its Retry-After is at most 3 s, where a
  // limit of 1 a minute would keep the test waiting up to a minute for the same behaviour.
  const { recipient, destination, client } = await shop("Throttled shop");
  const patch = await recipient.api(`/api/destinations/${destination.id}/clients/${client.id}`, {
    method: "PATCH",
    body: { limits: { createsPerMinute: 20 } },
  });
  assert.equal(patch.status, 200, patch.text);
  const statuses = [];
  const watched = sdk.createPayrelayClient({
    baseUrl: BASE_URL,
    secret: client.secret,
    retry: { maxAttempts: 3, maxDelayMs: 65_000 },
    fetch: async (request) => {
      const res = await fetch(request);
      statuses.push([res.status, res.headers.get("retry-after")]);
      return res;
    },
  });
  // Without retries the SDK hands the 429 over, typed, with the server's Retry-After: drain the bucket until it does.
  const impatient = sdk.createPayrelayClient({ baseUrl: BASE_URL, secret: client.secret, retry: { maxAttempts: 1 } });
  let refused;
  for (let n = 0; n < 25 && !refused; n++)
    refused = await impatient.requests.create(destination.id, incoming("1.00")).then(
      () => undefined,
      (e) => e,
    );
  assert.equal(refused?.code, "rate_limited", "the 21st create in a burst is refused");
  assert.ok(refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= 3, `Retry-After ${refused.retryAfterSeconds} s`);
  const started = Date.now();
  const second = await watched.requests.create(destination.id, incoming("2.00"));
  assert.match(second.id, /^req_/);
  assert.equal(statuses[0][0], 429);
  assert.match(statuses[0][1] ?? "", /^\d+$/, "429 carries Retry-After in seconds");
  assert.equal(statuses.at(-1)[0], 201);
  assert.ok(Date.now() - started >= (Number(statuses[0][1]) - 1) * 1000, "waited for Retry-After");
});

test("the README's SDK quick start runs as written", async () => {
  const { destination, client } = await shop("README SDK shop");
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("### The same with the SDK"));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(code, "the README has an SDK block");
  // The snippet imports the package by name; here that name is this repository's build of it.
  const dir = mkdtempSync(join(tmpdir(), "payrelay-sdk-readme-"));
  try {
    const file = join(dir, "quick-start.mjs");
    writeFileSync(file, code.replace('"@payrelay/client"', JSON.stringify(pathToFileURL(new URL("dist/index.js", sdkDir).pathname).href)));
    const out = execFileSync(process.execPath, [file], {
      env: { ...process.env, BASE: BASE_URL, DST: destination.id, SECRET: client.secret },
      encoding: "utf8",
    });
    const lines = out.trim().split("\n");
    assert.match(lines[0], /^req_\w+ pending http:\/\/127\.0\.0\.1:\d+\/pay\/[\w-]{32}$/, out);
    assert.match(lines[1], /^req_\w+ 12\.500000 USDC$/, out);
    assert.equal(lines.at(-1), "409 invalid_state", out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
