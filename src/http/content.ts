import type { z } from "@hono/zod-openapi";

/** An OpenAPI JSON response entry. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** An OpenAPI JSON request body; `required: true` makes zod-openapi validate even an absent body. */
export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  required,
  content: { "application/json": { schema } },
});
