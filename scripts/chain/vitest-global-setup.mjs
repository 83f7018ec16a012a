// vitest globalSetup: one real local chain for the whole run. The Workers tests
// get its URL as the CHAIN_RPC_URLS binding and the Demo USD address through
// `inject` (see vitest.config.ts); the chain stops at teardown, or with this process.
import { startChain } from "./local-chain.mjs";

/** @param {import("vitest/node").TestProject} project */
export default async function setup(project) {
  const started = Date.now();
  const chain = await startChain();
  console.log(`[chain] ${chain.chainId} at ${chain.rpcUrl}, Demo USD at ${chain.tokenAddress} (${Date.now() - started} ms)`);
  project.provide("chainRpcUrls", JSON.stringify({ [chain.chainId]: chain.rpcUrl }));
  project.provide("demoToken", chain.tokenAddress);
  return () => chain.stop();
}
