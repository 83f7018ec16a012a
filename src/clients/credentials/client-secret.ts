import { sha256Hex } from "../../lib/crypto";
import { ID_BODY_LENGTH, newId, randomBase32 } from "../../lib/ids";
import { CHECKSUM_LENGTH, base62Checksum } from "./checksum";

/** 32 base32 chars = 160 bits of CSPRNG entropy. */
const SECRET_BODY_LENGTH = 32;

/**
 * `prsk_{destination}_{client}_{random}{checksum}`: the `prsk_` prefix lets
 * secret scanners find leaked secrets, the embedded ids route a request to the
 * right authority and client row in one step, with no lookup table, and the
 * trailing base62 CRC-32 of everything before it lets the Worker refuse a typo
 * without a Durable Object call. Secrets issued before the checksum (no
 * trailing 6 characters) keep working: they are told apart by length.
 */
const SECRET_PATTERN = new RegExp(
  `^(prsk_([0-9a-z]{${ID_BODY_LENGTH}})_([0-9a-z]{${ID_BODY_LENGTH}})_[0-9a-z]{${SECRET_BODY_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})?$`,
);

export type ParsedSecret = { destinationId: string; clientId: string; secretHash: string };

export type IssuedSecret = { secret: string; secretHash: string; secretHint: string };

/** A fresh secret for an existing client id (creation and rotation). */
export async function issueSecretFor(destinationId: string, clientId: string): Promise<IssuedSecret> {
  const body = randomBase32(SECRET_BODY_LENGTH);
  const unchecked = `prsk_${destinationId.slice(4)}_${clientId.slice(4)}_${body}`;
  const secret = unchecked + base62Checksum(unchecked);
  return { secret, secretHash: await sha256Hex(secret), secretHint: `prsk_…${body.slice(0, 4)}` };
}

export async function issueClientSecret(destinationId: string) {
  const clientId = newId("cli");
  return { clientId, ...(await issueSecretFor(destinationId, clientId)) };
}

/** Null for anything that is not shaped like one of our secrets, or whose checksum is wrong. */
export async function parseClientSecret(secret: string): Promise<ParsedSecret | null> {
  const m = SECRET_PATTERN.exec(secret);
  if (!m) return null;
  if (m[4] !== undefined && base62Checksum(m[1]!) !== m[4]) return null;
  return { destinationId: `dst_${m[2]}`, clientId: `cli_${m[3]}`, secretHash: await sha256Hex(secret) };
}
