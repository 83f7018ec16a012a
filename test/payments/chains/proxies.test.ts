import { describe, it } from "vitest";
import { PROXY_EVENT_TOPIC, decodeProxyLog, proxiesOf, proxyAddressFor, proxyReferenceTopic } from "../../../src/payments/chains/proxies";

const LOCAL = "0x" + "ab".repeat(20);
const word = (hex: string) => hex.replace(/^0x/, "").padStart(64, "0");

describe("payment proxies", () => {
  it("counts PAYMENT_PROXIES first, then Request Network's published deployments, only on their chains", ({ expect }) => {
    const env = { PAYMENT_PROXIES: JSON.stringify({ 1: [LOCAL.toUpperCase().replace("0X", "0x")], 31337: [LOCAL] }) };
    expect(proxiesOf(env, 1)).toEqual([LOCAL, "0x370de27fdb7d1ff1e1baa7d11c5820a324cf623c"]);
    expect(proxyAddressFor(env, 31337)).toBe(LOCAL);
    expect(proxyAddressFor({}, 8453)).toBeNull();
    // Malformed configuration adds nothing and never throws.
    expect(proxiesOf({ PAYMENT_PROXIES: "{not json" }, 31337)).toEqual([]);
    expect(proxiesOf({ PAYMENT_PROXIES: JSON.stringify({ 31337: ["0x12", 7] }) }, 31337)).toEqual([]);
  });

  it("decodes TransferWithReferenceAndFee of a known proxy only", ({ expect }) => {
    const token = "0x" + "11".repeat(20);
    const to = "0x" + "22".repeat(20);
    const reference = "0x" + "5c".repeat(32);
    const log = {
      address: LOCAL,
      topics: [PROXY_EVENT_TOPIC, proxyReferenceTopic(reference)],
      data: `0x${word(token)}${word(to)}${word("0xbebc20")}${word("0x0")}${word("0x0")}`,
      logIndex: "0x2",
    };
    expect(decodeProxyLog(log, [LOCAL])).toEqual({
      proxy: LOCAL,
      token,
      to,
      amountMinor: 12_500_000n,
      referenceTopic: proxyReferenceTopic(reference),
      logIndex: 2,
    });
    expect(decodeProxyLog(log, ["0x" + "cd".repeat(20)])).toBeNull();
    expect(decodeProxyLog({ ...log, topics: [PROXY_EVENT_TOPIC] }, [LOCAL])).toBeNull();
  });
});
