import { userActor } from "../../../../lib/actor";
import type { AppRouteHandler } from "../../../create-router";
import { accepted, authority, storageUnavailable } from "../../../../authority/stub";
import { resolveLimits } from "../../../../limits/limits-input";
import { resolveSigning } from "../../../../clients/signing/client-signing";
import { tokenOf } from "../../../../destinations/destinations";
import { DEFAULT_OVERLAP_SECONDS } from "../../../../limits/client-limits.schemas";
import type { AuditActorFilter } from "../../../../audit/audit-log";
import type { DestinationAuthority } from "../../../../authority/destination-authority";
import type { listAudit, rotateClientSecret, updateClient } from "./client-lifecycle.routes";

export const updateHandler: AppRouteHandler<typeof updateClient> = async (c) => {
  const { clientId } = c.req.valid("param");
  const d = c.var.destination;
  const { limits, ...signingInput } = c.req.valid("json");
  const patch = limits === undefined ? undefined : resolveLimits(limits, tokenOf(d));
  const signing = await resolveSigning(signingInput);
  const change = { ...(patch === undefined ? {} : { limits: patch }), ...(signing === undefined ? {} : { signing }) };
  const result = accepted(
    await authority(c.env, d.id).updateClient(clientId, change, userActor(c.var.user)),
    "client ID under this destination",
  );
  if (!result.stored) throw storageUnavailable("The change", "Repeating it is safe.");
  return c.json(result.client, 200);
};

export const rotateHandler: AppRouteHandler<typeof rotateClientSecret> = async (c) => {
  const { clientId } = c.req.valid("param");
  const d = c.var.destination;
  const overlap = c.req.valid("json")?.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
  const result = await authority(c.env, d.id).rotateClientSecret(d.id, clientId, overlap, userActor(c.var.user));
  return c.json(accepted(result, "client ID under this destination").client, 200);
};

export const auditHandler: AppRouteHandler<typeof listAudit> = async (c) => {
  const { cursor, actor } = c.req.valid("query");
  const filter: AuditActorFilter | null =
    actor === undefined
      ? null
      : actor === "system"
        ? { type: "system" }
        : actor.startsWith("usr_")
          ? { type: "user", userId: actor }
          : { type: "client", clientId: actor };
  const answer = await authority(c.env, c.var.destination.id).listAudit(cursor ?? null, filter);
  // Audit details are `Record<string, unknown>`, which the RPC stub's types cannot name: the method's own type can.
  const page = accepted(answer as unknown as ReturnType<DestinationAuthority["listAudit"]>, "audit log");
  return c.json({ data: page.data, nextCursor: page.nextCursor }, 200);
};
