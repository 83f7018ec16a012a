#!/usr/bin/env node
// `payrelay listen`: Payrelay's answer to `stripe listen`. Follows GET /v1/events as the client ID,
// signs each event with a local whsec_ in the Standard Webhooks format, forwards it to a local URL,
// prints one line per delivery, and resumes from its stored cursor after a restart.
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createPayrelayClient, PayrelayError } from "../dist/index.js";

const USAGE = `Usage: payrelay listen --forward-to <url> [options]

Forwards the events your client ID can read (GET /v1/events) to a local receiver,
signed per Standard Webhooks with a local whsec_ secret printed at start.

Options:
  --forward-to <url>     where to POST each event (required), e.g. http://localhost:3000/webhooks
  --base-url <url>       Payrelay's address (default: $PAYRELAY_BASE_URL or http://127.0.0.1:8787)
  --secret <prsk_…>      the client secret (default: $PAYRELAY_SECRET)
  --events <a,b>         only these event types (default: all)
  --state <file>         where the cursor and the local secret are kept (default: .payrelay-listen.json)
  --replay               start from the oldest kept event (30 days) instead of now, when no cursor is stored
  --interval <ms>        how often to ask for new events (default: 250)
  --once                 forward what is there, then exit (scripts, tests)`;

function fail(message) {
  console.error(`payrelay: ${message}`);
  process.exit(2);
}

function options() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "listen") fail(command === undefined || command === "--help" ? USAGE : `unknown command ${command}\n\n${USAGE}`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        "forward-to": { type: "string" },
        "base-url": { type: "string" },
        secret: { type: "string" },
        events: { type: "string" },
        state: { type: "string" },
        replay: { type: "boolean" },
        interval: { type: "string" },
        once: { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    fail(`${error.message}\n\n${USAGE}`);
  }
  if (parsed.help) fail(USAGE);
  const forwardTo = parsed["forward-to"];
  if (!forwardTo) fail(`--forward-to is required\n\n${USAGE}`);
  try {
    new URL(forwardTo);
  } catch {
    fail(`--forward-to is not a URL: ${forwardTo}`);
  }
  const secret = parsed.secret ?? process.env.PAYRELAY_SECRET;
  if (!secret) fail("no client secret: pass --secret prsk_… or set PAYRELAY_SECRET");
  if (!secret.startsWith("prsk_")) fail("the secret must be a client secret (prsk_…), not a webhook secret or another key");
  const interval = Number(parsed.interval ?? 250);
  if (!Number.isInteger(interval) || interval < 50) fail("--interval is a whole number of milliseconds, at least 50");
  return {
    forwardTo,
    secret,
    baseUrl: (parsed["base-url"] ?? process.env.PAYRELAY_BASE_URL ?? "http://127.0.0.1:8787").replace(/\/+$/, ""),
    types: parsed.events ? parsed.events.split(",").map((t) => t.trim()) : null,
    statePath: resolve(parsed.state ?? ".payrelay-listen.json"),
    replay: parsed.replay ?? false,
    interval,
    once: parsed.once ?? false,
  };
}

/** The state file holds, per Payrelay and client ID, the cursor and the local signing secret. */
function loadState(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return {};
  }
}

function saveState(path, state) {
  // Written whole, then renamed: a crash never leaves half a cursor.
  writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** Standard Webhooks: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), key = base64 after whsec_. */
function sign(secret, id, timestamp, body) {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

async function forward(url, secret, event) {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": event.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": sign(secret, event.id, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    await res.body?.cancel();
    return { status: res.status, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: null, error: error.cause?.message ?? error.message, ms: Math.round(performance.now() - started) };
  }
}

const line = (...parts) => console.log([new Date().toISOString(), ...parts].join("  "));

async function main() {
  const o = options();
  const clientId = /^prsk_[0-9a-z]+_([0-9a-z]+)_/.exec(o.secret)?.[1] ?? "client";
  const key = `${o.baseUrl} cli_${clientId}`;
  const state = loadState(o.statePath);
  const mine = (state[key] ??= { secret: `whsec_${randomBytes(24).toString("base64")}`, cursor: null });
  const payrelay = createPayrelayClient({ baseUrl: o.baseUrl, secret: o.secret });

  // Fail early and clearly on a wrong secret or address.
  try {
    await payrelay.client.get();
  } catch (error) {
    fail(error instanceof PayrelayError ? `${o.baseUrl} answered ${error.status} ${error.code}: ${error.detail}` : String(error));
  }

  if (mine.cursor === null && !o.replay) {
    // Start at now: walk to the end of the log without forwarding (the events stay in GET /v1/events).
    const feed = payrelay.events.list({ limit: 100 });
    for await (const _ of feed) void _;
    mine.cursor = feed.cursor ?? null;
  }
  saveState(o.statePath, state);
  console.log(`Ready. Forwarding events for cli_${clientId} from ${o.baseUrl} to ${o.forwardTo}`);
  console.log(`Your local webhook signing secret is ${mine.secret} (kept in ${o.statePath})`);
  console.log(mine.cursor === null ? "Replaying from the oldest kept event." : "Resuming from the stored cursor.");

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (stopping = true));
  while (!stopping) {
    let page;
    try {
      page = await payrelay.events.page({ cursor: mine.cursor ?? undefined, limit: 100 });
    } catch (error) {
      line("!", error instanceof PayrelayError ? `${error.code}: ${error.detail}` : String(error));
      await new Promise((r) => setTimeout(r, Math.max(o.interval, 2000)));
      continue;
    }
    for (const event of page.data) {
      if (o.types && !o.types.includes(event.type)) continue;
      const r = await forward(o.forwardTo, mine.secret, event);
      line(r.status === null ? `ERR (${r.error})` : String(r.status), event.type.padEnd(28), event.id, `${r.ms} ms`);
    }
    mine.cursor = page.nextCursor;
    saveState(o.statePath, state);
    if (page.hasMore) continue;
    if (o.once) break;
    await new Promise((r) => setTimeout(r, o.interval));
  }
  process.exit(0);
}

await main();
