import { nudgeWatcher } from "../../../payments/chains/watch/start";
import { database } from "../../../db/client";
import type { AppRouteHandler } from "../../create-router";
import { publicLinkView } from "../../../requests/links/public-links";
import type { getPublicPaymentLink } from "./public.routes";

export const publicLinkHandler: AppRouteHandler<typeof getPublicPaymentLink> = async (c) => {
  const view = await publicLinkView(database(c.env.DB), c.env, c.req.valid("param").token);
  // A payer waiting here may pay from any wallet: make sure its chain and token are watched (after answering).
  const nudge = nudgeWatcher(c.env, { chainId: view.pay.chainId, token: view.pay.tokenAddress }, Date.now());
  if (nudge) c.executionCtx.waitUntil(nudge);
  return c.json(view, 200);
};
