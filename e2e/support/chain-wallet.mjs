// An injected EIP-1193 wallet backed by a funded account of the run's local
// chain (e2e/run.mjs passes CHAIN_RPC_URL and DEMO_TOKEN): the page's calls
// reach hardhat through Node, whose accounts are unlocked, so a payment made
// in the browser is a real transaction on the chain Payrelay verifies against.
import { rpc } from "../../scripts/chain/evm.mjs";

export const CHAIN_RPC_URL = process.env.CHAIN_RPC_URL;
export const DEMO_TOKEN = process.env.DEMO_TOKEN;
const CHAIN_ID_HEX = "0x7a69"; // 31337

/** Funded account #n of the local chain (lowercase); #1–#9 hold Demo USD, #0 is the demo destination's wallet. */
export async function chainAccount(n) {
  return (await rpc(CHAIN_RPC_URL, "eth_accounts"))[n].toLowerCase();
}

/** Defined in the page before any script runs; forwards to Node, which forwards to the chain. */
function installChainProvider(account) {
  window.ethereum = {
    isPayrelayE2E: true,
    on() {},
    removeListener() {},
    request: async ({ method, params = [] }) => {
      const answer = await window.__e2eChainRequest(method, params, account);
      if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
      return answer.result;
    },
  };
}

/** Installs the wallet for `account` into `page` (before navigating to it). */
export async function installChainWallet(page, account) {
  await page.exposeFunction("__e2eChainRequest", async (method, params) => {
    if (method === "eth_requestAccounts" || method === "eth_accounts") return { result: [account] };
    if (method === "wallet_switchEthereumChain") {
      // 4902: the wallet does not know the chain, as MetaMask answers.
      return params[0]?.chainId === CHAIN_ID_HEX ? { result: null } : { error: { code: 4902, message: "Unrecognized chain" } };
    }
    if (method === "eth_sendTransaction" && params[0]?.from?.toLowerCase() !== account)
      return { error: { code: 4100, message: "Not this wallet's account" } };
    try {
      return { result: await rpc(CHAIN_RPC_URL, method, params) };
    } catch (error) {
      return { error: { code: -32603, message: error.message } };
    }
  });
  await page.addInitScript(installChainProvider, account);
}
