import { authority } from "../authority/stub";
import { DELIVERY_TIMEOUT_MS, MAX_QUEUE_DELAY_S, RESPONSE_READ_LIMIT, type AttemptOutcome, type DeliveryMessage } from "./events";
import { openSecret } from "./secret-box";
import { signedHeaders } from "./signature";
import { allowLocal, checkWebhookUrl } from "./url-policy";

/** Queue names, as in wrangler.jsonc: the delivery queue and its dead-letter queue. */
export const DELIVERY_QUEUE = "payrelay-webhook-deliveries";
export const DEAD_LETTER_QUEUE = "payrelay-webhook-deliveries-dlq";

/** Reads and drops at most RESPONSE_READ_LIMIT bytes: a receiver cannot make us buffer its answer. */
async function drain(res: Response): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  let read = 0;
  try {
    while (read < RESPONSE_READ_LIMIT) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** One POST: no redirects followed, 15 s for the whole exchange. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<AttemptOutcome> {
  try {
    const res = await fetch(url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: { ...headers, "content-type": "application/json", "user-agent": "Payrelay-Webhooks/1" },
    });
    await drain(res);
    return { status: res.status, error: res.ok ? null : `The endpoint answered ${res.status}.` };
  } catch (err) {
    const timeout = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return { status: null, error: timeout ? "No answer within 15 s." : "The endpoint could not be reached." };
  }
}

/** One message: ask the authority what to send, sign, POST, report. The authority schedules any retry. */
async function deliver(env: Env, msg: DeliveryMessage): Promise<void> {
  const stub = authority(env, msg.destinationId);
  const { job } = await stub.webhookBeginAttempt(msg.deliveryId);
  if (job.action === "drop") return;
  if (job.action === "wait") {
    // Longer than the queue's 12 h maximum delay: hop again until the not-before time.
    const delaySeconds = Math.min(MAX_QUEUE_DELAY_S, Math.max(1, Math.ceil((job.notBefore - Date.now()) / 1000)));
    await env.WEBHOOK_DELIVERIES.send(msg, { delaySeconds });
    return;
  }
  const verdict = checkWebhookUrl(job.url, allowLocal(env));
  let outcome: AttemptOutcome;
  if (!verdict.ok) {
    outcome = { status: null, error: `Refused URL: ${verdict.reason}` };
  } else {
    const secrets = await Promise.all(job.sealedSecrets.map((s) => openSecret(env, job.endpointId, s)));
    const headers = await signedHeaders(secrets, job.eventId, Math.floor(Date.now() / 1000), job.body);
    outcome = await post(verdict.url, headers, job.body);
  }
  await stub.webhookReportAttempt(msg.deliveryId, job.attempt, outcome);
}

/** The Worker's queue handler: deliveries, and the dead-letter queue, whose deliveries are marked failed. */
export async function handleWebhookBatch(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  const dead = batch.queue === DEAD_LETTER_QUEUE;
  await Promise.all(
    batch.messages.map(async (m) => {
      try {
        if (dead) await authority(env, m.body.destinationId).webhookDeadLettered(m.body.deliveryId);
        else await deliver(env, m.body);
        m.ack();
      } catch (err) {
        console.error("webhook message failed", m.body.deliveryId, err instanceof Error ? err.message : err);
        m.retry();
      }
    }),
  );
}
