import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { claimedDestination, incoming, newClient, outgoing, signUp } from "../../helpers/api";
import { authority } from "../../../src/authority/stub";

const authorityOf = (destinationId: string) => authority(env, destinationId);

/** A recipient, a claimed destination, a client, and helpers to make and act on requests. */
export async function lifecycleSetup() {
  const r = await signUp();
  const { id: dst } = await claimedDestination(r);
  const shop = await newClient(r, dst, "Shop");
  const base = `/api/destinations/${dst}/requests`;
  return {
    r,
    dst,
    shop,
    stub: authorityOf(dst),
    manual: async (direction: "incoming" | "outgoing", extra: Record<string, unknown> = {}) => {
      const res = await r.api(base, { body: direction === "incoming" ? incoming(extra) : outgoing(extra) });
      if (res.status !== 201) throw new Error(res.text);
      return res.json as { id: string; status: string; expiresAt: string | null };
    },
    byShop: async (direction: "incoming" | "outgoing", extra: Record<string, unknown> = {}) => {
      const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, {
        body: direction === "incoming" ? incoming(extra) : outgoing(extra),
      });
      if (res.status !== 201) throw new Error(res.text);
      return res.json as { id: string; status: string; expiresAt: string | null };
    },
    act: (id: string, action: "cancel" | "approve" | "reject", body?: unknown) =>
      r.api(`${base}/${id}/${action}`, { method: "POST", ...(body === undefined ? {} : { body }) }),
    read: (id: string) => r.api(`${base}/${id}`),
    events: (id: string) => r.api(`${base}/${id}/events`),
  };
}

/** The authority's and D1's view of one request: the single writer and its copy. */
export async function bothStores(dst: string, id: string) {
  const authority = await runInDurableObject(authorityOf(dst), (_i, state) =>
    state.storage.sql.exec<{ status: string; sequence: number }>("SELECT status, sequence FROM requests WHERE id = ?", id).one(),
  );
  const d1 = (await env.DB.prepare("SELECT status, status_sequence AS sequence FROM requests WHERE id = ?").bind(id).first()) as {
    status: string;
    sequence: number;
  } | null;
  const events = ((await env.DB.prepare("SELECT COUNT(*) AS n FROM request_events WHERE request_id = ?").bind(id).first()) as { n: number })
    .n;
  return { authority, d1, events };
}
