import { createMiddleware } from "hono/factory";
import { ApiError } from "../../lib/problem";

/** Largest accepted JSON body. A request with every optional field at its maximum is ~13 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Reads the body as it streams and stops at the limit, so a chunked body with
 * no Content-Length is never buffered whole before it is refused.
 */
async function readLimited(req: Request): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return bytes;
}

/**
 * Reads and parses every request body once, before any handler: 413 over the
 * limit, 415 for a non-JSON body, 400 malformed_json for bad JSON. An empty
 * JSON body counts as `{}`; no body at all (no Content-Type either) stays
 * absent, so a POST whose body is optional works as `curl -X POST`. The checked
 * text is primed into Hono's body cache, from which the zod validators parse it.
 */
export const bodyGuard = createMiddleware(async (c, next) => {
  // Hono caches body promises under the body's type; its declared type says string.
  const cache = c.req.bodyCache as { text?: Promise<string>; arrayBuffer?: Promise<ArrayBuffer> };
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  // A declared length within the limit: read the body whole (the runtime holds the sender to it, and the size is checked again).
  const bytes = /^\d+$/.test(c.req.header("content-length") ?? "")
    ? new Uint8Array(await c.req.raw.arrayBuffer())
    : await readLimited(c.req.raw);
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const mediaType = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
  if (bytes.byteLength === 0) {
    cache.text = Promise.resolve(JSON_TYPE.test(mediaType) ? "{}" : "");
    cache.arrayBuffer = Promise.resolve(new ArrayBuffer(0));
    return next();
  }
  if (!JSON_TYPE.test(mediaType)) {
    throw new ApiError("unsupported_media_type", `Send the body as application/json, not ${mediaType || "an untyped body"}.`);
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    JSON.parse(text);
    cache.text = Promise.resolve(text);
    // The bytes as sent (a BOM included): a signed request's Content-Digest is checked against them.
    cache.arrayBuffer = Promise.resolve(bytes.slice().buffer);
  } catch {
    throw new ApiError("malformed_json", "The request body is not valid UTF-8 JSON.");
  }
  return next();
});

const tooLarge = () => new ApiError("payload_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
