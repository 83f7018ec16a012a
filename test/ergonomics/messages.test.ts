import { describe, it } from "vitest";
import { incoming } from "../helpers/api";
import { harness } from "../helpers/harness";

describe("messages that help an API client fix its call", () => {
  it("an amount sent as a JSON number says to send a decimal string", async ({ expect }) => {
    const { create } = await harness();
    const res = await create(incoming({ amount: 12.5 }));
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { path: "amount", message: 'Send the amount as a decimal string in quotes, e.g. "12.50": amounts are never JSON numbers.' },
    ]);
  });

  it("a 20-digit amount says how many digits are allowed, not 'greater than zero'", async ({ expect }) => {
    const { create } = await harness();
    const res = await create(incoming({ amount: "12345678901234567890" }));
    expect(res.json.errors).toEqual([{ path: "amount", message: "At most 18 digits before the decimal point." }]);
    expect((await create(incoming({ amount: "0.00" }))).json.errors[0].message).toBe("Must be greater than zero.");
  });

  it("the summary names fields by the JSON names the client sent", async ({ expect }) => {
    const { create, shop } = await harness();
    const res = await create({ direction: "outgoing", amount: "3.00", currency: "GBP", payee: { name: "A", sortCode: "12" } });
    expect(res.json.detail).toBe("Check these fields: payee.sortCode, payee.accountNumber.");
    const made = (await create(incoming())).json;
    const link = await shop.orchestrator(`/v1/requests/${made.id}/payment-links`, { body: { expiresInSeconds: 0 } });
    expect(link.json.detail).toBe("Check this field: expiresInSeconds.");
  });

  it("UK payment references: letters, digits, space and - . / & up to 18", async ({ expect }) => {
    const { create } = await harness();
    for (const reference of ["ORDER-1042", "INV 7/2026", "A&B.LTD", "ORDER 1042"]) {
      const res = await create(incoming({ reference }));
      expect(res.status, reference).toBe(201);
      expect(res.json.reference).toBe(reference);
    }
    const bad = await create(incoming({ reference: "ORDER_1042" }));
    expect(bad.json.errors[0]).toEqual({
      path: "reference",
      message: "Use 1 to 18 letters, digits, spaces and - . / & (what UK payment references allow).",
    });
  });

  it("an unknown body field is named by its own path", async ({ expect }) => {
    const { create } = await harness();
    const res = await create(incoming({ colour: "red" }));
    expect(res.json.errors).toEqual([{ path: "colour", message: "This API does not know this field; remove it." }]);
    expect(res.json.detail).toBe("Check this field: colour.");
  });
});
