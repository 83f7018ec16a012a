import type { EventActor } from "../lib/actor";
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CLIENT_STATUSES, type Permission } from "../clients/credentials/permissions";
import { REQUEST_STATUSES } from "../requests/request-status";

/** A payer or payee: a person with optional email or wallet, or a UK bank account. */
export type Party = { name: string; email?: string; walletAddress?: string; sortCode?: string; accountNumber?: string };

// Times are epoch milliseconds (integers); ids are prefixed base32 strings (src/lib/ids.ts).

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** Server-side sessions, keyed by SHA-256 of the cookie value: a database leak yields no usable session. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expiry_idx").on(t.expiresAt)],
);

/**
 * Sign-in attempts per (email, client IP), counted *before* the password is
 * checked by one atomic upsert, so concurrent guesses cannot overrun the limit
 * and an attacker's IP never locks out the owner's. See accounts/login-throttle.ts.
 */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    key: text("key").primaryKey(), // sha256(email + "\n" + ip): no addresses at rest
    attempts: integer("attempts").notNull(),
    lastAttemptAt: integer("last_attempt_at").notNull(),
  },
  (t) => [index("login_attempts_last_idx").on(t.lastAttemptAt)],
);

export const destinations = sqliteTable(
  "destinations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label"),
    // The name payers see on the pay page (API v1.2, "Payers and recipients"); the label stays private.
    displayName: text("display_name"),
    chainId: integer("chain_id").notNull(),
    walletAddress: text("wallet_address").notNull(), // EIP-55 checksummed
    tokenAddress: text("token_address").notNull(), // EIP-55 checksummed
    // The token's symbol and decimals: from src/payments/chains/tokens.ts, or given by the recipient for others.
    tokenSymbol: text("token_symbol"),
    tokenDecimals: integer("token_decimals"),
    status: text("status", { enum: ["unclaimed", "claimed"] }).notNull(),
    claimChallenge: text("claim_challenge"),
    claimChallengeExpiresAt: integer("claim_challenge_expires_at"),
    claimedAt: integer("claimed_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("destinations_user_idx").on(t.userId, t.createdAt),
    // One recipient per wallet+chain+token once claimed; unclaimed drafts may coexist.
    uniqueIndex("destinations_claimed_unique")
      .on(t.chainId, t.walletAddress, t.tokenAddress)
      .where(sql`status = 'claimed'`),
    uniqueIndex("destinations_user_target_unique").on(t.userId, t.chainId, t.walletAddress, t.tokenAddress),
  ],
);

/** What a member may do under a destination (API v1.2 "Teams"): owner ⊃ admin ⊃ viewer. */
export const MEMBER_ROLES = ["owner", "admin", "viewer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * The people of a destination. Every dashboard route's ownership check reads
 * this row in the same query as the destination (accounts/membership.ts), so
 * a role costs no extra round trip and a removed member is refused from their
 * next request. The creator is the first owner (and, once claimed, its claimer).
 */
export const destinationMembers = sqliteTable(
  "destination_members",
  {
    destinationId: text("destination_id")
      .notNull()
      .references(() => destinations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.destinationId, t.userId] }), index("destination_members_user_idx").on(t.userId, t.destinationId)],
);

/**
 * An invitation to join a destination with a role: only the SHA-256 of its
 * token is kept (the url is shown once), single use (accepted_at), 7 days.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    destinationId: text("destination_id")
      .notNull()
      .references(() => destinations.id, { onDelete: "cascade" }),
    email: text("email").notNull(), // lower-cased
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    acceptedBy: text("accepted_by"),
  },
  (t) => [index("invitations_destination_idx").on(t.destinationId, t.createdAt)],
);

export const requests = sqliteTable(
  "requests",
  {
    id: text("id").primaryKey(),
    destinationId: text("destination_id").notNull(),
    direction: text("direction", { enum: ["incoming", "outgoing"] }).notNull(),
    amountMinor: text("amount_minor").notNull(), // integer minor units as a string; see src/lib/money.ts
    currency: text("currency").notNull(),
    decimals: integer("decimals"), // the currency's exponent when admitted (a token's decimals may be the destination's own)
    status: text("status", { enum: REQUEST_STATUSES }).notNull(),
    createdByType: text("created_by_type", { enum: ["client", "manual"] }).notNull(),
    createdByClientId: text("created_by_client_id"),
    createdByClientName: text("created_by_client_name"),
    reference: text("reference"),
    payer: text("payer", { mode: "json" }).$type<Party>(),
    payee: text("payee", { mode: "json" }).$type<Party>(),
    // Moneyhub's payment-claim fields (seed 001): all optional.
    context: text("context", { enum: ["Other", "BillPayment", "PartyToParty"] }),
    endToEndId: text("end_to_end_id"),
    payerRef: text("payer_ref"),
    dueDate: text("due_date"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, string>>(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    expiresAt: integer("expires_at"),
    // The authority's count of this request's transitions: a D1 write carrying a lower one is late and skipped.
    statusSequence: integer("status_sequence").notNull().default(0),
    // Confirmed and declared payments so far, in the request's own minor units (an integer string, like amount_minor).
    amountPaidMinor: text("amount_paid_minor").notNull().default("0"),
    // A payment was verified after the request had expired.
    paidLate: integer("paid_late", { mode: "boolean" }).notNull().default(false),
    // What the recipient sent back (refunds), in the request's minor units; amountPaidMinor stays the gross paid.
    refundedMinor: text("refunded_minor").notNull().default("0"),
  },
  (t) => [
    // Every list is "newest first under a destination, maybe narrowed"; each index ends in (created_at, id)
    // so a keyset page is a range scan that stops after `limit` rows, whatever the table size.
    // Each index is one more row written per create (docs/scale.md, "Indexes"): a direction filter reads
    // the destination's index and skips the other direction (at most twice the rows of a page for an even
    // split), and only requests that carry an end-to-end ID enter its index.
    index("requests_destination_idx").on(t.destinationId, t.createdAt, t.id),
    index("requests_destination_status_idx").on(t.destinationId, t.status, t.createdAt, t.id),
    index("requests_destination_creator_idx").on(t.destinationId, t.createdByClientId, t.createdAt, t.id),
    index("requests_destination_e2e_idx")
      .on(t.destinationId, t.endToEndId, t.createdAt, t.id)
      .where(sql`${t.endToEndId} IS NOT NULL`),
  ],
);

export const paymentLinks = sqliteTable(
  "payment_links",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    requestId: text("request_id").notNull(),
    destinationId: text("destination_id").notNull(),
    createdByClientId: text("created_by_client_id"),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("payment_links_request_idx").on(t.requestId)],
);

/**
 * Every transition of a request, as the authority recorded it (the outbox's
 * `transition` kind). The `request.created` event is not stored here: it is
 * derived from the request row when listing.
 */
