import type { SigningPatch } from "./signature-evidence";
import { normalizeSigningKey, thumbprint, type SigningKeySchema } from "./signing-key";
import type { z } from "@hono/zod-openapi";

/** The recipient's signing settings as the authority stores them: the key narrowed to its members, with its thumbprint. */
export async function resolveSigning(input: {
  signingKey?: z.output<typeof SigningKeySchema> | null;
  requireSignedRequests?: boolean;
}): Promise<SigningPatch | undefined> {
  if (input.signingKey === undefined && input.requireSignedRequests === undefined) return undefined;
  const patch: SigningPatch = {};
  if (input.signingKey !== undefined) {
    const jwk = input.signingKey === null ? null : normalizeSigningKey(input.signingKey);
    patch.key = jwk === null ? null : { jwk, thumbprint: await thumbprint(jwk) };
  }
  if (input.requireSignedRequests !== undefined) patch.required = input.requireSignedRequests;
  return patch;
}
