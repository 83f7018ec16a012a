import type { CallerActor } from "../lib/actor";
import type { Context } from "hono";
import type { WebhookResult } from "./webhook-callers";
import type { NewEndpoint } from "./webhook-endpoints";
import type { AppEnv } from "../env";
import { newId } from "../lib/ids";
import { ApiError } from "../lib/problem";
import { accepted } from "../authority/stub";
import { sealSecret } from "./secret-box";
import { newWebhookSecret } from "./signature";
import { allowLocal, checkWebhookUrl } from "./url-policy";

/** The authority's answer, or the contract's problem for its refusal (authority/stub.ts's one mapping). */
export const unwrap = <T>(result: WebhookResult<T>, what = "webhook endpoint"): T => accepted(result, what).value;

/** A fresh secret, shown once, and its sealed form for the authority. */
export async function freshSecret(env: Env, endpointId: string) {
  const secret = newWebhookSecret();
  return { secret, sealed: await sealSecret(env, endpointId, secret) };
}

/** Validates the URL (400 naming `url`), then mints the endpoint's id and secret. */
export async function prepareEndpoint(env: Env, destinationId: string, body: { url: string; events: string[] }) {
  const verdict = checkWebhookUrl(body.url, allowLocal(env));
  if (!verdict.ok)
    throw new ApiError("validation_failed", `The webhook URL is not allowed: ${verdict.reason}`, [
      { path: "url", message: verdict.reason },
    ]);
  const id = newId("whe");
  const { secret, sealed } = await freshSecret(env, id);
  const endpoint: NewEndpoint = { id, destinationId, url: verdict.url, events: body.events, sealedSecret: sealed };
  return { endpoint, secret };
}

/** The orchestrator as a webhook caller: the authority checks its secret's hash. */
export const clientCaller = (c: Context<AppEnv>): CallerActor => ({
  type: "client",
  clientId: c.var.credential.clientId,
  secretHash: c.var.credential.secretHash,
});
/** The signed-in member, as the authority records them in the audit log. */
export const recipientCaller = (user: { id: string; email: string }): CallerActor => ({
  type: "user",
  userId: user.id,
  email: user.email,
});