export const requestEvents = sqliteTable(
  "request_events",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id").notNull(),
    destinationId: text("destination_id").notNull(),
    type: text("type").notNull(),
    actor: text("actor", { mode: "json" }).$type<EventActor>().notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, string>>(),
    at: integer("at").notNull(),
    sequence: integer("sequence").notNull(),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.sequence)],
);

/**
 * Payments as the authority recorded them (outbox `payment` records): verified
 * Transfer logs, one row per log and destination (the unique index: one log pays at most one
 * request of a destination), and the recipient's declared payments (no transaction). A null
 * request_id is a verified transfer to the destination nobody could tie to a
 * request (unattributed), until the recipient assigns it. `version` orders the
 * writes of one payment, so a late write never undoes a newer one; a dropped
 * (reorged) transaction stays as `dropped`, shown nowhere.
 */
export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    destinationId: text("destination_id").notNull(),
    requestId: text("request_id"),
    chainId: integer("chain_id"),
    txHash: text("tx_hash"),
    logIndex: integer("log_index"),
    fromAddress: text("from_address"),
    amountMinor: text("amount_minor").notNull(), // the token's minor units for a transfer, the request's for a declared payment
    decimals: integer("decimals").notNull(),
    blockNumber: integer("block_number"),
    status: text("status", { enum: ["confirming", "confirmed", "dropped"] }).notNull(),
    declared: integer("declared", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
    confirmedAt: integer("confirmed_at"),
    version: integer("version").notNull(),
  },
  (t) => [
    // Per destination: one transfer between two Payrelay wallets is a payment of each side (see docs/storage-schema.md).
    uniqueIndex("payments_destination_log_unique").on(t.destinationId, t.chainId, t.txHash, t.logIndex),
    index("payments_request_idx").on(t.requestId, t.createdAt),
    index("payments_destination_idx").on(t.destinationId, t.requestId, t.createdAt, t.id),
  ],
);

/**
 * Refunds of incoming requests as the authority recorded them (a `transition` record's `refunds`): the
 * recipient's word (a note) or a verified Transfer from the destination's wallet back to a wallet that paid
 * the request. Written once, never changed.
 */
export const refunds = sqliteTable(
  "refunds",
  {
    id: text("id").primaryKey(),
    destinationId: text("destination_id").notNull(),
    requestId: text("request_id").notNull(),
    amountMinor: text("amount_minor").notNull(), // the request's minor units
    decimals: integer("decimals").notNull(),
    chainId: integer("chain_id"),
    txHash: text("tx_hash"),
    logIndex: integer("log_index"),
    toAddress: text("to_address"),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("refunds_request_idx").on(t.requestId, t.createdAt)],
);

/**
 * Each client ID's credential as the authority last committed it (its record pipeline projects every change:
 * create, rotation, revocation, a new expiry), so an orchestrator's read is authorized from D1 alone, without a
 * call into the destination's authority. Only hashes, never a secret. `version` orders the projections: a late
 * or repeated write never moves a credential backwards.
 */
export const clientCredentials = sqliteTable("client_credentials", {
  clientId: text("client_id").primaryKey(),
  destinationId: text("destination_id").notNull(),
  secretHash: text("secret_hash").notNull(),
  previousSecretHash: text("previous_secret_hash"),
  previousSecretUntil: integer("previous_secret_until"),
  status: text("status", { enum: CLIENT_STATUSES }).notNull(),
  permissions: text("permissions", { mode: "json" }).$type<Permission[]>().notNull(),
  expiresAt: integer("expires_at"),
  version: integer("version").notNull(),
});

/** Who moved a request: the contract's event actor. */

export type RequestEventRow = typeof requestEvents.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type ClientCredentialRow = typeof clientCredentials.$inferSelect;
export type PaymentLinkRow = typeof paymentLinks.$inferSelect;
export type DestinationRow = typeof destinations.$inferSelect;
export type MemberRow = typeof destinationMembers.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
