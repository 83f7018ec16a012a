// A fixed test key standing in for the recipient's wallet. Never holds funds.
import { randomBytes } from "node:crypto";
import { hexToBytes } from "@noble/hashes/utils.js";
import { walletFromKey } from "../../scripts/lib/eth-wallet.mjs";

const wallet = walletFromKey("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
const stranger = walletFromKey("8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f");

/** The test wallet's address (lowercase). */
export const TEST_WALLET = wallet.address;

/** EIP-191 personal_sign of `message` by the test wallet. */
export function signPersonal(message) {
  return wallet.personalSign(message);
}

/** The same, by a key that does not own the test wallet. */
export function signAsStranger(message) {
  return stranger.personalSign(message);
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
