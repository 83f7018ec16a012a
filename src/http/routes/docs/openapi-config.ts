import type { AppRouter } from "../../create-router";
import { MAX_BODY_BYTES } from "../../middleware/body-guard";

/** The document's frame; paths and schemas come from the zod route definitions. */
export const OPENAPI_CONFIG: Parameters<AppRouter["getOpenAPI31Document"]>[0] = {
  openapi: "3.1.0",
  info: {
    title: "Payrelay API",
    version: "1.1.0",
    // OpenAPI 3.1 names a licence by its SPDX identifier; the generator's types still describe 3.0's object.
    license: { name: "Apache License 2.0", identifier: "Apache-2.0" } as { name: string },
    description: [
      "Let outside systems bill on a payee's behalf, and take that right back in one click.",
      "",
      "Orchestrators call `/v1/*` with `Authorization: Bearer <client secret>`. The dashboard calls `/api/*` with its session cookie and `X-CSRF-Token`.",
      `Every error is RFC 9457 problem+json with a stable \`code\`. Request bodies are JSON, at most ${MAX_BODY_BYTES} bytes.`,
      'Amounts are decimal strings in major units (`"12.50"`); lists are newest first with an opaque `nextCursor`.',
      "Creates accept `Idempotency-Key` (kept 48 h): the same key and body answer the first response again, with `Idempotent-Replayed: true`.",
    ].join("\n"),
  },
  servers: [{ url: "/" }],
};
