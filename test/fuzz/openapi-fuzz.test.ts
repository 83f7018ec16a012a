import fc from "fast-check";
import { describe, it } from "vitest";
import { call, claimedDestination, incoming, newClient, outgoing, signUp } from "../helpers/api";
import { demoUsd } from "../helpers/payments";
import { testWallet } from "../helpers/wallet";
import { receiverHook } from "../webhooks/receiver";
import { hostile, jsonText, schemaValue, type Json, type Schema } from "./openapi-arbitraries";

/**
 * A property-based fuzz of every operation in /openapi.json (payments, limits,
 * webhooks and events included): schema-shaped but hostile path parameters,
 * query strings and JSON bodies (huge numbers, unicode, duplicate and
 * prototype keys, wrong types, oversized), sent with the caller's real
 * credentials so they get past auth. Property: never a 5xx, and every 4xx is
 * problem+json whose `status` is the HTTP status and whose `code` is a string.
 * Bounded: RUNS inputs per operation, one fixed seed (so a failure replays); a
 * quiet machine runs it in about 5 s, a busy one (load 3 on 2 cores) in about 30 s.
 */
const RUNS = 5;
const SEED = 20_2612_03;

type Param = { name: string; in: string; schema: Schema };
type Operation = {
  method: string;
  path: string;
  security?: Record<string, string[]>[];
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

// Ops that end a credential or a session run last, so the rest are fuzzed past authentication.
const LAST = [/logout/, /\/revoke$/, /clients\/\{clientId\}\/rotate-secret/, /^delete /];
const order = (key: string) => LAST.findIndex((re) => re.test(key)) + 1;

async function tenant() {
  const r = await signUp();
  const { id: dst } = await claimedDestination(r, testWallet(), demoUsd());
  const shop = await newClient(r, dst, "Shop", ["incoming:creator", "outgoing:creator", "incoming:reader"]);
  const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
  await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() });
  const link = (await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" })).json;
  const hook = (await r.api(`/api/destinations/${dst}/webhook-endpoints`, { body: { url: receiverHook("fuzz").url } })).json;
  await r.api(`/api/destinations/${dst}/webhook-endpoints/${hook.id}/test`, { method: "POST" });
  const delivery = (await r.api(`/api/destinations/${dst}/webhook-endpoints/${hook.id}/deliveries`)).json.data[0];
  const values: Record<string, string> = {
    id: dst,
    destinationId: dst,
    clientId: shop.id,
    requestId: req.id,
    token: link.url.split("/pay/")[1],
    endpointId: hook.id,
    deliveryId: delivery.id,
  };
  return { r, shop, values };
}

describe("fuzz over the OpenAPI document", () => {
  it(
    "answers hostile, schema-shaped input to every operation with no 5xx and every 4xx as problem+json",
    { timeout: 120_000 },
    async ({ expect }) => {
      const doc = (await call("/openapi.json")).json as Doc;
      const t = await tenant();
      const ops = Object.entries(doc.paths)
        .flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ ...op, method, path })))
        .sort((a, b) => order(`${a.method} ${a.path}`) - order(`${b.method} ${b.path}`));
      let tried = 0;
      const failures: string[] = [];
      const statuses = new Map<number, number>();

      for (const op of ops) {
        const params = op.parameters ?? [];
        const pathArb = fc.record(
          Object.fromEntries(
            params
              .filter((p) => p.in === "path")
              .map((p) => [
                p.name,
                fc.oneof(
                  { arbitrary: fc.constant(t.values[p.name] ?? "x"), weight: 3 },
                  { arbitrary: schemaValue(doc, p.schema).map((v) => (typeof v === "string" ? v : jsonText(v))), weight: 1 },
                ),
              ]),
          ),
        );
        const queryArb = fc.record(
          Object.fromEntries(params.filter((p) => p.in === "query").map((p) => [p.name, fc.option(schemaValue(doc, p.schema))])),
        );
        const schema = op.requestBody?.content["application/json"]?.schema;
        // A GET or HEAD cannot carry a body (fetch refuses it); any other method gets one, declared or not.
        const bodyArb: fc.Arbitrary<Json | undefined> = schema
          ? fc.oneof({ arbitrary: schemaValue(doc, schema), weight: 5 }, { arbitrary: hostile, weight: 1 })
          : op.method === "get" || op.method === "head"
            ? fc.constant(undefined)
            : fc.option(hostile, { freq: 3, nil: undefined });
        const kind = !op.security?.length ? "public" : "clientSecret" in op.security[0]! ? "client" : "session";

        await fc.assert(
          fc.asyncProperty(
            pathArb,
            queryArb,
            bodyArb,
            fc.constantFrom("application/json", "application/json", "application/json", "application/json", "text/plain"),
            async (path, query, body, type) => {
              tried++;
              const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? ""));
              const search = new URLSearchParams();
              for (const [k, v] of Object.entries(query)) if (v !== null) search.set(k, typeof v === "string" ? v : jsonText(v));
              const headers: Record<string, string> =
                kind === "client"
                  ? { authorization: `Bearer ${t.shop.secret}` }
                  : kind === "session"
                    ? { cookie: t.r.cookie, "x-csrf-token": t.r.csrf }
                    : { "cf-connecting-ip": `203.0.113.${tried % 250}` };
              if (body !== undefined) headers["content-type"] = type;
              const res = await call(`${url}${search.size ? `?${search}` : ""}`, {
                method: op.method.toUpperCase(),
                headers,
                ...(body === undefined ? {} : { body: jsonText(body) }),
              });
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              const problem = /^application\/problem\+json/.test(res.headers.get("content-type") ?? "");
              const wellFormed = res.status < 400 || (problem && res.json?.status === res.status && typeof res.json?.code === "string");
              if (res.status >= 500 || !wellFormed) {
                failures.push(
                  `${op.method} ${op.path} → ${res.status} ${res.text.slice(0, 200)} (url ${url}, body ${body === undefined ? "-" : jsonText(body).slice(0, 200)})`,
                );
              }
            },
          ),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      }
      console.log(
        `openapi fuzz: ${ops.length} operations, ${tried} inputs, ${failures.length} failures; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(ops.length).toBeGreaterThanOrEqual(47);
      expect(failures).toEqual([]);
    },
  );
});
