import { ApiError } from "../lib/problem";

/**
 * Endpoint secrets must still sign, so they cannot be hashed: they are sealed
 * with AES-256-GCM under WEBHOOK_SECRET_KEY (a Worker secret, base64 of 32
 * bytes) before they reach the authority. Only the Worker holds the key: the
 * authority's SQLite, its backups and anything that reads them see ciphertext.
 * The endpoint id is the additional data, so a sealed secret copied onto
 * another endpoint does not open.
 */
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(env: Env): Promise<CryptoKey> {
  const b64 = env.WEBHOOK_SECRET_KEY;
  let raw: Uint8Array;
  try {
    raw = Uint8Array.from(atob(b64 ?? ""), (c) => c.charCodeAt(0));
  } catch {
    raw = new Uint8Array();
  }
  if (raw.byteLength !== 32) throw new ApiError("not_configured", "WEBHOOK_SECRET_KEY must be set to base64 of 32 random bytes.");
  let key = keys.get(b64);
  if (!key) keys.set(b64, (key = crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"])));
  return key;
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** `v1.<iv>.<ciphertext>`, both base64; a fresh 96-bit IV each time. */
export async function sealSecret(env: Env, endpointId: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const additionalData = new TextEncoder().encode(endpointId);
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, await importKey(env), new TextEncoder().encode(secret));
  return `v1.${b64(iv)}.${b64(new Uint8Array(ct))}`;
}

export async function openSecret(env: Env, endpointId: string, sealed: string): Promise<string> {
  const [version, iv, ct] = sealed.split(".");
  if (version !== "v1" || !iv || !ct) throw new Error("unknown sealed secret format");
  const additionalData = new TextEncoder().encode(endpointId);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(iv), additionalData }, await importKey(env), unb64(ct));
  return new TextDecoder().decode(plain);
}
