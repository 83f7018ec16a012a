// Issue 24, point 11: signing up, in and out replaces the whole page; focus lands on the new
// page's h1 every time, never on <body>.
import { after, before, test } from "node:test";
import { PASSWORD, uniqueEmail } from "./support/api.mjs";
import { checkScreen, launch, openPage } from "./support/browser.mjs";
import { assertFocused } from "./support/focus.mjs";

let browser;
let page;
let assertCleanConsole;
const email = uniqueEmail("auth-focus");

before(async () => {
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
});

after(async () => {
  await browser?.close();
});

const h1 = (name) => page.getByRole("heading", { level: 1, name });

test("sign up by keyboard: focus lands on the Destinations heading", async () => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await assertFocused(page, h1("Destinations"), "the Destinations h1");
  await checkScreen(page, "76-signed-up-focus");
  assertCleanConsole([401]);
});

test("sign out: focus lands on the sign-in heading", async () => {
  const out = page.getByRole("button", { name: "Sign out" });
  await out.focus();
  await page.keyboard.press("Enter");
  await assertFocused(page, h1("Sign in to your account"), "the sign-in h1");
  await checkScreen(page, "77-signed-out-focus");
  assertCleanConsole([401]);
});

test("sign in on a deep link: focus lands on that page's heading once it has loaded", async () => {
  await page.goto("/destinations/new");
  await h1("Sign in to your account").waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await assertFocused(page, h1("Add a destination"), "the deep-linked page's h1");
  await checkScreen(page, "78-signed-in-focus");
  assertCleanConsole([401]);
});
