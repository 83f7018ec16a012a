// Gets a bench client the way a recipient would: sign up, add a destination,
// claim it with a real EIP-191 signature from a throwaway wallet, create a client
// ID. Mirrors test/helpers/api.ts.
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";

function wallet(seed) {
  const secretKey = new Uint8Array(32).fill(seed);
  const address = `0x${bytesToHex(keccak_256(secp256k1.getPublicKey(secretKey, false).slice(1)).slice(-20))}`;
  const personalSign = (message) => {
    const body = utf8ToBytes(message);
    const hash = keccak_256(new Uint8Array([...utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`), ...body]));
    const sig = secp256k1.sign(hash, secretKey, { prehash: false, format: "recovered" });
    return `0x${bytesToHex(sig.slice(1))}${(27 + sig[0]).toString(16)}`;
  };
  return { address, personalSign };
}

async function call(base, path, { body, headers = {}, method } = {}) {
  const res = await fetch(base + path, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null, text };
}

async function expectStatus(p, status, what) {
  const r = await p;
  if (r.status !== status) throw new Error(`${what}: HTTP ${r.status} ${r.text}`);
  return r;
}

let accounts = 0;

/** A signed-up recipient on the Worker at `base`. */
export async function recipient(base) {
  const email = `bench-${process.pid}-${Date.now()}-${++accounts}@example.com`;
  const r = await expectStatus(call(base, "/api/auth/signup", { body: { email, password: "correct horse battery" } }), 201, "signup");
  const cookie = r.headers.get("set-cookie").split(";")[0];
  const csrf = r.json.csrfToken;
  return { base, cookie, csrf, userId: r.json.user.id };
}

/** A claimed destination of `rcpt` with one client ID; seed picks the wallet. */
export async function destinationWithClient(rcpt, seed, name = "Bench") {
  const h = { cookie: rcpt.cookie, "x-csrf-token": rcpt.csrf };
  const w = wallet(seed);
  const d = await expectStatus(call(rcpt.base, "/api/destinations", { body: { chainId: 8453, walletAddress: w.address, tokenAddress: USDC, label: name }, headers: h }), 201, "create destination");
  await expectStatus(call(rcpt.base, `/api/destinations/${d.json.id}/claim`, { body: { signature: w.personalSign(d.json.claimChallenge) }, headers: h }), 200, "claim");
  const c = await expectStatus(call(rcpt.base, `/api/destinations/${d.json.id}/clients`, { body: { name }, headers: h }), 201, "create client");
  return { destinationId: d.json.id, clientId: c.json.id, secret: c.json.secret };
}

/** One orchestrator call with the client's secret. */
export const orchestrator = (base, secret) => (path, init = {}) => call(base, path, { ...init, headers: { authorization: `Bearer ${secret}`, ...init.headers } });

/** The body every create sends: incoming, with a reference, as test/helpers/api.ts `incoming()`. */
export const CREATE_BODY = { direction: "incoming", amount: "12.50", currency: "USDC", reference: "INV 1" };
