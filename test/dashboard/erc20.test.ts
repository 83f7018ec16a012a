// The pay page's hand-written encoder must produce byte for byte what the server
// reads back: same selector, arguments and trailing payment reference.
import { describe, expect, it } from "vitest";
import { isTxHash, toMinorUnits, transferCalldata } from "../../dashboard/lib/erc20";
import { calldataReference, paymentReference, transferCalldata as serverCalldata } from "../../src/payments/chains/payment-reference";

const TO = "0x2C7536E3605D9C16a7a3D7b1898e529396a65c23";

describe("pay page transfer calldata", () => {
  it("equals the server's encoding, and the server reads the request's reference back from it", () => {
    const reference = paymentReference("req_abc123");
    const data = transferCalldata(TO, 12_500_000n, reference);
    expect(data).toBe(serverCalldata(TO, 12_500_000n, "req_abc123"));
    expect(calldataReference(data)).toBe(reference);
    expect(data.slice(0, 10)).toBe("0xa9059cbb");
  });

  it("refuses what it cannot encode instead of sending a wrong transfer", () => {
    const reference = paymentReference("req_abc123");
    expect(() => transferCalldata("0x1234", 1n, reference)).toThrow();
    expect(() => transferCalldata(TO, 0n, reference)).toThrow();
    expect(() => transferCalldata(TO, 2n ** 256n, reference)).toThrow();
    expect(() => transferCalldata(TO, 1n, "0xabc")).toThrow();
  });
});

describe("minor units from a decimal string", () => {
  it("scales without floats, also past 2^53", () => {
    expect(toMinorUnits("12.5", 6)).toBe(12_500_000n);
    expect(toMinorUnits("12.500000", 6)).toBe(12_500_000n);
    expect(toMinorUnits("0.000001", 6)).toBe(1n);
    expect(toMinorUnits("90071992547409.93", 18)).toBe(90_071_992_547_409_930_000_000_000_000_000n);
    expect(toMinorUnits("7", 0)).toBe(7n);
  });

  it("rejects more precision than the token has, and anything not a plain decimal", () => {
    expect(toMinorUnits("0.0000001", 6)).toBeNull();
    expect(toMinorUnits("-1", 6)).toBeNull();
    expect(toMinorUnits("1e6", 6)).toBeNull();
    expect(toMinorUnits("", 6)).toBeNull();
  });
});

describe("transaction hash check", () => {
  it("takes 0x and 64 hex digits only", () => {
    expect(isTxHash(`0x${"aB".repeat(32)}`)).toBe(true);
    expect(isTxHash(`0x${"a".repeat(63)}`)).toBe(false);
    expect(isTxHash(`${"a".repeat(64)}`)).toBe(false);
    expect(isTxHash(`0x${"g".repeat(64)}`)).toBe(false);
  });
});
