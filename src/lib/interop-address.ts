import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** True for a 20-byte hex address, any case (checksum case is not required on input). */
export function isEvmAddress(value: string): boolean {
  return EVM_ADDRESS.test(value);
}

/** EIP-55 mixed-case checksum form of a 20-byte address. */
export function toChecksumAddress(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, "");
  const hash = bytesToHex(keccak_256(utf8ToBytes(lower)));
  let out = "0x";
  for (let i = 0; i < lower.length; i++) {
    out += parseInt(hash[i] as string, 16) >= 8 ? lower[i]!.toUpperCase() : lower[i];
  }
  return out;
}

/** Minimal big-endian bytes of a positive chain id, as ERC-7930 encodes the eip155 chain reference. */
function chainReference(chainId: number): Uint8Array {
  let hex = chainId.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return hexToBytes(hex);
}

/**
 * ERC-7930 checksum: the first 4 bytes of keccak256 over the binary interoperable
 * address without its version field (ChainType, ChainReferenceLength,
 * ChainReference, AddressLength, Address), as uppercase hex.
 */
export function interopChecksum(chainId: number, walletAddress: string): string {
  const ref = chainReference(chainId);
  const addr = hexToBytes(walletAddress.toLowerCase().replace(/^0x/, ""));
  const bin = new Uint8Array([0x00, 0x00, ref.length, ...ref, addr.length, ...addr]);
  return bytesToHex(keccak_256(bin).slice(0, 4)).toUpperCase();
}

/**
 * ERC-7828 name of a destination, with the token appended as the contract shows:
 * `{wallet}@eip155:{chainId}#{checksum}:{token}`.
 */
export function interopAddress(chainId: number, walletAddress: string, tokenAddress: string): string {
  const wallet = toChecksumAddress(walletAddress);
  return `${wallet}@eip155:${chainId}#${interopChecksum(chainId, walletAddress)}:${toChecksumAddress(tokenAddress)}`;
}
