import { z } from "@hono/zod-openapi";
import { idPattern } from "../lib/ids";
import { isEvmAddress } from "../lib/interop-address";
import { isDecimalAmount } from "../lib/money";
import { REQUEST_STATUSES } from "./request-status";
import { PaymentSchema } from "../payments/payment.schemas";
import { RefundSchema } from "../payments/refund.schemas";
import { DestinationParams } from "../destinations/destination.schemas";
import { humanText } from "../lib/human-text";
import { WebhookEventSchema } from "../webhooks/webhook.schemas";

/** A UK payment reference: letters, digits, space and `- . / &`, up to 18 (API v1.2). */
export const REFERENCE_PATTERN = /^[A-Za-z0-9 \-./&]{1,18}$/;

/** The furthest `expiresAt` a create may set. */
export const MAX_EXPIRY_MS = 366 * 24 * 3600_000;

export const DirectionSchema = z.enum(["incoming", "outgoing"]);
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);

export const PartySchema = z
  .object({
    name: humanText("a name", 140),
    email: z.email().max(254).optional(),
    walletAddress: z.string().refine(isEvmAddress, "Must be a 0x-prefixed 20-byte hex address.").optional(),
    sortCode: z
      .string()
      .regex(/^\d{6}$/, "Must be 6 digits.")
      .optional(),
    accountNumber: z
      .string()
      .regex(/^\d{8}$/, "Must be 8 digits.")
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const bank = p.sortCode !== undefined || p.accountNumber !== undefined;
    if (!bank) return;
    if (p.sortCode === undefined) ctx.addIssue({ code: "custom", path: ["sortCode"], message: "Required with accountNumber." });
    if (p.accountNumber === undefined) ctx.addIssue({ code: "custom", path: ["accountNumber"], message: "Required with sortCode." });
    for (const k of ["email", "walletAddress"] as const) {
      if (p[k] !== undefined) ctx.addIssue({ code: "custom", path: [k], message: "Not allowed on a UK bank account party." });
    }
  })
  .openapi("Party", {
    description: "`{name, email?, walletAddress?}` or, for a UK bank account, `{name, sortCode, accountNumber}`.",
  });

/** What is wrong with an amount string, in the words that fix it. */
export function amountProblem(amount: string): string {
  const digits = /^(\d+)(?:\.\d+)?$/.exec(amount.trim());
  if (digits && digits[1]!.replace(/^0+(?=\d)/, "").length > 18) return "At most 18 digits before the decimal point.";
  if (digits && !/[1-9]/.test(amount)) return "Must be greater than zero.";
  if (digits && amount !== amount.trim()) return "Remove the spaces around the amount.";
  return 'Enter an amount greater than zero as a decimal string such as "12.50".';
}
/** ISO 20022's "Restricted Character Set" for an end-to-end identification, as Moneyhub's payment claim (seed 001) carries it. */
export const END_TO_END_ID = /^[A-Za-z0-9\-./?:(),'+ ]{1,35}$/;
const PAYMENT_CONTEXTS = ["Other", "BillPayment", "PartyToParty"] as const;
/** Not a named component: the create's field and the view's nullable one would share (and confuse) one. */
const paymentContext = () => z.enum(PAYMENT_CONTEXTS).openapi({ description: "What the payment is for (Open Banking's payment context)." });
const endToEndId = z
  .string()
  .regex(END_TO_END_ID, "Use 1 to 35 letters, digits, spaces and - . / ? : ( ) , ' + (ISO 20022's characters).")
  .openapi({ example: "INV-1042/2026", description: "The payer's end-to-end identification (ISO 20022), 1–35 characters." });

export const RequestCreateSchema = z
  .object({
    direction: DirectionSchema,
    amount: z.string().openapi({ example: "12.50", description: "Decimal string in major units; at most the currency's decimals." }),
    currency: z
      .string()
      .regex(/^[A-Za-z0-9.]{1,11}$/, "Enter a currency code such as USD or a token symbol such as USDC.")
      .openapi({
        example: "USDC",
        description:
          "The destination's token symbol, or the fiat currency it is pegged to (USD for USDC); an outgoing request to a bank account may use the bank's currency.",
      }),
    reference: z
      .string()
      .regex(REFERENCE_PATTERN, "Use 1 to 18 letters, digits, spaces and - . / & (what UK payment references allow).")
      .optional()
      .openapi({ example: "ORDER-1042", description: "Reaches bank statements: 1–18 letters, digits, spaces and `- . / &`." }),
    payer: PartySchema.optional(),
    payee: PartySchema.optional(),
    context: paymentContext().optional(),
    endToEndId: endToEndId.optional(),
    payerRef: z
      .string()
      .regex(/^[A-Za-z0-9 ]{1,18}$/, "Use 1 to 18 letters, digits and spaces (what a UK payer's statement shows).")
      .optional()
      .openapi({ example: "ACME INV 1042", description: "What the payer's bank statement shows, 1–18 letters, digits and spaces." }),
    dueDate: z.iso.date().optional().openapi({ example: "2026-12-31" }),
    metadata: z
      .record(z.string().min(1).max(40), z.string().max(500))
      .refine((m) => Object.keys(m).length <= 20, "At most 20 keys.")
      .optional(),
    expiresAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ example: "2026-12-31T23:59:59Z", description: "When an open request expires: in the future, at most 1 year ahead." }),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.expiresAt !== undefined) {
      const at = Date.parse(b.expiresAt);
      if (!(at > Date.now())) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "Must be in the future." });
      else if (at > Date.now() + MAX_EXPIRY_MS) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "At most 1 year ahead." });
    }
    // The decimals allowed depend on the destination's token, so the authority checks them at admission.
    if (!isDecimalAmount(b.amount)) ctx.addIssue({ code: "custom", path: ["amount"], message: amountProblem(b.amount) });
    if (b.direction === "outgoing" && !b.payee)
      ctx.addIssue({ code: "custom", path: ["payee"], message: "Required for outgoing requests." });
  })
  .openapi("RequestCreate", {
    example: { direction: "incoming", amount: "12.50", currency: "USDC", reference: "ORDER 1042", metadata: { orderId: "1042" } },
  });

