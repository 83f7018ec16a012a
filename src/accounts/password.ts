import { base64url, constantTimeEqual } from "../lib/crypto";

/**
 * PBKDF2-SHA256 iterations. workerd's WebCrypto refuses more than 100,000, and
 * one derivation at 100k costs ~30-60 ms of CPU, inside the Workers paid plan's
 * default 30 s CPU budget and the free plan's burst allowance for a login.
 * OWASP asks 600k for PBKDF2-SHA256; the count is stored per hash so a stronger
 * scheme can be rolled in on next login without a reset.
 */
export const PBKDF2_ITERATIONS = 100_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return base64url(new Uint8Array(bits));
}

function fromBase64url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/** `pbkdf2-sha256$<iterations>$<salt>$<hash>`, with a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${base64url(salt)}$${await derive(password, salt, PBKDF2_ITERATIONS)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iter || !salt || !hash) return false;
  return constantTimeEqual(await derive(password, fromBase64url(salt), Number(iter)), hash);
}

/** A real hash of nothing, verified for unknown emails so login time does not reveal who has an account. */
export const DUMMY_PASSWORD_HASH = "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
