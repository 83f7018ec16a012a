import { and, eq } from "drizzle-orm";
import { database } from "../db/client";
import { requests } from "../db/schema";
import type { TransitionInput } from "../durable-objects/authority-types";
import type { TransitionAction } from "../lifecycle/transitions";
import { ApiError, notFound } from "../lib/problem";
import { authority, storageUnavailable, unknownClientSecret } from "./authority";
import { serializeRequest } from "./request-view";

const PAST: Record<TransitionAction, string> = { cancel: "cancelled", approve: "approved", reject: "rejected", expire: "expired" };

/**
 * Every lifecycle action, for every caller: one authority RPC (the single
 * writer decides, records it and writes it through to D1). A repeat of an action
 * that already happened answers the request as it is (idempotent).
 */
export async function transitionRequest(env: Env, destinationId: string, input: TransitionInput) {
  const stub = authority(env, destinationId);
  let result = await stub.transition(input);
  if (result.outcome === "not_found") {
    // A request admitted before the authority kept request state exists only in D1: hand it over once.
    const legacy = await database(env.DB)
      .select()
      .from(requests)
      .where(and(eq(requests.id, input.requestId), eq(requests.destinationId, destinationId)))
      .get();
    if (legacy) result = await stub.transition({ ...input, adopt: legacy });
  }
  // Whatever the outcome: an expiry found due on the way is a real change, and it must be in D1 before we answer.
  if (result.stored === false) throw storageUnavailable(`The change to ${input.requestId}`, "Repeating it is safe.");
  switch (result.outcome) {
    case "done":
    case "unchanged":
      return serializeRequest(result.row);
    case "invalid_state":
      throw new ApiError("invalid_state", `This request is ${result.row.status}; it cannot be ${PAST[input.action]}.`);
    case "unauthenticated":
      throw unknownClientSecret();
    case "forbidden":
      throw new ApiError("permission_denied", `Only the recipient may have a request ${PAST[input.action]}.`);
    case "not_found":
      throw notFound("request");
  }
}
