import { describe, it } from "vitest";
import { checkRequestCurrency, tokenAmountMinor } from "../../../src/payments/chains/currency";
import { claimedDestination, incoming, newClient, outgoing, signUp } from "../../helpers/api";
import { testWallet } from "../../helpers/wallet";

const usdc = { symbol: "USDC", decimals: 6, peggedTo: "USD" };

describe("a request's currency is the destination's token or its peg", () => {
  it("allows the token and its pegged fiat, and a bank currency only for bank payouts", ({ expect }) => {
    expect(checkRequestCurrency(usdc, "USDC", false)).toEqual({ ok: true, decimals: 6 });
    expect(checkRequestCurrency(usdc, "USD", false)).toEqual({ ok: true, decimals: 2 });
    expect(checkRequestCurrency(usdc, "JPY", false)).toEqual({ ok: false, message: "This destination receives USDC; use USDC or USD." });
    expect(checkRequestCurrency(usdc, "GBP", true)).toEqual({ ok: true, decimals: 2 });
    expect(checkRequestCurrency(usdc, "EURC", true).ok).toBe(false);
    expect(tokenAmountMinor(1250n, 2, usdc)).toBe(12_500_000n);
  });

  it("refuses 1000 JPY on a USDC destination with a 400 that names the allowed currencies", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst);
    const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ amount: "1000", currency: "JPY" }) });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("validation_failed");
    expect(res.json.errors).toEqual([{ path: "currency", message: "This destination receives USDC; use USDC or USD." }]);
    // An outgoing bank payout may use the bank's currency.
    expect((await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() })).status).toBe(201);
  });

  it("shows the payer the exact token amount for a request in the pegged fiat", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst);
    const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ amount: "12.50", currency: "USD" }) }))
      .json;
    expect(req.amount).toBe("12.50");
    const link = (await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" })).json;
    const view = (await shop.orchestrator(`/api/public/payment-links/${link.url.split("/pay/")[1]}`)).json;
    expect(view.pay).toMatchObject({ tokenSymbol: "USDC", tokenDecimals: 6, amount: "12.500000" });
  });

  it("asks for symbol and decimals of a token it does not know, and uses them", async ({ expect }) => {
    const r = await signUp();
    const wallet = testWallet();
    const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const missing = await r.api("/api/destinations", { body: { chainId: 31337, walletAddress: wallet.address, tokenAddress: token } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(["tokenSymbol", "tokenDecimals"]);
    const { id: dst, destination } = await claimedDestination(r, wallet, {
      chainId: 31337,
      tokenAddress: token,
      tokenSymbol: "dUSD",
      tokenDecimals: 6,
    });
    expect(destination).toMatchObject({ tokenSymbol: "dUSD", tokenDecimals: 6 });
    const shop = await newClient(r, dst);
    const ok = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ amount: "1.123456", currency: "dUSD" }) });
    expect(ok.json.amount).toBe("1.123456");
    const tooPrecise = await shop.orchestrator(`/v1/destinations/${dst}/requests`, {
      body: incoming({ amount: "1.1234567", currency: "dUSD" }),
    });
    expect(tooPrecise.json.errors).toEqual([{ path: "amount", message: "dUSD allows at most 6 decimal places." }]);
  });
});

describe("the local Demo USD is pegged to USD, as USDC is", () => {
  it("a USDC-declared token on the local chain takes currency USD; the same declaration elsewhere does not", async ({ expect }) => {
    const { tokenOf } = await import("../../../src/destinations/destinations");
    const token = { tokenAddress: "0x" + "7".repeat(40), tokenSymbol: "USDC", tokenDecimals: 6 };
    expect(tokenOf({ chainId: 31337, ...token })).toEqual({ symbol: "USDC", decimals: 6, peggedTo: "USD" });
    expect(tokenOf({ chainId: 8453, ...token })).toEqual({ symbol: "USDC", decimals: 6, peggedTo: null });
    expect(tokenOf({ chainId: 31337, ...token, tokenSymbol: "DEMO" }).peggedTo).toBeNull();

    const r = await signUp();
    const { demoUsd } = await import("../../helpers/payments");
    const { id: dst } = await claimedDestination(r, testWallet(), demoUsd());
    const shop = await newClient(r, dst);
    const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ amount: "12.50", currency: "USD" }) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ amount: "12.50", currency: "USD" });
  });
});
