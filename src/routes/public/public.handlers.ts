import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { publicLinkView } from "../../services/public-links";
import type { getPublicPaymentLink } from "./public.routes";

export const publicLinkHandler: AppRouteHandler<typeof getPublicPaymentLink> = async (c) => {
  return c.json(await publicLinkView(database(c.env.DB), c.req.valid("param").token), 200);
};
