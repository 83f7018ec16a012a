import { database } from "../../../../db/client";
import { destinations } from "../../../../db/schema";
import type { AppRouteHandler } from "../../../create-router";
import { notFound } from "../../../../lib/problem";
import { eq } from "drizzle-orm";
import { readVisibility } from "../../../../clients/client-access";
import { requestDetail } from "../../../../payments/payment-view";
import { readRequest } from "../../../../requests/read-requests";
import { limitPaymentSubmission } from "../../../../payments/payment-rate-limit";
import { submitPayment } from "../../../../payments/submit-payment";
import type { submitOrchestratorPayment } from "./payments.routes";

/** Whoever may read the request may report its payment: the chain, not the caller, decides whether it counts. */
export const submitPaymentHandler: AppRouteHandler<typeof submitOrchestratorPayment> = async (c) => {
  const { clientId, secretHash, destinationId } = c.var.credential;
  const db = database(c.env.DB);
  const row = await readRequest(db, c.req.valid("param").requestId, readVisibility(c.env, c.var.credential), destinationId);
  // Counted once the secret is proven and the request readable: a stranger cannot spend a request's quota.
  await limitPaymentSubmission(c.env, { requestId: row.id }, { secretHash });
  const d = await db.select().from(destinations).where(eq(destinations.id, destinationId)).get();
  if (!d) throw notFound("request");
  const { txHash, signature } = c.req.valid("json");
  const paid = await submitPayment(c.env, d, row, { actor: { type: "client", clientId, secretHash }, txHash, signature });
  return c.json(await requestDetail(db, paid), 202);
};
