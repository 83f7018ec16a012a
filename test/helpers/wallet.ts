import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { personalMessageHash } from "../../src/lib/eip191";

/** A test wallet: a fixed or random secp256k1 key, its address, and personal_sign. */
export function testWallet(seed?: number) {
  const secretKey = seed === undefined ? secp256k1.utils.randomSecretKey() : new Uint8Array(32).fill(seed);
  const address = `0x${bytesToHex(keccak_256(secp256k1.getPublicKey(secretKey, false).slice(1)).slice(-20))}`;
  return {
    address,
    personalSign(message: string): string {
      const sig = secp256k1.sign(personalMessageHash(message), secretKey, { prehash: false, format: "recovered" });
      // noble puts the recovery byte first; Ethereum wants r || s || v with v = 27 + recovery.
      return `0x${bytesToHex(sig.slice(1))}${(27 + sig[0]!).toString(16)}`;
    },
  };
}
