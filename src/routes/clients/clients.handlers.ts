import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError } from "../../lib/problem";
import { authority } from "../../services/authority";
import { resolveLimits } from "../../services/client-limits";
import { resolveSigning } from "../../services/client-signing";
import { claimedDestination, destinationProfile, ownedDestination, tokenOf } from "../../services/destinations";
import type { createClient, listClients, revokeClient } from "./clients.routes";

export const listHandler: AppRouteHandler<typeof listClients> = async (c) => {
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, c.req.valid("param").destinationId);
  return c.json({ data: await authority(c.env, d.id).listClients() }, 200);
};

export const createHandler: AppRouteHandler<typeof createClient> = async (c) => {
  const d = await claimedDestination(database(c.env.DB), c.var.user.id, c.req.valid("param").destinationId);
  const { name, permissions, limits, ...signingInput } = c.req.valid("json");
  const patch = limits === undefined ? {} : resolveLimits(limits, tokenOf(d));
  const actor = { type: "user" as const, userId: c.var.user.id };
  const signing = (await resolveSigning(signingInput)) ?? {};
  return c.json(await authority(c.env, d.id).createClient(destinationProfile(d), name, permissions, patch, actor, signing), 201);
};

export const revokeHandler: AppRouteHandler<typeof revokeClient> = async (c) => {
  const { destinationId, clientId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  const client = await authority(c.env, d.id).revokeClient(clientId, { type: "user", userId: c.var.user.id });
  if (!client) throw new ApiError("not_found", "No such client ID under this destination.");
  return c.json(client, 200);
};
