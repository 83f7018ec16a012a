// Seeds a running local Payrelay through its own HTTP API: a demo recipient, a
// claimed demo destination on the local chain's Demo USD token and a demo
// client secret. Idempotent across restarts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { walletFromKey } from "./eth-wallet.mjs";
import { claim, clientCaller, createClient, createDestination, fetchCaller, signIn } from "./recipient-setup.mjs";

export const DEMO_EMAIL = "demo@payrelay.local";
export const DEMO_PASSWORD = "payrelay-demo-password";
// Hardhat/Anvil account #0: a publicly known test key, so anyone can import it
// into a browser wallet and claim destinations in the local dashboard too.
const DEMO_WALLET = walletFromKey("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

/** The demo destination: found again by wallet, chain and token, else created; claimed either way. */
async function destination(api, chain) {
  const same = (d) =>
    d.walletAddress.toLowerCase() === DEMO_WALLET.address &&
    d.chainId === chain.chainId &&
    d.tokenAddress.toLowerCase() === chain.tokenAddress.toLowerCase();
  const existing = (await api("/api/destinations")).json.data.find(same);
  // The demo token is not in the known-token table, so the destination declares its symbol and decimals.
  const token = { chainId: chain.chainId, tokenAddress: chain.tokenAddress, tokenSymbol: "USDC", tokenDecimals: 6 };
  const d = existing ?? (await createDestination(api, DEMO_WALLET, token, "Demo USD on the local chain"));
  return d.status === "claimed" ? d : claim(api, d, DEMO_WALLET);
}

/**
 * Returns { destination, secret, email, password }; the secret is kept in
 * `stateFile` (git-ignored local state). `chain` is { chainId, tokenAddress }
 * of the local chain (scripts/chain/local-chain.mjs).
 */
export async function seedDemo(base, stateFile, chain) {
  const call = fetchCaller(base);
  // Signs up the first time, logs in on every later start.
  const session = await signIn(call, { email: DEMO_EMAIL, password: DEMO_PASSWORD });
  const d = await destination(session.api, chain);
  const saved = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, "utf8")) : null;
  let secret = saved?.destinationId === d.id ? saved.secret : null;
  if (!secret || (await clientCaller(call, secret)("/v1/requests?limit=1")).status !== 200) {
    secret = (await createClient(session.api, d.id, "Demo store")).secret;
    writeFileSync(stateFile, JSON.stringify({ destinationId: d.id, secret }));
  }
  return { destination: d, secret, email: DEMO_EMAIL, password: DEMO_PASSWORD };
}
