// Lowercase Crockford base32: no i, l, o, u, so ids survive being read aloud or retyped.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** `n` characters of CSPRNG base32 (5 bits each). */
export function randomBase32(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export type IdPrefix = "usr" | "dst" | "cli" | "req" | "lnk" | "whe" | "whd" | "evt" | "pay" | "aud" | "rfd" | "inv" | "rid";

/** Length of an id's random body: 16 chars = 80 bits, ample for unguessable ids. */
export const ID_BODY_LENGTH = 16;

/** The one id generator: `{prefix}_{16 base32}`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase32(ID_BODY_LENGTH)}`;
}

/** Matches an id of the given prefix, for path validation. */
export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(`^${prefix}_[${ALPHABET}]{${ID_BODY_LENGTH}}$`);
}
