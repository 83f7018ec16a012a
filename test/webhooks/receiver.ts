import { Webhook } from "standardwebhooks";
import { inject } from "vitest";

/** What the node:http receiver (test/global-setup/webhook-receiver.ts) got at one key. */
export type Received = { headers: Record<string, string>; body: string; at: number };

const base = () => inject("webhookReceiver");
let n = 0;

/** A fresh receiver URL, with helpers to script its answers and read what arrived. */
export function receiverHook(name = "hook") {
  const key = `${name}-${Date.now()}-${++n}`;
  const inbox = async (): Promise<Received[]> => (await fetch(`${base()}/inbox/${key}`)).json();
  return {
    url: `${base()}/hook/${key}`,
    inbox,
    /** Statuses to answer, in order; 200 after the list runs out. */
    script: async (statuses: number[]) => void (await fetch(`${base()}/script/${key}`, { method: "POST", body: JSON.stringify(statuses) })),
    /** Polls until `count` deliveries arrived (the local queue batches for up to a second, retries wait 5 s). */
    async waitFor(count: number, timeoutMs = 10_000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const got = await inbox();
        if (got.length >= count || Date.now() > deadline) return got;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Verifies a delivery as a receiver would, with the standardwebhooks library; returns the parsed event. */
export function verified(secret: string, r: Received) {
  return new Webhook(secret).verify(r.body, {
    "webhook-id": r.headers["webhook-id"]!,
    "webhook-timestamp": r.headers["webhook-timestamp"]!,
    "webhook-signature": r.headers["webhook-signature"]!,
  }) as { id: string; type: string; sequence: number; createdAt: string; data: { object: Record<string, unknown> } };
}

export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
