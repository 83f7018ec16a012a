import type { Actor, CallerActor, TransitionActor, UserActor } from "../lib/actor";
import type { TokenProfile } from "../payments/chains/currency";
import type { ClientStatus, Permission } from "../clients/credentials/permissions";
import type { ClientCredentialRow, PaymentLinkRow, PaymentRow, RefundRow, RequestEventRow, RequestRow } from "../db/schema";
import type { TransitionAction } from "../requests/transitions";
import type { RefusedAs } from "./outcomes";
import type { SigningKey } from "../clients/signing/types";

/** What the authority knows of its destination: given by the recipient's side, never by a client. */
export type DestinationProfile = { id: string; token: TokenProfile; claim?: { at: number; userId: string; email: string } };

/** A client ID as the dashboard sees it (never its secret or hash). */
export type ClientView = {
  id: string;
  name: string;
  permissions: Permission[];
  status: ClientStatus;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  secretHint: string;
  /** Limits: see client-limits.ts's limitsView. */
  limits: {
    outgoingBudget: { amount: string; currency: string } | null;
    autoApproveUpTo: { amount: string; currency: string } | null;
    expiresAt: string | null;
    extendOnUseSeconds: number | null;
    createsPerMinute: number;
  };
  spent: string | null;
  remaining: string | null;
  expiresAt: string | null;
  /** Signed requests: the public JWK the client signs with, and whether it must. */
  signingKey: SigningKey | null;
  requireSignedRequests: boolean;
};

/** The row a create will write to D1, kept in the authority's outbox until D1 surely has it. */
export type AdmissionRecord = { kind: "request"; row: RequestRow } | { kind: "link"; row: PaymentLinkRow };

/**
 * A transition on its way to D1: the request as it is after it, and its event (and, for a payment, the payments
 * it recorded or changed). Kept in the outbox until D1 has it.
 */
export type TransitionRecord = {
  kind: "transition";
  row: RequestRow;
  event: RequestEventRow;
  payments?: PaymentRow[];
  refunds?: RefundRow[];
};

/** A payment that changed without moving a request (an unattributed transfer recorded or confirmed). */
export type PaymentRecord = { kind: "payment"; row: PaymentRow };

/** A payer's declared wallet (payer-declaration.ts): the request's `payer` changed, its status did not. */
export type PayerRecord = { kind: "payer"; row: RequestRow };

/** A client ID's credential as D1 keeps it for reads (client-store.ts's projectCredential). */
export type ClientRecord = { kind: "client"; row: ClientCredentialRow };

/** Everything the outbox holds; the authority writes each through to D1 right after committing it (outbox.ts). */
export type OutboxRecord = AdmissionRecord | TransitionRecord | PaymentRecord | PayerRecord | ClientRecord;

/** One Transfer log the Worker verified; the amount in the token's minor units, as a decimal integer string. */
export type VerifiedTransfer = {
  txHash: string;
  logIndex: number;
  chainId: number;
  from: string;
  amountMinor: string;
  blockNumber: number;
};

/** Who records a payment: a transition actor, or the payer behind a payment link the Worker resolved. */

export type RecordPaymentInput = {
  destinationId: string;
  /** null: the transfers could not be tied to any request, and are kept as unattributed. */
  requestId: string | null;
  actor: Actor;
  kind: "verified" | "declared";
  transfers: VerifiedTransfer[];
  /** Whether the transfers had their chain's confirmations when verified, and how many they need. */
  confirmed: boolean;
  required: number;
  tokenDecimals: number;
  note?: string;
  adopt?: RequestRow;
  /**
   * With requestId null: the request the transaction was submitted for. A log that already
   * paid another request then answers already_used before any attribution rule (API v1.2).
   */
  submittedFor?: string;
  /** Found by the chain watcher, nobody submitted it: its event says so (data.detectedBy). */
  detectedBy?: "chain_watch";
};

/** `recorded`: something changed; `unchanged`: the same payment again (idempotent). */
export type RecordPaymentResult = (
  | { outcome: "recorded" | "unchanged"; row: RequestRow | null; records: OutboxRecord[] }
  | (RefusedAs<"invalid_state"> & { row: RequestRow; records: OutboxRecord[] })
  | (RefusedAs<"payment_already_used" | "not_found" | "unauthenticated" | "permission_denied"> & { records: OutboxRecord[] })
) &
  Stored;

/** Whether D1 has what the call committed (the authority's commit); the RPC sets it, the transaction does not. */
type Stored = { stored?: boolean };

export type TransitionInput = {
  requestId: string;
  action: TransitionAction;
  actor: TransitionActor;
  data?: Record<string, string>;
  /** The D1 row of a request admitted before the authority kept request state: adopted if the authority has none. */
  adopt?: RequestRow;
};

