import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import type { DestinationAuthority } from "../../src/authority/destination-authority";
import { authority } from "../../src/authority/stub";

/** The authority's host (src/authority/authority-host.ts): its one clock, the alarm's work, the delivery hand-off. */
export const hostOf = (o: DestinationAuthority) => o["host"];

/** The authority's alarm work as of `aheadMs` from now: how a test lets backoffs, expiries and key lifetimes pass. */
export const wakeAuthority = (dst: string, aheadMs = 0) =>
  runInDurableObject(authority(env, dst), (o: DestinationAuthority) => hostOf(o).wake(Date.now() + aheadMs));

/** Moves the authority's one clock forward, as time passing would: every later decision and alarm runs at the new time. */
export const advanceAuthorityClock = (stub: DurableObjectStub<DestinationAuthority>, ms: number) =>
  runInDurableObject(stub, (o: DestinationAuthority) => {
    hostOf(o).skewMs += ms;
  });

/** Records committed by the authority that D1 does not have yet (waiting or set aside). */
export async function unwritten(dst: string): Promise<number> {
  const h = await authority(env, dst).health();
  return h.pendingWrites + h.failedWrites;
}

/**
 * A client's expiry as the readers see it: they judge D1's copy of its credential against the Worker's own clock,
 * which a test cannot move, so its expiry moves back instead (with advanceAuthorityClock for the authority's side).
 */
export const lapseCredentialInD1 = (clientId: string) =>
  env.DB.prepare("UPDATE client_credentials SET expires_at = ? WHERE client_id = ?")
    .bind(Date.now() - 1000, clientId)
    .run();
