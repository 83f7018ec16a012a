import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { SET_ASIDE_AFTER, WRITE_BACKOFF_MS } from "../../src/authority/outbox";
import { accounts, chain, transfer } from "../helpers/chain";
import { countRequests } from "../helpers/db";
import { wakeAuthority } from "../helpers/authority";
import { chainTenant, impersonate, submit, type ChainTenant } from "../helpers/payments";

/** The authority's alarm work as of `aheadMs` from now: how a test lets the outbox's backoff pass. */
const wake = wakeAuthority;

const health = (t: ChainTenant) => t.r.api(`/api/destinations/${t.dst}/health`);

/** D1 refuses any request row whose reference is POISON, as a constraint or a bug in one record would. */
async function poisonReference() {
  await env.DB.exec(
    "CREATE TRIGGER IF NOT EXISTS poison BEFORE INSERT ON requests WHEN NEW.reference = 'POISON' BEGIN SELECT RAISE(ABORT, 'poisoned record'); END",
  );
  return () => env.DB.exec("DROP TRIGGER poison");
}

const create = (t: ChainTenant, reference: string) =>
  t.shop.orchestrator(`/v1/destinations/${t.dst}/requests`, {
    body: { direction: "incoming", amount: "1.00", currency: "USDC", reference },
  });

describe("one tenant-safe record pipeline", () => {
  it("a transfer between two tenants' wallets is each side's payment, and neither tenant's writes stop", async ({ expect }) => {
    const alice = await chainTenant();
    const bob = await chainTenant();
    // Bob pays Alice: his approved outgoing request, marked paid with the transfer from his wallet to hers.
    const payee = { name: "Alice", walletAddress: alice.wallet };
    const out = (
      await bob.r.api(`/api/destinations/${bob.dst}/requests`, {
        body: { direction: "outgoing", amount: "3.00", currency: "USDC", payee },
      })
    ).json;
    await bob.r.api(`/api/destinations/${bob.dst}/requests/${out.id}/approve`, { method: "POST" });
    await transfer({ from: (await accounts())[8]!, to: bob.wallet, amountMinor: 5_000_000n });
    await impersonate(bob.wallet);
    const txHash = await transfer({ from: bob.wallet, to: alice.wallet, amountMinor: 3_000_000n });
    await chain("hardhat_stopImpersonatingAccount", [bob.wallet]);
    const bobs = await bob.r.api(`/api/destinations/${bob.dst}/requests/${out.id}/mark-paid`, { body: { txHash } });
    expect([bobs.status, bobs.json.status]).toEqual([200, "paid"]);

    // The same log is Alice's incoming payment: her request names Bob's wallet as the payer.
    const body = { direction: "incoming", amount: "3.00", currency: "USDC", payer: { name: "Bob", walletAddress: bob.wallet } };
    const inc = (await alice.shop.orchestrator(`/v1/destinations/${alice.dst}/requests`, { body })).json;
    const alices = await submit(alice, inc.id, { txHash });
    expect([alices.status, alices.json.status]).toEqual([202, "paid"]);

    // Read-your-writes, and one truth: GET and the event log agree at once.
    expect((await alice.shop.orchestrator(`/v1/requests/${inc.id}`)).json.status).toBe("paid");
    const events = (await alice.shop.orchestrator(`/v1/events`)).json.data as { type: string; data: { object: { id: string } } }[];
    expect(events.filter((e) => e.data.object.id === inc.id).map((e) => e.type)).toEqual(["request.created", "request.paid"]);
    const rows = (await env.DB.prepare("SELECT destination_id FROM payments WHERE tx_hash = ? ORDER BY destination_id").bind(txHash).all())
      .results;
    expect(rows.map((r) => r.destination_id)).toEqual([alice.dst, bob.dst].sort());

    // Nothing waits for either tenant, and both keep writing.
    for (const t of [alice, bob]) {
      expect((await health(t)).json).toEqual({ pendingWrites: 0, oldestPendingAt: null, failedWrites: 0 });
      expect((await create(t, "AFTER")).status).toBe(201);
    }
  });

  it("a record D1 refuses waits on its own backoff, is set aside after 8 tries, and never holds back the others", async ({ expect }) => {
    const t = await chainTenant();
    const cure = await poisonReference();
    const poisoned = await create(t, "POISON");
    expect([poisoned.status, poisoned.json.code]).toEqual([503, "storage_unavailable"]);
    const id = /req_[0-9a-z]{16}/.exec(poisoned.json.detail)![0];

    // Everything else this tenant does reaches D1 as before, before and after each retry of the poisoned one.
    const fine = await create(t, "FINE");
    expect(fine.status).toBe(201);
    expect((await t.shop.orchestrator(`/v1/requests/${fine.json.id}/cancel`, { method: "POST" })).json.status).toBe("cancelled");
    let h = (await health(t)).json;
    expect(h).toMatchObject({ pendingWrites: 1, failedWrites: 0 });
    expect(Date.parse(h.oldestPendingAt)).toBeLessThanOrEqual(Date.now());

    let ahead = 0;
    for (let attempt = 2; attempt <= SET_ASIDE_AFTER; attempt++) {
      ahead += WRITE_BACKOFF_MS[attempt - 2]!;
      await wake(t.dst, ahead);
      expect((await create(t, `FINE ${attempt}`)).status).toBe(201);
    }
    h = (await health(t)).json;
    expect(h).toMatchObject({ pendingWrites: 0, failedWrites: 1 });
    expect(await countRequests("id = ?", id)).toBe(0);
    expect(await countRequests("destination_id = ? AND reference LIKE 'FINE%'", t.dst)).toBe(SET_ASIDE_AFTER);

    // Fixed on D1's side: the set-aside record lands on its next try, exactly once.
    await cure();
    await wake(t.dst, ahead + WRITE_BACKOFF_MS.at(-1)!);
    expect(await countRequests("id = ?", id)).toBe(1);
    expect((await health(t)).json).toEqual({ pendingWrites: 0, oldestPendingAt: null, failedWrites: 0 });
    expect((await t.shop.orchestrator(`/v1/requests/${id}`)).json.reference).toBe("POISON");
  });

  it("a batch D1 refuses is written record by record: the good ones land, the bad one stays", async ({ expect }) => {
    const t = await chainTenant();
    // D1 down for every write: both creates wait in the outbox.
    await env.DB.exec("ALTER TABLE requests RENAME TO requests_offline");
    const bad = await create(t, "POISON");
    const good = await create(t, "GOOD");
    await env.DB.exec("ALTER TABLE requests_offline RENAME TO requests");
    expect([bad.status, good.status]).toEqual([503, 503]);
    const [badId, goodId] = [bad, good].map((r) => /req_[0-9a-z]{16}/.exec(r.json.detail)![0]);
    expect((await health(t)).json.pendingWrites).toBe(2);

    const cure = await poisonReference();
    await wake(t.dst, WRITE_BACKOFF_MS[0]!);
    expect(await countRequests("id = ?", goodId)).toBe(1);
    expect(await countRequests("id = ?", badId)).toBe(0);
    expect((await health(t)).json.pendingWrites).toBe(1);
    await cure();
    await wake(t.dst, WRITE_BACKOFF_MS[0]! + WRITE_BACKOFF_MS[1]!);
    expect(await countRequests("id = ?", badId)).toBe(1);
  });

  it("another recipient's health is 404", async ({ expect }) => {
    const t = await chainTenant();
    const stranger = await chainTenant();
    const res = await stranger.r.api(`/api/destinations/${t.dst}/health`);
    expect([res.status, res.json.code]).toEqual([404, "not_found"]);
  });
});
