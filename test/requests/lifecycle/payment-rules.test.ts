import { describe, it } from "vitest";
import { PAYMENT_RULES, openStatus, paymentEventType, statusAfterPayments } from "../../../src/requests/transitions";

const totals = (paid: bigint, confirming = false) => ({ amount: 1000n, paid, confirming });

describe("the payment rows of the state machine", () => {
  it("derives the status from what is confirmed and what still confirms", ({ expect }) => {
    expect(statusAfterPayments("pending", "pending", totals(0n, true))).toBe("processing");
    expect(statusAfterPayments("processing", "pending", totals(400n))).toBe("partially_paid");
    expect(statusAfterPayments("partially_paid", "pending", totals(400n, true))).toBe("processing");
    expect(statusAfterPayments("partially_paid", "pending", totals(1000n))).toBe("paid");
    expect(statusAfterPayments("pending", "pending", totals(1500n, true))).toBe("paid");
    expect(statusAfterPayments("expired", "expired", totals(1000n))).toBe("paid");
    // Nothing counts any more (a dropped transaction): back where the request stood before payments.
    expect(statusAfterPayments("processing", openStatus("incoming", false), totals(0n))).toBe("pending");
    expect(statusAfterPayments("processing", openStatus("incoming", true), totals(0n))).toBe("expired");
    expect(statusAfterPayments("processing", openStatus("outgoing", false), totals(0n))).toBe("approved");
    // A cancelled request keeps its status whatever arrives: the money is owed back.
    expect(statusAfterPayments("cancelled", "pending", totals(1000n))).toBe("cancelled");
  });

  it("records late, over- and after-close transfers, and declarations only while open", ({ expect }) => {
    expect(PAYMENT_RULES.incoming.verified).toEqual(expect.arrayContaining(["expired", "paid", "cancelled"]));
    expect(PAYMENT_RULES.incoming.declared).not.toContain("paid");
    expect(PAYMENT_RULES.incoming.declared).not.toContain("cancelled");
    expect(PAYMENT_RULES.outgoing.verified).not.toContain("pending_approval");
    expect(PAYMENT_RULES.outgoing.declared).not.toContain("rejected");
  });

  it("names the event for the change", ({ expect }) => {
    expect(paymentEventType("pending", "processing", false)).toBe("request.processing");
    expect(paymentEventType("processing", "paid", false)).toBe("request.paid");
    expect(paymentEventType("expired", "partially_paid", false)).toBe("request.partially_paid");
    expect(paymentEventType("paid", "paid", false)).toBe("request.payment_after_close");
    expect(paymentEventType("cancelled", "cancelled", false)).toBe("request.payment_after_close");
    expect(paymentEventType("processing", "pending", true)).toBe("request.payment_dropped");
  });
});
