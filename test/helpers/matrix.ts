// The authorization matrices' shared parts (test/routes/authorization*.test.ts): the operations of
// /openapi.json, a body for each one that takes one, and the tenant every operation aims at.
import { addMember, call, claimedDestination, incoming, newClient, outgoing, signUp, type Recipient } from "./api";
import { randomBase32 } from "../../src/lib/ids";
import { demoUsd } from "./payments";
import { testWallet } from "./wallet";
import { receiverHook } from "../webhooks/receiver";

export type Op = { method: string; path: string; security: Record<string, string[]>[] };

export const BODIES: Record<string, unknown> = {
  "post /api/auth/signup": { email: "someone@example.com", password: "correct horse battery" },
  "post /api/auth/login": { email: "someone@example.com", password: "correct horse battery" },
  "post /api/auth/logout": undefined,
  "post /api/destinations": {
    chainId: 8453,
    walletAddress: "0x" + "2".repeat(40),
    tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
  },
  "patch /api/destinations/{destinationId}": { displayName: "Stranger's shop" },
  "post /api/destinations/{destinationId}/challenge": undefined,
  "post /api/destinations/{destinationId}/claim": { signature: "0x" + "1".repeat(130) },
  "post /api/destinations/{destinationId}/clients": { name: "Stranger's client" },
  "post /api/destinations/{destinationId}/clients/{clientId}/revoke": undefined,
  "post /api/destinations/{destinationId}/requests": incoming(),
  "post /api/destinations/{destinationId}/requests/{requestId}/payment-links": undefined,
  "patch /api/destinations/{destinationId}/clients/{clientId}": { limits: { createsPerMinute: 10 } },
  "post /api/destinations/{destinationId}/clients/{clientId}/rotate-secret": undefined,
  "post /v1/destinations/{destinationId}/requests": incoming(),
  "post /v1/requests/{requestId}/payment-links": undefined,
  "post /v1/requests/{requestId}/cancel": undefined,
  "post /api/destinations/{destinationId}/requests/{requestId}/cancel": undefined,
  "post /api/destinations/{destinationId}/requests/{requestId}/approve": undefined,
  "post /api/destinations/{destinationId}/requests/{requestId}/reject": { reason: "Not ours" },
  "post /api/destinations/{destinationId}/webhook-endpoints": { url: receiverHook("stranger").url },
  "delete /api/destinations/{destinationId}/webhook-endpoints/{endpointId}": undefined,
  "post /api/destinations/{destinationId}/webhook-endpoints/{endpointId}/rotate-secret": undefined,
  "post /api/destinations/{destinationId}/webhook-endpoints/{endpointId}/test": undefined,
  "post /api/destinations/{destinationId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry": undefined,
  "post /v1/webhook-endpoints": { url: receiverHook("stranger").url },
  "delete /v1/webhook-endpoints/{endpointId}": undefined,
  "post /v1/webhook-endpoints/{endpointId}/test": undefined,
  "post /v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry": undefined,
  "post /v1/requests/{requestId}/payments": { txHash: `0x${"ab".repeat(32)}` },
  "post /api/public/payment-links/{token}/payments": { txHash: `0x${"ab".repeat(32)}` },
  "post /api/destinations/{destinationId}/requests/{requestId}/mark-paid": { note: "Paid by bank transfer" },
  "post /api/destinations/{destinationId}/requests/{requestId}/refunds": { amount: "1.00", note: "Sent back by bank transfer" },
  "post /api/public/payment-links/{token}/payer": { walletAddress: "0x" + "5".repeat(40) },
  "post /api/destinations/{destinationId}/invitations": { email: "new-member@example.com", role: "viewer" },
  "patch /api/destinations/{destinationId}/members/{userId}": { role: "admin" },
  "delete /api/destinations/{destinationId}/members/{userId}": undefined,
  "delete /api/destinations/{destinationId}/invitations/{invitationId}": undefined,
  "post /api/invitations/{token}/accept": undefined,
};

