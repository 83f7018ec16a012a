import { describe, it } from "vitest";
import { decimalsFor, formatAmount, parseAmount, rescaleDown, rescaleExact, rescaleUp } from "../../src/lib/money";

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

  it("rescales between decimal places, each rounding the way its name says", ({ expect }) => {
    // Widening is exact for all three.
    for (const f of [rescaleUp, rescaleDown, rescaleExact]) expect(f(1250n, 2, 6)).toBe(12_500_000n);
    // 12.500001 USDC (6) in cents (2): up for what must cover it, down for what it is worth, none for a match.
    expect(rescaleUp(12_500_001n, 6, 2)).toBe(1251n);
    expect(rescaleDown(12_500_001n, 6, 2)).toBe(1250n);
    expect(rescaleExact(12_500_001n, 6, 2)).toBeNull();
    expect(rescaleExact(12_500_000n, 6, 2)).toBe(1250n);
    // A dust amount still counts against a budget, and is worth nothing toward a request.
    expect(rescaleUp(1n, 6, 2)).toBe(1n);
    expect(rescaleDown(1n, 6, 2)).toBe(0n);
    expect(rescaleUp(0n, 18, 2)).toBe(0n);
    // Negative amounts round toward +∞ (up) and −∞ (down), never toward zero by accident.
    expect(rescaleUp(-12_500_001n, 6, 2)).toBe(-1250n);
    expect(rescaleDown(-12_500_001n, 6, 2)).toBe(-1251n);
  });

  it("gives a request's decimals: its own, else its currency's, else the token's", ({ expect }) => {
    expect(decimalsFor({ decimals: 6, currency: "USD" }, 18)).toBe(6);
    expect(decimalsFor({ decimals: null, currency: "USD" }, 18)).toBe(2);
    expect(decimalsFor({ decimals: null, currency: "DEMO" }, 18)).toBe(18);
  });
});
