// A new recipient's first visit, in one browser session: sign up → add a
// destination → claim it with the browser wallet → create a client ID and see its
// secret once → see the destination listed → sign out and back in.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Orchestrator, PASSWORD, uniqueEmail } from "./support/api.mjs";
import { checkScreen, focusIsVisible, launch, openPage } from "./support/browser.mjs";
import { TEST_WALLET } from "./support/wallet.mjs";

let browser;
let page;
let assertCleanConsole;
// Base's USDC: a token Payrelay knows, so the form needs no symbol or decimals. No other e2e file claims it.
const s = { email: uniqueEmail("onboarding"), token: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913" };

before(async () => {
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
});

after(async () => {
  await browser?.close();
});

const heading = (name) => page.getByRole("heading", { level: 1, name });

test("sign up (a too-short password is explained next to the field), and the session survives a reload", async () => {
  await page.goto("/");
  await heading("Sign in to your account").waitFor();
  await checkScreen(page, "01-sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await heading("Create your account").waitFor();
  await page.getByLabel("Email").fill(s.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  const passwordField = page.locator(".field", { has: page.getByLabel("Password") });
  await passwordField.locator(".field-error").waitFor();
  await checkScreen(page, "02-sign-up-error");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await heading("Destinations").waitFor();
  // Right under the h1, so an h2: no skipped heading level.
  await page.getByRole("heading", { level: 2, name: "No destinations yet" }).waitFor();
  await checkScreen(page, "03-destinations-empty");
  await page.reload();
  await heading("Destinations").waitFor();
  assert.match(await page.locator(".user-email").textContent(), new RegExp(s.email.split("@")[0]));
  assertCleanConsole([400, 401]);
});

test("add a destination; the interop address appears as you type and matches the server's", async () => {
  await page.getByRole("link", { name: "Add your first destination" }).click();
  await heading("Add a destination").waitFor();
  await page.getByLabel("Label").fill("Main USDC on Base");
  await page.getByLabel("Chain").selectOption("8453");
  await page.getByLabel("Wallet address").fill(TEST_WALLET);
  await page.getByText("Enter the token contract address.").waitFor();
  await page.getByLabel("Token contract address").fill(s.token);
  const preview = page.getByTestId("interop-preview");
  await preview.waitFor();
  const typed = (await preview.textContent()).trim();
  assert.match(typed, /^0x[0-9a-fA-F]{40}@eip155:8453#[0-9A-F]{8}:0x[0-9a-fA-F]{40}$/);
  await checkScreen(page, "04-add-destination");
  await page.getByRole("button", { name: "Add destination" }).click();
  await heading("Main USDC on Base").waitFor();
  s.destinationId = page.url().split("/destinations/")[1];
  assert.match(s.destinationId, /^dst_/);
  assert.equal((await page.locator(".summary .mono-value-full code").first().textContent()).trim(), typed);
  assertCleanConsole();
});

test("claim it by signing the challenge with the browser wallet", async () => {
  const claim = page.getByRole("region", { name: "Claim this destination" });
  await claim.waitFor();
  assert.match(await page.getByTestId("claim-message").textContent(), /\S/);
  await page.getByText("Claim this destination first").waitFor();
  await checkScreen(page, "05-destination-unclaimed");
  await page.getByRole("button", { name: "Sign with browser wallet" }).click();
  await claim.waitFor({ state: "detached" });
  await page.locator(".summary .badge", { hasText: "Claimed" }).waitFor();
  await page.getByText("No client IDs yet").waitFor();
  await checkScreen(page, "06-destination-claimed");
  assertCleanConsole();
});

const clientsSection = () => page.getByRole("region", { name: "Client IDs" });

test("the create dialog works by keyboard: focus inside, visible focus, Escape closes and returns focus", async () => {
  const open = clientsSection().getByRole("button", { name: "Create client ID" });
  await open.focus();
  assert.ok(await focusIsVisible(page), "focused button shows a focus indicator");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Create client ID" });
  await dialog.waitFor();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")));
    assert.ok(inside, `focus left the dialog after ${i + 1} Tab presses`);
  }
  assert.ok(await focusIsVisible(page), "focused control in the dialog shows a focus indicator");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Create client ID");
  assertCleanConsole();
});

test("create a client ID with chosen permissions; the secret is shown once, copyable, then gone", async () => {
  await clientsSection().getByRole("button", { name: "Create client ID" }).click();
  const dialog = page.getByRole("dialog", { name: "Create client ID" });
  await dialog.getByLabel("Name").fill("Acme billing");
  await dialog.getByRole("checkbox", { name: /outgoing:creator/ }).uncheck();
  await dialog.getByRole("checkbox", { name: /incoming:reader/ }).check();
  await checkScreen(page, "07-create-client", { fullPage: false });
  await dialog.getByRole("button", { name: "Create client ID" }).click();
  const reveal = page.getByRole("dialog", { name: "Copy the client secret now" });
  await reveal.waitFor();
  await reveal.getByText("This secret will not be shown again.").waitFor();
  s.secret = (await reveal.locator(".secret-block code").nth(1).textContent()).trim();
  s.clientId = (await reveal.locator(".secret-block code").nth(0).textContent()).trim();
  assert.match(s.secret, /^prsk_/);
  await reveal.getByRole("button", { name: "Copy client secret" }).click();
  await reveal.getByRole("button", { name: "Copied client secret" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s.secret);
  await checkScreen(page, "08-client-secret", { fullPage: false });
  await reveal.getByRole("button", { name: "I have stored the secret" }).click();
  await reveal.waitFor({ state: "detached" });
  const row = page.locator(`tr[data-client-id="${s.clientId}"]`);
  await row.getByText("Active").waitFor();
  assert.deepEqual(await row.locator(".chip").allTextContents(), ["incoming:creator", "incoming:reader"]);
  assert.ok(!(await page.content()).includes(s.secret), "secret still in the page after closing");
  await page.reload();
  await row.waitFor();
  assert.ok(!(await page.content()).includes(s.secret), "secret in the page after reload");
  await checkScreen(page, "09-clients");
  assertCleanConsole();
});

test("the secret shown once is the one an orchestrator can use", async () => {
  const created = await new Orchestrator(s.secret).post(`/v1/destinations/${s.destinationId}/requests`, {
    direction: "incoming",
    amount: "1.00",
    currency: "USDC",
  });
  assert.equal(created.status, 201, created.text);
  assert.deepEqual(created.json.createdBy, { type: "client", clientId: s.clientId, clientName: "Acme billing" });
});

test("sign out; the dashboard then asks to sign in, even after a reload", async () => {
  await page.getByRole("link", { name: "Destinations", exact: true }).first().click();
  const row = page.getByRole("row", { name: /Main USDC on Base/ });
  await row.getByText("Claimed").waitFor();
  await checkScreen(page, "17-destinations");
  await page.getByRole("button", { name: "Sign out" }).click();
  await heading("Sign in to your account").waitFor();
  await page.reload();
  await heading("Sign in to your account").waitFor();
  await page.goto(`/destinations/${s.destinationId}`);
  await heading("Sign in to your account").waitFor();
  await page.getByLabel("Email").fill(s.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading("Main USDC on Base").waitFor();
  assertCleanConsole([401]);
});
