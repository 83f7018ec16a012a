import { userActor } from "../../../../lib/actor";
import type { AppRouteHandler } from "../../../create-router";
import { accepted, authority, storageUnavailable } from "../../../../authority/stub";
import { resolveLimits } from "../../../../limits/limits-input";
import { resolveSigning } from "../../../../clients/signing/client-signing";
import { destinationProfile, requireClaimed, tokenOf } from "../../../../destinations/destinations";
import type { createClient, getClient, listClients, revokeClient } from "./clients.routes";

export const listHandler: AppRouteHandler<typeof listClients> = async (c) => {
  const d = c.var.destination;
  return c.json({ data: (await authority(c.env, d.id).listClients()).data }, 200);
};

export const getHandler: AppRouteHandler<typeof getClient> = async (c) => {
  const { clientId } = c.req.valid("param");
  const { client } = accepted(await authority(c.env, c.var.destination.id).getClient(clientId), "client ID under this destination");
  return c.json(client, 200);
};

export const createHandler: AppRouteHandler<typeof createClient> = async (c) => {
  const d = requireClaimed(c.var.destination);
  const { name, permissions, limits, ...signingInput } = c.req.valid("json");
  const patch = limits === undefined ? {} : resolveLimits(limits, tokenOf(d));
  const actor = userActor(c.var.user);
  const signing = (await resolveSigning(signingInput)) ?? {};
  const { client: created } = await authority(c.env, d.id).createClient(
    destinationProfile(d, c.var.member.claimerEmail),
    { name, permissions, limits: patch, signing },
    actor,
  );
  c.header("location", `/api/destinations/${d.id}/clients/${created.id}`);
  return c.json(created, 201);
};

export const revokeHandler: AppRouteHandler<typeof revokeClient> = async (c) => {
  const { clientId } = c.req.valid("param");
  const revoked = accepted(
    await authority(c.env, c.var.destination.id).revokeClient(clientId, userActor(c.var.user)),
    "client ID under this destination",
  );
  // The revocation holds for creates already; reads learn of it from D1 (clients/client-access.ts).
  if (revoked.stored === false) throw storageUnavailable("The revocation", "Repeating it is safe.");
  return c.json(revoked.client, 200);
};
