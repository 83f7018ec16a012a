// The README's "Integrate in 10 minutes" as written: the SDK installed from the tarball `npm run sdk:pack` makes,
// then the step-3 program run twice against `wrangler dev` (the second run resumes its catch-up from the stored cursor).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { BASE_URL, Recipient } from "./support/api.mjs";
import { DEMO_TOKEN } from "./support/chain-wallet.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const shop = mkdtempSync(join(tmpdir(), "payrelay-integrate-"));
const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Integrate in 10 minutes"), readme.indexOf("## An orchestrator in five minutes"));

before(() => {
  // Step 1 as written: the tarball, installed as a real copy (no symlink into the checkout), offline.
  execFileSync("npm", ["run", "sdk:pack"], { cwd: root, stdio: "inherit" });
  const tarball = join(
    root,
    "sdk",
    JSON.parse(readFileSync(join(root, "sdk", "package.json"), "utf8"))
      .name.replace("@", "")
      .replace("/", "-") + "-0.1.0.tgz",
  );
  writeFileSync(join(shop, "package.json"), JSON.stringify({ name: "my-shop", private: true, type: "module" }));
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: shop, stdio: "inherit" });
});
after(() => rmSync(shop, { recursive: true, force: true }));

test("the README's integration program runs as written, and resumes its catch-up on a second run", async () => {
  assert.match(section, /npm run sdk:pack/);
  assert.match(section, /npx payrelay listen --forward-to/);
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(code, "the section has a JavaScript program");
  writeFileSync(join(shop, "app.mjs"), code);

  // A destination on the local chain's Demo USD (pegged to USD like USDC, so the program's currency "USD" is accepted).
  const recipient = await Recipient.signUp();
  const destination = await recipient.claimedDestination("Integrate shop", {
    chainId: 31337,
    tokenAddress: DEMO_TOKEN,
    tokenSymbol: "USDC",
    tokenDecimals: 6,
  });
  const client = await recipient.client(destination.id, "Integrate shop");
  const run = () =>
    execFileSync(process.execPath, ["app.mjs"], {
      cwd: shop,
      env: { ...process.env, BASE: BASE_URL, DST: destination.id, SECRET: client.secret },
      encoding: "utf8",
    })
      .trim()
      .split("\n");

  const first = run();
  assert.match(first[0], /^req_\w+ pending created http:\/\/127\.0\.0\.1:\d+\/pay\/[\w-]{32}$/, first.join("\n"));
  const id = first[0].split(" ")[0];
  assert.equal(first[1], `found ${id} ORDER-1042`);
  assert.equal(first[2], "400 validation_failed amount");
  assert.equal(first[3], `event request.created ${id}`);
  assert.match(first[4] ?? "", /^event payment_link\.created lnk_\w+$/);
  assert.equal(first.length, 5, first.join("\n"));
  assert.match(readFileSync(join(shop, ".payrelay-cursor"), "utf8"), /^\S+$/);

  const second = run();
  assert.match(second[0], new RegExp(`^${id} pending replayed `), second.join("\n"));
  // Only what is new since the stored cursor: the second run's link.
  assert.deepEqual(
    second.slice(3).map((l) => l.split(" ").slice(0, 2).join(" ")),
    ["event payment_link.created"],
  );
  // The installed package is a copy, not a link into this checkout.
  assert.doesNotMatch(execFileSync("ls", ["-l", join(shop, "node_modules", "@payrelay")], { encoding: "utf8" }), /->/);
  // And it ships the listen bin.
  const help = spawnSync(join(shop, "node_modules", ".bin", "payrelay"), ["--help"], { encoding: "utf8" });
  assert.match(help.stderr, /Usage: payrelay listen --forward-to <url>/);
});
