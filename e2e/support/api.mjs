// Node-side API calls, for setting up state and for playing the orchestrator.
import { randomUUID } from "node:crypto";
import { TEST_WALLET, randomAddress, signPersonal } from "./wallet.mjs";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8799";
export const PASSWORD = "correct horse battery staple";

/** A unique email per call, so tests never collide on the shared database. */
export function uniqueEmail(tag) {
  return `${tag}-${randomUUID().slice(0, 8)}@example.com`;
}

async function send(method, path, { body, headers = {} } = {}) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, body: json, text };
}

/** A signed-in recipient session, as the dashboard has one (cookie + CSRF token). */
export class Recipient {
  cookie = "";
  csrf = "";

  static async signUp(email = uniqueEmail("recipient")) {
    const r = new Recipient();
    const res = await send("POST", "/api/auth/signup", { body: { email, password: PASSWORD } });
    if (res.status !== 201) throw new Error(`signup answered ${res.status}: ${res.text}`);
    r.cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    r.csrf = res.body.csrfToken;
    r.email = email;
    return r;
  }

  /** Adopts the browser's session cookie so tests can prepare data for what is on screen. */
  static async fromCookies(cookies) {
    const r = new Recipient();
    r.cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const me = await r.get("/api/me");
    if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
    r.csrf = me.body.csrfToken;
    return r;
  }

  get(path) {
    return send("GET", path, { headers: { Cookie: this.cookie } });
  }

  post(path, body = {}) {
    return send("POST", path, { body, headers: { Cookie: this.cookie, "X-CSRF-Token": this.csrf } });
  }

  /**
   * Creates a destination for the test wallet and claims it. The token is random, so each is unique; Payrelay
   * does not know it, so it is described as a 6-decimal USDC (like the local chain's Demo USD). `token` picks a known one.
   */
  async claimedDestination(label = "E2E destination", token = { chainId: 8453, tokenAddress: randomAddress(), tokenSymbol: "USDC", tokenDecimals: 6 }) {
    const created = await this.post("/api/destinations", { walletAddress: TEST_WALLET, label, ...token });
    if (created.status !== 201) throw new Error(`create destination answered ${created.status}: ${created.text}`);
    const claimed = await this.post(`/api/destinations/${created.body.id}/claim`, { signature: signPersonal(created.body.claimChallenge) });
    if (claimed.status !== 200) throw new Error(`claim answered ${claimed.status}: ${claimed.text}`);
    return claimed.body;
  }

  async client(destinationId, name, permissions) {
    const res = await this.post(`/api/destinations/${destinationId}/clients`, { name, permissions });
    if (res.status !== 201) throw new Error(`create client answered ${res.status}: ${res.text}`);
    return res.body;
  }
}

/** An orchestrator holding a client secret. */
export class Orchestrator {
  constructor(secret) {
    this.secret = secret;
  }

  get(path) {
    return send("GET", path, { headers: { Authorization: `Bearer ${this.secret}` } });
  }

  post(path, body = {}) {
    return send("POST", path, { body, headers: { Authorization: `Bearer ${this.secret}` } });
  }
}

/** Unauthenticated GET, as a payer's browser or a crawler would. */
export function publicGet(path) {
  return send("GET", path);
}
