import { describe, it } from "vitest";
import { claimedDestination, incoming, newClient, signUp } from "../helpers/api";
import { workerFetch } from "../helpers/worker";

describe("the body guard", () => {
  it("refuses a chunked body over 16 KiB while it streams, before reading it whole", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst);
    let pulled = 0;
    const chunk = new TextEncoder().encode(" ".repeat(4096));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 64)
          controller.close(); // 256 KiB in all, if anyone read it whole
        else controller.enqueue(chunk);
      },
    });
    const res = await workerFetch(
      new Request(`https://payrelay.test/v1/destinations/${dst}/requests`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${shop.secret}`, "content-type": "application/json" },
      }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(10);
    expect((await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).status).toBe(201);
  });

  it("takes a POST whose body is optional with no body and no Content-Type (curl -X POST)", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst);
    const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    const res = await workerFetch(
      new Request(`https://payrelay.test/v1/requests/${req.id}/payment-links`, {
        method: "POST",
        headers: { authorization: `Bearer ${shop.secret}` },
      }),
    );
    expect(res.status).toBe(201);
    const text = await workerFetch(
      new Request(`https://payrelay.test/v1/requests/${req.id}/payment-links`, {
        method: "POST",
        body: "hello",
        headers: { authorization: `Bearer ${shop.secret}`, "content-type": "text/plain" },
      }),
    );
    expect(text.status).toBe(415);
    expect(((await text.json()) as { code: string }).code).toBe("unsupported_media_type");
  });
});
