import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { linkTarget, linkView } from "../../services/public-links";
import { limitPaymentSubmission } from "../../services/payment-rate-limit";
import { submitPayment } from "../../services/submit-payment";
import type { submitPublicPayment } from "./public-payments.routes";

/** The link token is the payer's only credential: it names one request, which is all it may pay. */
export const submitPublicPaymentHandler: AppRouteHandler<typeof submitPublicPayment> = async (c) => {
  const db = database(c.env.DB);
  const target = await linkTarget(db, c.req.valid("param").token);
  await limitPaymentSubmission(c.env, { requestId: target.request.id, linkId: target.link.id }, { ip: c.req.header("cf-connecting-ip") });
  const { txHash, signature } = c.req.valid("json");
  const request = await submitPayment(c.env, target.destination, target.request, { actor: { type: "payer" }, txHash, signature });
  return c.json(await linkView(db, c.env, { ...target, request }), 202);
};
