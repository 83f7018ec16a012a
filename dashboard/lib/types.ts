/**
 * Shapes of the Payrelay dashboard API. Where the server has the shape, it is
 * imported (types only, erased from the bundle) so the two cannot drift.
 */
import type { ClientView } from "../../src/durable-objects/authority-types";
import type { FieldError, Problem as ServerProblem } from "../../src/lib/problem";
import type { RequestStatus } from "../../src/lib/request-status";
import type { RequestView } from "../../src/services/request-view";

export { PERMISSIONS, type Permission } from "../../src/credentials/permissions";
export type { Party } from "../../src/db/schema";

export interface User {
  id: string;
  email: string;
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Destination {
  id: string;
  label: string | null;
  chainId: number;
  walletAddress: string;
  tokenAddress: string;
  interopAddress: string;
  status: "unclaimed" | "claimed";
  claimChallenge: string | null;
  claimChallengeExpiresAt: string | null;
  claimedAt: string | null;
  createdAt: string;
}

export type Client = ClientView;
export type CreatedClient = ClientView & { secret: string };

export type Direction = "incoming" | "outgoing";
export { REQUEST_STATUSES } from "../../src/lib/request-status";
export type { RequestStatus };

export type PaymentRequest = RequestView;

/** One entry of a request's timeline (GET …/requests/{id}/events). */
export interface RequestEvent {
  id: string;
  type: string;
  at: string;
  actor: { type: "client"; clientId: string } | { type: "user" | "payer" | "system" };
  data: Record<string, string>;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PaymentLink {
  id: string;
  url: string;
  expiresAt: string;
}

export interface PublicPaymentLink {
  amount: string;
  currency: string;
  reference: string | null;
  status: RequestStatus;
  expiresAt: string;
  destination: { interopAddress: string; label: string | null };
}

export type FieldProblem = FieldError;
/** RFC 9457 problem details, as every Payrelay error body is. */
export type Problem = Omit<ServerProblem, "code"> & { code: ServerProblem["code"] | "network_error" | "unexpected_response" | "client_error" };
