// Webhook delivery through the real local Queue: a receiver on 127.0.0.1 that checks
// every delivery's Standard Webhooks signature before answering 204, an endpoint
// registered through the API, then creates (each one a `request.created` event).
// Measures events/s through the queue and the time from the create's answer to the
// receiver's accepted delivery, and the consumer's round trips per delivery on the counted build.
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import { claimedDestination, d1Text, expect, n2, perOp, quantile, readCounts, resetCounts, rpcText } from "../lib/paths.mjs";
import { CREATE_BODY, fastClient, orchestrator, recipient } from "../lib/setup.mjs";

export const name = "webhooks";

const int = (v, fallback) => (v ? Number(v) : fallback);
const TRICKLE = int(process.env.BENCH_WEBHOOK_TRICKLE, 20);
const TRICKLE_GAP_MS = 250;
const PACED = int(process.env.BENCH_WEBHOOK_PACED, 150);
const PACED_RATE = 50;
const BURST = int(process.env.BENCH_WEBHOOK_BURST, 500);
const BURST_IN_FLIGHT = 8;
const COUNTED = int(process.env.BENCH_WEBHOOK_COUNTED, 30);
const WAIT_MS = 30_000;

/** A receiver on 127.0.0.1: one path per endpoint, each verifying with its own secret. */
async function receiver() {
  const secrets = new Map();
  const got = new Map(); // request id → first accepted delivery time
  const seen = new Map(); // webhook-id → accepted deliveries
  const refused = { count: 0, last: null };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        const event = new Webhook(secrets.get(req.url)).verify(body, req.headers);
        const id = req.headers["webhook-id"];
        seen.set(id, (seen.get(id) ?? 0) + 1);
        if (event.type === "request.created" && !got.has(event.data.object.id)) got.set(event.data.object.id, at);
        res.writeHead(204).end();
      } catch (err) {
        refused.count++;
        refused.last = String(err?.message ?? err);
        res.writeHead(400).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    url: (path) => `${base}${path}`,
    setSecret: (path, secret) => secrets.set(path, secret),
    got,
    seen,
    refused,
    /** Resolves once every id has arrived, or after WAIT_MS. */
    async waitFor(ids) {
      const deadline = Date.now() + WAIT_MS;
      while (ids.some((id) => !got.has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return ids.filter((id) => !got.has(id)).length;
    },
    close: () => new Promise((resolve) => server.close(resolve) && server.closeAllConnections()),
  };
}

/** A destination with an endpoint for request.created at `path` of the receiver, and a fast client. */
async function endpointFor(rcpt, rx, path, label) {
  const d = await claimedDestination(rcpt, label);
  const e = expect(
    await rcpt.api(`/api/destinations/${d.destinationId}/webhook-endpoints`, { body: { url: rx.url(path), events: ["request.created"] } }),
    201,
    "create webhook endpoint",
  );
  rx.setSecret(path, e.secret);
  return { ...d, ...(await fastClient(rcpt, d.destinationId, `${label} burst`)) };
}

/** Creates at most `inFlight` at a time (optionally `gapMs` apart); each id with its answer time. */
async function creates(base, dest, n, inFlight, gapMs = 0) {
  const o = orchestrator(base, dest.secret);
  const answered = new Map();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        next++;
        const { id } = expect(await o(`/v1/destinations/${dest.destinationId}/requests`, { body: CREATE_BODY }), 201, "create");
        answered.set(id, performance.now());
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    }),
  );
  return { answered, started };
}

/** n creates started at a steady `perSecond`, whatever the answers' time; each id with its answer time. */
async function paced(base, dest, n, perSecond) {
  const o = orchestrator(base, dest.secret);
  const answered = new Map();
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < n; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      o(`/v1/destinations/${dest.destinationId}/requests`, { body: CREATE_BODY }).then((r) =>
        answered.set(expect(r, 201, "create").id, performance.now()),
      ),
    );
  }
  await Promise.all(pending);
  return { answered, started };
}

/** Latency from each create's answer to its accepted delivery. */
function latencies(rx, answered) {
  const ms = [...answered].filter(([id]) => rx.got.has(id)).map(([id, at]) => rx.got.get(id) - at);
  const sorted = ms.sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1), min: sorted[0] };
}

