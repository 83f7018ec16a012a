import { sha256Hex } from "../lib/crypto";
import { ID_BODY_LENGTH, newId, randomBase32 } from "../lib/ids";

/** 32 base32 chars = 160 bits of CSPRNG entropy. */
const SECRET_BODY_LENGTH = 32;

/**
 * `prsk_{destination}_{client}_{random}`: the `prsk_` prefix lets secret
 * scanners find leaked secrets, and the embedded ids route a request to the
 * right authority and client row in one step, with no lookup table.
 */
const SECRET_PATTERN = new RegExp(`^prsk_([0-9a-z]{${ID_BODY_LENGTH}})_([0-9a-z]{${ID_BODY_LENGTH}})_[0-9a-z]{${SECRET_BODY_LENGTH}}$`);

export type ParsedSecret = { destinationId: string; clientId: string; secretHash: string };

export async function issueClientSecret(destinationId: string) {
  const clientId = newId("cli");
  const body = randomBase32(SECRET_BODY_LENGTH);
  const secret = `prsk_${destinationId.slice(4)}_${clientId.slice(4)}_${body}`;
  return { clientId, secret, secretHash: await sha256Hex(secret), secretHint: `prsk_…${body.slice(0, 4)}` };
}

/** Null for anything that is not shaped like one of our secrets. */
export async function parseClientSecret(secret: string): Promise<ParsedSecret | null> {
  const m = SECRET_PATTERN.exec(secret);
  if (!m) return null;
  return { destinationId: `dst_${m[1]}`, clientId: `cli_${m[2]}`, secretHash: await sha256Hex(secret) };
}
