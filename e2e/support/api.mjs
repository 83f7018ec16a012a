// Node-side API calls against `wrangler dev`, for setting up state and for playing the
// orchestrator: a fetch transport around the shared flow in scripts/lib/recipient-setup.mjs.
import { randomUUID } from "node:crypto";
import {
  claim,
  clientCaller,
  fetchCaller,
  createClient,
  createDestination,
  sessionCaller,
  signIn,
} from "../../scripts/lib/recipient-setup.mjs";
import { TEST_WALLET, randomAddress, signPersonal } from "./wallet.mjs";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8799";
export const PASSWORD = "correct horse battery staple";

/** A unique email per call, so tests never collide on the shared database. */
export function uniqueEmail(tag) {
  return `${tag}-${randomUUID().slice(0, 8)}@example.com`;
}

/** The transport the shared flow (scripts/lib/recipient-setup.mjs) and these helpers use. */
const call = fetchCaller(BASE_URL);

/** The test wallet as a signer. */
const wallet = { address: TEST_WALLET, personalSign: signPersonal };

/** A signed-in recipient session, as the dashboard has one (cookie + CSRF token). */
export class Recipient {
  constructor(cookie, csrf, email) {
    this.cookie = cookie;
    this.csrf = csrf;
    this.email = email;
    this.api = sessionCaller(call, cookie, csrf);
  }

  static async signUp(email = uniqueEmail("recipient")) {
    // Each from its own client address, as separate people would be: the per-IP sign-up limit (10 a minute) is the
    // product's, and a fast run of every file would meet it from 127.0.0.1 (wrangler dev honours CF-Connecting-IP).
    const s = await signIn(call, { email, password: PASSWORD, headers: { "cf-connecting-ip": `e2e-${randomUUID()}` } });
    return new Recipient(s.cookie, s.csrf, email);
  }

  /** Adopts the browser's session cookie so tests can prepare data for what is on screen. */
  static async fromCookies(cookies) {
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const me = await call("/api/me", { headers: { cookie } });
    if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
    return new Recipient(cookie, me.json.csrfToken, me.json.user.email);
  }

  get(path) {
    return this.api(path);
  }

  post(path, body = {}) {
    return this.api(path, { body });
  }

  /**
   * Creates a destination for the test wallet and claims it. The token is random, so each is unique; Payrelay
   * does not know it, so it is described as a 6-decimal USDC (like the local chain's Demo USD). `token` picks a known one.
   */
  async claimedDestination(
    label = "E2E destination",
    token = { chainId: 8453, tokenAddress: randomAddress(), tokenSymbol: "USDC", tokenDecimals: 6 },
  ) {
    return claim(this.api, await createDestination(this.api, wallet, token, label), wallet);
  }

  client(destinationId, name, permissions) {
    return createClient(this.api, destinationId, name, permissions);
  }
}

/** An orchestrator holding a client secret. */
export class Orchestrator {
  constructor(secret) {
    this.secret = secret;
    this.call = clientCaller(call, secret);
  }

  get(path) {
    return this.call(path);
  }

  post(path, body = {}) {
    return this.call(path, { body });
  }
}

/** Unauthenticated GET, as a payer's browser or a crawler would. */
export function publicGet(path) {
  return call(path);
}
