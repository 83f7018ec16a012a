import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { walletFromKey } from "../../scripts/lib/eth-wallet.mjs";

/**
 * A test wallet: a fixed or random secp256k1 key, its address, and personal_sign.
 * The signing is scripts/lib/eth-wallet.mjs's, written apart from src/lib/eip191.ts,
 * so a claim test checks the Worker's verification against an independent signer.
 */
export function testWallet(seed?: number) {
  const secretKey = seed === undefined ? secp256k1.utils.randomSecretKey() : new Uint8Array(32).fill(seed);
  return walletFromKey(bytesToHex(secretKey));
}
