// A fixed test key standing in for the recipient's wallet. Never holds funds.
import { randomBytes } from "node:crypto";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";

const PRIVATE_KEY = hexToBytes("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
const OTHER_KEY = hexToBytes("8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f");

function addressOf(key) {
  const pub = secp256k1.getPublicKey(key, false).slice(1);
  return `0x${bytesToHex(keccak_256(pub).slice(-20))}`;
}

/** The test wallet's address (lowercase). */
export const TEST_WALLET = addressOf(PRIVATE_KEY);

function sign(key, message) {
  const body = utf8ToBytes(message);
  const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`);
  const hash = keccak_256(new Uint8Array([...prefix, ...body]));
  const sig = secp256k1.sign(hash, key, { prehash: false, format: "recovered" });
  // noble puts the recovery bit first; Ethereum wants r || s || v with v = 27 + recovery.
  return `0x${bytesToHex(sig.slice(1))}${(27 + sig[0]).toString(16)}`;
}

/** EIP-191 personal_sign of `message` by the test wallet. */
export function signPersonal(message) {
  return sign(PRIVATE_KEY, message);
}

/** The same, by a key that does not own the test wallet. */
export function signAsStranger(message) {
  return sign(OTHER_KEY, message);
}

/** `personal_sign` params carry the message as 0x-hex UTF-8 (MetaMask style) or plain text. */
export function decodePersonalMessage(data) {
  if (/^0x([0-9a-fA-F]{2})*$/.test(data)) return new TextDecoder().decode(hexToBytes(data.slice(2)));
  return data;
}

/** A random token address, so each test's destination is unique (wallet + chain + token). */
export function randomAddress() {
  return `0x${randomBytes(20).toString("hex")}`;
}
