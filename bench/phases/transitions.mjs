// The lifecycle transitions: the recipient approving outgoing requests (dashboard session,
// `POST /api/destinations/{d}/requests/{id}/approve`) and an orchestrator cancelling
// incoming ones (`POST /v1/requests/{id}/cancel`). Measures ms per transition at a few in
// flight on the app, and storage round trips per transition on the counted build.
import {
  claimedDestination,
  combine,
  d1Text,
  expect,
  n2,
  outboxDrained,
  perOp,
  readCounts,
  resetCounts,
  rpcText,
  timed,
} from "../lib/paths.mjs";
import { CREATE_BODY, orchestrator, recipient } from "../lib/setup.mjs";

export const name = "transitions";

const int = (v, fallback) => (v ? Number(v) : fallback);
const N = int(process.env.BENCH_TRANSITIONS, 100);
const IN_FLIGHT = 4;
const COUNTED = int(process.env.BENCH_TRANSITIONS_COUNTED, 30);
// An outgoing request waits for the recipient's approval (test/helpers/api.ts `outgoing()`).
const OUTGOING_BODY = {
  direction: "outgoing",
  amount: "3.00",
  currency: "GBP",
  payee: { name: "Ada", sortCode: "123456", accountNumber: "12345678" },
};

/** n requests of `body` on the destination, 4 at a time; their ids. */
async function created(base, dest, body, n) {
  const o = orchestrator(base, dest.secret);
  const ids = [];
  await timed(n, 4, async () => ids.push(expect(await o(`/v1/destinations/${dest.destinationId}/requests`, { body }), 201, "create").id));
  return ids;
}

const approver = (rcpt, dest, ids) => async (i) => {
  const r = await rcpt.api(`/api/destinations/${dest.destinationId}/requests/${ids[i]}/approve`, { method: "POST" });
  if (expect(r, 200, "approve").status !== "approved") throw new Error(`transitions: ${ids[i]} not approved`);
};
const canceller = (base, dest, ids) => {
  const o = orchestrator(base, dest.secret);
  return async (i) => {
    if (expect(await o(`/v1/requests/${ids[i]}/cancel`, { method: "POST" }), 200, "cancel").status !== "cancelled")
      throw new Error(`transitions: ${ids[i]} not cancelled`);
  };
};

/**
 * Runs `fn` over n ops one at a time on the counted build: the Worker's calls and the authority's
 * storage per op, then, once the authority's alarm has copied their outbox records to D1, its D1 work per op.
 */
async function counted(mf, base, destinationId, n, fn) {
  await resetCounts(base);
  await timed(n, 1, fn);
  const c = await readCounts(base);
  const waitedSeconds = await outboxDrained(mf, destinationId);
  const after = await readCounts(base);
  return {
    n,
    request: perOp(combine(c.worker, c.object), n),
    object: { sqlExec: c.objectStorage.sqlExec / n, transactionSync: c.objectStorage.transactionSync / n },
    deferred: { ...perOp(combine(after.object, c.object, -1), n), alarms: after.objectStorage.alarms, waitedSeconds },
  };
}

