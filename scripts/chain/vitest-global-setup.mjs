// vitest globalSetup: one real local chain (and an empty second one) for the whole run. The Workers tests
// get its URL as the CHAIN_RPC_URLS binding and the Demo USD address through
// `inject` (see vitest.config.ts); the chain stops at teardown, or with this process.
import { startChain } from "./local-chain.mjs";

/** @param {import("vitest/node").TestProject} project */
export default async function setup(project) {
  const started = Date.now();
  // A second chain only so that a transaction submitted for the wrong chain can be told apart from an unknown one.
  const [chain, second] = await Promise.all([startChain(), startChain({ chainId: 31338 })]);
  console.log(
    `[chain] ${chain.chainId} at ${chain.rpcUrl}, Demo USD at ${chain.tokenAddress}; ${second.chainId} at ${second.rpcUrl} (${Date.now() - started} ms)`,
  );
  project.provide("chainRpcUrls", JSON.stringify({ [chain.chainId]: chain.rpcUrl, [second.chainId]: second.rpcUrl }));
  project.provide("demoToken", chain.tokenAddress);
  // Both chains deploy the proxy at the same address (the same account's 12th contract creation).
  project.provide("paymentProxies", JSON.stringify({ [chain.chainId]: [chain.proxyAddress], [second.chainId]: [second.proxyAddress] }));
  return () => {
    chain.stop();
    second.stop();
  };
}
