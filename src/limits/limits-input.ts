import { checkRequestCurrency, type TokenProfile } from "../payments/chains/currency";
import type { LimitsPatch } from "../clients/client-store";
import type { LimitMoney } from "./limit-money";
import { parseDecimal } from "../lib/money";
import { ApiError, type FieldError } from "../lib/problem";
import type { ClientLimitsInput } from "./client-limits.schemas";

type MoneyInput = { amount: string; currency: string };

/** A money limit in minor units, or why not: only the destination's token or its peg, at that currency's decimals. */
function limitMoney(input: MoneyInput, token: TokenProfile, path: string, errors: FieldError[]): LimitMoney | null {
  const currency = checkRequestCurrency(token, input.currency, false);
  if (!currency.ok) {
    errors.push({ path: `${path}.currency`, message: currency.message });
    return null;
  }
  const amount = parseDecimal(input.amount, currency.decimals, input.currency);
  if (!amount.ok) {
    errors.push({ path: `${path}.amount`, message: amount.message });
    return null;
  }
  return { minor: amount.minor.toString(), currency: input.currency, decimals: currency.decimals };
}

/**
 * The limits a recipient sent, resolved against the destination's token into
 * what the authority stores; 400 naming each bad field. Keys left out stay
 * out (a PATCH keeps them), nulls stay null (a PATCH removes them).
 */
export function resolveLimits(input: ClientLimitsInput, token: TokenProfile): LimitsPatch {
  const errors: FieldError[] = [];
  const patch: LimitsPatch = {};
  for (const key of ["outgoingBudget", "autoApproveUpTo"] as const) {
    const value = input[key];
    if (value !== undefined) patch[key] = value === null ? null : limitMoney(value, token, `limits.${key}`, errors);
  }
  if (input.expiresAt !== undefined) patch.expiresAt = input.expiresAt === null ? null : Date.parse(input.expiresAt);
  if (input.extendOnUseSeconds !== undefined) patch.extendOnUseSeconds = input.extendOnUseSeconds;
  if (input.createsPerMinute !== undefined) patch.createsPerMinute = input.createsPerMinute;
  if (errors.length > 0) throw new ApiError("validation_failed", errors.map((e) => `${e.path}: ${e.message}`).join(" "), errors);
  return patch;
}
