import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";

/** keccak256 of the EIP-191 version 0x45 envelope that `personal_sign` signs. */
export function personalMessageHash(message: string): Uint8Array {
  const body = utf8ToBytes(message);
  const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`);
  return keccak_256(new Uint8Array([...prefix, ...body]));
}

/**
 * The address that produced a 65-byte `personal_sign` signature (r || s || v,
 * v in {0,1,27,28}), lowercase; null when the signature cannot be recovered.
 */
export function recoverPersonalSigner(message: string, signature: string): string | null {
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) return null;
  const bytes = hexToBytes(signature.slice(2));
  const v = bytes[64]!;
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1) return null;
  try {
    const sig = secp256k1.Signature.fromBytes(bytes.slice(0, 64), "compact").addRecoveryBit(recovery);
    if (sig.hasHighS()) return null;
    const point = sig.recoverPublicKey(personalMessageHash(message));
    const uncompressed = point.toBytes(false).slice(1);
    return `0x${bytesToHex(keccak_256(uncompressed).slice(-20))}`;
  } catch {
    return null;
  }
}
