// The README's curl walkthrough, run as written against `wrangler dev`, so the quick start cannot silently break.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { BASE_URL, Recipient } from "./support/api.mjs";

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
  const destination = await recipient.claimedDestination("README walkthrough");
  const client = await recipient.client(destination.id, "README shop");
  const commands = walkthrough();
  assert.ok(commands.length >= 5, `expected the walkthrough's curl commands, found ${commands.length}`);

  let requestId = "";
  for (const command of commands) {
    // The README's placeholders: the request id comes from the first create.
    const line = command.replaceAll("req_…", requestId);
    const out = execFileSync("bash", ["-c", `${line} -w '\\n%{http_code}'`], {
      env: { ...process.env, BASE: BASE_URL, DST: destination.id, SECRET: client.secret },
      encoding: "utf8",
    });
    const status = Number(out.slice(out.lastIndexOf("\n") + 1));
    const body = JSON.parse(out.slice(0, out.lastIndexOf("\n")));
    assert.ok(status >= 200 && status < 300, `${command}\n→ ${status} ${JSON.stringify(body)}`);
    if (!requestId && body.id?.startsWith("req_")) requestId = body.id;
    if (command.includes("/payment-links")) assert.match(body.url, /\/pay\/[\w-]{32}$/);
  }
  assert.match(requestId, /^req_/);
});
