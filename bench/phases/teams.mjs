// Teams: the role check rides on the ownership check every dashboard route already made, so a
// member's read costs the same D1 round trips as the owner's did before teams: the session, one query for the
// destination with the caller's member row (and role), then the route's own read. On the counted build, N
// reads of GET /api/destinations/{id}/requests by the owner and by a viewer: round trips per call and the
// membership SQL; then one at a time on the app build, owner and viewer alternating: p50/p99, and a removed
// member's 404 (refused by the same one query).
import { fetchCaller, signIn } from "../../scripts/lib/recipient-setup.mjs";
import { claimedDestination, d1Text, expect, n2, perOp, readCounts, resetCounts, timed } from "../lib/paths.mjs";

export const name = "teams";

const N = Number(process.env.BENCH_TEAMS_READS ?? 200);
let accounts = 0;
const person = (base, tag) =>
  signIn(fetchCaller(base), {
    email: `bench-team-${tag}-${process.pid}-${Date.now()}-${++accounts}@example.com`,
    password: "correct horse battery",
  });

/** An owner with a claimed destination, and members joined by invitation, on the Worker at `base`. */
async function team(base, roles) {
  const owner = await person(base, "owner");
  const rcpt = { api: owner.api };
  const { destinationId } = await claimedDestination(rcpt, "Team bench");
  expect(
    await owner.api(`/api/destinations/${destinationId}/requests`, { body: { direction: "incoming", amount: "1.00", currency: "USDC" } }),
    201,
    "request",
  );
  const members = {};
  for (const role of roles) {
    const m = await person(base, role);
    const inv = expect(
      await owner.api(`/api/destinations/${destinationId}/invitations`, { body: { email: m.email, role: "viewer" } }),
      201,
      "invite",
    );
    expect(await m.api(`/api/invitations/${inv.url.split("/invitations/")[1]}/accept`, { method: "POST" }), 200, "accept");
    members[role] = m;
  }
  return { owner, destinationId, members };
}

const read = (who, destinationId) => async () => expect(await who.api(`/api/destinations/${destinationId}/requests?limit=20`), 200, "read");

async function counted(base, who, destinationId) {
  await resetCounts(base);
  await timed(N, 4, read(who, destinationId));
  const c = await readCounts(base);
  return { ...perOp(c.worker, N), sql: c.worker.sql };
}

export async function run({ urls, log }) {
  const c = await team(urls.counted, ["viewer"]);
  const owner = await counted(urls.counted, c.owner, c.destinationId);
  const viewer = await counted(urls.counted, c.members.viewer, c.destinationId);
  log(`teams: owner read ${d1Text(owner)}; viewer read ${d1Text(viewer)}`);
  const membershipSql = viewer.sql.filter((s) => s.includes("destination_members"));

  const a = await team(urls.app, ["viewer", "removed"]);
  const removedId = (await a.members.removed.api("/api/me")).json.user.id;
  expect(await a.owner.api(`/api/destinations/${a.destinationId}/members/${removedId}`, { method: "DELETE" }), 204, "remove");
  const ms = { owner: [], viewer: [], removed: [] };
  const who = { owner: a.owner, viewer: a.members.viewer, removed: a.members.removed };
  const sides = ["owner", "viewer", "removed"];
  await timed(N * 3, 1, async (i) => {
    const side = sides[i % 3];
    const t = performance.now();
    const r = await who[side].api(`/api/destinations/${a.destinationId}/requests?limit=20`);
    ms[side].push(performance.now() - t);
    if (r.status !== (side === "removed" ? 404 : 200)) throw new Error(`teams: ${side} read answered ${r.status}`);
  });
  const single = Object.fromEntries(
    sides.map((s) => {
      const x = ms[s].sort((p, q) => p - q);
      return [s, { n: x.length, p50: x[Math.ceil(0.5 * x.length) - 1], p99: x[Math.ceil(0.99 * x.length) - 1] }];
    }),
  );
  log(`teams one at a time: ${sides.map((s) => `${s} p50 ${single[s].p50.toFixed(2)} / p99 ${single[s].p99.toFixed(2)} ms`).join("; ")}`);
  return { n: N, owner, viewer, membershipSql, single };
}

export function report(d) {
  const targets = [
    {
      target: "A member's dashboard read: no D1 round trip beyond the owner's (session, membership with role, the read)",
      value: `viewer ${n2(d.viewer.d1RoundTrips)}, owner ${n2(d.owner.d1RoundTrips)}`,
      ok: d.viewer.d1RoundTrips <= d.owner.d1RoundTrips && d.owner.d1RoundTrips <= 3,
    },
  ];
  const row = (s) => `| ${s} | ${d.single[s].p50.toFixed(2)} | ${d.single[s].p99.toFixed(2)} |`;
  const markdown = [
    "## Teams: the role check",
    "",
    `${d.n} reads of \`GET /api/destinations/{id}/requests?limit=20\` each, on the counted build:`,
    "",
    `- owner: ${d1Text(d.owner)} D1 round trips per read`,
    `- viewer (a member by invitation): ${d1Text(d.viewer)}`,
    "",
    "The membership check is one statement: the destination joined with the caller's member row and the claimer:",
    "",
    ...d.membershipSql.map((s) => `    ${s}`),
    "",
    "One at a time on the app build, alternating (ms):",
    "",
    "| caller | p50 | p99 |",
    "|---|---|---|",
    row("owner"),
    row("viewer"),
    `${row("removed").replace("| removed |", "| removed member (404) |")}`,
    "",
  ].join("\n");
  return { targets, markdown };
}
