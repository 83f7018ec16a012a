// The README's curl walkthrough, run as written against `wrangler dev`, so the quick start cannot silently break.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { randomBytes } from "node:crypto";
import { paymentReference, sendAndWait, transferCalldata } from "../scripts/chain/evm.mjs";
import { walletFromKey } from "../scripts/lib/eth-wallet.mjs";
import { claim, createDestination } from "../scripts/lib/recipient-setup.mjs";
import { BASE_URL, Recipient } from "./support/api.mjs";
import { CHAIN_RPC_URL, DEMO_TOKEN, chainAccount } from "./support/chain-wallet.mjs";

/** What the README's payer does before the payments call: Demo USD with the request's reference, from account #3. */
async function payOnChain(wallet, requestId) {
  const from = await chainAccount(3);
  const data = transferCalldata(wallet, 12_500_000n, paymentReference(requestId));
  const receipt = await sendAndWait(CHAIN_RPC_URL, { from, to: DEMO_TOKEN, data });
  assert.equal(receipt.status, "0x1");
  return receipt.transactionHash;
}

/** The shell block under "An orchestrator in five minutes", as commands with their continuation lines joined. */
function walkthrough() {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## An orchestrator in five minutes"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, "the README has a walkthrough block");
  return block
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("curl "));
}

test("the README's orchestrator walkthrough works with curl, command by command", async () => {
  const recipient = await Recipient.signUp();
  // On the local chain with a wallet of its own, so the walkthrough's payment is verified for real.
  const wallet = walletFromKey(randomBytes(32).toString("hex"));
  const token = { chainId: 31337, tokenAddress: DEMO_TOKEN, tokenSymbol: "USDC", tokenDecimals: 6 };
  const destination = await claim(recipient.api, await createDestination(recipient.api, wallet, token, "README walkthrough"), wallet);
  const client = await recipient.client(destination.id, "README shop");
  const commands = walkthrough();
  assert.ok(commands.length >= 5, `expected the walkthrough's curl commands, found ${commands.length}`);

  let requestId = "";
  let tx = "";
  let paid = false;
  for (const command of commands) {
    // The README's placeholders: req_… is the request the latest create made; TX the payer's transaction.
    const line = command.replaceAll("req_…", requestId);
    if (command.includes("/payments")) tx = await payOnChain(wallet.address, requestId);
    const out = execFileSync("bash", ["-c", `${line} -w '\\n%{http_code}'`], {
      env: { ...process.env, BASE: BASE_URL, DST: destination.id, SECRET: client.secret, TX: tx },
      encoding: "utf8",
    });
    const status = Number(out.slice(out.lastIndexOf("\n") + 1));
    const body = JSON.parse(out.slice(0, out.lastIndexOf("\n")));
    assert.ok(status >= 200 && status < 300, `${command}\n→ ${status} ${JSON.stringify(body)}`);
    if (command.includes(`/destinations/$DST/requests`) && body.id?.startsWith("req_")) requestId = body.id;
    if (command.includes("/payment-links")) assert.match(body.url, /\/pay\/[\w-]{32}$/);
    if (command.includes("/payments")) {
      assert.equal(body.status, "paid", JSON.stringify(body));
      assert.equal(body.payments[0].txHash, tx);
      paid = true;
    }
  }
  assert.match(requestId, /^req_/);
  assert.ok(paid, "the walkthrough pays its request");
});
