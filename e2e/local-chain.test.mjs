// The run's local chain is reachable from the browser through the injected
// EIP-1193 wallet: switch chain, send an ERC-20 transfer carrying a payment
// reference, and the chain has mined it with its Transfer log.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { paymentReference, rpc, transferCalldata } from "../scripts/chain/evm.mjs";
import { launch } from "./support/browser.mjs";
import { CHAIN_RPC_URL, DEMO_TOKEN, chainAccount, installChainWallet } from "./support/chain-wallet.mjs";
import { randomAddress } from "./support/wallet.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

test("a page's EIP-1193 wallet pays on the local chain: switch chain, transfer with reference, mined", async () => {
  const payer = await chainAccount(1);
  const page = await (await browser.newContext()).newPage();
  await installChainWallet(page, payer);
  await page.goto(`${process.env.BASE_URL}/`);
  const to = randomAddress();
  const data = transferCalldata(to, 1_250_000n, paymentReference("req_e2echain0000000"));
  const { txHash, refused } = await page.evaluate(
    async ({ token, data }) => {
      const eth = window.ethereum;
      const refused = await eth.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x2105" }] }).catch((e) => e.code);
      await eth.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x7a69" }] });
      const [from] = await eth.request({ method: "eth_requestAccounts" });
      return { refused, txHash: await eth.request({ method: "eth_sendTransaction", params: [{ from, to: token, data }] }) };
    },
    { token: DEMO_TOKEN, data },
  );
  assert.equal(refused, 4902);
  const receipt = await rpc(CHAIN_RPC_URL, "eth_getTransactionReceipt", [txHash]);
  assert.equal(receipt.status, "0x1");
  const [log] = receipt.logs;
  assert.equal(log.address.toLowerCase(), DEMO_TOKEN.toLowerCase());
  assert.equal(`0x${log.topics[2].slice(26)}`, to);
  assert.equal(BigInt(log.data), 1_250_000n);
  const tx = await rpc(CHAIN_RPC_URL, "eth_getTransactionByHash", [txHash]);
  assert.ok(tx.input.endsWith(paymentReference("req_e2echain0000000").slice(2)));
});
