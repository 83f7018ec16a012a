import { exports } from "cloudflare:workers";
import { testWallet } from "./wallet";

const BASE = "https://payrelay.test";
// The Worker's default export, as `wrangler dev` would serve it (assets aside).
const worker = exports.default;
/** USDC on Base (8453), a token Payrelay knows: 6 decimals, pegged to USD. */
export const USDC = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
/** DAI on Ethereum (1): 18 decimals. */
export const DAI = { chainId: 1, tokenAddress: "0x6B175474E89094C44Da98b954EedeAC495271d0F" };

type Init = { method?: string; body?: unknown; headers?: Record<string, string> };

/** Calls the Worker as a client would; JSON in, parsed JSON (or null) out. */
export async function call(path: string, init: Init = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await worker.fetch(new Request(BASE + path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  }));
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  const json: any = text && /json/.test(res.headers.get("content-type") ?? "") ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, json, text };
}

let counter = 0;

/** A fresh client address per caller, so the per-IP sign-up limit counts each test on its own. */
export const testIp = () => `198.51.100.${(++counter % 250) + 1}-${Date.now()}`;

/** A signed-in recipient: `api` sends its cookie, and its CSRF token on state changes. */
export async function signUp(email = `r${Date.now()}-${++counter}@example.com`) {
  const res = await call("/api/auth/signup", { body: { email, password: "correct horse battery" }, headers: { "cf-connecting-ip": testIp() } });
  if (res.status !== 201) throw new Error(`signup failed: ${res.text}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const csrf: string = res.json.csrfToken;
  const api = (path: string, init: Init = {}) =>
    call(path, { ...init, headers: { cookie, ...(init.method === "GET" || (init.body === undefined && !init.method) ? {} : { "x-csrf-token": csrf }), ...init.headers } });
  return { email, cookie, csrf, api, user: res.json.user };
}

export type Recipient = Awaited<ReturnType<typeof signUp>>;

/** A recipient's destination, claimed with a real EIP-191 signature of its challenge. */
type Token = { chainId: number; tokenAddress: string; tokenSymbol?: string; tokenDecimals?: number };

export async function claimedDestination(r: Recipient, wallet = testWallet(), token: Token = { chainId: 8453, tokenAddress: USDC }) {
  const created = await r.api("/api/destinations", { body: { ...token, walletAddress: wallet.address, label: "Main" } });
  if (created.status !== 201) throw new Error(`create destination failed: ${created.text}`);
  const claimed = await r.api(`/api/destinations/${created.json.id}/claim`, { body: { signature: wallet.personalSign(created.json.claimChallenge) } });
  if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.text}`);
  return { id: created.json.id as string, wallet, destination: claimed.json };
}

/** A client ID and its secret, and an `orchestrator` caller that sends the secret. */
export async function newClient(r: Recipient, destinationId: string, name = "Shop", permissions?: string[]) {
  const res = await r.api(`/api/destinations/${destinationId}/clients`, { body: { name, ...(permissions ? { permissions } : {}) } });
  if (res.status !== 201) throw new Error(`create client failed: ${res.text}`);
  const secret: string = res.json.secret;
  const orchestrator = (path: string, init: Init = {}) => call(path, { ...init, headers: { authorization: `Bearer ${secret}`, ...init.headers } });
  return { id: res.json.id as string, secret, client: res.json, orchestrator };
}

export const incoming = (extra: Record<string, unknown> = {}) => ({ direction: "incoming", amount: "12.50", currency: "USDC", reference: "INV 1", ...extra });
export const outgoing = (extra: Record<string, unknown> = {}) => ({ direction: "outgoing", amount: "3.00", currency: "GBP", payee: { name: "Ada", sortCode: "123456", accountNumber: "12345678" }, ...extra });
