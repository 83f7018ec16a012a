import type { ParsedSecret } from "./credentials/client-secret";
import type { VerifiedSignature } from "./signatures/request-signature";

export type SessionUser = { id: string; email: string; createdAt: number; sessionIdHash: string; csrfToken: string };

/** Hono's environment for every route: bindings plus what the middleware established. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser;
    credential: ParsedSecret;
    /** An orchestrator POST's verified RFC 9421 signature; null when it came unsigned (middleware/request-signature.ts). */
    signature: VerifiedSignature | null;
  };
};
