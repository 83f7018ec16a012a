// Teams: an owner invites someone by link, who accepts it in a second
// browser (signed in as the invited email), acts within their role (a viewer sees
// no action buttons; promoted to admin, they revoke a client), and is removed:
// their open tab's next request is refused. The audit log says who did each, and
// filters by actor. Every screen axe-clean at 375 and 1280 px.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";

let browser;
let owner; // the owner's browser context
let member; // the invitee's, a second context
let ownerApi;
let invitee;
const s = {};

before(async () => {
  ownerApi = await Recipient.signUp();
  invitee = await Recipient.signUp(); // an account already exists; the invitation is for its email
  s.destinationId = (await ownerApi.claimedDestination("Team shop")).id;
  s.client = (await ownerApi.client(s.destinationId, "Checkout")).id;
  browser = await launch();
  owner = await openPage(browser);
  member = await openPage(browser, { wallet: false });
  await signIn(owner.page, ownerApi.email, PASSWORD);
});

after(async () => {
  await browser?.close();
});

test("the owner invites by email and role; the link is shown once, and the Members tab lists the open invitation", async () => {
  const { page } = owner;
  await page.goto(`/destinations/${s.destinationId}/members`);
  await page.getByRole("heading", { level: 2, name: "Members" }).waitFor();
  await page.getByRole("button", { name: "Invite member" }).click();
  await page.getByLabel("Email address").fill("not an email");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await assertFocused(page, page.getByLabel("Email address"), "the email field the API named");
  await page.getByLabel("Email address").fill(invitee.email);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const shown = page.getByTestId("invitation-link");
  await assertFocused(page, shown, "the one-time link's warning");
  s.link = (await shown.locator("code").textContent())?.trim();
  assert.match(s.link ?? "", /\/invitations\/[A-Za-z0-9_-]{32}$/);
  await checkScreen(page, "70-invitation-link", { fullPage: false });
  await page.getByRole("button", { name: "Done" }).click();
  await assertFocused(page, page.getByRole("heading", { name: "Open invitations" }), "the open invitations heading");
  await page.locator(".invitation-list .row-name", { hasText: invitee.email }).waitFor();
  await checkScreen(page, "71-members-owner");
  owner.assertCleanConsole([400, 401]);
});

test("the invitee opens the link signed out, signs in, accepts, and lands on the destination as a viewer with no action buttons", async () => {
  const { page } = member;
  await page.goto(s.link);
  await page.getByLabel("Email").fill(invitee.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Join a destination" }).waitFor();
  await checkScreen(page, "72-accept-invitation");
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await page.getByRole("heading", { level: 1, name: "Team shop" }).waitFor();
  await assertAnnounced(page, /You joined Team shop as viewer/);
  // A viewer reads the client IDs, and no button the API would refuse is on the page.
  await page.getByRole("link", { name: "Checkout" }).waitFor();
  assert.equal(await page.getByRole("button", { name: /Create client ID|Revoke/ }).count(), 0);
  await checkScreen(page, "73-viewer-clients");
  await page.getByRole("link", { name: "Requests", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "Requests" }).waitFor();
  assert.equal(await page.getByRole("link", { name: "New request" }).count(), 0);
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.getByRole("heading", { level: 2, name: "Webhooks" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Add endpoint" }).count(), 0);
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: `Leave ${invitee.email}` }).waitFor();
  assert.equal(await page.getByRole("button", { name: /Invite member|Change role/ }).count(), 0);
  await page.goto("/");
  await page.getByRole("cell", { name: "Viewer" }).waitFor();
  await checkScreen(page, "77-destinations-with-role");
  member.assertCleanConsole([401]); // /api/me before signing in
});

test("promoted to admin with a confirmation, the member revokes a client; the owner's audit names each person and filters by them", async () => {
  const { page } = owner;
  await page.reload(); // the member joined in the other browser since this list was loaded
  await page.getByRole("button", { name: `Change role of ${invitee.email}` }).click();
  await page.getByLabel("New role").selectOption("admin");
  await checkScreen(page, "74-change-role", { fullPage: false });
  await page.getByRole("button", { name: "Change role", exact: true }).click();
  await assertAnnounced(page, new RegExp(`${invitee.email} is now admin`));
  await assertFocused(page, page.locator(".row-name", { hasText: invitee.email }), "the changed member's row");

  const m = member.page;
  await m.goto(`/destinations/${s.destinationId}`);
  await m.getByRole("button", { name: "Revoke Checkout" }).click();
  await m.getByRole("button", { name: "Revoke client ID" }).click();
  await assertAnnounced(m, /Checkout revoked/);

  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("cell", { name: "Revoked a client ID" }).waitFor();
  for (const what of ["Invited a member", "Joined as a member", "Changed a member's role"])
    await page.getByRole("cell", { name: what }).waitFor();
  await page.getByLabel("Who").selectOption({ label: invitee.email });
  await assertAnnounced(page, new RegExp(`Showing entries by ${invitee.email}`));
  await page.getByRole("cell", { name: "Invited a member" }).waitFor({ state: "detached" });
  const actions = await page.locator('td[data-label="What"]').allTextContents();
  assert.deepEqual(actions, ["Revoked a client ID", "Joined as a member"]);
  await checkScreen(page, "75-audit-by-member");
  owner.assertCleanConsole();
});

test("removing the member, confirmed, ends their access from the next request of the tab they still have open", async () => {
  const { page } = owner;
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: `Remove ${invitee.email}` }).click();
  await page.getByRole("button", { name: "Remove member" }).click();
  await assertAnnounced(page, /removed\. Their access has ended/);
  await assertFocused(page, page.getByRole("heading", { name: "Members" }), "the Members heading (the row is gone)");

  const m = member.page; // still on the destination's Client IDs tab
  await m.getByRole("link", { name: "Requests", exact: true }).click();
  await m.getByRole("alert").getByText("No such destination.").first().waitFor();
  await m.reload();
  await m.getByRole("heading", { level: 1, name: "Destination not found" }).waitFor();
  await checkScreen(m, "76-removed-member");
  member.assertCleanConsole([404]);
});
