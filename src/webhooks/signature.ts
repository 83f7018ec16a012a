/**
 * Standard Webhooks v1 signing, as the reference library does it
 * (standard-webhooks/standard-webhooks, libraries/javascript): HMAC-SHA256 over
 * "{id}.{timestamp}.{body}" keyed with the base64-decoded part of the secret
 * after `whsec_`, sent as `v1,<base64>`; several valid secrets sign space-separated.
 */
const PREFIX = "whsec_";
/** Bytes of entropy in a new secret: inside the contract's 24–64. */
const SECRET_BYTES = 32;

function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function fromBase64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

/** A new endpoint secret, `whsec_` + base64 of 32 CSPRNG bytes; shown once. */
export function newWebhookSecret(): string {
  return PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

/** One `v1,<base64>` signature of a message. */
export async function signMessage(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const raw = fromBase64(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret);
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** The three headers of one attempt; every secret still valid signs (rotation overlap). */
export async function signedHeaders(secrets: string[], id: string, timestamp: number, body: string): Promise<Record<string, string>> {
  const signatures = await Promise.all(secrets.map((s) => signMessage(s, id, timestamp, body)));
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signatures.join(" ") };
}
