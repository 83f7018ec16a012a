import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import type { DestinationAuthority } from "../../src/durable-objects/destination-authority";
import { authority } from "../../src/services/authority";

/** The authority's alarm work as of `aheadMs` from now: how a test lets backoffs, expiries and key lifetimes pass. */
export const wakeAuthority = (dst: string, aheadMs = 0) =>
  runInDurableObject(authority(env, dst), (o: DestinationAuthority) => o["wake"](Date.now() + aheadMs));

/** Records committed by the authority that D1 does not have yet (waiting or set aside). */
export async function unwritten(dst: string): Promise<number> {
  const h = await authority(env, dst).health();
  return h.pendingWrites + h.failedWrites;
}