export type RequestCreate = z.infer<typeof RequestCreateSchema>;

/** One request as the API shows it: the examples of every request-shaped answer start here. */
export const EXAMPLE_REQUEST = {
  id: "req_0k3f9x2m7d4q8w1z",
  destinationId: "dst_5n8c2v7b1m4x9z3q",
  direction: "incoming",
  amount: "12.500000",
  amountPaid: "0.000000",
  currency: "USDC",
  status: "pending",
  createdBy: { type: "client", clientId: "cli_7h2k9d4f1s6g3j8l", clientName: "Shop" },
  reference: "ORDER-1042",
  payer: null,
  payee: null,
  dueDate: null,
  metadata: { orderId: "1042" },
  context: null,
  endToEndId: null,
  payerRef: null,
  expiresAt: null,
  createdAt: "2026-12-03T13:31:35.000Z",
  updatedAt: "2026-12-03T13:31:35.000Z",
} as const;

export const CreatedBySchema = z
  .union([z.object({ type: z.literal("client"), clientId: z.string(), clientName: z.string() }), z.object({ type: z.literal("manual") })])
  .openapi("CreatedBy");

export const RequestSchema = z
  .object({
    id: z.string().openapi({ example: "req_0k3f9x2m7d4q8w1z" }),
    destinationId: z.string(),
    direction: DirectionSchema,
    amount: z.string().openapi({ example: "12.50" }),
    amountPaid: z
      .string()
      .openapi({ example: "0.00", description: "What confirmed (and declared) payments have paid so far, at the amount's precision." }),
    overpaidBy: z
      .string()
      .optional()
      .openapi({ description: "Present when amountPaid, less refunds, exceeds amount: the excess still to refund." }),
    paidLate: z.boolean().optional().openapi({ description: "Present (true) when a payment was verified after the request expired." }),
    refundDue: z
      .string()
      .optional()
      .openapi({ description: "Present on a cancelled request that was paid anyway: what is still to refund (refunds shrink it)." }),
    refunded: z
      .string()
      .optional()
      .openapi({ description: "Present once the recipient refunded something: the total sent back; amountPaid stays the gross paid." }),
    currency: z.string(),
    status: RequestStatusSchema,
    createdBy: CreatedBySchema,
    reference: z.string().nullable(),
    payer: PartySchema.nullable(),
    payee: PartySchema.nullable(),
    context: paymentContext().nullable(),
    endToEndId: z.string().nullable(),
    payerRef: z.string().nullable(),
    dueDate: z.string().nullable(),
    metadata: z.record(z.string(), z.string()).nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Request", { example: EXAMPLE_REQUEST });

export const RequestDetailSchema = RequestSchema.extend({
  payments: z.array(PaymentSchema).openapi({ description: "Every payment recorded for it, oldest first." }),
  refunds: z.array(RefundSchema).openapi({ description: "Every refund the recipient recorded, oldest first." }),
}).openapi("RequestDetail", { example: { ...EXAMPLE_REQUEST, payments: [], refunds: [] } });

export const RequestListSchema = z
  .object({
    data: z.array(RequestSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as cursor for the next page; null on the last." }),
  })
  .openapi("RequestList", { example: { data: [EXAMPLE_REQUEST], nextCursor: "MTc5NTQ0MDAwMDAwMC5yZXFfMGszZjl4Mm03ZDRxOHcxeg" } });

/** At most this many `metadata[key]=value` filters in one list call. */
export const MAX_METADATA_FILTERS = 5;

const instant = (what: string) =>
  z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ example: "2026-12-01T00:00:00Z", description: `Only requests created ${what} this instant (ISO 8601).` });

export const ListQuerySchema = z.object({
  direction: DirectionSchema.optional(),
  status: RequestStatusSchema.optional(),
  endToEndId: endToEndId.optional().openapi({ description: "Only the requests created with exactly this endToEndId." }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  reference: z
    .string()
    .regex(REFERENCE_PATTERN, "Use 1 to 18 letters, digits, spaces and - . / &, as a request's reference.")
    .optional()
    .openapi({ example: "ORDER-1042", description: "Only requests with exactly this reference." }),
  createdAfter: instant("after"),
  createdBefore: instant("before"),
  // Read from the raw query by the list (`metadata[orderId]=1042`): the validator sees flat keys only.
  metadata: z
    .record(z.string(), z.string())
    .optional()
    .openapi({
      param: { name: "metadata", in: "query", style: "deepObject", explode: true },
      example: { orderId: "1042" },
      description: `\`metadata[key]=value\`: only requests whose metadata has exactly that value at that key (up to ${MAX_METADATA_FILTERS}, all must match).`,
    }),
});

export const PaymentLinkCreateSchema = z
  .object({
    expiresInSeconds: z.number().int().min(1).max(604800).default(604800).openapi({ description: "Default and maximum 7 days." }),
  })
  .strict()
  .openapi("PaymentLinkCreate", { example: { expiresInSeconds: 86400 } });

export const PaymentLinkSchema = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() }).openapi("PaymentLink", {
  example: {
    id: "lnk_3f8k2m9x7d1q4w6z",
    url: "https://payrelay.example.com/pay/8sJ2kq9XwLm4Rt7Vz1Nc5Bp3Hy6Df0Ga",
    expiresAt: "2026-12-10T13:31:35.000Z",
  },
});

