import { describe, it } from "vitest";
import { call, claimedDestination, signUp } from "../helpers/api";

// What a person reads after a validation failure: a summary naming the fields and a
// message per field, never zod's wording. Codes and paths stay what clients rely on.
describe("validation messages written for people", () => {
  it("names the fields in the summary and says what to do in each", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const res = await r.api(`/api/destinations/${dst}/clients`, { body: { name: "  ", permissions: [] } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("validation_failed");
    expect(res.json.detail).toBe("Check these fields: name, permissions.");
    expect(res.json.errors).toEqual([
      { path: "name", message: "Enter a name." },
      { path: "permissions", message: "Choose at least one permission." },
    ]);
  });

  it("names nested fields in words and keeps messages the schema wrote itself", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const res = await r.api(`/api/destinations/${dst}/requests`, {
      body: { direction: "outgoing", amount: "", currency: "GBP", payee: { name: "", sortCode: "12", accountNumber: "12345678" } },
    });
    expect(res.status).toBe(400);
    expect(res.json.detail).toBe("Check these fields: payee name, payee sort code, amount.");
    expect(res.json.errors).toEqual([
      { path: "payee.name", message: "Enter a name." },
      { path: "payee.sortCode", message: "Must be 6 digits." },
      { path: "amount", message: "Enter an amount, e.g. 12.50." },
    ]);
  });

  it("keeps a schema's own message for a missing group, and for a wrong (not empty) value", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const res = await r.api(`/api/destinations/${dst}/requests`, { body: { direction: "outgoing", amount: "twelve", currency: "USDC" } });
    expect(res.json.detail).toBe("Check these fields: amount, payee.");
    expect(res.json.errors).toEqual([
      { path: "amount", message: 'Enter an amount greater than zero as a decimal string such as "12.50".' },
      { path: "payee", message: "Required for outgoing requests." },
    ]);
  });

  it("tells an empty password from a short one", async ({ expect }) => {
    const empty = await call("/api/auth/login", { body: { email: "ada@example.com", password: "" } });
    expect(empty.json.errors).toEqual([{ path: "password", message: "Enter your password." }]);
    const short = await call("/api/auth/signup", { body: { email: "not an email", password: "short" } });
    expect(short.json.detail).toBe("Check these fields: email, password.");
    expect(short.json.errors).toEqual([
      { path: "email", message: "Enter an email address like name@example.com." },
      { path: "password", message: "At least 12 characters." },
    ]);
  });

  it("rewrites zod's wording for types, options and unknown fields", async ({ expect }) => {
    const r = await signUp();
    const res = await r.api("/api/destinations", { body: { chainId: "8453", walletAddress: "0x1", tokenAddress: "0x2", colour: "red" } });
    expect(res.status).toBe(400);
    expect(res.json.detail).toBe("Check these fields: chain ID, wallet address, token address, colour.");
    expect(res.json.errors).toContainEqual({ path: "chainId", message: "Enter a number." });
    expect(res.json.errors).toContainEqual({ path: "colour", message: "This API does not know this field; remove it." });
    // On the recipient's own destination: the role check answers a stranger's 404 before any validation.
    const { id: dst } = await claimedDestination(r);
    const query = await r.api(`/api/destinations/${dst}/requests?limit=500`);
    expect(query.json.detail).toBe("Check this query parameter: limit.");
    expect(query.json.errors).toEqual([{ path: "limit", message: "Must be at most 100." }]);
    for (const e of [...res.json.errors, ...query.json.errors]) expect(e.message).not.toMatch(/Too (small|big)|Invalid input|expected/);
  });
});
