import { sha256Hex } from "../../lib/crypto";
import { checkContentDigest } from "./content-digest";
import { parseSignature, signatureBase, SignatureError, type SignedMessage } from "./message-signature";
import { algorithmOf, importSigningKey, thumbprint, type SigningKey } from "./signing-key";

/**
 * Payrelay's rule for a signed `/v1` or `/mcp` POST (API v1.2): the signature
 * labelled `payrelay` covers `@method`, `@target-uri`, `content-digest`
 * (checked against the body) and `authorization`, and carries `created`, at
 * most 300 s old and at most 30 s ahead of our clock (a signer's clock may run
 * a little fast). The checks that need no key run first; the key comes from
 * the client's authority.
 */
export const SIGNATURE_LABEL = "payrelay";
export const REQUIRED_COMPONENTS = ["@method", "@target-uri", "content-digest", "authorization"] as const;
export const MAX_AGE_SECONDS = 300;
export const MAX_FUTURE_SKEW_SECONDS = 30;

/** Everything kept as evidence of a verified create (the base in clear only until it is sealed). */
export type VerifiedSignature = {
  signatureInput: string;
  signature: string;
  keyId: string | null;
  alg: "ed25519" | "ecdsa-p256-sha256";
  publicKey: SigningKey;
  keyThumbprint: string;
  created: number;
  signatureBase: string;
  authorizationSha256: string;
  /** The body as sent, whose SHA-256 the covered Content-Digest is. */
  body: string;
};

/** Parsed and checked without the key: a request failing here never costs an authority call. */
export type PendingSignature = ReturnType<typeof parseSignature> & { created: number; base: string };

export async function precheckSignature(message: SignedMessage, body: Uint8Array, nowMs: number): Promise<PendingSignature> {
  const parsed = parseSignature(message.headers, SIGNATURE_LABEL);
  for (const name of REQUIRED_COMPONENTS)
    if (!parsed.components.includes(name)) throw new SignatureError(`The signature must cover "${name}".`);
  const created = parsed.params.get("created");
  if (typeof created !== "number" || !Number.isInteger(created)) throw new SignatureError("The signature has no created parameter.");
  const now = Math.floor(nowMs / 1000);
  if (created < now - MAX_AGE_SECONDS) throw new SignatureError(`The signature's created is more than ${MAX_AGE_SECONDS} s old.`);
  if (created > now + MAX_FUTURE_SKEW_SECONDS) throw new SignatureError("The signature's created is in the future.");
  const expires = parsed.params.get("expires");
  if (expires !== undefined && (typeof expires !== "number" || expires < now)) throw new SignatureError("The signature has expired.");
  await checkContentDigest(message.headers.get("content-digest"), body);
  return { ...parsed, created, base: signatureBase(parsed, message) };
}

/** Verifies the pre-checked signature with the client's key (WebCrypto). */
export async function verifyWithKey(
  pending: PendingSignature,
  key: SigningKey | null,
  message: SignedMessage,
  body: Uint8Array,
): Promise<VerifiedSignature> {
  if (key === null) throw new SignatureError("This client ID has no signing key; the recipient sets one in the dashboard.");
  const alg = algorithmOf(key);
  const sentAlg = pending.params.get("alg");
  if (sentAlg !== undefined && sentAlg !== alg)
    throw new SignatureError(`The signature's alg is not ${alg}, the client's key's algorithm.`);
  const verify = await importSigningKey(key);
  if (!(await verify(pending.signature, new TextEncoder().encode(pending.base))))
    throw new SignatureError("The signature does not verify with the client's signing key.");
  const keyId = pending.params.get("keyid");
  return {
    signatureInput: `${SIGNATURE_LABEL}=${pending.signatureParams}`,
    signature: `${SIGNATURE_LABEL}=:${btoa(String.fromCharCode(...pending.signature))}:`,
    keyId: typeof keyId === "string" ? keyId : null,
    alg,
    publicKey: key,
    keyThumbprint: await thumbprint(key),
    created: pending.created,
    signatureBase: pending.base,
    authorizationSha256: await sha256Hex(message.headers.get("authorization") ?? ""),
    body: new TextDecoder().decode(body),
  };
}
