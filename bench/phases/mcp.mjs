// MCP against REST: one `tools/call` of `create_request` on /mcp against the
// same create on POST /v1/destinations/{id}/requests, in the same run, on the same
// destination, alternating rounds. ms p50/p99 under load and one at a time, and workerd
// CPU per call. Target: MCP ≤ 1.3 × REST. Every call must create its request.
import { manyDestinations, CREATE_BODY, fastClient } from "../lib/setup.mjs";
import { timed } from "../lib/paths.mjs";

export const name = "mcp";

const int = (v, fallback) => (v ? Number(v) : fallback);
const ONE_AT_A_TIME = int(process.env.BENCH_MCP_SINGLE, 200);
const ACCEPT = "application/json, text/event-stream";

const restTarget = (base, d, c) => ({
  base,
  paths: [`/v1/destinations/${d.destinationId}/requests`],
  auth: `Bearer ${c.secret}`,
  method: "POST",
  body: JSON.stringify(CREATE_BODY),
});
// What an MCP host sends after initialize: a JSON-RPC tools/call, with the protocol version it negotiated.
const mcpTarget = (base, d, c) => ({
  base,
  paths: ["/mcp"],
  auth: `Bearer ${c.secret}`,
  method: "POST",
  headers: { Accept: ACCEPT, "Mcp-Protocol-Version": "2025-06-18" },
  body: JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "tools/call",
    params: { name: "create_request", arguments: { destinationId: d.destinationId, ...CREATE_BODY } },
  }),
});

/** One call of a target with fetch; throws unless it created a request (an MCP refusal is a 200 with isError). */
async function once(t) {
  const res = await fetch(t.base + t.paths[0], {
    method: "POST",
    headers: { authorization: t.auth, "content-type": "application/json", ...t.headers },
    body: t.body,
  });
  const json = await res.json();
  const id = t.paths[0] === "/mcp" ? json.result?.structuredContent?.id : json.id;
  if (!res.ok || json.result?.isError || !id?.startsWith("req_")) throw new Error(`mcp phase: ${res.status} ${JSON.stringify(json)}`);
}

const created = async (db, clientId) =>
  (await db.prepare("SELECT count(*) AS n FROM requests WHERE created_by_client_id = ?").bind(clientId).first()).n;

export async function run(ctx) {
  const { urls, config, log, runOne, rcpt, db } = ctx;
  const [d] = await manyDestinations(rcpt, "6d", 1, 1, "MCP bench");
  const rounds = [];
  for (let round = 0; round < config.rounds; round++) {
    // A client per side and round: one run sends thousands of creates, a client's bucket allows 6,000 a minute.
    const row = {};
    const order = round % 2 === 0 ? ["rest", "mcp"] : ["mcp", "rest"];
    for (const side of order) {
      const c = await fastClient(rcpt, d.destinationId, `MCP bench ${side} ${round + 1}`);
      const target = (side === "rest" ? restTarget : mcpTarget)(urls.app, d, c);
      await once(target);
      const r = await runOne(`mcp-${side}-${round}`, target, config.connections, config.seconds);
      const rows = await created(db, c.clientId);
      // Every answered call created its request (warm-up and the check call included; a run cut off mid-call may add one).
      if (rows < r.requests) throw new Error(`mcp phase: ${side} answered ${r.requests} calls but created ${rows} requests`);
      row[side] = { rps: r.rps, p50: r.p50, p99: r.p99, cpu: r.cpuUsPerRequest, requests: r.requests };
    }
    log(
      `mcp round ${round + 1}: REST ${row.rest.rps.toFixed(0)} req/s p50 ${row.rest.p50.toFixed(1)} ms cpu ${row.rest.cpu?.toFixed(0)} µs; ` +
        `MCP ${row.mcp.rps.toFixed(0)} req/s p50 ${row.mcp.p50.toFixed(1)} ms cpu ${row.mcp.cpu?.toFixed(0)} µs`,
    );
    rounds.push(row);
  }
  // One at a time, alternating call by call: latency without queueing.
  const single = {};
  const clients = {
    rest: await fastClient(rcpt, d.destinationId, "MCP bench rest single"),
    mcp: await fastClient(rcpt, d.destinationId, "MCP bench mcp single"),
  };
  const targets = { rest: restTarget(urls.app, d, clients.rest), mcp: mcpTarget(urls.app, d, clients.mcp) };
  const ms = { rest: [], mcp: [] };
  await timed(ONE_AT_A_TIME * 2, 1, async (i) => {
    const side = i % 2 === 0 ? "rest" : "mcp";
    const t = performance.now();
    await once(targets[side]);
    ms[side].push(performance.now() - t);
  });
  for (const side of ["rest", "mcp"]) {
    const s = ms[side].sort((a, b) => a - b);
    single[side] = { n: s.length, p50: s[Math.ceil(0.5 * s.length) - 1], p99: s[Math.ceil(0.99 * s.length) - 1] };
  }
  log(
    `mcp one at a time: REST p50 ${single.rest.p50.toFixed(2)} / p99 ${single.rest.p99.toFixed(2)} ms; MCP p50 ${single.mcp.p50.toFixed(2)} / p99 ${single.mcp.p99.toFixed(2)} ms`,
  );
  return { connections: config.connections, seconds: config.seconds, rounds, single };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);

