import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { env } from "cloudflare:workers";
import { beforeAll, describe, it } from "vitest";
import { attributionMessage } from "../../../src/payments/chains/attribution";
import { transferCalldata } from "../../../src/payments/chains/payment-reference";
import { verifyPayment } from "../../../src/payments/chains/verify-payment";
import type { PaymentSubmission } from "../../../src/payments/chains/verify-payment";
import { accounts, chain, CHAIN_ID, demoToken, deployOtherToken, downRpcUrl, transfer } from "../../helpers/chain";
import { testWallet } from "../../helpers/wallet";

// Every test pays a fresh wallet, so tests sharing the one chain never see each other's transfers.
let payer: string;
let other: string;
let unfunded: string;
beforeAll(async () => {
  const all = await accounts();
  [payer, other, unfunded] = [all[1]!, all[2]!, all[10]!];
});

const submission = (wallet: string, txHash: string, extra: Partial<PaymentSubmission> = {}): PaymentSubmission => ({
  chainId: CHAIN_ID,
  tokenAddress: demoToken,
  walletAddress: wallet,
  txHash,
  requestId: "req_0k3f9x2m7d4q8w1z",
  ...extra,
});

describe("verifyPayment against the local chain", () => {
  it("confirms a transfer carrying the request's reference, with amount, sender, log index and block", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 12_500_000n, requestId: "req_0k3f9x2m7d4q8w1z" });
    const receipt = await chain<{ blockNumber: string }>("eth_getTransactionReceipt", [txHash]);
    expect(await verifyPayment(env, submission(wallet, txHash))).toEqual({
      outcome: "confirmed",
      attribution: "reference",
      payments: [
        { txHash, logIndex: 0, chainId: CHAIN_ID, from: payer, amountMinor: 12_500_000n, blockNumber: Number(receipt.blockNumber) },
      ],
      confirmations: expect.any(Number),
      required: 1,
    });
  });

  it("leaves a plain transfer unattributed, listing it, without reference, signature or payer wallet", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 1_000_000n });
    const outcome = await verifyPayment(env, submission(wallet, txHash));
    expect(outcome).toMatchObject({ outcome: "unattributed", transfers: [{ txHash, from: payer, amountMinor: 1_000_000n }] });
    expect(outcome.outcome === "unattributed" && outcome.detail).toContain("Payrelay payment {requestId} {txHash}");
  });

  it("does not accept another request's reference", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 1n, requestId: "req_someoneelse00000" });
    expect(await verifyPayment(env, submission(wallet, txHash))).toMatchObject({ outcome: "unattributed" });
  });

  it("attributes by the sender's EIP-191 signature of the request id and hash, and not by another key's", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 2_000_000n });
    const message = attributionMessage("req_0k3f9x2m7d4q8w1z", txHash);
    const signature = await chain<string>("personal_sign", [`0x${bytesToHex(utf8ToBytes(message))}`, payer]);
    expect(await verifyPayment(env, submission(wallet, txHash, { signature }))).toMatchObject({
      outcome: "confirmed",
      attribution: "signature",
    });
    const stranger = testWallet().personalSign(message);
    expect(await verifyPayment(env, submission(wallet, txHash, { signature: stranger }))).toMatchObject({ outcome: "unattributed" });
    // Signed for one request, it does not attribute the same transaction to another.
    expect(await verifyPayment(env, submission(wallet, txHash, { signature, requestId: "req_another000000000" }))).toMatchObject({
      outcome: "unattributed",
    });
  });

  it("attributes by the request's payer wallet being the sender", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 3_000_000n });
    expect(await verifyPayment(env, submission(wallet, txHash, { payerWallet: payer.toUpperCase().replace("0X", "0x") }))).toMatchObject({
      outcome: "confirmed",
      attribution: "payer_wallet",
    });
    expect(await verifyPayment(env, submission(wallet, txHash, { payerWallet: other }))).toMatchObject({ outcome: "unattributed" });
  });

  it("names the token when another token reached the destination", async ({ expect }) => {
    const wallet = testWallet().address;
    const otherToken = await deployOtherToken(other, 5_000_000n);
    const txHash = await transfer({
      from: other,
      to: wallet,
      amountMinor: 5_000_000n,
      token: otherToken,
      requestId: "req_0k3f9x2m7d4q8w1z",
    });
    const outcome = await verifyPayment(env, submission(wallet, txHash));
    expect(outcome).toMatchObject({ outcome: "mismatch", field: "token" });
    expect(outcome.outcome === "mismatch" && outcome.detail).toContain(otherToken);
  });

  it("names the recipient when the token went to another wallet", async ({ expect }) => {
    const elsewhere = testWallet().address;
    const txHash = await transfer({ from: payer, to: elsewhere, amountMinor: 1_000_000n, requestId: "req_0k3f9x2m7d4q8w1z" });
    const outcome = await verifyPayment(env, submission(testWallet().address, txHash));
    expect(outcome).toMatchObject({ outcome: "mismatch", field: "recipient" });
    expect(outcome.outcome === "mismatch" && outcome.detail).toContain(elsewhere);
  });

  it("says the chain when the transaction is on another configured chain than the destination's", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 1n, requestId: "req_0k3f9x2m7d4q8w1z" });
    // The run's second chain (31338) does not have it; 31337 does.
    const outcome = await verifyPayment(env, submission(wallet, txHash, { chainId: 31338 }));
    expect(outcome).toMatchObject({ outcome: "mismatch", field: "chain" });
    expect(outcome.outcome === "mismatch" && outcome.detail).toContain("on chain 31337");
    // Not configured anywhere else: simply unknown.
    const alone = { CHAIN_RPC_URLS: JSON.stringify({ 31338: JSON.parse(env.CHAIN_RPC_URLS)[31338] }) };
    expect(await verifyPayment(alone, submission(wallet, txHash, { chainId: 31338 }))).toMatchObject({ outcome: "not_found" });
  });

  it("says the chain when the transaction's own chain id is not the destination's", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 1n, requestId: "req_0k3f9x2m7d4q8w1z" });
    // A destination on Base whose RPC URL (misconfigured here on purpose) reaches the local chain.
    const misrouted = { CHAIN_RPC_URLS: JSON.stringify({ 8453: JSON.parse(env.CHAIN_RPC_URLS)[CHAIN_ID] }) };
    expect(await verifyPayment(misrouted, submission(wallet, txHash, { chainId: 8453 }))).toMatchObject({
      outcome: "mismatch",
      field: "chain",
    });
  });

  it("finds no payment in an unknown hash or a reverted transaction", async ({ expect }) => {
    const unknown = `0x${"ab".repeat(32)}`;
    expect(await verifyPayment(env, submission(testWallet().address, unknown))).toMatchObject({ outcome: "not_found" });
    const wallet = testWallet().address;
    // Account #10 holds no Demo USD: the token reverts, and the node still mines it (explicit gas skips estimation).
    const txHash = await transfer({ from: unfunded, to: wallet, amountMinor: 1n, gas: "0x30000" });
    const receipt = await chain<{ status: string }>("eth_getTransactionReceipt", [txHash]);
    expect(receipt.status).toBe("0x0");
    const outcome = await verifyPayment(env, submission(wallet, txHash));
    expect(outcome).toMatchObject({ outcome: "not_found" });
    expect(outcome.outcome === "not_found" && outcome.detail).toContain("failed");
  });

  it("is confirming until the chain's confirmation count, then confirmed", async ({ expect }) => {
    const wallet = testWallet().address;
    const txHash = await transfer({ from: payer, to: wallet, amountMinor: 7_000_000n, requestId: "req_0k3f9x2m7d4q8w1z" });
    // Far more than other tests' transactions could mine meanwhile.
    const slow = { ...env, CHAIN_CONFIRMATIONS: JSON.stringify({ [CHAIN_ID]: 1000 }) };
    const before = await verifyPayment(slow, submission(wallet, txHash));
    expect(before).toMatchObject({ outcome: "confirming", required: 1000, payments: [{ amountMinor: 7_000_000n }] });
    await chain("hardhat_mine", ["0x3e8"]);
    expect(await verifyPayment(slow, submission(wallet, txHash))).toMatchObject({
      outcome: "confirmed",
      confirmations: expect.toSatisfy((n: number) => n >= 1000),
    });
  });

  it("is confirming with no payments yet while the transaction waits in the mempool", async ({ expect }) => {
    // The one chain-wide toggle in the suite, for a few milliseconds: other tests' sends wait for their receipt
    // (test/helpers/chain.ts polls), and the finally mines whatever queued meanwhile.
    await chain("evm_setAutomine", [false]);
    try {
      const data = transferCalldata(testWallet().address, 1n, "req_0k3f9x2m7d4q8w1z");
      const txHash = await chain<string>("eth_sendTransaction", [{ from: payer, to: demoToken, data }]);
      expect(await chain("eth_getTransactionReceipt", [txHash])).toBeNull();
      expect(await verifyPayment(env, submission(testWallet().address, txHash))).toEqual({
        outcome: "confirming",
        payments: [],
        attribution: "reference",
        confirmations: 0,
        required: 1,
      });
    } finally {
      await chain("evm_setAutomine", [true]);
      await chain("evm_mine");
    }
  });

  it("answers chain_unavailable when the RPC is down or not configured, never throwing", async ({ expect }) => {
    const txHash = `0x${"cd".repeat(32)}`;
    const down = { CHAIN_RPC_URLS: JSON.stringify({ [CHAIN_ID]: await downRpcUrl() }) };
    expect(await verifyPayment(down, submission(testWallet().address, txHash))).toMatchObject({ outcome: "chain_unavailable" });
    expect(await verifyPayment({ CHAIN_RPC_URLS: "{}" }, submission(testWallet().address, txHash))).toMatchObject({
      outcome: "chain_unavailable",
    });
    expect(await verifyPayment({ CHAIN_RPC_URLS: "not json" }, submission(testWallet().address, txHash))).toMatchObject({
      outcome: "chain_unavailable",
    });
  });
});
