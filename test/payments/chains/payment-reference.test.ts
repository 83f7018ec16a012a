import { describe, it } from "vitest";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { attribute, attributionMessage } from "../../../src/payments/chains/attribution";
import { calldataReference, paymentReference, transferCalldata } from "../../../src/payments/chains/payment-reference";
import { chainMap } from "../../../src/payments/chains/rpc";
import { requiredConfirmations } from "../../../src/payments/chains/confirmations";
import { testWallet } from "../../helpers/wallet";

const TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const TO = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

describe("payment reference", () => {
  it("is keccak256 of 'payrelay:' + the request id, 32 bytes", ({ expect }) => {
    expect(paymentReference("req_abc")).toBe(`0x${bytesToHex(keccak_256(utf8ToBytes("payrelay:req_abc")))}`);
    // Pinned: the pay page, scripts/chain/evm.mjs and every wallet that ever paid depend on this exact value.
    expect(paymentReference("req_abc")).toBe("0xaec0cc85772eddcb50cb93633724565122a2d4eb5234c2d99316c3e85d9bacd4");
    expect(paymentReference("req_abd")).not.toBe(paymentReference("req_abc"));
  });

  it("rides after transfer's two arguments and reads back; plain transfers and other calls carry none", ({ expect }) => {
    const data = transferCalldata(TO, 12_500_000n, "req_abc");
    expect(data.slice(0, 10)).toBe("0xa9059cbb");
    expect(data).toHaveLength(2 + 8 + 64 * 3);
    expect(calldataReference(data)).toBe(paymentReference("req_abc"));
    expect(calldataReference(data.slice(0, 2 + 8 + 128))).toBeNull();
    expect(calldataReference(`0x23b872dd${data.slice(10)}`)).toBeNull();
  });
});

describe("attribution rules", () => {
  const txHash = `0x${"ab".repeat(32)}`;
  const sender = testWallet(9);
  const base = { requestId: "req_abc", txHash, tokenAddress: TOKEN };

  it("takes the reference only on a direct call of the destination's token", ({ expect }) => {
    const input = transferCalldata(TO, 1n, "req_abc");
    expect(attribute({ from: sender.address, to: TOKEN, input }, base)).toBe("reference");
    expect(attribute({ from: sender.address, to: TO, input }, base)).toBeNull();
  });

  it("takes a signature by the sender of the exact message, and a matching payer wallet", ({ expect }) => {
    const tx = { from: sender.address, to: TOKEN, input: "0x" };
    expect(attributionMessage("req_abc", txHash.toUpperCase().replace("0X", "0x"))).toBe(`Payrelay payment req_abc ${txHash}`);
    expect(attribute(tx, { ...base, signature: sender.personalSign(`Payrelay payment req_abc ${txHash}`) })).toBe("signature");
    expect(attribute(tx, { ...base, signature: testWallet(8).personalSign(`Payrelay payment req_abc ${txHash}`) })).toBeNull();
    expect(attribute(tx, { ...base, signature: "0xnot" })).toBeNull();
    expect(attribute(tx, { ...base, payerWallet: sender.address.toUpperCase().replace("0X", "0x") })).toBe("payer_wallet");
    expect(attribute(tx, { ...base, payerWallet: testWallet(8).address })).toBeNull();
  });
});

describe("chain configuration", () => {
  it("parses CHAIN_RPC_URLS, ignoring malformed JSON and keys", ({ expect }) => {
    expect([...chainMap('{"31337":"http://127.0.0.1:8545","x":"y","0":"z"}')]).toEqual([[31337, "http://127.0.0.1:8545"]]);
    expect(chainMap("nope").size).toBe(0);
    expect(chainMap("[1]").size).toBe(0);
    expect(chainMap(undefined).size).toBe(0);
  });

  it("requires 1 confirmation locally, 12 on Ethereum and for unlisted chains, and honours overrides", ({ expect }) => {
    expect(requiredConfirmations({}, 31337)).toBe(1);
    expect(requiredConfirmations({}, 1)).toBe(12);
    expect(requiredConfirmations({}, 999_999)).toBe(12);
    expect(requiredConfirmations({ CHAIN_CONFIRMATIONS: '{"1":20}' }, 1)).toBe(20);
    expect(requiredConfirmations({ CHAIN_CONFIRMATIONS: '{"1":0}' }, 1)).toBe(12);
  });
});