export function report(d) {
  const m = (side, f) => median(d.rounds.map((r) => r[side][f]));
  const ratio = (f) => median(d.rounds.map((r) => r.mcp[f] / r.rest[f]));
  const cpuRatio = ratio("cpu");
  const p50Ratio = ratio("p50");
  const targets = [
    {
      target: "MCP tools/call create_request ≤ 1.3 × REST create: workerd CPU per call",
      value: `${f2(cpuRatio)} × (${m("mcp", "cpu").toFixed(0)} / ${m("rest", "cpu").toFixed(0)} µs)`,
      ok: cpuRatio <= 1.3,
    },
    {
      target: `MCP ≤ 1.3 × REST: p50 at ${d.connections} connections`,
      value: `${f2(p50Ratio)} × (${f1(m("mcp", "p50"))} / ${f1(m("rest", "p50"))} ms)`,
      ok: p50Ratio <= 1.3,
    },
    {
      target: "MCP ≤ 1.3 × REST: p50 one at a time",
      value: `${f2(d.single.mcp.p50 / d.single.rest.p50)} × (${f2(d.single.mcp.p50)} / ${f2(d.single.rest.p50)} ms)`,
      ok: d.single.mcp.p50 / d.single.rest.p50 <= 1.3,
    },
  ];
  const L = ["## MCP against REST (create)", ""];
  const row = (...c) => L.push(`| ${c.join(" | ")} |`);
  row("round", "side", "req/s", "p50 ms", "p99 ms", "workerd CPU µs/call", "calls");
  row("---", "---", "---", "---", "---", "---", "---");
  d.rounds.forEach((r, i) => {
    for (const side of ["rest", "mcp"]) {
      const x = r[side];
      row(i + 1, side === "rest" ? "REST" : "MCP", x.rps.toFixed(0), f1(x.p50), f1(x.p99), x.cpu?.toFixed(0) ?? "–", x.requests);
    }
  });
  L.push(
    "",
    `One at a time (alternating, ${d.single.rest.n} calls each): REST p50 ${f2(d.single.rest.p50)} / p99 ${f2(d.single.rest.p99)} ms; ` +
      `MCP p50 ${f2(d.single.mcp.p50)} / p99 ${f2(d.single.mcp.p99)} ms.`,
    "",
    `Each MCP call is what a host sends after initialize: one POST /mcp with a JSON-RPC tools/call of create_request (Accept: ${ACCEPT}, Mcp-Protocol-Version 2025-06-18), answered as JSON. ` +
      `Both sides create on the same destination with a fresh client per side and round (${d.seconds} s at ${d.connections} connections, rounds alternating which side goes first); every answered call is checked to have created its request in D1.`,
  );
  return { targets, markdown: L.join("\n") };
}
