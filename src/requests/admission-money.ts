import { checkRequestCurrency, type TokenProfile } from "../payments/chains/currency";
import { parseDecimal } from "../lib/money";
import type { AdmitInput } from "../authority/authority-types";
import { invalidField, type RefusedAs } from "../authority/outcomes";
import type { RequestRow } from "../db/schema";

/**
 * A request row with its amount in minor units of its currency, or the field
 * errors that refuse it: the currency must be the destination's token or its
 * peg, and the amount must fit that currency's decimals.
 */
export function resolveMoney(
  row: RequestRow,
  money: NonNullable<AdmitInput["money"]>,
  token: TokenProfile,
): { row: RequestRow } | RefusedAs<"validation_failed"> {
  const currency = checkRequestCurrency(token, money.currency, money.bankPayout);
  if (!currency.ok) return invalidField("currency", currency.message);
  const amount = parseDecimal(money.amount, currency.decimals, money.currency);
  if (!amount.ok) return invalidField("amount", amount.message);
  return { row: { ...row, amountMinor: amount.minor.toString(), decimals: currency.decimals } };
}
