import { userActor } from "../../../../lib/actor";
import { MAX_METADATA_FILTERS } from "../../../../requests/request.schemas";
import { metadataFilters } from "../../../../requests/list-query";
import { database } from "../../../../db/client";
import { publicOrigin } from "../../../../lib/public-origin";
import type { AppRouteHandler } from "../../../create-router";
import { destinationProfile, requireClaimed } from "../../../../destinations/destinations";
import { createRequest } from "../../../../requests/create-request";
import { MAX_LINK_SECONDS, createPaymentLink } from "../../../../requests/links/payment-links";
import { listPaymentLinks } from "../../../../requests/links/payment-link-history";
import { listRequests, readRequest } from "../../../../requests/read-requests";
import { requestDetail } from "../../../../payments/payment-view";
import type {
  createDestinationPaymentLink,
  createDestinationRequest,
  getDestinationRequest,
  listDestinationRequests,
  listDestinationPaymentLinks,
} from "./requests.routes";

const recipient = { type: "recipient" } as const;

export const listHandler: AppRouteHandler<typeof listDestinationRequests> = async (c) => {
  const db = database(c.env.DB);
  const d = c.var.destination;
  const filters = { ...c.req.valid("query"), metadata: metadataFilters(c.req.url, MAX_METADATA_FILTERS) };
  return c.json(await listRequests(db, d.id, recipient, filters), 200);
};

export const getHandler: AppRouteHandler<typeof getDestinationRequest> = async (c) => {
  const db = database(c.env.DB);
  const { requestId } = c.req.valid("param");
  const d = c.var.destination;
  return c.json(await requestDetail(db, await readRequest(db, requestId, recipient, d.id)), 200);
};

export const createHandler: AppRouteHandler<typeof createDestinationRequest> = async (c) => {
  const d = requireClaimed(c.var.destination);
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const { request, replayed } = await createRequest(
    c.env,
    d.id,
    c.req.valid("json"),
    userActor(c.var.user),
    key,
    destinationProfile(d, c.var.member.claimerEmail),
  );
  if (replayed) c.header("idempotent-replayed", "true");
  c.header("location", `/api/destinations/${d.id}/requests/${request.id}`);
  return c.json(request, 201);
};

export const paymentLinkHandler: AppRouteHandler<typeof createDestinationPaymentLink> = async (c) => {
  const db = database(c.env.DB);
  const { requestId } = c.req.valid("param");
  const d = requireClaimed(c.var.destination);
  const row = await readRequest(db, requestId, recipient, d.id);
  const seconds = c.req.valid("json")?.expiresInSeconds ?? MAX_LINK_SECONDS;
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const { link, replayed } = await createPaymentLink(c.env, publicOrigin(c.env, c.req.url), row, userActor(c.var.user), seconds, key);
  if (replayed) c.header("idempotent-replayed", "true");
  c.header("location", link.url);
  return c.json(link, 201);
};

export const paymentLinksHandler: AppRouteHandler<typeof listDestinationPaymentLinks> = async (c) => {
  const db = database(c.env.DB);
  const { requestId } = c.req.valid("param");
  const d = c.var.destination;
  // Read first: another recipient's request, or one under another destination, is 404 like an absent one.
  const row = await readRequest(db, requestId, recipient, d.id);
  return c.json(await listPaymentLinks(db, d.id, row.id), 200);
};
