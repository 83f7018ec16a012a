/**
 * Shapes of the Payrelay dashboard API. Where the server has the shape, it is
 * imported (types only, erased from the bundle) so the two cannot drift.
 */
import type { z } from "@hono/zod-openapi";
import type { SessionSchema, UserSchema } from "../../src/accounts/auth.schemas";
import type { DestinationSchema } from "../../src/destinations/destination.schemas";
import type { PaymentLinkSummarySchema } from "../../src/requests/links/payment-link.schemas";
import type { PublicPaymentLinkSchema } from "../../src/requests/links/public-link.schemas";
import type { PaymentLinkSchema } from "../../src/requests/request.schemas";
import type { components } from "../../sdk/src/schema";
import type { AuditEntrySchema } from "../../src/audit/audit.schemas";
import type { InvitationCreatedSchema, InvitationSchema, MemberSchema } from "../../src/accounts/member.schemas";
import type { FieldError, Problem as ServerProblem } from "../../src/lib/problem";
import type { RequestStatus } from "../../src/requests/request-status";
import type { RequestView } from "../../src/requests/request-view";

export { PERMISSIONS, type Permission } from "../../src/clients/credentials/permissions";
export type { Party } from "../../src/db/schema";

export type User = z.infer<typeof UserSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Destination = z.infer<typeof DestinationSchema>;
export type Role = Destination["role"];
export type Member = z.infer<typeof MemberSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
/** An invitation just made: the only time its url is known (D1 keeps the token's hash). */
export type CreatedInvitation = z.infer<typeof InvitationCreatedSchema>;

/** Clients as the OpenAPI document describes them (the SDK's generated types), not the authority's own shape. */
export type Client = components["schemas"]["Client"];
export type CreatedClient = components["schemas"]["ClientWithSecret"];
export type RotatedClient = components["schemas"]["RotatedClient"];
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export type Direction = "incoming" | "outgoing";
export { REQUEST_STATUSES } from "../../src/requests/request-status";
export type { RequestStatus };

export type PaymentRequest = RequestView;

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
export type PaymentLink = z.infer<typeof PaymentLinkSchema>;

/** What a payer's page gets: the request as written (12.50 USD) and `pay`, the exact tokens to send (12.500000 USDC). */
export type PublicPaymentLink = z.infer<typeof PublicPaymentLinkSchema>;

/** An earlier link of a request, as the dashboard lists them: never its URL. */
export type PaymentLinkSummary = z.infer<typeof PaymentLinkSummarySchema>;

export type FieldProblem = FieldError;
/** RFC 9457 problem details, as every Payrelay error body is. */
export type Problem = Omit<ServerProblem, "code"> & {
  code: ServerProblem["code"] | "network_error" | "unexpected_response" | "client_error";
};