/**
 * A transition's answer. `records` are what changed (the transition, and an
 * expiry found due on the way), for the Worker to write to D1 whatever the outcome.
 * `done`: it happened now; `unchanged`: the same action had already happened (idempotent).
 */
export type TransitionResult = (
  | { outcome: "done" | "unchanged"; row: RequestRow; records: TransitionRecord[] }
  | (RefusedAs<"invalid_state"> & { row: RequestRow; records: TransitionRecord[] })
  | (RefusedAs<"not_found" | "unauthenticated" | "permission_denied"> & { records: TransitionRecord[] })
) &
  Stored;

export type AdmitInput = {
  actor: CallerActor;
  permission: Permission;
  idempotencyKey: string | null;
  /** SHA-256 of the route and canonical body, to tell a replay from a reuse. */
  fingerprint: string;
  record: AdmissionRecord;
  /** Extra response data the caller needs again on replay (a link's URL). */
  reply?: Record<string, string>;
  /** A request's amount as sent; the authority resolves its minor units against the destination's token. */
  money?: { amount: string; currency: string; bankPayout: boolean };
  /**
   * Why the create cannot happen whatever the caller's rights (say, a link for a paid request): refused as a
   * conflict only after the credential, revocation and permission checks, so those answer first.
   */
  blockedBy?: string;
  /** Manual creates carry the profile, read from D1 with the ownership check, and initialise the authority. */
  profile?: DestinationProfile;
  /** For a link: who created its request, which decides which orchestrator endpoints hear of it. */
  requestCreatorClientId?: string | null;
  /** A client's request create: its verified signature, or null when it came unsigned (signature-evidence.ts). */
  signature?: AdmitSignature;
};

export type AdmitResult =
  | {
      outcome: "admitted" | "replayed";
      record: AdmissionRecord;
      reply: Record<string, string> | null;
      /** Transitions made in the admission itself (a client's autoApproveUpTo). */
      transitions?: TransitionRecord[];
      /** Whether D1 has everything the admission committed (see the authority's commit); false answers 503. */
      stored?: boolean;
    }
  | RefusedAs<
      | "unauthenticated"
      | "signature_invalid"
      | "client_revoked"
      | "client_expired"
      | "permission_denied"
      | "idempotency_conflict"
      | "invalid_state"
      | "validation_failed"
      | "rate_limited"
      | "allowance_exceeded"
      | "conflict"
    >;

/**
 * `expired`: past its expiresAt, so it reads only its own requests, as if revoked.
 * `validUntil`: when the secret used stops working (a rotated-out secret), so no cache outlives it.
 */
export type AuthResult =
  | {
      outcome: "ok";
      client: Pick<ClientView, "id" | "name" | "permissions" | "status"> & { expired: boolean; signing: ClientSigning };
      validUntil: number | null;
    }
  | RefusedAs<"unauthenticated">;

/**
 * A refund the recipient records (API v1.2, "What the seeds still ask"): its amount in the request's minor
 * units, and for a verified one the transaction's Transfer back to a payer, checked over RPC by the Worker.
 */
export type RecordRefundInput = {
  requestId: string;
  actor: UserActor;
  amountMinor: string;
  transfer?: { chainId: number; txHash: string; logIndex: number; to: string };
  note?: string;
};

/**
 * `recorded`: a new refund; `replayed`: that transaction already refunded this request (the same refund again).
 * Refused: `validation_failed` on amount when it is more than what was paid and not yet refunded;
 * `payment_mismatch` when the transfer went to a wallet that did not pay this request.
 */
export type RecordRefundResult = (
  | { outcome: "recorded" | "replayed"; refund: RefundRow; row: RequestRow; records: OutboxRecord[] }
  | (RefusedAs<"validation_failed" | "invalid_state"> & { row: RequestRow; records: OutboxRecord[] })
  | (RefusedAs<"not_found" | "payment_already_used" | "payment_mismatch"> & { records: OutboxRecord[] })
) &
  Stored;

// Signed requests (signature-evidence.ts).

/** What the Worker keeps of a verified create; `sealedBase` holds the bearer secret, so only the Worker opens it. */
export type SignatureEvidence = {
  signatureInput: string;
  signature: string;
  keyId: string | null;
  alg: "ed25519" | "ecdsa-p256-sha256";
  publicKey: SigningKey;
  created: number;
  authorizationSha256: string;
  sealedBase: string;
  /** The body as sent: its SHA-256 is the covered Content-Digest, so a third party sees exactly what was asked. */
  body: string;
};

/** A create's signature as the admission receives it: null when the request came unsigned. */
export type AdmitSignature = { keyThumbprint: string; evidence: SignatureEvidence } | null;

export type ClientSigning = { key: SigningKey | null; required: boolean };
