/** Shapes of the Payrelay dashboard API, as documented in /work/shared/API.md. */

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

export const PERMISSIONS = ["incoming:creator", "outgoing:creator", "incoming:reader", "outgoing:reader"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Client {
  id: string;
  name: string;
  permissions: Permission[];
  status: "active" | "revoked";
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  secretHint: string;
}

export interface CreatedClient extends Client {
  secret: string;
}

export type Direction = "incoming" | "outgoing";
export const REQUEST_STATUSES = ["pending", "paid", "cancelled", "failed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface Party {
  name: string;
  email?: string;
  walletAddress?: string;
  sortCode?: string;
  accountNumber?: string;
}

export type CreatedBy = { type: "client"; clientId: string; clientName: string } | { type: "manual" };

export interface PaymentRequest {
  id: string;
  destinationId: string;
  direction: Direction;
  amount: string;
  currency: string;
  status: RequestStatus;
  createdBy: CreatedBy;
  reference: string | null;
  payer: Party | null;
  payee: Party | null;
  dueDate: string | null;
  metadata: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
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

export interface FieldProblem {
  path: string;
  message: string;
}

/** RFC 9457 problem details, as every Payrelay error body is. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
}
