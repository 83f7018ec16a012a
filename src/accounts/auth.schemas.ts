import { z } from "@hono/zod-openapi";

export const CredentialsSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase())
      .openapi({ example: "ada@example.com" }),
    password: z.string().min(12, "At least 12 characters.").max(256).openapi({ example: "correct horse battery" }),
  })
  .strict()
  .openapi("Credentials", { example: { email: "ada@example.com", password: "correct horse battery staple" } });

export const UserSchema = z.object({ id: z.string(), email: z.string(), createdAt: z.string() }).openapi("User");

export const SessionSchema = z
  .object({ user: UserSchema, csrfToken: z.string().openapi({ description: "Send as X-CSRF-Token on every dashboard state change." }) })
  .openapi("Session");
