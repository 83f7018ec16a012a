import { env } from "cloudflare:workers";
import demoUsd from "../../scripts/chain/demo-usd.json";
import { transferCalldata, TRANSFER_SELECTOR } from "../../src/payments/chains/payment-reference";
import { receiverHook } from "../webhooks/receiver";

/**
 * The run's real local chain (hardhat node, started by vitest's globalSetup),
 * driven over JSON-RPC from inside the Workers runtime: its accounts are
 * unlocked, so eth_sendTransaction needs no signing here.
 */
export const CHAIN_ID = 31337;
export const chainUrl = (JSON.parse(env.CHAIN_RPC_URLS) as Record<string, string>)[String(CHAIN_ID)]!;
export const demoToken = env.TEST_DEMO_TOKEN.toLowerCase();

/**
 * The URL of a JSON-RPC endpoint that is down: the local receiver answering 503 to every call. (A closed port would do
 * too, but workerd then logs an uncaught "Network connection lost" of its own on every refused connect.)
 */
export async function downRpcUrl(): Promise<string> {
  const down = receiverHook("rpc-down");
  await down.script(Array.from({ length: 50 }, () => 503));
  return down.url;
}

/** One JSON-RPC call to the chain; throws on an RPC error (a test setup failure). */
export async function chain<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(chainUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await res.json<{ result?: T; error?: { message: string } }>();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** The node's funded accounts (lowercase); #0 deployed Demo USD, #0–#9 hold 1,000,000 of it. */
export async function accounts(): Promise<string[]> {
  return (await chain<string[]>("eth_accounts")).map((a) => a.toLowerCase());
}

/** Sends from an unlocked account and returns the hash once mined (the node automines). */
export async function send(tx: { from: string; to?: string; data: string; gas?: string }): Promise<string> {
  const hash = await chain<string>("eth_sendTransaction", [tx]);
  for (let i = 0; i < 50 && !(await chain("eth_getTransactionReceipt", [hash])); i++) await new Promise((r) => setTimeout(r, 100));
  return hash;
}

/** An ERC-20 transfer of `amountMinor`; with `requestId`, its payment reference rides in the calldata. */
export function transfer(opts: {
  from: string;
  to: string;
  amountMinor: bigint;
  token?: string;
  requestId?: string;
  gas?: string;
}): Promise<string> {
  const plain = `${TRANSFER_SELECTOR}${opts.to.slice(2).padStart(64, "0")}${opts.amountMinor.toString(16).padStart(64, "0")}`;
  const data = opts.requestId ? transferCalldata(opts.to, opts.amountMinor, opts.requestId) : plain;
  return send({ from: opts.from, to: opts.token ?? demoToken, data, gas: opts.gas });
}

/** Deploys another Demo USD from `from` (which can mint it) and mints `amountMinor` to `from`. */
export async function deployOtherToken(from: string, amountMinor: bigint): Promise<string> {
  const hash = await send({ from, data: demoUsd.bytecode });
  const { contractAddress } = await chain<{ contractAddress: string }>("eth_getTransactionReceipt", [hash]);
  // mint(address,uint256)
  await send({
    from,
    to: contractAddress,
    data: `0x40c10f19${from.slice(2).padStart(64, "0")}${amountMinor.toString(16).padStart(64, "0")}`,
  });
  return contractAddress.toLowerCase();
}