export async function run(ctx) {
  const t0 = Date.now();
  const { urls, log } = ctx;
  const rx = await receiver();
  try {
    const app = await endpointFor(ctx.rcpt, rx, "/app", "Bench webhooks");

    // Trickle: one event at a time, so no batch fills and each waits out max_batch_timeout.
    const trickle = await creates(urls.app, app, TRICKLE, 1, TRICKLE_GAP_MS);
    const trickleMissing = await rx.waitFor([...trickle.answered.keys()]);
    const trickleLatency = latencies(rx, trickle.answered);
    log(
      `webhooks: trickle of ${TRICKLE}, ${TRICKLE_GAP_MS} ms apart: p50 ${trickleLatency.p50?.toFixed(0)} / p99 ${trickleLatency.p99?.toFixed(0)} ms`,
    );

    // Paced: a steady rate below the consumer's, so batches fill and leave before their timeout.
    const pacedRun = await paced(urls.app, app, PACED, PACED_RATE);
    const pacedMissing = await rx.waitFor([...pacedRun.answered.keys()]);
    const pacedLatency = latencies(rx, pacedRun.answered);
    log(`webhooks: ${PACED} paced at ${PACED_RATE}/s: p50 ${pacedLatency.p50?.toFixed(0)} / p99 ${pacedLatency.p99?.toFixed(0)} ms`);

    // Burst: creates as fast as BURST_IN_FLIGHT connections go; the queue's throughput is
    // events over the time from the first create to the last accepted delivery.
    const burst = await creates(urls.app, app, BURST, BURST_IN_FLIGHT);
    const createdBy = Math.max(...burst.answered.values());
    const burstMissing = await rx.waitFor([...burst.answered.keys()]);
    const arrivals = [...burst.answered.keys()].filter((id) => rx.got.has(id)).map((id) => rx.got.get(id));
    const lastArrival = Math.max(...arrivals);
    const burstResult = {
      n: BURST,
      missing: burstMissing,
      createSeconds: (createdBy - burst.started) / 1000,
      createsPerSecond: BURST / ((createdBy - burst.started) / 1000),
      eventsPerSecond: arrivals.length / ((lastArrival - burst.started) / 1000),
      drainSeconds: (lastArrival - createdBy) / 1000,
      latency: latencies(rx, burst.answered),
    };
    log(
      `webhooks: burst of ${BURST}: ${burstResult.eventsPerSecond.toFixed(0)} events/s end to end (creates ${burstResult.createsPerSecond.toFixed(0)}/s); latency p50 ${burstResult.latency.p50.toFixed(0)} / p99 ${burstResult.latency.p99.toFixed(0)} ms; ${burstMissing} missing`,
    );

    // Round trips per delivery: the counted build's consumer (its own queue, same settings).
    const countedRcpt = await recipient(urls.counted);
    const counted = await endpointFor(countedRcpt, rx, "/counted", "Bench webhooks counted");
    await resetCounts(urls.counted);
    const countedRun = await creates(urls.counted, counted, COUNTED, 4);
    const countedMissing = await rx.waitFor([...countedRun.answered.keys()]);
    // The consumer reports each attempt after the receiver's answer: give the last report a moment.
    await new Promise((r) => setTimeout(r, 300));
    const c = await readCounts(urls.counted);
    const trips = { n: COUNTED, missing: countedMissing, delivery: perOp(c.queue, COUNTED), create: perOp(c.worker, COUNTED) };
    log(`webhooks: counted consumer per delivery ${JSON.stringify(trips.delivery)}`);

    const repeats = [...rx.seen.values()].filter((v) => v > 1).length;
    return {
      seconds: (Date.now() - t0) / 1000,
      trickle: { n: TRICKLE, gapMs: TRICKLE_GAP_MS, missing: trickleMissing, latency: trickleLatency },
      paced: { n: PACED, perSecond: PACED_RATE, missing: pacedMissing, latency: pacedLatency },
      burst: { ...burstResult, inFlight: BURST_IN_FLIGHT },
      trips,
      accepted: [...rx.seen.values()].reduce((a, b) => a + b, 0),
      events: rx.seen.size,
      repeats,
      refused: { ...rx.refused },
    };
  } finally {
    await rx.close();
  }
}

