import { z } from "@hono/zod-openapi";
import { base64url, sha256Hex } from "../../lib/crypto";
import type { SigningKey } from "./types";

export type { SigningKey } from "./types";

/**
 * A client's signing key (API v1.2, signed requests): a public JWK, Ed25519
 * (`kty: "OKP"`) or P-256 (`kty: "EC"`). Only the members that define the key
 * are kept (RFC 7638's required members, plus `kid`); a private `d` is refused
 * outright, so a pasted private key is never stored.
 */
const B64URL = /^[A-Za-z0-9_-]{43}$/;
const coordinate = (what: string) =>
  z.string({ error: `Enter the key's ${what}.` }).regex(B64URL, `The key's ${what} must be 43 base64url characters (32 bytes).`);

export const SigningKeySchema = z
  .object({
    kty: z.enum(["OKP", "EC"], { error: 'The key type (kty) must be "OKP" (Ed25519) or "EC" (P-256).' }),
    crv: z.enum(["Ed25519", "P-256"], { error: 'The curve (crv) must be "Ed25519" or "P-256".' }),
    x: coordinate("x"),
    y: coordinate("y").optional(),
    kid: z.string().min(1).max(200).optional(),
    d: z.unknown().optional().openapi({ description: "Never: a key with d is private and is refused." }),
  })
  .superRefine((jwk, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (jwk.d !== undefined) issue("d", "This is a private key (it has d); paste the public key only.");
    if (jwk.kty === "OKP" && jwk.crv !== "Ed25519") issue("crv", 'An OKP key must have crv "Ed25519".');
    if (jwk.kty === "EC" && jwk.crv !== "P-256") issue("crv", 'An EC key must have crv "P-256".');
    if (jwk.kty === "EC" && jwk.y === undefined) issue("y", "A P-256 key needs its y coordinate.");
    if (jwk.kty === "OKP" && jwk.y !== undefined) issue("y", "An Ed25519 key has no y coordinate.");
  })
  .openapi("SigningKey", {
    description:
      "A public JWK (RFC 7517): Ed25519 (`kty` OKP, `crv` Ed25519, `x`) or P-256 (`kty` EC, `crv` P-256, `x`, `y`); other members (`use`, `key_ops`, `alg`, `ext`) are ignored. A key with a private `d` is refused.",
    example: { kty: "OKP", crv: "Ed25519", x: "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs" },
  });

/** Narrows a validated JWK to what is stored. */
export function normalizeSigningKey(jwk: z.output<typeof SigningKeySchema>): SigningKey {
  const kid = jwk.kid === undefined ? {} : { kid: jwk.kid };
  return jwk.kty === "OKP" ? { kty: "OKP", crv: "Ed25519", x: jwk.x, ...kid } : { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y!, ...kid };
}

/** The RFC 9421 algorithm name a key verifies with (its `alg` parameter, when a signer sends one). */
export const algorithmOf = (key: SigningKey) => (key.kty === "OKP" ? "ed25519" : "ecdsa-p256-sha256");

const WEBCRYPTO = {
  ed25519: { importAs: { name: "Ed25519" }, verifyAs: { name: "Ed25519" } },
  "ecdsa-p256-sha256": {
    importAs: { name: "ECDSA", namedCurve: "P-256" },
    verifyAs: { name: "ECDSA", hash: "SHA-256" },
  },
} as const;

/** Imports the public key for WebCrypto; the RFC 9421 signature of both algorithms is the raw form WebCrypto takes (ECDSA: r‖s). */
export async function importSigningKey(key: SigningKey) {
  const alg = WEBCRYPTO[algorithmOf(key)];
  const jwk: JsonWebKey = key.kty === "OKP" ? { kty: "OKP", crv: "Ed25519", x: key.x } : { kty: "EC", crv: "P-256", x: key.x, y: key.y };
  const cryptoKey = await crypto.subtle.importKey("jwk", jwk, alg.importAs, false, ["verify"]);
  return (signature: Uint8Array, data: Uint8Array) => crypto.subtle.verify(alg.verifyAs, cryptoKey, signature, data);
}

/**
 * RFC 7638 thumbprint (base64url SHA-256 of the required members in lexical order): what the Worker verified
 * with, handed to the admission, which refuses it unless it is still the client's key.
 */
export async function thumbprint(key: SigningKey): Promise<string> {
  const members =
    key.kty === "OKP" ? `{"crv":"Ed25519","kty":"OKP","x":"${key.x}"}` : `{"crv":"P-256","kty":"EC","x":"${key.x}","y":"${key.y}"}`;
  const hex = await sha256Hex(members);
  return base64url(Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16)));
}
