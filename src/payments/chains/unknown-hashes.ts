/**
 * Transaction hashes a chain did not know, remembered for a minute per isolate
 * (API v1.2): a repeated submission of the same unknown hash is answered
 * `payment_not_found` without asking the chain again, so replaying one bogus
 * hash costs no RPC. Bounded: the oldest entry goes first when it is full.
 * A hash that becomes known (a payment still propagating) counts after the
 * minute, which the answer's detail tells a payer to wait for.
 */
export const UNKNOWN_TTL_MS = 60_000;
const MAX_REMEMBERED = 10_000;
const unknown = new Map<string, number>();

const keyOf = (chainId: number, txHash: string) => `${chainId}:${txHash.toLowerCase()}`;

export function isKnownUnknown(chainId: number, txHash: string, now = Date.now()): boolean {
  const key = keyOf(chainId, txHash);
  const until = unknown.get(key);
  if (until === undefined) return false;
  if (until > now) return true;
  unknown.delete(key);
  return false;
}

export function rememberUnknown(chainId: number, txHash: string, now = Date.now()): void {
  const key = keyOf(chainId, txHash);
  unknown.delete(key);
  if (unknown.size >= MAX_REMEMBERED) unknown.delete(unknown.keys().next().value!);
  unknown.set(key, now + UNKNOWN_TTL_MS);
}
