// Seeds a running local Payrelay through its own HTTP API: a demo recipient, a
// claimed demo destination on the local chain's Demo USD token and a demo
// client secret. Idempotent across restarts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { walletFromKey } from "./eth-wallet.mjs";

export const DEMO_EMAIL = "demo@payrelay.local";
export const DEMO_PASSWORD = "payrelay-demo-password";
// Hardhat/Anvil account #0: a publicly known test key, so anyone can import it
// into a browser wallet and claim destinations in the local dashboard too.
const DEMO_WALLET = walletFromKey("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

async function api(base, path, { method, body, cookie, csrf, secret } = {}) {
  const headers = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  if (csrf) headers["x-csrf-token"] = csrf;
  if (secret) headers.authorization = `Bearer ${secret}`;
  const res = await fetch(base + path, { method: method ?? (body ? "POST" : "GET"), headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, cookie: res.headers.get("set-cookie")?.split(";")[0] };
}

async function session(base) {
  const creds = { email: DEMO_EMAIL, password: DEMO_PASSWORD };
  let res = await api(base, "/api/auth/signup", { body: creds });
  if (res.status === 409) res = await api(base, "/api/auth/login", { body: creds });
  if (res.status !== 200 && res.status !== 201) throw new Error(`demo sign-in failed: ${JSON.stringify(res.json)}`);
  return { cookie: res.cookie, csrf: res.json.csrfToken };
}

async function create(base, s, chain) {
  const body = { chainId: chain.chainId, walletAddress: DEMO_WALLET.address, tokenAddress: chain.tokenAddress, label: "Demo USD on the local chain" };
  // The demo token is not in the known-token table, so the destination declares its symbol and decimals.
  const res = await api(base, "/api/destinations", { ...s, body: { ...body, tokenSymbol: "USDC", tokenDecimals: 6 } });
  if (res.status !== 201) throw new Error(`demo destination failed: ${JSON.stringify(res.json)}`);
  return res.json;
}

async function destination(base, s, chain) {
  const existing = (await api(base, "/api/destinations", s)).json.data.find(
    (d) => d.walletAddress.toLowerCase() === DEMO_WALLET.address && d.chainId === chain.chainId && d.tokenAddress.toLowerCase() === chain.tokenAddress.toLowerCase(),
  );
  let d = existing ?? (await create(base, s, chain));
  if (d.status !== "claimed") {
    if (!d.claimChallenge) d = (await api(base, `/api/destinations/${d.id}/challenge`, { ...s, method: "POST" })).json;
    d = (await api(base, `/api/destinations/${d.id}/claim`, { ...s, body: { signature: DEMO_WALLET.personalSign(d.claimChallenge) } })).json;
  }
  return d;
}

/**
 * Returns { destination, secret, email, password }; the secret is kept in
 * `stateFile` (git-ignored local state). `chain` is { chainId, tokenAddress }
 * of the local chain (scripts/chain/local-chain.mjs).
 */
export async function seedDemo(base, stateFile, chain) {
  const s = await session(base);
  const d = await destination(base, s, chain);
  const saved = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, "utf8")) : null;
  let secret = saved?.destinationId === d.id ? saved.secret : null;
  if (!secret || (await api(base, "/v1/requests?limit=1", { secret })).status !== 200) {
    secret = (await api(base, `/api/destinations/${d.id}/clients`, { ...s, body: { name: "Demo store" } })).json.secret;
    writeFileSync(stateFile, JSON.stringify({ destinationId: d.id, secret }));
  }
  return { destination: d, secret, email: DEMO_EMAIL, password: DEMO_PASSWORD };
}
