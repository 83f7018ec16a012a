// `npm run demo:pay -- <payment link URL | link token | request id> [--amount 12.50] [--from 1] [--via-proxy] [--no-submit]`
// Pays a local demo request from a funded local-chain account: an ERC-20
// `transfer` of the destination's token with the request's payment reference
// appended (or, with --via-proxy, approve + the ERC20FeeProxy's
// transferFromWithReferenceAndFee), then submits the hash to Payrelay; with
// --no-submit it submits nothing and prints the link's status as it changes
// (Payrelay's chain watcher finds the payment). Reads .wrangler/local-chain.json
// (written by `npm run dev`); --rpc, --base, --to, --token, --proxy and --request override it.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { paymentReference, rpc, selector, sendAndWait, transferCalldata, word } from "./chain/evm.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    amount: { type: "string" },
    from: { type: "string", default: "1" },
    rpc: { type: "string" },
    base: { type: "string" },
    to: { type: "string" },
    token: { type: "string" },
    request: { type: "string" },
    proxy: { type: "string" },
    "via-proxy": { type: "boolean", default: false },
    "no-submit": { type: "boolean", default: false },
  },
});
const read = (file) => (existsSync(root + file) ? JSON.parse(readFileSync(root + file, "utf8")) : {});
const local = read(".wrangler/local-chain.json");
const demo = read(".wrangler/demo.json");

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** "12.50" in a token with `decimals` → minor units, without a float. */
function toMinor(amount, decimals) {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount ?? "");
  if (!match || (match[2] ?? "").length > decimals) fail(`Not an amount with at most ${decimals} decimals: ${amount}`);
  return BigInt(match[1] + (match[2] ?? "").padEnd(decimals, "0"));
}

/** What to pay: from a payment link (public view) or a request id (the demo client's view). */
async function target(arg) {
  const linkToken = /^[A-Za-z0-9_-]{32}$/.test(arg) ? arg : /\/pay\/([A-Za-z0-9_-]{32})/.exec(arg)?.[1];
  const base = opts.base ?? (arg.startsWith("http") ? new URL(arg).origin : (local.base ?? "http://127.0.0.1:8787"));
  if (linkToken) {
    const res = await fetch(`${base}/api/public/payment-links/${linkToken}`);
    if (!res.ok) fail(`GET /api/public/payment-links/${linkToken}: ${res.status} ${await res.text()}`);
    const link = await res.json();
    // `{wallet}@eip155:{chainId}#{checksum}:{token}` (ERC-7828, as Payrelay shows destinations).
    const [, wallet, token] =
      /^(0x[0-9a-fA-F]{40})@eip155:\d+#[0-9A-Fa-f]+:(0x[0-9a-fA-F]{40})$/.exec(link.destination.interopAddress) ?? [];
    const requestId = opts.request ?? link.requestId;
    const reference = link.paymentReference ?? (requestId ? paymentReference(requestId) : undefined);
    return {
      base,
      // What is still due, in the token (the link may be partly paid, or priced in a pegged fiat).
      amount: opts.amount ?? link.pay?.amountDue ?? link.amount,
      wallet,
      token,
      reference,
      proxy: link.pay?.proxyAddress ?? undefined,
      view: `/api/public/payment-links/${linkToken}`,
      submit: { path: `/api/public/payment-links/${linkToken}/payments` },
    };
  }
  if (!/^req_/.test(arg)) fail("Give a payment link URL, a link token or a request id (req_…).");
  let amount = opts.amount;
  if (!amount && demo.secret) {
    const res = await fetch(`${base}/v1/requests/${arg}`, { headers: { authorization: `Bearer ${demo.secret}` } });
    if (res.ok) amount = (await res.json()).amount;
  }
  if (!amount) fail("Give --amount (the demo client could not read the request).");
  return {
    base,
    amount,
    wallet: local.walletAddress,
    token: local.tokenAddress,
    reference: paymentReference(arg),
    submit: { path: `/v1/requests/${arg}/payments`, secret: demo.secret },
  };
}

