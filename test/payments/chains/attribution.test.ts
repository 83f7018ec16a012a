import { describe, it } from "vitest";
import { attribute, attributionMessage } from "../../../src/payments/chains/attribution";
import type { SentTransaction } from "../../../src/payments/chains/attribution";
import { transferCalldata, TRANSFER_SELECTOR } from "../../../src/payments/chains/payment-reference";
import { testWallet } from "../../helpers/wallet";

const token = "0x00000000000000000000000000000000000000aa";
const destination = "0x00000000000000000000000000000000000000bb";
const txHash = `0x${"12".repeat(32)}`;
const [requestA, requestB] = ["req_aaaaaaaaaaaaaaaa", "req_bbbbbbbbbbbbbbbb"];
const payer = testWallet(7);
const plainCalldata = `${TRANSFER_SELECTOR}${destination.slice(2).padStart(64, "0")}${5n.toString(16).padStart(64, "0")}`;

const sent = (input: string): SentTransaction => ({ from: payer.address, to: token, input });
const forB = (extra: { signature?: string; payerWallet?: string }) => ({ requestId: requestB, txHash, tokenAddress: token, ...extra });

describe("attribution: a reference ties a transfer to its own request only", () => {
  it("a transfer carrying request A's reference is unattributed for B, whatever B's signature or payer wallet say", ({ expect }) => {
    const paysA = sent(transferCalldata(destination, 5n, requestA));
    expect(attribute(paysA, { requestId: requestA, txHash, tokenAddress: token })).toBe("reference");
    expect(attribute(paysA, forB({ payerWallet: payer.address }))).toBeNull();
    expect(attribute(paysA, forB({ signature: payer.personalSign(attributionMessage(requestB, txHash)) }))).toBeNull();
  });

  it("a plain transfer (no reference) is still claimed by the sender's signature or the named payer wallet", ({ expect }) => {
    const plain = sent(plainCalldata);
    expect(attribute(plain, forB({ payerWallet: payer.address }))).toBe("payer_wallet");
    expect(attribute(plain, forB({ signature: payer.personalSign(attributionMessage(requestB, txHash)) }))).toBe("signature");
    expect(attribute(plain, forB({}))).toBeNull();
  });

  it("a reference-shaped word on a call of another contract is no reference: the other rules still apply", ({ expect }) => {
    const viaOther: SentTransaction = { ...sent(transferCalldata(destination, 5n, requestA)), to: destination };
    expect(attribute(viaOther, forB({ payerWallet: payer.address }))).toBe("payer_wallet");
  });
});