export async function operations(): Promise<Op[]> {
  const doc = (await call("/openapi.json")).json as { paths: Record<string, Record<string, { security?: Op["security"] }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, security: op.security ?? [] })),
  );
}

/**
 * A recipient with a claimed destination, a client, a request, a link, webhook endpoints and an open
 * invitation: the things strangers aim at. With `team`, also an admin, a viewer, a member removed a moment
 * ago and the member routes' target (API v1.2 "Teams"), for the role matrix.
 */
export async function tenant({ team = false } = {}) {
  const r = await signUp();
  // On the run's local chain, so payment routes reach a real RPC (an unknown hash is 422, not 503).
  const { id: dst } = await claimedDestination(r, testWallet(), demoUsd());
  const shop = await newClient(r, dst, "Shop");
  const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() })).json;
  const incomingReq = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
  const link = (await shop.orchestrator(`/v1/requests/${incomingReq.id}/payment-links`, { method: "POST" })).json;
  // A recipient endpoint created before the requests would hold deliveries; one made after gets the test event's.
  const hook = (await r.api(`/api/destinations/${dst}/webhook-endpoints`, { body: { url: receiverHook("a").url } })).json;
  await r.api(`/api/destinations/${dst}/webhook-endpoints/${hook.id}/test`, { method: "POST" });
  const delivery = (await r.api(`/api/destinations/${dst}/webhook-endpoints/${hook.id}/deliveries`)).json.data[0];
  const clientHook = (await shop.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook("b").url } })).json;
  const clientDelivery = (await shop.orchestrator(`/v1/webhook-endpoints/${clientHook.id}/test`, { method: "POST" })).json;
  const members = team ? await teamOf(r, dst) : null;
  const invitation = (
    await r.api(`/api/destinations/${dst}/invitations`, { body: { email: `invitee-${dst}@example.com`, role: "viewer" } })
  ).json;
  const params = {
    id: dst,
    destinationId: dst,
    clientId: shop.id,
    requestId: req.id,
    token: link.url.split("/pay/")[1],
    endpointId: hook.id,
    deliveryId: delivery.id,
    // The member routes aim at another member when there is a team, else at the owner (a stranger gets 404 either way).
    userId: members?.target.id ?? (r.user.id as string),
    invitationId: invitation.id,
  };
  const inviteParams = { token: invitation.url.split("/invitations/")[1] as string };
  return {
    r,
    dst,
    shop,
    req,
    params,
    team: members,
    v1Params: { ...params, endpointId: clientHook.id, deliveryId: clientDelivery.deliveryId },
    inviteParams,
  };
}

async function teamOf(r: Recipient, dst: string) {
  const admin = await addMember(r, dst, "admin");
  const viewer = await addMember(r, dst, "viewer");
  const removed = await addMember(r, dst, "admin");
  await r.api(`/api/destinations/${dst}/members/${removed.id}`, { method: "DELETE" });
  const target = await addMember(r, dst, "viewer");
  return { admin, viewer, removed, target };
}

export const fill = (path: string, params: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
export const forgedSecret = () => `prsk_${randomBase32(16)}_${randomBase32(16)}_${randomBase32(32)}`;
export const kind = (op: Op) => (op.security.length === 0 ? "public" : "clientSecret" in op.security[0]! ? "client" : "session");
export const key = (op: Op) => `${op.method} ${op.path}`;
export const SAFE = new Set(["get", "head"]);
export type Role = "owner" | "admin" | "viewer";
export const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };
/** The role a destination route declares in its security requirement (OpenAPI 3.1 role names). */
export const declaredRole = (op: Op) => op.security[0]?.session?.[0] as Role | undefined;
export const destinationScoped = (op: Op) => kind(op) === "session" && op.path.startsWith("/api/destinations/{destinationId}");
