// `npx payrelay listen` (sdk/bin/payrelay.mjs) against `wrangler dev`, forwarding to a real local receiver that
// verifies each delivery with the standardwebhooks library and the secret listen printed.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Webhook } from "standardwebhooks";
import { BASE_URL, Orchestrator, Recipient } from "./support/api.mjs";

const sdkDir = new URL("../sdk/", import.meta.url);
const bin = new URL("bin/payrelay.mjs", sdkDir).pathname;
const dir = mkdtempSync(join(tmpdir(), "payrelay-listen-"));

/** A receiver on 127.0.0.1: keeps what arrived, with its headers and raw body. */
function receiver() {
  const got = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ got, url: `http://127.0.0.1:${server.address().port}/webhooks`, server })),
  );
}

/** Starts `payrelay listen`; resolves once it printed its secret, with the output so far kept growing. */
function listen(args) {
  const child = spawn(process.execPath, [bin, "listen", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const out = { text: "", child };
  child.stdout.on("data", (c) => (out.text += c));
  child.stderr.on("data", (c) => (out.text += c));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`listen did not start:\n${out.text}`)), 20_000);
    const check = setInterval(() => {
      const m = /signing secret is (whsec_\S+)/.exec(out.text);
      if (m) {
        clearInterval(check);
        clearTimeout(deadline);
        resolve({
          ...out,
          secret: m[1],
          get output() {
            return out.text;
          },
        });
      }
      if (child.exitCode !== null) reject(new Error(`listen exited ${child.exitCode}:\n${out.text}`));
    }, 50);
  });
}

async function until(what, condition, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stop = (child) =>
  new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", resolve), child.kill("SIGTERM"))));

before(() => execFileSync(process.execPath, ["build.mjs"], { cwd: sdkDir, stdio: "inherit" }));
after(() => rmSync(dir, { recursive: true, force: true }));

test("payrelay listen forwards signed events, prints one line each, and resumes from its cursor after a restart", async () => {
  const recipient = await Recipient.signUp();
  const destination = await recipient.claimedDestination("Listen shop");
  const client = await recipient.client(destination.id, "Listen shop");
  const shop = new Orchestrator(client.secret);
  const create = async (reference) => {
    const res = await shop.post(`/v1/destinations/${destination.id}/requests`, {
      direction: "incoming",
      amount: "5.00",
      currency: "USDC",
      reference,
    });
    assert.equal(res.status, 201, res.text);
    return res.json;
  };
  // Before listen starts: not forwarded (listen starts at now unless --replay).
  await create("BEFORE");
  const rx = await receiver();
  const args = [
    "--forward-to",
    rx.url,
    "--base-url",
    BASE_URL,
    "--secret",
    client.secret,
    "--state",
    join(dir, "state.json"),
    "--interval",
    "100",
  ];
  try {
    const first = await listen(args);
    const a = await create("FIRST");
    await until("the first delivery", () => rx.got.length >= 1);
    const wh = new Webhook(first.secret);
    const event = wh.verify(rx.got[0].body, rx.got[0].headers);
    assert.equal(event.type, "request.created");
    assert.equal(event.data.object.id, a.id);
    assert.equal(event.data.object.reference, "FIRST");
    assert.equal(rx.got[0].headers["webhook-id"], event.id);
    await until("its line", () => first.output.includes(event.id));
    assert.match(first.output, new RegExp(`\\s204\\s+request\\.created\\s+${event.id}\\s+\\d+ ms`));
    await stop(first.child);

    // While listen is down, two things happen; on restart they arrive, and nothing already sent comes again.
    const b = await create("WHILE DOWN");
    await shop.post(`/v1/requests/${b.id}/cancel`);
    const second = await listen(args);
    assert.equal(second.secret, first.secret, "the local secret is kept with the cursor");
    assert.match(second.output, /Resuming from the stored cursor/);
    await until("the missed events", () => rx.got.length >= 3);
    await new Promise((r) => setTimeout(r, 500));
    const events = rx.got.map((d) => wh.verify(d.body, d.headers));
    assert.deepEqual(
      events.map((e) => `${e.type} ${e.data.object.reference}`),
      ["request.created FIRST", "request.created WHILE DOWN", "request.cancelled WHILE DOWN"],
    );
    await stop(second.child);
  } finally {
    rx.server.close();
  }
});

test("payrelay listen refuses a webhook secret in place of the client secret, and a wrong one with the server's words", async () => {
  const run = (secret) => {
    try {
      execFileSync(
        process.execPath,
        [
          bin,
          "listen",
          "--forward-to",
          "http://127.0.0.1:9/x",
          "--base-url",
          BASE_URL,
          "--secret",
          secret,
          "--state",
          join(dir, "bad.json"),
        ],
        { stdio: "pipe", encoding: "utf8" },
      );
      return "";
    } catch (error) {
      return String(error.stderr);
    }
  };
  assert.match(run("whsec_abc"), /must be a client secret \(prsk_…\)/);
  assert.match(run(`prsk_${"a".repeat(16)}_${"b".repeat(16)}_${"c".repeat(32)}`), /answered 401 unauthenticated/);
});
