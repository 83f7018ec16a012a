// A real webhook receiver for the Workers tests: node:http on 127.0.0.1 at a free port.
// POST /hook/<key> records the request and answers the next scripted status (default 200);
// POST /script/<key> with a JSON array of statuses scripts the answers; GET /inbox/<key> lists what arrived.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

type Received = { headers: IncomingHttpHeaders; body: string; at: number };

export default async function setup(project: TestProject) {
  const inbox = new Map<string, Received[]>();
  const scripts = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const [, kind, key = ""] = (req.url ?? "").split("/");
      const body = Buffer.concat(chunks).toString("utf8");
      if (req.method === "POST" && kind === "hook") {
        inbox.set(key, [...(inbox.get(key) ?? []), { headers: req.headers, body, at: Date.now() }]);
        const status = scripts.get(key)?.shift() ?? 200;
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "x".repeat(100_000));
      } else if (req.method === "POST" && kind === "script") {
        scripts.set(key, JSON.parse(body) as number[]);
        res.writeHead(204).end();
      } else if (req.method === "GET" && kind === "inbox") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(inbox.get(key) ?? []));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("webhookReceiver", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module "vitest" {
  export interface ProvidedContext {
    webhookReceiver: string;
  }
}
