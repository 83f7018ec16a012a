import { and, eq } from "drizzle-orm";
import { database } from "../db/client";
import { requests } from "../db/schema";
import type { TransitionInput } from "../authority/authority-types";
import { accepted, authority, storageUnavailable } from "../authority/stub";
import { serializeRequest } from "./request-view";

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
  return serializeRequest(accepted(result, "request").row);
}
