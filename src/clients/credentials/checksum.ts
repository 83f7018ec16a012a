import { UTF8 } from "../../lib/crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** CRC-32 (IEEE 802.3, the zlib one) lookup table, built once. */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of a string's UTF-8 bytes, as an unsigned integer. Runs on every orchestrator call: one encoder, an indexed loop. */
export function crc32(text: string): number {
  const bytes = UTF8.encode(text);
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Length of the base62 checksum: 62^6 > 2^32, so every CRC-32 fits. */
export const CHECKSUM_LENGTH = 6;

/**
 * The 6-character base62 CRC-32 of `text`, as GitHub's tokens end: a scanner
 * (or the Worker, before any storage call) tells a real secret from a typo
 * offline. It is an integrity check, not a secret: anyone can compute it.
 */
export function base62Checksum(text: string): string {
  let n = crc32(text);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[n % 62]! + out;
    n = Math.floor(n / 62);
  }
  return out;
}
