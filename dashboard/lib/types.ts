/**
 * Shapes of the Payrelay dashboard API, as the OpenAPI document describes them: the SDK's generated types
 * (sdk/src/schema.d.ts, `npm run sdk:generate`), erased from the bundle, so the dashboard reads what the API
 * promises rather than the server's own internal shapes.
 */
import type { components } from "../../sdk/src/schema";
import type { FieldError, Problem as ServerProblem } from "../../src/lib/problem";
import type { RequestStatus } from "../../src/requests/request-status";

export { PERMISSIONS, type Permission } from "../../src/clients/credentials/permissions";
export type Party = components["schemas"]["Party"];

type Schemas = components["schemas"];
export type User = Schemas["User"];
export type Session = Schemas["Session"];
export type Destination = Schemas["Destination"];
export type Role = Destination["role"];
export type Member = Schemas["Member"];
export type Invitation = Schemas["Invitation"];
/** An invitation just made: the only time its url is known (D1 keeps the token's hash). */
export type CreatedInvitation = Schemas["InvitationCreated"];

export type Client = Schemas["Client"];
export type CreatedClient = Schemas["ClientWithSecret"];
export type RotatedClient = Schemas["RotatedClient"];
export type AuditEntry = Schemas["AuditEntry"];

export type Direction = "incoming" | "outgoing";
export { REQUEST_STATUSES } from "../../src/requests/request-status";
export type { RequestStatus };

export type PaymentRequest = Schemas["Request"];

/** One entry of a request's timeline (GET …/requests/{id}/events). */
/** One event, as webhooks, GET /v1/events and the timeline all show it: `data.object` plus the event's details. */
export interface RequestEvent {
  id: string;
  type: string;
  createdAt: string;
  sequence: number;
  actor: { type: "client"; clientId: string } | { type: "user" | "payer" | "system" };
  data: { object: unknown } & Partial<Record<"reason" | "declared" | "amount" | "note" | "txHash" | "detectedBy", string>>;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** A link just created: the only time its URL is known (D1 keeps the token's hash). */
export type PaymentLink = Schemas["PaymentLink"];

/** What a payer's page gets: the request as written (12.50 USD) and `pay`, the exact tokens to send (12.500000 USDC). */
export type PublicPaymentLink = Schemas["PublicPaymentLink"];

/** An earlier link of a request, as the dashboard lists them: never its URL. */
export type PaymentLinkSummary = Schemas["PaymentLinkSummary"];

export type FieldProblem = FieldError;
/** RFC 9457 problem details, as every Payrelay error body is. */
export type Problem = Omit<ServerProblem, "code"> & {
  code: ServerProblem["code"] | "network_error" | "unexpected_response" | "client_error";
};
