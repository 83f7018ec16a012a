import { database } from "../../../../db/client";
import type { AppRouteHandler } from "../../../create-router";
import { serializeRefund } from "../../../../payments/payment-view";
import { readRequest } from "../../../../requests/read-requests";
import { refundRequest as recordRefund } from "../../../../payments/refund-request";
import type { refundRequest } from "./refunds.routes";

export const refundHandler: AppRouteHandler<typeof refundRequest> = async (c) => {
  const db = database(c.env.DB);
  const { requestId } = c.req.valid("param");
  const d = c.var.destination;
  const row = await readRequest(db, requestId, { type: "recipient" }, d.id);
  const { refund, replayed } = await recordRefund(c.env, d, row, { user: c.var.user, ...c.req.valid("json") });
  if (replayed) c.header("idempotent-replayed", "true");
  return c.json(serializeRefund(refund), 201);
};
