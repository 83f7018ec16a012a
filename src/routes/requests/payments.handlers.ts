import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { ownedDestination } from "../../services/destinations";
import { requestDetail } from "../../services/payment-view";
import { readRequest } from "../../services/read-requests";
import { submitPayment } from "../../services/submit-payment";
import { listUnattributed } from "../../services/unattributed-payments";
import type { listUnattributedPayments, markRequestPaid } from "./payments.routes";

export const markPaidHandler: AppRouteHandler<typeof markRequestPaid> = async (c) => {
  const db = database(c.env.DB);
  const { destinationId, requestId } = c.req.valid("param");
  const d = await ownedDestination(db, c.var.user.id, destinationId);
  const row = await readRequest(db, requestId, { type: "recipient" }, d.id);
  const { txHash, note } = c.req.valid("json");
  const paid = await submitPayment(c.env, d, row, { actor: { type: "user", userId: c.var.user.id }, txHash, note });
  return c.json(await requestDetail(db, paid), 200);
};

export const unattributedHandler: AppRouteHandler<typeof listUnattributedPayments> = async (c) => {
  const db = database(c.env.DB);
  const d = await ownedDestination(db, c.var.user.id, c.req.valid("param").destinationId);
  return c.json(await listUnattributed(db, d.id, c.req.valid("query").cursor), 200);
};
