import { database } from "../../../db/client";
import type { AppRouteHandler } from "../../create-router";
import { linkTarget, linkView } from "../../../requests/links/public-links";
import { limitPaymentSubmission } from "../../../payments/payment-rate-limit";
import { submitPayment } from "../../../payments/submit-payment";
import { declarePayerWallet } from "../../../requests/declare-payer";
import type { declarePublicPayer, submitPublicPayment } from "./public-payments.routes";

/** The link token is the payer's only credential: it names one request, which is all it may pay. */
export const submitPublicPaymentHandler: AppRouteHandler<typeof submitPublicPayment> = async (c) => {
  const db = database(c.env.DB);
  const target = await linkTarget(db, c.req.valid("param").token);
  await limitPaymentSubmission(c.env, { requestId: target.request.id, linkId: target.link.id }, { ip: c.req.header("cf-connecting-ip") });
  const { txHash, signature } = c.req.valid("json");
  const request = await submitPayment(c.env, target.destination, target.request, { actor: { type: "payer" }, txHash, signature });
  return c.json(await linkView(db, c.env, { ...target, request }), 202);
};

/** The link token names one request; its payer may name the wallet they pay from, once. */
export const declarePublicPayerHandler: AppRouteHandler<typeof declarePublicPayer> = async (c) => {
  const db = database(c.env.DB);
  const target = await linkTarget(db, c.req.valid("param").token);
  await limitPaymentSubmission(c.env, { requestId: target.request.id, linkId: target.link.id }, { ip: c.req.header("cf-connecting-ip") });
  const request = await declarePayerWallet(c.env, target, c.req.valid("json").walletAddress);
  return c.json(await linkView(db, c.env, { ...target, request }), 200);
};
