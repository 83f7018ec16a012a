import type { ParsedSecret } from "./credentials/client-secret";

export type SessionUser = { id: string; email: string; createdAt: number; sessionIdHash: string; csrfToken: string };

/** Hono's environment for every route: bindings plus what the middleware established. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser;
    credential: ParsedSecret;
    /** This call's Request-Id (every answer carries it; problems repeat it as requestId). */
    requestId: string;
  };
};
