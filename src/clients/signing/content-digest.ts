import { parseDictionary } from "structured-headers";
import { constantTimeEqual, toHex } from "../../lib/crypto";
import { SignatureError } from "./message-signature";

/** RFC 9530 `Content-Digest: sha-256=:<base64>:` of the body's bytes as sent. */
export async function contentDigestOf(body: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return `sha-256=:${btoa(String.fromCharCode(...digest))}:`;
}

/** Checks the request's Content-Digest against its body: sha-256 is required (other algorithms are ignored). */
export async function checkContentDigest(header: string | null, body: Uint8Array): Promise<void> {
  if (header === null) throw new SignatureError("The Content-Digest header is missing.");
  let sent: unknown;
  try {
    sent = parseDictionary(header).get("sha-256")?.[0];
  } catch {
    throw new SignatureError("The Content-Digest header is not a structured-field dictionary (RFC 9530).");
  }
  if (!(sent instanceof ArrayBuffer)) throw new SignatureError("Content-Digest has no sha-256 digest (sha-256=:<base64>:).");
  const actual = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  if (!constantTimeEqual(toHex(new Uint8Array(sent)), toHex(actual))) throw new SignatureError("Content-Digest does not match the body.");
}
