import type { ParsedSecret } from "./credentials/client-secret";
import type { DestinationRow, MemberRole } from "./db/schema";

export type SessionUser = { id: string; email: string; createdAt: number; sessionIdHash: string; csrfToken: string };

/** Hono's environment for every route: bindings plus what the middleware established. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser;
    credential: ParsedSecret;
    /** Set by requireRole on `/api/destinations/{destinationId}/…`: the destination the caller is a member of. */
    destination: DestinationRow;
    member: { role: MemberRole; claimerEmail: string };
  };
};
