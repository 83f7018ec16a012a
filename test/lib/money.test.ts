import { describe, it } from "vitest";
import { formatAmount, parseAmount } from "../../src/lib/money";

describe("money", () => {
  it("parses decimal strings into exact minor units per currency", ({ expect }) => {
    expect(parseAmount("12.50", "USD")).toEqual({ ok: true, minor: 1250n });
    expect(parseAmount("12.5", "USD")).toEqual({ ok: true, minor: 1250n });
    expect(parseAmount("1000", "JPY")).toEqual({ ok: true, minor: 1000n });
    expect(parseAmount("0.000001", "USDC")).toEqual({ ok: true, minor: 1n });
    expect(parseAmount("1.000000000000000001", "ETH")).toEqual({ ok: true, minor: 1_000_000_000_000_000_001n });
    expect(parseAmount("0.1", "KWD")).toEqual({ ok: true, minor: 100n });
  });

  it("refuses too many decimals, zero, signs, exponents, leading zeros and unknown currencies", ({ expect }) => {
    for (const [amount, currency] of [
      ["1.5", "JPY"],
      ["0.001", "USD"],
      ["0", "USD"],
      ["0.00", "USD"],
      ["-1", "USD"],
      ["+1", "USD"],
      ["1e2", "USD"],
      ["01", "USD"],
      [".5", "USD"],
      ["1.", "USD"],
      ["1", "XYZ"],
      ["1".repeat(19), "USD"],
    ]) {
      expect(parseAmount(amount!, currency!).ok, `${amount} ${currency}`).toBe(false);
    }
  });

  it("formats minor units with exactly the currency's decimals", ({ expect }) => {
    expect(formatAmount(1250n, "USD")).toBe("12.50");
    expect(formatAmount("5", "USD")).toBe("0.05");
    expect(formatAmount(1000n, "JPY")).toBe("1000");
    expect(formatAmount("1000000000000000001", "ETH")).toBe("1.000000000000000001");
  });
});
