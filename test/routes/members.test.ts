import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { sha256Hex } from "../../src/lib/crypto";
import { addMember, claimedDestination, incoming, newClient, signUp } from "../helpers/api";

const invite = (owner: Awaited<ReturnType<typeof signUp>>, dst: string, email: string, role = "admin") =>
  owner.api(`/api/destinations/${dst}/invitations`, { body: { email, role } });
const tokenOf = (url: string) => url.split("/invitations/")[1]!;
const accept = (who: Awaited<ReturnType<typeof signUp>>, token: string) => who.api(`/api/invitations/${token}/accept`, { method: "POST" });

describe("teams: members and roles", () => {
  it("makes the claimer the owner, and lists each destination with the caller's role", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const members = await owner.api(`/api/destinations/${dst}/members`);
    expect(members.json.data).toEqual([{ userId: owner.user.id, email: owner.email, role: "owner", addedAt: expect.any(String) }]);
    expect((await owner.api("/api/destinations")).json.data[0]).toMatchObject({ id: dst, role: "owner" });
    const viewer = await addMember(owner, dst, "viewer");
    expect((await viewer.api("/api/destinations")).json.data).toEqual([expect.objectContaining({ id: dst, role: "viewer" })]);
    expect((await viewer.api(`/api/destinations/${dst}`)).json.role).toBe("viewer");
  });

  it("shows the invitation url once, stores only its hash, and lets only the invited email accept it, once", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const invitee = await signUp();
    const stranger = await signUp();
    const created = await invite(owner, dst, invitee.email.toUpperCase(), "viewer");
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.stringMatching(/^inv_/), email: invitee.email, role: "viewer" });
    expect(Date.parse(created.json.expiresAt) - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    const token = tokenOf(created.json.url);
    const stored = (await env.DB.prepare("SELECT * FROM invitations WHERE id = ?").bind(created.json.id).first()) as Record<
      string,
      unknown
    >;
    expect(stored.token_hash).toBe(await sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const listed = await owner.api(`/api/destinations/${dst}/invitations`);
    expect(listed.json.data).toEqual([expect.objectContaining({ id: created.json.id, email: invitee.email })]);
    expect(listed.text).not.toContain(token);

    const wrong = await accept(stranger, token);
    expect(wrong.status).toBe(403);
    expect(wrong.json.code).toBe("permission_denied");
    expect((await stranger.api(`/api/destinations/${dst}`)).status).toBe(404);
    expect((await accept(invitee, "A".repeat(32))).status).toBe(404);
    const ok = await accept(invitee, token);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: dst, role: "viewer" });
    const again = await accept(invitee, token);
    expect([again.status, again.json.code]).toEqual([404, "not_found"]);
    expect((await owner.api(`/api/destinations/${dst}/invitations`)).json.data).toEqual([]);
    // Inviting an existing member is 409.
    const dup = await invite(owner, dst, invitee.email);
    expect([dup.status, dup.json.code]).toEqual([409, "conflict"]);
  });

  it("refuses an expired invitation (410) and a withdrawn one (404); a new invitation withdraws the earlier link", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const invitee = await signUp();
    const first = await invite(owner, dst, invitee.email);
    const second = await invite(owner, dst, invitee.email);
    expect((await accept(invitee, tokenOf(first.json.url))).status).toBe(404);
    await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, second.json.id)
      .run();
    const late = await accept(invitee, tokenOf(second.json.url));
    expect([late.status, late.json.code]).toEqual([410, "link_expired"]);
    const third = await invite(owner, dst, invitee.email);
    expect((await owner.api(`/api/destinations/${dst}/invitations/${third.json.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await accept(invitee, tokenOf(third.json.url))).status).toBe(404);
    expect((await owner.api(`/api/destinations/${dst}/invitations/${third.json.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("validates invitations with the field named", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const bad = await owner.api(`/api/destinations/${dst}/invitations`, { body: { email: "not an email", role: "boss" } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "role"]);
    expect(bad.json.errors.find((e: { path: string }) => e.path === "role").message).toMatch(/owner, admin or viewer/);
  });

  it("lets each role do what the contract says: viewer reads, admin acts, owner manages members (403 names the role)", async ({
    expect,
  }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const admin = await addMember(owner, dst, "admin");
    const viewer = await addMember(owner, dst, "viewer");

    expect((await viewer.api(`/api/destinations/${dst}/requests`)).status).toBe(200);
    expect((await viewer.api(`/api/destinations/${dst}/clients`)).status).toBe(200);
    expect((await viewer.api(`/api/destinations/${dst}/audit`)).status).toBe(200);
    const denied = await viewer.api(`/api/destinations/${dst}/requests`, { body: incoming() });
    expect([denied.status, denied.json.code]).toEqual([403, "permission_denied"]);
    expect(denied.json.detail).toMatch(/admin role/);
    // The role is checked before the body: a viewer learns nothing about valid input.
    expect((await viewer.api(`/api/destinations/${dst}/clients`, { body: { name: "" } })).status).toBe(403);

    expect((await admin.api(`/api/destinations/${dst}/requests`, { body: incoming() })).status).toBe(201);
    const client = await admin.api(`/api/destinations/${dst}/clients`, { body: { name: "Admin's shop" } });
    expect(client.status).toBe(201);
    expect((await admin.api(`/api/destinations/${dst}/clients/${client.json.id}/revoke`, { method: "POST" })).status).toBe(200);
    const adminInvites = await invite(admin, dst, "someone@example.com");
    expect([adminInvites.status, adminInvites.json.code]).toEqual([403, "permission_denied"]);
    expect(adminInvites.json.detail).toMatch(/owner role/);
    expect((await admin.api(`/api/destinations/${dst}/members/${viewer.id}`, { method: "PATCH", body: { role: "admin" } })).status).toBe(
      403,
    );
    expect((await admin.api(`/api/destinations/${dst}/members/${viewer.id}`, { method: "DELETE" })).status).toBe(403);

    const promoted = await owner.api(`/api/destinations/${dst}/members/${viewer.id}`, { method: "PATCH", body: { role: "admin" } });
    expect(promoted.json).toMatchObject({ userId: viewer.id, email: viewer.email, role: "admin" });
    expect((await viewer.api(`/api/destinations/${dst}/clients`, { body: { name: "Now allowed" } })).status).toBe(201);
  });

  it("keeps the last owner: no demotion, no leaving (409); with a second owner the first may leave", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const demote = await owner.api(`/api/destinations/${dst}/members/${owner.user.id}`, { method: "PATCH", body: { role: "admin" } });
    expect([demote.status, demote.json.code]).toEqual([409, "conflict"]);
    const leave = await owner.api(`/api/destinations/${dst}/members/${owner.user.id}`, { method: "DELETE" });
    expect([leave.status, leave.json.code]).toEqual([409, "conflict"]);
    expect(leave.json.detail).toMatch(/last owner/);

    const second = await addMember(owner, dst, "owner");
    // Both owners demoting each other at once: exactly one succeeds, one owner remains.
    const [a, b] = await Promise.all([
      owner.api(`/api/destinations/${dst}/members/${second.id}`, { method: "PATCH", body: { role: "viewer" } }),
      second.api(`/api/destinations/${dst}/members/${owner.user.id}`, { method: "PATCH", body: { role: "viewer" } }),
    ]);
    // The loser is refused either by the guard (409) or, if it ran second, because it is no longer an owner (403).
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([a.status, b.status].filter((s) => s === 409 || s === 403)).toHaveLength(1);
    const owners = (await owner.api(`/api/destinations/${dst}/members`)).json.data.filter((m: { role: string }) => m.role === "owner");
    expect(owners).toHaveLength(1);
    const remaining = owners[0].userId === owner.user.id ? owner : second;
    await addMember(remaining, dst, "owner");
    expect((await remaining.api(`/api/destinations/${dst}/members/${remaining.user.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await remaining.api(`/api/destinations/${dst}`)).status).toBe(404);
  });

  it("ends a removed member's access from their next request, and lets a member leave", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const admin = await addMember(owner, dst, "admin");
    const viewer = await addMember(owner, dst, "viewer");
    expect((await admin.api(`/api/destinations/${dst}/requests`)).status).toBe(200);
    expect((await owner.api(`/api/destinations/${dst}/members/${admin.id}`, { method: "DELETE" })).status).toBe(204);
    for (const path of [`/api/destinations/${dst}`, `/api/destinations/${dst}/requests`, `/api/destinations/${dst}/members`]) {
      const res = await admin.api(path);
      expect([res.status, res.json.code]).toEqual([404, "not_found"]);
    }
    expect((await admin.api("/api/destinations")).json.data).toEqual([]);
    // A viewer may leave on their own, and then sees nothing.
    expect((await viewer.api(`/api/destinations/${dst}/members/${viewer.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await viewer.api(`/api/destinations/${dst}`)).status).toBe(404);
    expect((await owner.api(`/api/destinations/${dst}/members/${viewer.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("audits member.* with the acting user's id and email, every user entry names the person, and filters by actor", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const shop = await newClient(owner, dst, "Shop");
    const admin = await addMember(owner, dst, "admin");
    await owner.api(`/api/destinations/${dst}/members/${admin.id}`, { method: "PATCH", body: { role: "viewer" } });
    await owner.api(`/api/destinations/${dst}/members/${admin.id}`, { method: "DELETE" });
    const hook = await owner.api(`/api/destinations/${dst}/webhook-endpoints`, { body: { url: "https://hooks.example.com/team" } });
    expect(hook.status).toBe(201);
    await shop.orchestrator("/v1/webhook-endpoints", { body: { url: "https://hooks.example.com/shop" } });

    const log = (await owner.api(`/api/destinations/${dst}/audit`)).json.data as {
      action: string;
      actor: Record<string, string>;
      target: { type: string; id: string };
      details: Record<string, unknown>;
    }[];
    const byAction = (a: string) => log.find((e) => e.action === a)!;
    const ownerActor = { type: "user", userId: owner.user.id, email: owner.email };
    expect(byAction("member.invited")).toMatchObject({
      actor: ownerActor,
      target: { type: "invitation" },
      details: { email: admin.email, role: "admin" },
    });
    expect(byAction("member.joined")).toMatchObject({
      actor: { type: "user", userId: admin.id, email: admin.email },
      target: { type: "member", id: admin.id },
      details: { role: "admin" },
    });
    expect(byAction("member.role_changed")).toMatchObject({ actor: ownerActor, details: { from: "admin", to: "viewer" } });
    expect(byAction("member.removed")).toMatchObject({ actor: ownerActor, target: { type: "member", id: admin.id } });
    // Webhook endpoint changes used to lose the user: now the recipient's entry names them, the client's the client.
    const hookEntries = log.filter((e) => e.action === "webhook_endpoint.created").map((e) => e.actor);
    expect(hookEntries).toEqual([{ type: "client", clientId: shop.id }, ownerActor]);
    expect(byAction("destination.claimed").actor).toEqual(ownerActor);
    for (const entry of log.filter((e) => e.actor.type === "user"))
      expect(Object.keys(entry.actor).sort()).toEqual(["email", "type", "userId"]);

    const mine = (await owner.api(`/api/destinations/${dst}/audit?actor=${admin.id}`)).json.data;
    expect(mine.map((e: { action: string }) => e.action)).toEqual(["member.joined"]);
    const client = (await owner.api(`/api/destinations/${dst}/audit?actor=${shop.id}`)).json.data;
    expect(client.map((e: { action: string }) => e.action)).toEqual(["webhook_endpoint.created"]);
    expect(client[0].actor).toEqual({ type: "client", clientId: shop.id });
    const bad = await owner.api(`/api/destinations/${dst}/audit?actor=somebody`);
    expect([bad.status, bad.json.errors[0].path]).toEqual([400, "actor"]);
  });
});
