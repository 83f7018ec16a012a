import { env } from "cloudflare:workers";
import { accounts, chain, demoToken, transfer } from "./chain";
import { call, claimedDestination, newClient, signUp } from "./api";
import { testWallet } from "./wallet";

/** Demo USD on the run's local chain, declared as USDC with 6 decimals (Payrelay does not know the token). */
export const demoUsd = () => ({ chainId: 31337, tokenAddress: demoToken, tokenSymbol: "USDC", tokenDecimals: 6 });

/** A recipient whose destination (a fresh wallet) receives Demo USD on the local chain, and a client "Shop". */
export async function chainTenant() {
  const r = await signUp();
  const { id: dst, wallet } = await claimedDestination(r, testWallet(), demoUsd());
  const shop = await newClient(r, dst, "Shop");
  return { r, dst, wallet: wallet.address.toLowerCase(), shop };
}

export type ChainTenant = Awaited<ReturnType<typeof chainTenant>>;

/** An incoming request created by the shop, and (optionally) its payment link's token. */
export async function incomingRequest(t: ChainTenant, extra: Record<string, unknown> = {}) {
  const body = { direction: "incoming", amount: "12.50", currency: "USDC", ...extra };
  const res = await t.shop.orchestrator(`/v1/destinations/${t.dst}/requests`, { body });
  if (res.status !== 201) throw new Error(`create request: ${res.status} ${res.text}`);
  return res.json as { id: string; status: string };
}

export async function linkToken(t: ChainTenant, requestId: string): Promise<string> {
  const res = await t.shop.orchestrator(`/v1/requests/${requestId}/payment-links`, { method: "POST" });
  return (res.json.url as string).split("/pay/")[1]!;
}

/** Pays `amountMinor` of Demo USD from funded account `n` (1–9) to the destination, with the request's reference. */
export async function pay(t: ChainTenant, requestId: string | undefined, amountMinor: bigint, n = 4) {
  const from = (await accounts())[n]!;
  return { from, txHash: await transfer({ from, to: t.wallet, amountMinor, requestId }) };
}

export const submit = (t: ChainTenant, requestId: string, body: Record<string, unknown>) =>
  t.shop.orchestrator(`/v1/requests/${requestId}/payments`, { body });

export const submitPublic = (token: string, body: Record<string, unknown>) => call(`/api/public/payment-links/${token}/payments`, { body });

/** D1's payment rows of a request (or the unattributed ones of a destination with `null`). */
export async function d1Payments(requestId: string) {
  return (await env.DB.prepare("SELECT * FROM payments WHERE request_id = ? ORDER BY created_at").bind(requestId).all()).results;
}

/** Lets an address send from the node (hardhat impersonation) with gas money: a destination wallet paying out. */
export async function impersonate(address: string) {
  await chain("hardhat_impersonateAccount", [address]);
  await chain("hardhat_setBalance", [address, "0x56BC75E2D63100000"]);
}
