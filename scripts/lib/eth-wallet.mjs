// A wallet from a private key, for local demo data and end-to-end tests: its
// address and EIP-191 personal_sign. Imports no node: module, so the workerd tests
// (test/helpers/wallet.ts) sign with it too.
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";

/** @param {string} privateKeyHex 32-byte key, with or without 0x */
export function walletFromKey(privateKeyHex) {
  const key = hexToBytes(privateKeyHex.replace(/^0x/, ""));
  const address = `0x${bytesToHex(keccak_256(secp256k1.getPublicKey(key, false).slice(1)).slice(-20))}`;
  return {
    address,
    /** @param {string} message */
    personalSign(message) {
      const body = utf8ToBytes(message);
      const hash = keccak_256(new Uint8Array([...utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`), ...body]));
      const sig = secp256k1.sign(hash, key, { prehash: false, format: "recovered" });
      // noble puts the recovery byte first; Ethereum wants r || s || v with v = 27 + recovery.
      return `0x${bytesToHex(sig.slice(1))}${(27 + sig[0]).toString(16)}`;
    },
  };
}
