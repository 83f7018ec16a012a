import { describe, it } from "vitest";
import { eventActor, loggedActor, userActor, type Actor } from "../../src/lib/actor";

describe("one actor type", () => {
  const client: Actor = { type: "client", clientId: "cli_1", secretHash: "a".repeat(64), via: "mcp" };
  const user = userActor({ id: "usr_1", email: "ana@example.com" });

  it("the audit log keeps the person and the client, never a secret's hash", ({ expect }) => {
    expect(loggedActor(user)).toEqual({ type: "user", userId: "usr_1", email: "ana@example.com" });
    expect(loggedActor(client)).toEqual({ type: "client", clientId: "cli_1", via: "mcp" });
    expect(loggedActor({ ...client, via: undefined })).toEqual({ type: "client", clientId: "cli_1" });
    expect(loggedActor({ type: "system" })).toEqual({ type: "system" });
    expect(loggedActor({ type: "payer" })).toEqual({ type: "system" });
  });

  it("an event names a client by id and the others by kind only, as the contract's EventActor", ({ expect }) => {
    expect(eventActor(client)).toEqual({ type: "client", clientId: "cli_1", via: "mcp" });
    expect(eventActor(user)).toEqual({ type: "user" });
    expect(eventActor({ type: "payer" })).toEqual({ type: "payer" });
    expect(JSON.stringify(eventActor(client))).not.toContain("a".repeat(64));
  });
});
