import { describe, it } from "vitest";
import { interopAddress, interopChecksum, toChecksumAddress } from "../../src/lib/interop-address";

describe("ERC-7828 / ERC-7930 interop addresses", () => {
  it("matches the ERC-7828 spec example checksum", ({ expect }) => {
    expect(interopChecksum(1, "0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7")).toBe("80B12379");
  });

  it("renders wallet@eip155:chain#checksum:token with EIP-55 casing, whatever the input case", ({ expect }) => {
    expect(interopAddress(1, "0xfe89cc7abb2c4183683ab71653c4cdc9b02d44b7", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48")).toBe(
      "0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7@eip155:1#80B12379:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
    );
  });

  it("encodes multi-byte chain ids, so the checksum changes with the chain", ({ expect }) => {
    expect(interopChecksum(8453, "0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7")).not.toBe("80B12379");
    expect(toChecksumAddress("0x52908400098527886e0f7030069857d2e4169ee7")).toBe("0x52908400098527886E0F7030069857D2E4169EE7");
  });
});
