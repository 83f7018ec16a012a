import { z } from "zod";

/**
 * The parts of JSON-RPC answers that verification reads, validated: an RPC
 * endpoint is outside our trust boundary, and a malformed answer must read as
 * "chain unavailable", not crash a route.
 */
const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const quantity = z.string().regex(/^0x[0-9a-fA-F]+$/);
const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .transform((a) => a.toLowerCase());

export const ReceiptShape = z.object({
  status: quantity,
  blockNumber: quantity,
  logs: z.array(z.object({ address, topics: z.array(hex), data: hex, logIndex: quantity })),
});

export const TransactionShape = z.object({
  from: address,
  to: address.nullable(),
  input: hex,
  blockNumber: quantity.nullable(),
  chainId: quantity.optional(),
});

export const QuantityShape = quantity.transform((q) => Number(q));

export type Receipt = z.infer<typeof ReceiptShape>;
export type Transaction = z.infer<typeof TransactionShape>;
