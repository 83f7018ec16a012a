import { userActor } from "../../../../lib/actor";
import { database } from "../../../../db/client";
import type { AppRouteHandler } from "../../../create-router";
import { requestDetail } from "../../../../payments/payment-view";
import { readRequest } from "../../../../requests/read-requests";
import { submitPayment } from "../../../../payments/submit-payment";
import { listUnattributed } from "../../../../payments/unattributed-payments";
import type { listUnattributedPayments, markRequestPaid } from "./payments.routes";

export const markPaidHandler: AppRouteHandler<typeof markRequestPaid> = async (c) => {
  const db = database(c.env.DB);
  const { requestId } = c.req.valid("param");
  const d = c.var.destination;
  const row = await readRequest(db, requestId, { type: "recipient" }, d.id);
  const { txHash, note } = c.req.valid("json");
  const paid = await submitPayment(c.env, d, row, { actor: userActor(c.var.user), txHash, note });
  return c.json(await requestDetail(db, paid), 200);
};

export const unattributedHandler: AppRouteHandler<typeof listUnattributedPayments> = async (c) => {
  const db = database(c.env.DB);
  return c.json(await listUnattributed(db, c.var.destination.id, c.req.valid("query").cursor), 200);
};
