import { describe, it } from "vitest";
import { decodeTransferLog, TRANSFER_TOPIC } from "../../../src/payments/chains/transfer-log";

const FROM = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const TO = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
const TOKEN = "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913";
const topic = (address: string) => `0x${address.slice(2).padStart(64, "0")}`;
const log = (overrides: Partial<{ address: string; topics: string[]; data: string; logIndex: string }> = {}) => ({
  address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
  topics: [TRANSFER_TOPIC, topic(FROM), topic(TO)],
  data: `0x${12_500_000n.toString(16).padStart(64, "0")}`,
  logIndex: "0x3",
  ...overrides,
});

describe("decodeTransferLog", () => {
  it("uses the well-known Transfer topic", ({ expect }) => {
    expect(TRANSFER_TOPIC).toBe("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  });

  it("decodes token, from, to, amount and log index, lower-casing addresses", ({ expect }) => {
    expect(decodeTransferLog(log())).toEqual({ logIndex: 3, token: TOKEN, from: FROM, to: TO, amountMinor: 12_500_000n });
  });

  it("keeps amounts beyond 2^53 and up to 2^256 - 1 exact", ({ expect }) => {
    const max = (1n << 256n) - 1n;
    expect(decodeTransferLog(log({ data: `0x${"f".repeat(64)}` }))?.amountMinor).toBe(max);
    expect(decodeTransferLog(log({ data: `0x${(10n ** 30n).toString(16).padStart(64, "0")}` }))?.amountMinor).toBe(10n ** 30n);
  });

  it("accepts upper-case hex from an RPC", ({ expect }) => {
    expect(
      decodeTransferLog(
        log({ topics: [TRANSFER_TOPIC.toUpperCase().replace("0X", "0x"), topic(FROM).toUpperCase().replace("0X", "0x"), topic(TO)] }),
      )?.from,
    ).toBe(FROM);
  });

  it("ignores other events, ERC-721 transfers and malformed logs", ({ expect }) => {
    const approval = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";
    expect(decodeTransferLog(log({ topics: [approval, topic(FROM), topic(TO)] }))).toBeNull();
    // ERC-721: the token id is a fourth topic and there is no data.
    expect(decodeTransferLog(log({ topics: [TRANSFER_TOPIC, topic(FROM), topic(TO), `0x${"0".repeat(63)}7`], data: "0x" }))).toBeNull();
    expect(decodeTransferLog(log({ topics: [TRANSFER_TOPIC, topic(FROM)] }))).toBeNull();
    expect(decodeTransferLog(log({ data: "0x01" }))).toBeNull();
    expect(decodeTransferLog(log({ data: `0x${"0".repeat(128)}` }))).toBeNull();
    // A topic with non-zero high bytes is not an address.
    expect(decodeTransferLog(log({ topics: [TRANSFER_TOPIC, `0x${"1".repeat(64)}`, topic(TO)] }))).toBeNull();
  });
});
