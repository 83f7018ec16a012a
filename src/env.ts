import type { ParsedSecret } from "./clients/credentials/client-secret";
import type { AuthResult } from "./authority/authority-types";
import type { VerifiedSignature } from "./clients/signing/request-signature";
import type { DestinationRow, MemberRole } from "./db/schema";

export type SessionUser = { id: string; email: string; createdAt: number; sessionIdHash: string; csrfToken: string };

/** Hono's environment for every route: bindings plus what the middleware established. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser;
    credential: ParsedSecret;
    /** This call's Request-Id (every answer carries it; problems repeat it as requestId). */
    requestId: string;
    /** An orchestrator POST's verified RFC 9421 signature; null when it came unsigned (http/middleware/request-signature.ts). */
    signature: VerifiedSignature | null;
    /** The authority's verdict on the credential when a route already asked for it (/mcp), so no middleware asks twice. */
    authenticated: Extract<AuthResult, { outcome: "ok" }> | undefined;
    /** Set by requireRole on `/api/destinations/{destinationId}/…`: the destination the caller is a member of. */
    destination: DestinationRow;
    member: { role: MemberRole; claimerEmail: string };
  };
};
