// What the numbers were measured on: machine, toolchain versions, date.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const read = (f) => {
  try {
    return readFileSync(f, "utf8");
  } catch {
    return "";
  }
};
const pkgVersion = (root, name) => {
  try {
    return JSON.parse(read(path.join(root, "node_modules", name, "package.json"))).version;
  } catch {
    return "?";
  }
};

export function describeMachine(root) {
  const cpu = /model name\s*:\s*(.+)/.exec(read("/proc/cpuinfo"))?.[1]?.trim() ?? os.cpus()[0]?.model ?? "?";
  const memKb = Number(/MemTotal:\s*(\d+)/.exec(read("/proc/meminfo"))?.[1] ?? 0);
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {
    /* keep os value */
  }
  let workerdBinary = "?";
  try {
    workerdBinary = execFileSync(path.join(root, "node_modules", ".bin", "workerd"), ["--version"], { encoding: "utf8" }).trim();
  } catch {
    /* keep ? */
  }
  let commit = "?";
  try {
    commit = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    /* not a checkout */
  }
  return {
    nproc,
    cpu,
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    wrangler: pkgVersion(root, "wrangler"),
    miniflare: pkgVersion(root, "miniflare"),
    workerd: `${pkgVersion(root, "workerd")} (${workerdBinary})`,
    esbuild: pkgVersion(root, "esbuild"),
    commit,
    date: new Date().toISOString(),
  };
}
