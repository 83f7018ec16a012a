// The pay page's EIP-681 URI (API v1.2): exactly what is still due, in the token's minor units,
// to the destination's wallet, on its chain; none once nothing is due. And its QR code is the
// URI back when an independent QR reader decodes it (lean-qr, as the page draws it).
import decodeQR from "@paulmillr/qr/decode.js";
import { generate } from "lean-qr";
import { describe, expect, it } from "vitest";
import { paymentUri } from "../../dashboard/lib/eip681";
import type { PayLink } from "../../dashboard/lib/pay-link";

const link = (amountDue: string, tokenDecimals = 6) =>
  ({
    pay: {
      chainId: 8453,
      walletAddress: "0x2C7536E3605D9C16a7a3D7b1898e529396a65c23",
      tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
      tokenSymbol: "USDC",
      tokenDecimals,
      amount: "7.250000",
      amountDue,
      proxyAddress: null,
    },
  }) as unknown as PayLink;

describe("pay page EIP-681 URI", () => {
  it("asks for the amount due in minor units, to the wallet, on the chain", () => {
    expect(paymentUri(link("4.250000"))).toBe(
      "ethereum:0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913@8453/transfer?address=0x2C7536E3605D9C16a7a3D7b1898e529396a65c23&uint256=4250000",
    );
    expect(paymentUri(link("1.5", 18))).toMatch(/&uint256=1500000000000000000$/);
  });

  it("is null when nothing is due or the amount cannot be encoded", () => {
    expect(paymentUri(link("0.000000"))).toBeNull();
    expect(paymentUri(link("0.0000001"))).toBeNull();
  });

  it("encodes a QR code that a reader decodes back to the URI", () => {
    const uri = paymentUri(link("4.250000"))!;
    const code = generate(uri);
    // Drawn as the page draws it: 4 modules of quiet zone, here 4 px a module, black on white RGBA.
    const scale = 4;
    const side = (code.size + 8) * scale;
    const data = new Uint8Array(side * side * 4).fill(255);
    for (let py = 0; py < side; py++)
      for (let px = 0; px < side; px++) {
        const x = Math.floor(px / scale) - 4;
        const y = Math.floor(py / scale) - 4;
        if (x >= 0 && y >= 0 && x < code.size && y < code.size && code.get(x, y))
          data.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
      }
    expect(decodeQR({ width: side, height: side, data })).toBe(uri);
  });
});
