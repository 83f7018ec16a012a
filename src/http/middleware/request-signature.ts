import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { accepted, authority, signatureInvalid } from "../../authority/stub";
import { SignatureError } from "../../clients/signing/message-signature";
import { precheckSignature, verifyWithKey } from "../../clients/signing/request-signature";

export const UNSIGNED = "This client ID must sign its requests: the Signature-Input header is missing.";

/**
 * Signed requests (API v1.2) on every orchestrator POST, `/v1` and `/mcp`:
 * verified here, in the Worker, before the call that acts, so a bad signature
 * changes nothing anywhere, and the verification's CPU is spent on the
 * Worker's many isolates, not in the destination's one object.
 *
 * A signed request: the checks that need no key (label, covered components,
 * created window, Content-Digest against the body), then the client's key from
 * `authenticate()` (one read-only RPC), then WebCrypto. `c.var.signature` is
 * the verified signature, which a create hands to its admission: the admission
 * stores the evidence and refuses it if the key changed in between.
 *
 * An unsigned request: `at-admission` (the request create, the hot path) adds
 * no call: the admission itself refuses it when the client must sign. Every
 * other POST asks `authenticate()` whether the client must sign, unless its
 * route already asked (/mcp does, before reading any message).
 */
export function requestSignature(mode: "enforce" | "at-admission") {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { headers } = c.req.raw;
    const credential = c.var.credential;
    const auth = async () =>
      c.var.authenticated ??
      accepted(await authority(c.env, credential.destinationId).authenticate(credential.clientId, credential.secretHash), "client ID");
    c.set("signature", null);
    if (!headers.has("signature-input") && !headers.has("signature")) {
      if (mode === "enforce") {
        const known = await auth();
        if (known.client.signing.required) throw signatureInvalid(UNSIGNED);
      }
      return next();
    }
    const message = { method: c.req.method, url: c.req.url, headers };
    const body = new Uint8Array(await c.req.arrayBuffer());
    try {
      const pending = await precheckSignature(message, body, Date.now());
      const known = await auth();
      c.set("signature", await verifyWithKey(pending, known.client.signing.key, message, body));
    } catch (error) {
      if (error instanceof SignatureError) throw signatureInvalid(error.message);
      throw error;
    }
    return next();
  });
}
