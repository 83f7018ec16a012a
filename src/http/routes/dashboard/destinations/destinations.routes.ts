import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../../define-route";
import {
  ClaimSchema,
  DestinationCreateSchema,
  DestinationHealthSchema,
  DestinationParams,
  DestinationSchema,
  DestinationUpdateSchema,
} from "../../../../destinations/destination.schemas";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";

const tags = ["Dashboard: destinations"];

export const listDestinations = defineRoute("session", {
  operationId: "listDestinations",
  method: "get",
  path: "/api/destinations",
  tags,
  summary: "Your destinations, newest first",
  responses: { 200: jsonResponse(z.object({ data: z.array(DestinationSchema) }), "Destinations"), ...problems(401) },
});

export const createDestination = defineRoute("session", {
  operationId: "createDestination",
  method: "post",
  path: "/api/destinations",
  tags,
  summary: "Add a destination (unclaimed, with a claim challenge)",
  request: { body: jsonBody(DestinationCreateSchema) },
  responses: { 201: jsonResponse(DestinationSchema, "Created"), ...problems(...BODY_PROBLEMS, 401, "conflict") },
});

export const getDestination = defineRoute("session", {
  operationId: "getDestination",
  method: "get",
  path: "/api/destinations/{destinationId}",
  tags,
  summary: "One destination",
  request: { params: DestinationParams },
  responses: { 200: jsonResponse(DestinationSchema, "The destination"), ...problems(400, 401, 404) },
});

export const updateDestination = defineRoute("session", {
  operationId: "updateDestination",
  method: "patch",
  path: "/api/destinations/{destinationId}",
  tags,
  summary: "Rename a destination: its private label, or the display name payers see",
  description: "Only the names change; `null` clears one. The wallet, chain and token of a destination never change.",
  request: { params: DestinationParams, body: jsonBody(DestinationUpdateSchema) },
  responses: { 200: jsonResponse(DestinationSchema, "The destination"), ...problems(...BODY_PROBLEMS, 401, 404) },
});

export const refreshChallenge = defineRoute("session", {
  operationId: "refreshClaimChallenge",
  method: "post",
  path: "/api/destinations/{destinationId}/challenge",
  role: "owner",
  tags,
  summary: "Issue a fresh claim challenge",
  description: "Challenges are single-use and expire after 15 minutes.",
  request: { params: DestinationParams },
  responses: {
    200: jsonResponse(DestinationSchema, "The destination with a new challenge"),
    ...problems(...BODY_PROBLEMS, 401, 404, "conflict"),
  },
});

export const claimDestination = defineRoute("session", {
  operationId: "claimDestination",
  method: "post",
  path: "/api/destinations/{destinationId}/claim",
  role: "owner",
  tags,
  summary: "Claim with the wallet's EIP-191 personal_sign signature of the challenge",
  request: { params: DestinationParams, body: jsonBody(ClaimSchema) },
  responses: { 200: jsonResponse(DestinationSchema, "Claimed"), ...problems(...BODY_PROBLEMS, 401, 404, "conflict") },
});

export const destinationHealth = defineRoute("session", {
  operationId: "getDestinationHealth",
  method: "get",
  path: "/api/destinations/{destinationId}/health",
  tags,
  summary: "Changes waiting to reach the read model",
  description:
    "Every change is committed by the destination's authority and written through to the read model before a 2xx; one the read model refused waits and is retried on its own. This shows how many wait, since when, and how many keep failing.",
  request: { params: DestinationParams },
  responses: { 200: jsonResponse(DestinationHealthSchema, "The destination's write health"), ...problems(400, 401, 404) },
});
