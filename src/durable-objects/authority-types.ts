import type { PaymentLinkRow, RequestRow } from "../db/schema";

import type { Permission } from "../credentials/permissions";

/** A client ID as the dashboard sees it (never its secret or hash). */
export type ClientView = {
  id: string;
  name: string;
  permissions: Permission[];
  status: "active" | "revoked";
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  secretHint: string;
};

/** Who asks for a create: an orchestrator proving its secret, or the signed-in recipient. */
export type Actor = { type: "client"; clientId: string; secretHash: string } | { type: "manual"; userId: string };

/** The row a create will write to D1, kept in the authority's outbox until D1 surely has it. */
export type AdmissionRecord = { kind: "request"; row: RequestRow } | { kind: "link"; row: PaymentLinkRow };

export type AdmitInput = {
  actor: Actor;
  permission: Permission;
  idempotencyKey: string | null;
  /** SHA-256 of the route and canonical body, to tell a replay from a reuse. */
  fingerprint: string;
  record: AdmissionRecord;
  /** Extra response data the caller needs again on replay (a link's URL). */
  reply?: Record<string, string>;
  /** For a link: who created its request, which decides which orchestrator endpoints hear of it. */
  requestCreatorClientId?: string | null;
};

export type AdmitResult =
  | { outcome: "admitted" | "replayed"; record: AdmissionRecord; reply: Record<string, string> | null }
  | { outcome: "unauthenticated" | "client_revoked" | "permission_denied" | "idempotency_conflict" };

export type AuthResult =
  | { ok: true; client: Pick<ClientView, "id" | "name" | "permissions" | "status"> }
  | { ok: false };
