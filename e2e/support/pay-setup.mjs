// Requests on the run's local chain, for the pay page's e2e tests: a recipient with
// a claimed destination whose token is the chain's Demo USD (6 decimals), an
// orchestrator creating incoming requests, their payment links, and payments made
// from Node (as a payer's other wallet app would).
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { paymentReference, sendAndWait, transferCalldata } from "../../scripts/chain/evm.mjs";
import { walletFromKey } from "../../scripts/lib/eth-wallet.mjs";
import { claim, createDestination } from "../../scripts/lib/recipient-setup.mjs";
import { Orchestrator, Recipient } from "./api.mjs";
import { CHAIN_RPC_URL, DEMO_TOKEN } from "./chain-wallet.mjs";

/**
 * A signed-up recipient, its destination on the local chain and an orchestrator for it. The token is the
 * chain's one Demo USD, so each destination gets a fresh wallet key: wallet + chain + token is claimed once.
 */
export async function localChainRecipient(label) {
  const recipient = await Recipient.signUp();
  const wallet = walletFromKey(randomBytes(32).toString("hex"));
  const token = { chainId: 31337, tokenAddress: DEMO_TOKEN, tokenSymbol: "USDC", tokenDecimals: 6 };
  const destination = await claim(recipient.api, await createDestination(recipient.api, wallet, token, label), wallet);
  const client = await recipient.client(destination.id, "Shop backend", ["incoming:creator", "incoming:reader"]);
  return { recipient, destination, orchestrator: new Orchestrator(client.secret) };
}

/** An incoming request for `amount` USDC and a link to it: `{ request, path, token }`. */
export async function requestWithLink(orchestrator, destinationId, amount, reference) {
  const created = await orchestrator.post(`/v1/destinations/${destinationId}/requests`, {
    direction: "incoming",
    amount,
    currency: "USDC",
    reference,
  });
  assert.equal(created.status, 201, created.text);
  const link = await orchestrator.post(`/v1/requests/${created.json.id}/payment-links`, {});
  assert.equal(link.status, 201, link.text);
  const path = new URL(link.json.url).pathname;
  return { request: created.json, path, token: path.split("/").pop() };
}

/** The wallet address of a destination (its interop address's first part). */
export const walletOf = (destination) => destination.interopAddress.split("@")[0];

/** Sends `amountMinor` Demo USD from `from` to the destination, with the request's reference unless `tagged` is false; returns the mined hash. */
export async function payFromNode({ from, destination, amountMinor, requestId, tagged = true }) {
  const data = transferCalldata(walletOf(destination), amountMinor, tagged ? paymentReference(requestId) : undefined);
  const receipt = await sendAndWait(CHAIN_RPC_URL, { from, to: DEMO_TOKEN, data });
  assert.equal(receipt.status, "0x1");
  return receipt.transactionHash;
}
