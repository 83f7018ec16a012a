import { and, eq } from "drizzle-orm";
import { database } from "../db/client";
import { recordTransition } from "../db/record-writer";
import { requests } from "../db/schema";
import type { TransitionInput, TransitionRecord } from "../durable-objects/authority-types";
import type { TransitionAction } from "../lifecycle/transitions";
import { ApiError, notFound } from "../lib/problem";
import { authority, unknownClientSecret } from "./authority";
import { serializeRequest } from "./request-view";

const PAST: Record<TransitionAction, string> = { cancel: "cancelled", approve: "approved", reject: "rejected", expire: "expired" };

/** Writes a transition's records to D1 as one batch: each is guarded by its sequence, so order and repeats are harmless. */
async function persistTransitions(env: Env, records: TransitionRecord[]): Promise<void> {
  if (records.length === 0) return;
  const db = database(env.DB);
  const [first, ...rest] = records.flatMap((r) => recordTransition(db, r));
  try {
    await db.batch([first!, ...rest]);
  } catch (err) {
    console.error("D1 write after transition failed", records[0]!.row.id, err instanceof Error ? err.message : err);
    throw new ApiError(
      "storage_unavailable",
      `The change to ${records[0]!.row.id} was accepted and will be recorded shortly; repeating it is safe.`,
      undefined,
      { "retry-after": "2" },
    );
  }
}

/**
 * Every lifecycle action, for every caller: one authority RPC (the single
 * writer decides and records it), then one D1 batch. A repeat of an action
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
  // Written whatever the outcome: an expiry found due on the way is a real change.
  await persistTransitions(env, result.records);
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
