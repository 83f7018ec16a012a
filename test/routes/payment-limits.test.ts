import { env } from "cloudflare:workers";
import { afterEach, describe, it, vi, type ExpectStatic } from "vitest";
import { verifyPayment } from "../../src/payments/chains/verify-payment";
import { chainUrl, CHAIN_ID, demoToken } from "../helpers/chain";
import { chainTenant, incomingRequest, linkToken, pay, submit, submitPublic, type ChainTenant } from "../helpers/payments";
import { call, testIp } from "../helpers/api";

const bogusHash = () => `0x${[...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
/** How many HTTP requests reached the chain's RPC URL while `run` ran. */
async function chainRequests(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(globalThis, "fetch");
  await run();
  const n = spy.mock.calls.filter(([input]) => String(input instanceof Request ? input.url : input).startsWith(chainUrl)).length;
  spy.mockRestore();
  return n;
}

function expectLimited(expect: ExpectStatic, res: Awaited<ReturnType<typeof call>>, policy: string, quota: number) {
  expect([res.status, res.json.code]).toEqual([429, "rate_limited"]);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(res.headers.get("retry-after")).toBe("60");
  expect(res.headers.get("ratelimit-policy")).toBe(`"${policy}";q=${quota};w=60`);
  expect(res.headers.get("ratelimit")).toBe(`"${policy}";r=0;t=60`);
}

const requests = async (t: ChainTenant, n: number) => Promise.all(Array.from({ length: n }, () => incomingRequest(t)));

afterEach(() => vi.restoreAllMocks());

// The Rate Limiting binding counts in fixed one-minute windows: a run that straddles a window's end starts
// counting again halfway and sees no 429. Each test builds its own tenant and IP, so one retry is a fresh run.
describe("payment submissions are rate limited and cheap to repeat", { retry: 1 }, () => {
  it("10 a minute per request: the 11th is 429; an unknown hash asks the chain once, its repeats not at all", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const txHash = bogusHash();
    const asked = await chainRequests(async () => {
      for (let i = 0; i < 10; i++) {
        const res = await submit(t, req.id, { txHash });
        expect([res.status, res.json.code], `submission ${i + 1}`).toEqual([422, "payment_not_found"]);
      }
    });
    expect(asked).toBe(1);
    expectLimited(expect, await submit(t, req.id, { txHash }), "payment-submissions-per-request", 10);
    // Another request of the same client is not held back by this one.
    const other = await incomingRequest(t);
    expect((await submit(t, other.id, { txHash })).status).toBe(422);
  });

  it("60 a minute per client secret, across its requests", async ({ expect }) => {
    const t = await chainTenant();
    const reqs = await requests(t, 7);
    const txHash = bogusHash();
    for (const req of reqs.slice(0, 6)) for (let i = 0; i < 10; i++) expect((await submit(t, req.id, { txHash })).status).toBe(422);
    expectLimited(expect, await submit(t, reqs[6]!.id, { txHash }), "payment-submissions-per-caller", 60);
  });

  it("on a payment link: 10 a minute per link, and 60 a minute per IP across links", async ({ expect }) => {
    const t = await chainTenant();
    const reqs = await requests(t, 7);
    const tokens = await Promise.all(reqs.map((r) => linkToken(t, r.id)));
    const ip = testIp();
    const txHash = bogusHash();
    const submitFrom = (token: string, from = ip) =>
      call(`/api/public/payment-links/${token}/payments`, { body: { txHash }, headers: { "cf-connecting-ip": from } });
    for (let i = 0; i < 10; i++) expect((await submitFrom(tokens[0]!)).status).toBe(422);
    expectLimited(expect, await submitFrom(tokens[0]!, testIp()), "payment-submissions-per-link", 10);
    for (const token of tokens.slice(1, 6)) for (let i = 0; i < 10; i++) expect((await submitFrom(token)).status).toBe(422);
    expectLimited(expect, await submitFrom(tokens[6]!), "payment-submissions-per-caller", 60);
    expect((await submitFrom(tokens[6]!, testIp())).status).toBe(422);
  });

  it("a verification sends its JSON-RPC calls to the chain as one batch", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { txHash } = await pay(t, req.id, 12_500_000n);
    let outcome: Awaited<ReturnType<typeof verifyPayment>> | undefined;
    const asked = await chainRequests(async () => {
      outcome = await verifyPayment(env, {
        chainId: CHAIN_ID,
        tokenAddress: demoToken,
        walletAddress: t.wallet,
        txHash,
        requestId: req.id,
      });
    });
    expect(outcome).toMatchObject({ outcome: "confirmed", attribution: "reference" });
    expect(asked).toBe(1);
    expect((await submitPublic(await linkToken(t, req.id), { txHash })).json.status).toBe("paid");
  });
});
