import { env } from "cloudflare:workers";
import { authority } from "../../src/authority/stub";
import { USDC_ON_BASE, type Token } from "../../scripts/lib/recipient-setup.mjs";
import { call, claimedDestination, incoming, outgoing, signUp, type Recipient } from "./api";
import { clientCaller } from "../../scripts/lib/recipient-setup.mjs";
import { receiverHook } from "../webhooks/receiver";
import { testWallet } from "./wallet";

type Json = Record<string, unknown>;
export type ClientOptions = { permissions?: string[]; limits?: Json };
export type HarnessOptions = ClientOptions & { token?: Token; clientName?: string };

/** A client ID of the harness's destination: its id and secret once, and a caller that sends the secret. */
export async function makeClient(r: Recipient, dst: string, name: string, { permissions, limits }: ClientOptions = {}) {
  const made = await r.api(`/api/destinations/${dst}/clients`, {
    body: { name, ...(permissions ? { permissions } : {}), ...(limits ? { limits } : {}) },
  });
  if (made.status !== 201) throw new Error(`creating client ${name} answered ${made.status}: ${made.text}`);
  return {
    id: made.json.id as string,
    secret: made.json.secret as string,
    client: made.json,
    orchestrator: clientCaller(call, made.json.secret),
  };
}
export type TestClient = Awaited<ReturnType<typeof makeClient>>;
type Made = { id: string; status: string; expiresAt: string | null };

/**
 * The one test harness: a fresh signed-up recipient, a destination claimed with a real wallet signature, and a client
 * ("Shop", or `clientName`) with `permissions` and `limits`; then the calls tests make of them, all through the API
 * the way a dashboard or an orchestrator would. `stub` is the destination's authority, reached only by its RPC.
 * Every test makes its own world: storage is shared with the other files of the run (vitest.config.ts).
 */
export async function harness(options: HarnessOptions = {}) {
  const r = await signUp();
  const { id: dst, destination } = await claimedDestination(r, testWallet(), options.token ?? USDC_ON_BASE);
  const shop = await makeClient(r, dst, options.clientName ?? "Shop", options);
  const requests = `/api/destinations/${dst}/requests`;
  const made = async (res: { status: number; text: string; json: Made }) => {
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.text}`);
    return res.json;
  };
  const body = (direction: "incoming" | "outgoing", extra: Json) => (direction === "incoming" ? incoming(extra) : outgoing(extra));
  return {
    r,
    dst,
    destination,
    shop,
    stub: authority(env, dst),
    /** Another client of this destination. */
    client: (name: string, opts: ClientOptions = {}) => makeClient(r, dst, name, opts),
    /** POST /v1/destinations/{dst}/requests by `by` (the shop unless told), answered as it comes. */
    create: (payload: unknown = incoming(), { by = shop, headers = {} }: { by?: TestClient; headers?: Record<string, string> } = {}) =>
      by.orchestrator(`/v1/destinations/${dst}/requests`, { body: payload, headers }),
    /** A request the shop made (201 or the test fails here). */
    byShop: async (direction: "incoming" | "outgoing", extra: Json = {}) =>
      made(await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: body(direction, extra) })),
    /** A request the recipient made in the dashboard (201 or the test fails here). */
    manual: async (direction: "incoming" | "outgoing", extra: Json = {}) => made(await r.api(requests, { body: body(direction, extra) })),
    /** The recipient cancels, approves or rejects. */
    act: (id: string, action: "cancel" | "approve" | "reject", payload?: unknown) =>
      r.api(`${requests}/${id}/${action}`, { method: "POST", ...(payload === undefined ? {} : { body: payload }) }),
    read: (id: string) => r.api(`${requests}/${id}`),
    events: (id: string) => r.api(`${requests}/${id}/events`),
    /** The recipient revokes a client (the shop unless told). */
    revoke: (c: TestClient = shop) => r.api(`/api/destinations/${dst}/clients/${c.id}/revoke`, { method: "POST" }),
    /** A recipient's webhook endpoint at a fresh receiver, answering `statuses` first (then 200). */
    recipientEndpoint: async (statuses: number[] = [], extra: Json = {}) => {
      const hook = receiverHook("recipient");
      await hook.script(statuses);
      const res = await r.api(`/api/destinations/${dst}/webhook-endpoints`, { body: { url: hook.url, ...extra } });
      if (res.status !== 201) throw new Error(`endpoint answered ${res.status}: ${res.text}`);
      return {
        hook,
        endpoint: res.json,
        secret: res.json.secret as string,
        base: `/api/destinations/${dst}/webhook-endpoints/${res.json.id}`,
      };
    },
    /** A client's own webhook endpoint (the shop's unless told) at a fresh receiver. */
    clientEndpoint: async (c: TestClient = shop, statuses: number[] = []) => {
      const hook = receiverHook(c.client.name);
      await hook.script(statuses);
      const res = await c.orchestrator("/v1/webhook-endpoints", { body: { url: hook.url } });
      if (res.status !== 201) throw new Error(`endpoint answered ${res.status}: ${res.text}`);
      return { hook, endpoint: res.json, secret: res.json.secret as string, base: `/v1/webhook-endpoints/${res.json.id}` };
    },
  };
}
export type Harness = Awaited<ReturnType<typeof harness>>;