const [arg] = positionals;
if (!arg) fail("Usage: npm run demo:pay -- <payment link URL | link token | request id> [--amount 12.50] [--from 1]");
const t = await target(arg);
const rpcUrl = opts.rpc ?? local.rpcUrl;
const wallet = opts.to ?? t.wallet;
const token = opts.token ?? t.token;
if (!rpcUrl) fail("No local chain known: run `npm run dev` first, or give --rpc.");
if (!wallet || !token) fail("Unknown destination: give --to <wallet> and --token <token contract>.");
if (!t.reference) console.warn("The link does not name its request: paying without a payment reference (give --request req_… to add it).");

if (!opts.amount && /^0(\.0*)?$/.test(t.amount)) fail("Nothing is due on this request any more (give --amount to pay more anyway).");
const decimals = Number(await rpc(rpcUrl, "eth_call", [{ to: token, data: `0x${selector("decimals()")}` }, "latest"]));
const amountMinor = toMinor(t.amount, decimals);
const from = (await rpc(rpcUrl, "eth_accounts"))[Number(opts.from)];
let receipt;
if (opts["via-proxy"]) {
  const proxy = opts.proxy ?? t.proxy ?? local.proxyAddress;
  if (!proxy) fail("No payment proxy known for this chain: give --proxy <address>.");
  if (!t.reference) fail("Paying through the proxy needs the request's payment reference (give --request req_…).");
  const approve = await sendAndWait(rpcUrl, {
    from,
    to: token,
    data: `0x${selector("approve(address,uint256)")}${word(proxy)}${word(amountMinor)}`,
  });
  if (approve.status !== "0x1") fail(`The approval reverted: ${approve.transactionHash}`);
  // transferFromWithReferenceAndFee(token, to, amount, paymentReference, feeAmount 0, feeAddress 0): the bytes sit after six head words.
  const data =
    `0x${selector("transferFromWithReferenceAndFee(address,address,uint256,bytes,uint256,address)")}` +
    `${word(token)}${word(wallet)}${word(amountMinor)}${word(192n)}${word(0n)}${word("0x0")}${word(32n)}${t.reference.slice(2)}`;
  receipt = await sendAndWait(rpcUrl, { from, to: proxy, data });
} else {
  const data = t.reference
    ? transferCalldata(wallet, amountMinor, t.reference)
    : `0x${selector("transfer(address,uint256)")}${word(wallet)}${word(amountMinor)}`;
  receipt = await sendAndWait(rpcUrl, { from, to: token, data });
}
if (receipt.status !== "0x1") fail(`The payment reverted: ${receipt.transactionHash}`);
console.log(
  `Paid ${t.amount} (${amountMinor} minor units) from ${from} to ${wallet}${opts["via-proxy"] ? " through the proxy" : ""}\ntx ${receipt.transactionHash}`,
);

if (opts["no-submit"]) {
  // Nothing submitted: Payrelay's chain watcher finds the payment; print the link's status each time it changes.
  const view = t.view ?? (t.submit.secret ? `/v1/requests/${arg}` : undefined);
  if (!view) fail("Nothing to watch: give a payment link, or run `npm run dev` for the demo client's secret.");
  const auth = t.submit.secret && !t.view ? { authorization: `Bearer ${t.submit.secret}` } : {};
  let last = "";
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const res = await fetch(t.base + view, { headers: auth });
    const status = res.ok ? (await res.json()).status : `HTTP ${res.status}`;
    if (status !== last) console.log(`Status: ${status}`);
    last = status;
    if (status === "paid") process.exit(0);
    await new Promise((r) => setTimeout(r, 1000));
  }
  fail("Not paid after 2 minutes: is `npm run dev` running (its chain watcher finds the payment)?");
}

const headers = { "content-type": "application/json", ...(t.submit.secret ? { authorization: `Bearer ${t.submit.secret}` } : {}) };
const res = await fetch(t.base + t.submit.path, { method: "POST", headers, body: JSON.stringify({ txHash: receipt.transactionHash }) });
const body = await res.text();
console.log(`POST ${t.submit.path} → ${res.status} ${body}`);
if (!res.ok) process.exit(1);
try {
  console.log(`Status: ${JSON.parse(body).status}`);
} catch {
  // not JSON: printed above as it came
}