export const IdempotencyHeaderSchema = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, "Printable ASCII without spaces.")
    .optional()
    .openapi({ description: "Same key and body within 48 h: the first response again. Same key, other body: 409." }),
});

export const RequestIdSchema = z.string().regex(idPattern("req"), "Not a request id.");

/** `/v1/requests/{requestId}…`: the orchestrator's view, where the client secret fixes the destination. */
export const RequestParams = z.object({ requestId: RequestIdSchema.openapi({ param: { name: "requestId", in: "path" } }) });

/** `/api/destinations/{destinationId}/requests/{requestId}…`: the recipient's view, under one of its destinations. */
export const DestinationRequestParams = DestinationParams.extend(RequestParams.shape);

export const DashboardListQuerySchema = ListQuerySchema.extend({
  createdBy: z
    .union([z.literal("manual"), z.string().regex(idPattern("cli"), "A client id (cli_…) or manual.")])
    .optional()
    .openapi({ description: "A client id, or `manual` for requests made in the dashboard." }),
});

export const TransitionBodySchema = z
  .object({ reason: humanText("a reason", 500).optional() })
  .strict()
  .openapi("TransitionBody", { example: { reason: "Order cancelled by the customer" } });

export const RequestEventListSchema = z.object({ data: z.array(WebhookEventSchema) }).openapi("RequestEventList", {
  example: {
    data: [
      {
        id: "evt_0k3f9x2m7d4q8w1z",
        type: "request.created",
        createdAt: "2026-12-03T13:31:35.000Z",
        sequence: 41,
        actor: { type: "client", clientId: "cli_7h2k9d4f1s6g3j8l" },
        data: { object: { ...EXAMPLE_REQUEST, payments: [] } },
      },
    ],
  },
  description: "Every event about the request, oldest first: the same objects, with the same ids, as webhooks and GET /v1/events.",
});
