import { env } from "cloudflare:workers";
import type { DestinationAuthority } from "../../src/authority/destination-authority";
import { authority } from "../../src/authority/stub";
import { clientCaller } from "../../scripts/lib/recipient-setup.mjs";
import { advanceAuthorityClock } from "../helpers/authority";
import { call, claimedDestination, outgoing, signUp } from "../helpers/api";

/** An outgoing request the budget can count: USD is the peg of the destination's USDC, paid to a wallet. */
export const payout = (amount: string, extra: Record<string, unknown> = {}) =>
  outgoing({ amount, currency: "USD", payee: { name: "Ada", walletAddress: "0x" + "3".repeat(40) }, ...extra });

/** A recipient, a claimed USDC destination, and a client created with `limits` (and `permissions`). */
export async function limitedClient(limits: Record<string, unknown>, permissions?: string[]) {
  const r = await signUp();
  const { id: dst } = await claimedDestination(r);
  const made = await r.api(`/api/destinations/${dst}/clients`, { body: { name: "Shop", limits, ...(permissions ? { permissions } : {}) } });
  if (made.status !== 201) throw new Error(made.text);
  const client = made.json;
  const orchestrator = clientCaller(call, client.secret);
  const clientPath = `/api/destinations/${dst}/clients/${client.id}`;
  return {
    r,
    dst,
    client,
    orchestrator,
    stub: authority(env, dst),
    create: (body: unknown, headers: Record<string, string> = {}) => orchestrator(`/v1/destinations/${dst}/requests`, { body, headers }),
    view: async () => (await r.api(`/api/destinations/${dst}/clients`)).json.data.find((c: { id: string }) => c.id === client.id),
    patch: (limits: Record<string, unknown>) => r.api(clientPath, { method: "PATCH", body: { limits } }),
    act: (id: string, action: "cancel" | "approve" | "reject") =>
      r.api(`/api/destinations/${dst}/requests/${id}/${action}`, { method: "POST" }),
  };
}

/** Moves the authority's one clock (client expiry, create rate, secret overlap, keys) forward, as time passing would: no sleeps. */
export async function advanceClock(stub: DurableObjectStub<DestinationAuthority>, ms: number): Promise<void> {
  await advanceAuthorityClock(stub, ms);
}