export async function run(ctx) {
  const t0 = Date.now();
  const { mf, urls, rcpt, log } = ctx;
  // The counted destination's requests first: their creates' outbox drains while the app is measured.
  const countedRcpt = await recipient(urls.counted);
  const cd = await claimedDestination(countedRcpt, "Bench transitions counted");
  const cOut = await created(urls.counted, cd, OUTGOING_BODY, COUNTED);
  const cIn = await created(urls.counted, cd, CREATE_BODY, COUNTED);

  const app = await claimedDestination(rcpt, "Bench transitions");
  const outgoing = await created(urls.app, app, OUTGOING_BODY, N);
  const incoming = await created(urls.app, app, CREATE_BODY, N);
  const approve = await timed(N, IN_FLIGHT, approver(rcpt, app, outgoing));
  const cancel = await timed(N, IN_FLIGHT, canceller(urls.app, app, incoming));
  log(
    `transitions: approve p50 ${approve.p50.toFixed(1)} / p99 ${approve.p99.toFixed(1)} ms, cancel p50 ${cancel.p50.toFixed(1)} / p99 ${cancel.p99.toFixed(1)} ms at ${IN_FLIGHT} in flight`,
  );

  await outboxDrained(mf, cd.destinationId);
  const approveTrips = await counted(mf, urls.counted, cd.destinationId, COUNTED, approver(countedRcpt, cd, cOut));
  const cancelTrips = await counted(mf, urls.counted, cd.destinationId, COUNTED, canceller(urls.counted, cd, cIn));
  log(`transitions: per approve ${JSON.stringify(approveTrips)}; per cancel ${JSON.stringify(cancelTrips)}`);

  // Every transitioned request reads back in its new status (through D1, as the API reads).
  const statuses = {};
  for (const [base, dest, ids] of [
    [urls.app, app, [...outgoing, ...incoming]],
    [urls.counted, cd, [...cOut, ...cIn]],
  ]) {
    const o = orchestrator(base, dest.secret);
    for (const id of ids) {
      const s = expect(await o(`/v1/requests/${id}`), 200, "read back").status;
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
  }
  return {
    seconds: (Date.now() - t0) / 1000,
    n: N,
    inFlight: IN_FLIGHT,
    approve,
    cancel,
    approveTrips,
    cancelTrips,
    statuses,
    expected: N + COUNTED,
  };
}

const f1 = (x) => x.toFixed(1);
export function report(d) {
  const ok = (d.statuses.approved ?? 0) === d.expected && (d.statuses.cancelled ?? 0) === d.expected;
  const targets = [];
  for (const [label, r, t] of [
    ["approve (recipient session)", d.approve, d.approveTrips],
    ["cancel (orchestrator)", d.cancel, d.cancelTrips],
  ]) {
    targets.push({ target: `${label}: ms p50 / p99 at ${d.inFlight} in flight`, value: `${f1(r.p50)} / ${f1(r.p99)} ms`, ok: null });
    targets.push({
      target: `${label}: storage round trips per op`,
      value: `${rpcText(t.request)} DO RPC; ${n2(t.request.d1RoundTrips)} D1 (+ ${n2(t.deferred.d1RoundTrips)} later)`,
      ok: null,
    });
  }
  targets.push({
    target: "every transition reads back in its new status",
    value: `${d.statuses.approved ?? 0} approved, ${d.statuses.cancelled ?? 0} cancelled of ${d.expected} each`,
    ok,
  });
  const L = [];
  const row = (...c) => L.push(`| ${c.join(" | ")} |`);
  L.push("## Approve and cancel", "");
  row(
    "transition",
    "ops",
    "ms p50 / p99 / max",
    "ops/s",
    "DO RPCs per op",
    "D1 round trips per op (request path)",
    "later, the authority (retries, housekeeping), per op",
    "inside the authority per op",
  );
  row("---", "---:", "---:", "---:", "---", "---", "---", "---");
  for (const [label, r, t] of [
    ["approve an outgoing request (recipient session)", d.approve, d.approveTrips],
    ["cancel an incoming request (orchestrator)", d.cancel, d.cancelTrips],
  ])
    row(
      label,
      r.n,
      `${f1(r.p50)} / ${f1(r.p99)} / ${f1(r.max)}`,
      f1(r.opsPerSecond),
      rpcText(t.request),
      d1Text(t.request),
      `${d1Text(t.deferred)}; ${t.deferred.alarms} alarm run(s), drained ${t.deferred.waitedSeconds.toFixed(1)} s after`,
      `${n2(t.object.transactionSync)} transactionSync, ${n2(t.object.sqlExec)} sql.exec`,
    );
  L.push("");
  L.push(
    `How measured: an orchestrator creates ${d.n} outgoing requests (pending_approval) and ${d.n} incoming ones on one destination (not timed); then the recipient's dashboard session (cookie and CSRF token) approves each outgoing one and the orchestrator cancels each incoming one, ${d.inFlight} in flight, every answer 200 with the new status, timed from the Node client. Round trips: ${d.approveTrips.n} approvals and ${d.cancelTrips.n} cancels one at a time on the counted build, the Worker's and the authority's calls divided by operations (the authority decides and records the transition in one RPC and writes it through to D1 within it); then anything the authority writes later, divided likewise. Final statuses read back: ${Object.entries(
      d.statuses,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}. The phase took ${f1(d.seconds)} s.`,
  );
  return { targets, markdown: L.join("\n") };
}
