import { describe, it } from "vitest";
import { recoverPersonalSigner } from "../../src/lib/eip191";
import { testWallet } from "../helpers/wallet";

describe("EIP-191 personal_sign recovery", () => {
  it("recovers the signer of a message, for v as 27/28 and as 0/1", ({ expect }) => {
    const w = testWallet(7);
    const sig = w.personalSign("Payrelay: claim");
    expect(recoverPersonalSigner("Payrelay: claim", sig)).toBe(w.address);
    const v = parseInt(sig.slice(-2), 16) - 27;
    expect(recoverPersonalSigner("Payrelay: claim", `${sig.slice(0, -2)}0${v}`)).toBe(w.address);
  });

  it("matches a known vector: the address of private key 0x01…01", ({ expect }) => {
    // Private key 32 × 0x01 has the well-known address 0x1a642f0e3c3af545e7acbd38b07251b3990914f1.
    expect(testWallet(1).address).toBe("0x1a642f0e3c3af545e7acbd38b07251b3990914f1");
  });

  it("gives another address for another message, and null for garbage", ({ expect }) => {
    const w = testWallet(7);
    expect(recoverPersonalSigner("other", w.personalSign("Payrelay: claim"))).not.toBe(w.address);
    expect(recoverPersonalSigner("x", "0x1234")).toBeNull();
    expect(recoverPersonalSigner("x", `0x${"00".repeat(64)}1b`)).toBeNull();
    expect(recoverPersonalSigner("x", `0x${"11".repeat(64)}05`)).toBeNull();
  });
});
