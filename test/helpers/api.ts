import { testWallet } from "./wallet";
import { documentLoaded, loadDocument, nonConformance } from "./conformance";
import {
  USDC_ON_BASE,
  claim,
  clientCaller,
  createClient,
  createDestination,
  signIn,
  type CallInit,
  type Token,
} from "../../scripts/lib/recipient-setup.mjs";
import { workerFetch } from "./worker";

const BASE = "https://payrelay.test";
/** USDC on Base (8453), a token Payrelay knows: 6 decimals, pegged to USD. */
export const USDC = USDC_ON_BASE.tokenAddress;
/** DAI on Ethereum (1): 18 decimals. */
export const DAI = { chainId: 1, tokenAddress: "0x6B175474E89094C44Da98b954EedeAC495271d0F" };

/**
 * Calls the Worker as a client would; JSON in, parsed JSON (or null) out. Every answer is held
 * against /openapi.json first (helpers/conformance.ts): one that the document does not describe
 * fails the test that saw it.
 */
export async function call(path: string, init: CallInit = {}) {
  if (!documentLoaded()) loadDocument(await (await workerFetch(new Request(`${BASE}/openapi.json`))).json());
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const res = await workerFetch(
    new Request(BASE + path, {
      method,
      headers,
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    }),
  );
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  const json: any = text && /json/.test(contentType) ? JSON.parse(text) : null;
  const drift = nonConformance(method, BASE + path, res.status, contentType, json);
  if (drift) throw new Error(`The answer does not conform to /openapi.json: ${drift}`);
  return { status: res.status, headers: res.headers, json, text };
}

let counter = 0;

/** A fresh client address per caller, so the per-IP sign-up limit counts each test on its own. */
export const testIp = () => `198.51.100.${(++counter % 250) + 1}-${Date.now()}`;

/** A signed-in recipient: `api` sends its cookie, and its CSRF token on state changes. */
export async function signUp(email = `r${Date.now()}-${++counter}@example.com`) {
  return signIn(call, { email, password: "correct horse battery", headers: { "cf-connecting-ip": testIp() } });
}

export type Recipient = Awaited<ReturnType<typeof signUp>>;

/** A recipient's destination, claimed with a real EIP-191 signature of its challenge. */
export async function claimedDestination(r: Recipient, wallet = testWallet(), token: Token = USDC_ON_BASE) {
  const destination = await claim(r.api, await createDestination(r.api, wallet, token, "Main"), wallet);
  return { id: destination.id as string, wallet, destination };
}

/** A client ID and its secret, and an `orchestrator` caller that sends the secret. */
export async function newClient(r: Recipient, destinationId: string, name = "Shop", permissions?: string[]) {
  const client = await createClient(r.api, destinationId, name, permissions);
  return { id: client.id as string, secret: client.secret as string, client, orchestrator: clientCaller(call, client.secret) };
}

export const incoming = (extra: Record<string, unknown> = {}) => ({
  direction: "incoming",
  amount: "12.50",
  currency: "USDC",
  reference: "INV 1",
  ...extra,
});
export const outgoing = (extra: Record<string, unknown> = {}) => ({
  direction: "outgoing",
  amount: "3.00",
  currency: "GBP",
  payee: { name: "Ada", sortCode: "123456", accountNumber: "12345678" },
  ...extra,
});

/** Invites a fresh user with `role` and accepts as them: a member as the dashboard makes one. */
export async function addMember(owner: Recipient, destinationId: string, role: "owner" | "admin" | "viewer") {
  const member = await signUp();
  const invited = await owner.api(`/api/destinations/${destinationId}/invitations`, { body: { email: member.email, role } });
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}: ${invited.text}`);
  const token = (invited.json.url as string).split("/invitations/")[1]!;
  const accepted = await member.api(`/api/invitations/${token}/accept`, { method: "POST" });
  if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}: ${accepted.text}`);
  return Object.assign(member, { id: member.user.id as string });
}
