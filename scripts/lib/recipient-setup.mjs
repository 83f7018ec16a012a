// "Sign up → destination → claim → client", once, for every caller of the HTTP
// API: the workerd tests (test/helpers/api.ts), the e2e tests (e2e/support/api.mjs),
// the local demo seed (scripts/lib/demo-seed.mjs) and the bench (bench/lib/setup.mjs).
// Each brings its own transport (`call`) and wallet; this file imports nothing,
// so it runs unchanged inside workerd and in Node.

/**
 * @typedef {{ method?: string, body?: unknown, headers?: Record<string, string> }} CallInit
 * @typedef {{ status: number, headers: Headers, json: any, text: string }} Reply
 * @typedef {(path: string, init?: CallInit) => Promise<Reply>} Call
 * @typedef {{ address: string, personalSign(message: string): string }} Signer
 * @typedef {{ chainId: number, tokenAddress: string, tokenSymbol?: string, tokenDecimals?: number }} Token
 * @typedef {{ email: string, cookie: string, csrf: string, user: any, api: Call }} Session
 */

/** USDC on Base (8453): a token Payrelay knows (6 decimals), so no symbol or decimals are sent. */
export const USDC_ON_BASE = Object.freeze({ chainId: 8453, tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913" });

/**
 * @param {Reply} reply
 * @param {number[]} statuses
 * @param {string} what
 */
function expectStatus(reply, statuses, what) {
  if (!statuses.includes(reply.status)) throw new Error(`${what} answered ${reply.status}: ${reply.text}`);
  return reply;
}

/** @param {CallInit} init */
const methodOf = (init) => init.method ?? (init.body === undefined ? "GET" : "POST");

/**
 * The Node callers' transport: JSON over fetch to a running Worker at `base` (`wrangler dev`, `npm run dev`).
 * A body that is not JSON comes back as `json: null`, with `text` as sent.
 * @param {string} base e.g. http://127.0.0.1:8787
 * @returns {Call}
 */
export function fetchCaller(base) {
  return async (path, init = {}) => {
    const { body, headers } = init;
    const res = await fetch(base + path, {
      method: methodOf(init),
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
}

/** @param {CallInit} init */
const changesState = (init) => methodOf(init) !== "GET";

/**
 * A caller that sends the session cookie, and the CSRF token on state changes, as the dashboard does.
 * @param {Call} call
 * @param {string} cookie
 * @param {string} csrf
 * @returns {Call}
 */
export function sessionCaller(call, cookie, csrf) {
  return (path, init = {}) =>
    call(path, { ...init, headers: { cookie, ...(changesState(init) ? { "x-csrf-token": csrf } : {}), ...init.headers } });
}

/**
 * A caller that sends a client secret, as an orchestrator does.
 * @param {Call} call
 * @param {string} secret
 * @returns {Call}
 */
export function clientCaller(call, secret) {
  return (path, init = {}) => call(path, { ...init, headers: { authorization: `Bearer ${secret}`, ...init.headers } });
}

/**
 * Signs up, or logs in when the email already has an account (409), so a seed can run again.
 * `headers` go with both calls (the tests send a per-test `cf-connecting-ip`).
 * @param {Call} call
 * @param {{ email: string, password: string, headers?: Record<string, string> }} account
 * @returns {Promise<Session>}
 */
export async function signIn(call, { email, password, headers }) {
  let res = await call("/api/auth/signup", { body: { email, password }, headers });
  if (res.status === 409) res = await call("/api/auth/login", { body: { email, password }, headers });
  expectStatus(res, [200, 201], `sign-in of ${email}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  /** @type {string} */
  const csrf = res.json.csrfToken;
  return { email, cookie, csrf, user: res.json.user, api: sessionCaller(call, cookie, csrf) };
}

/**
 * Creates a destination for `wallet` receiving `token`; answers the API's destination (with its claim challenge).
 * @param {Call} api a session caller
 * @param {Signer} wallet
 * @param {Token} token
 * @param {string} label
 */
export async function createDestination(api, wallet, token, label) {
  const body = { ...token, walletAddress: wallet.address, label };
  return expectStatus(await api("/api/destinations", { body }), [201], "create destination").json;
}

/**
 * Claims `destination` with an EIP-191 signature of its challenge, asking for a new
 * challenge first when it has none (an unclaimed destination read back from a list).
 * @param {Call} api a session caller
 * @param {{ id: string, claimChallenge?: string | null }} destination
 * @param {Signer} wallet
 */
export async function claim(api, destination, wallet) {
  /** @type {string} */
  const challenge =
    destination.claimChallenge ??
    expectStatus(await api(`/api/destinations/${destination.id}/challenge`, { method: "POST" }), [200], "new claim challenge").json
      .claimChallenge;
  const claimed = await api(`/api/destinations/${destination.id}/claim`, { body: { signature: wallet.personalSign(challenge) } });
  return expectStatus(claimed, [200], "claim").json;
}

/**
 * Creates a client ID; answers the API's client, whose `secret` is shown this once.
 * @param {Call} api a session caller
 * @param {string} destinationId
 * @param {string} name
 * @param {string[]} [permissions] the API's default when absent
 */
export async function createClient(api, destinationId, name, permissions) {
  const res = await api(`/api/destinations/${destinationId}/clients`, { body: { name, ...(permissions ? { permissions } : {}) } });
  return expectStatus(res, [201], "create client").json;
}

/**
 * The whole flow: a signed-in recipient, a claimed destination and one client ID.
 * @param {Call} call
 * @param {{ email: string, password: string, headers?: Record<string, string>, wallet: Signer, token?: Token,
 *   label?: string, client?: { name: string, permissions?: string[] } }} options
 */
export async function setUpRecipient(call, { wallet, token = USDC_ON_BASE, label = "Main", client = { name: "Shop" }, ...account }) {
  const session = await signIn(call, account);
  const destination = await claim(session.api, await createDestination(session.api, wallet, token, label), wallet);
  const created = await createClient(session.api, destination.id, client.name, client.permissions);
  return { session, destination, client: created, orchestrator: clientCaller(call, created.secret) };
}
