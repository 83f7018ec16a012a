import { ApiError } from "../../lib/problem";

/**
 * A signed create's signature base covers `authorization`, so it holds the
 * client's bearer secret in clear. It is sealed (AES-256-GCM) before it
 * reaches the authority, under a key derived by HKDF-SHA-256 from
 * WEBHOOK_SECRET_KEY with its own info string (so it never opens a webhook
 * secret, nor the other way round), with the request id as additional data (a
 * sealed base copied onto another request does not open). Only the Worker
 * holds the key; it opens a base only to answer the evidence route, and
 * redacts the secret while that secret still works (evidence.ts).
 */
const INFO = new TextEncoder().encode("payrelay signature evidence v1");
const keys = new Map<string, Promise<CryptoKey>>();

function evidenceKey(env: Env): Promise<CryptoKey> {
  const b64 = env.WEBHOOK_SECRET_KEY ?? "";
  let key = keys.get(b64);
  if (key) return key;
  let raw: Uint8Array;
  try {
    raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    raw = new Uint8Array();
  }
  if (raw.byteLength !== 32) throw new ApiError("not_configured", "WEBHOOK_SECRET_KEY must be set to base64 of 32 random bytes.");
  key = crypto.subtle
    .importKey("raw", raw, "HKDF", false, ["deriveKey"])
    .then((ikm) =>
      crypto.subtle.deriveKey(
        { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: INFO },
        ikm,
        { name: "AES-GCM", length: 256 },
        false,
        ["encrypt", "decrypt"],
      ),
    );
  keys.set(b64, key);
  return key;
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** `v1.<iv>.<ciphertext>`, both base64; a fresh 96-bit IV each time. */
export async function sealBase(env: Env, requestId: string, base: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const additionalData = new TextEncoder().encode(requestId);
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, await evidenceKey(env), new TextEncoder().encode(base));
  return `v1.${b64(iv)}.${b64(new Uint8Array(ct))}`;
}

export async function openBase(env: Env, requestId: string, sealed: string): Promise<string> {
  const [version, iv, ct] = sealed.split(".");
  if (version !== "v1" || !iv || !ct) throw new Error("unknown sealed signature base format");
  const additionalData = new TextEncoder().encode(requestId);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(iv), additionalData }, await evidenceKey(env), unb64(ct));
  return new TextDecoder().decode(plain);
}
