import { describe, it } from "vitest";
import { incoming } from "../helpers/api";
import { limitedClient } from "./helpers";
import { advanceAuthorityClock } from "../helpers/authority";

describe("rate limits", () => {
  it("limits creates per client in the authority: 429 with Retry-After and the IETF RateLimit headers, then refills", async ({
    expect,
  }) => {
    const t = await limitedClient({ createsPerMinute: 3 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await t.create(incoming()));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429]);
    const limited = answers[3]!;
    expect(limited.json.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(19);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(20);
    expect(limited.headers.get("ratelimit-policy")).toBe('"creates";q=3;w=60');
    expect(limited.headers.get("ratelimit")).toMatch(/^"creates";r=0;t=(59|60)$/);
    // One token comes back every 20 s: the bucket refills on the authority's clock.
    await advanceAuthorityClock(t.stub, 20_000);
    expect((await t.create(incoming())).status).toBe(201);
    expect((await t.create(incoming())).status).toBe(429);
  });

  it("does not count a replayed create: a replay creates nothing", async ({ expect }) => {
    const t = await limitedClient({ createsPerMinute: 2 });
    const key = { "idempotency-key": "once" };
    expect((await t.create(incoming(), key)).status).toBe(201);
    expect((await t.create(incoming(), key)).headers.get("idempotent-replayed")).toBe("true");
    expect((await t.create(incoming())).status).toBe(201);
    expect((await t.create(incoming())).status).toBe(429);
  });

  it("limits reads per client secret with the Workers Rate Limiting binding (100 a minute in tests)", async ({ expect }) => {
    const t = await limitedClient({});
    const other = await limitedClient({});
    const reads = await Promise.all(Array.from({ length: 100 }, () => t.orchestrator("/v1/requests?limit=1")));
    expect(reads.every((r) => r.status === 200)).toBe(true);
    const limited = await t.orchestrator("/v1/requests");
    expect([limited.status, limited.json.code]).toEqual([429, "rate_limited"]);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.headers.get("ratelimit-policy")).toMatch(/^"reads";q=\d+;w=60$/);
    expect(limited.headers.get("ratelimit")).toBe('"reads";r=0;t=60');
    // Another client's quota is its own, and creates are not reads.
    expect((await other.orchestrator("/v1/requests")).status).toBe(200);
    expect((await t.create(incoming())).status).toBe(201);
  });
});