const f0 = (x) => (x === undefined ? "–" : x.toFixed(0));
export function report(d) {
  const missing = d.trickle.missing + d.paced.missing + d.burst.missing + d.trips.missing;
  const targets = [
    { target: "webhook events/s through the queue (burst, create to receiver's 2xx)", value: f0(d.burst.eventsPerSecond), ok: null },
    {
      target: `webhook latency, state change → receiver's 2xx, p50 / p99: ${d.trickle.gapMs} ms apart; ${d.paced.perSecond}/s; burst`,
      value: [d.trickle, d.paced, d.burst].map((r) => `${f0(r.latency.p50)} / ${f0(r.latency.p99)}`).join("; ") + " ms",
      ok: null,
    },
    {
      target: "round trips per webhook delivery (consumer)",
      value: `${rpcText(d.trips.delivery)} DO RPC; ${n2(d.trips.delivery.d1RoundTrips)} D1`,
      ok: null,
    },
    {
      target: "every event delivered, signature verified, none refused",
      value: `${missing} missing, ${d.refused.count} refused, ${d.repeats} delivered more than once`,
      ok: missing === 0 && d.refused.count === 0,
    },
  ];
  const L = [];
  const row = (...c) => L.push(`| ${c.join(" | ")} |`);
  L.push("## Webhook delivery through the queue", "");
  row(
    "run",
    "events",
    "creates/s",
    "events/s, first create → last 2xx",
    "latency p50 / p99 / max ms (create's answer → receiver's 2xx)",
    "missing",
  );
  row("---", "---:", "---:", "---:", "---:", "---:");
  const t = d.trickle;
  row(
    `creates ${t.gapMs} ms apart, one at a time`,
    t.n,
    "",
    "",
    `${f0(t.latency.p50)} / ${f0(t.latency.p99)} / ${f0(t.latency.max)}`,
    t.missing,
  );
  const p = d.paced;
  row(`paced at ${p.perSecond} creates/s`, p.n, "", "", `${f0(p.latency.p50)} / ${f0(p.latency.p99)} / ${f0(p.latency.max)}`, p.missing);
  const b = d.burst;
  row(
    `burst, ${b.inFlight} creates in flight`,
    b.n,
    f0(b.createsPerSecond),
    f0(b.eventsPerSecond),
    `${f0(b.latency.p50)} / ${f0(b.latency.p99)} / ${f0(b.latency.max)}`,
    b.missing,
  );
  L.push("");
  row("per event (counted build)", "DO RPCs", "D1 round trips");
  row("---", "---", "---");
  row(`the consumer's delivery (${d.trips.n} events)`, rpcText(d.trips.delivery), d1Text(d.trips.delivery));
  row("the create that made the event", rpcText(d.trips.create), d1Text(d.trips.create));
  L.push("");
  L.push(
    `How measured: a Node receiver on 127.0.0.1 checks every delivery with the \`standardwebhooks\` package against the endpoint's secret and answers 204 (400 if it does not verify: ${d.refused.count} did). The endpoint is registered through \`POST /api/destinations/{id}/webhook-endpoints\` for \`request.created\`; each event comes from an orchestrator's create, and its latency runs from the create's 201 (the state change, committed by the authority, which sends the delivery to the queue in the same call) to the receiver's verified arrival, both timed in the bench's process. The app's queue consumer has wrangler.jsonc's settings (max_batch_size 10, max_batch_timeout 1 s, max_retries 5, dead-letter queue) on local workerd's Queues. A batch leaves when 10 messages are waiting or 1 s after its first, so with events 250 ms apart a batch collects about four and leaves 1 s after its first: latency spreads from near 0 to 1 s, set by that timeout, not by the delivery. At a steady 50 events/s batches fill in about 200 ms and leave without waiting for it. Locally, Miniflare's queue broker also hands the consumer one batch at a time, and after each batch waits the timeout again when fewer than 10 messages are left (node_modules/miniflare/dist/src/workers/queues/broker.worker.js): so the burst's events/s is one consumer's, and its tail pays the timeout once more. Cloudflare's Queues scale consumer invocations out with the backlog (consumer concurrency, on by default), so a deployment's ceiling is the queue's (5,000 messages/s), not this figure. The burst drained ${b.drainSeconds.toFixed(1)} s after its last create answered (${b.createSeconds.toFixed(1)} s of creates). ${d.accepted} accepted deliveries for ${d.events} events: ${d.repeats} were delivered more than once (a retry). Round trips per delivery: ${d.trips.n} creates on the counted build, whose consumer (same settings, its own queue) runs with counted bindings; its calls divided by events. The queue sends themselves (one sendBatch from the authority per create) are not counted. The phase took ${d.seconds.toFixed(1)} s.`,
  );
  return { targets, markdown: L.join("\n") };
}
