import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { AUTHORITY_MIGRATIONS, isInitialised, migrateAuthority } from "../../src/authority/authority-storage";
import { sha256Hex } from "../../src/lib/crypto";
import { requestTimeline } from "../../src/webhooks/event-catch-up";

/**
 * SHA-256 of each step of AUTHORITY_MIGRATIONS, in order. A deployed authority has
 * already run these steps and will never run them again, so an edited step would
 * leave old objects and new ones with different schemas. When you append a step,
 * append its hash here (the failure message prints it).
 */
const PINNED_STEPS = [
  "28e4c26d77f1f68d817bd146c71dbaccb30026f508eb09cf335f5233bfc68e29",
  "24cb2741cd564b87c5e3b91a0416e7eca1e80fcdf67c7480c9d4c4dd15d5dd30",
  "150cfa6903b9553b8215466dca70f6f6b62dd6187938b998ad6071f4b6e4a282",
  "40a1716c32822a25c12527724102443d187fd22143378d0d21a343732eef1052",
  "e3eeecce25929a08185935c55b2e3ade7e4105a4973b2978262c71f09d641a51",
  "5ff0be208a7f3cc1d31af7465f40665cba8afc0671ef5e2e35a14c883a3be12c",
  "a10e81f50452f3c5e7fc9bff69e7dc9f30b11317d0d46110ef4f680eb19a808b",
  "27d7a88ee60173255939702dd5852175e93ba30925fdc648c27fcfd4162c85fe",
  "7585fb3058993591ba24aa49bf0ed1d3eb54e21c355133a101b2474fe5072856",
  "ee0a8e04fe96186d17ce4323743c4aa8d43eb8d3f1785dd745e41bf9866e0f04",
  "19791fc09c65c399ac62034573df3501fea775fb5d5b92fb52c244579a022584",
  "da4d39a45d1029a202cfebcb0cbecefff384f5532f5f0b920ab8884640ef905f",
  "01b365f04f225ad9d94b0c011687ba91f33d9fafa036ea945918d2957966a673",
  "6f722fd0907ca4d0e2121e560f87515ba0692b8396b4a16e443da3cf9a9759a9",
];

const N = AUTHORITY_MIGRATIONS.length;
const tables = (sql: SqlStorage) =>
  sql
    .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .toArray()
    .map((r) => r.name);

describe("authority migration steps", () => {
  it("are pinned: append a step, never edit one", async ({ expect }) => {
    const hashes = await Promise.all(AUTHORITY_MIGRATIONS.map((step) => sha256Hex(step)));
    hashes.slice(0, PINNED_STEPS.length).forEach((hash, i) => {
      expect(
        hash,
        `Migration step ${i + 1} of AUTHORITY_MIGRATIONS was edited: append a step, never edit one (deployed objects already ran it).`,
      ).toBe(PINNED_STEPS[i]);
    });
    expect(hashes.length, "A step was removed: append a step, never edit or delete one.").toBeGreaterThanOrEqual(PINNED_STEPS.length);
    expect(hashes.slice(PINNED_STEPS.length), "New migration steps: append their hashes to PINNED_STEPS in this test.").toEqual([]);
  });

  it(`migrates an object from version ${N - 1} to ${N} with its data intact`, async ({ expect }) => {
    const stub = env.DESTINATION_AUTHORITY.get(env.DESTINATION_AUTHORITY.idFromName(`migration-${crypto.randomUUID()}`));
    await runInDurableObject(stub, (_instance, state) => {
      const sql = state.storage.sql;
      // Starting the object wrote nothing: a stranger's probe must leave no storage behind.
      expect(isInitialised(sql)).toBe(false);

      // The object as version N-1 left it: the same SQL, applied step by step, and its version.
      for (const step of AUTHORITY_MIGRATIONS.slice(0, N - 1)) sql.exec(step);
      sql.exec("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      sql.exec("INSERT INTO schema_version (version) VALUES (?)", N - 1);
      const before = tables(sql);

      // Representative rows: a client, an idempotency key with its reply, an outbox row awaiting D1.
      const record = JSON.stringify({ kind: "request", row: { id: "req_mig1", destinationId: "dst_mig", amountMinor: "12500000" } });
      sql.exec(
        "INSERT INTO clients (id, name, permissions, secret_hash, secret_hint, status, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
        "cli_mig",
        "Shop",
        '["incoming:creator"]',
        "a".repeat(64),
        "prs_…k3Jd",
        1_795_440_000_000,
      );
      sql.exec(
        "INSERT INTO idempotency_keys (scope, key, fingerprint, record, reply, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        "client:cli_mig",
        "order-1042",
        "f".repeat(64),
        record,
        '{"url":"https://pay.example/p/tok"}',
        1_795_612_800_000,
      );
      sql.exec(
        "INSERT INTO outbox (id, subject, record, committed_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)",
        "request:req_mig1",
        "req_mig1",
        record,
        1_795_440_000_000,
        1_795_440_010_000,
      );

      // An event as version N-1 recorded it: no actor, no details.
      sql.exec(
        "INSERT INTO events (id, type, request_id, direction, client_id, object, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        "evt_mig",
        "request.created",
        "req_mig1",
        "incoming",
        "cli_mig",
        '{"id":"req_mig1","createdBy":{"type":"client","clientId":"cli_mig","clientName":"Shop"}}',
        1_795_440_000_000,
      );

      // The newest event purged before the migration: its position was given, and must never be given again.
      sql.exec(
        "INSERT INTO events (id, type, request_id, direction, client_id, object, created_at) VALUES ('evt_gone', 'client.revoked', NULL, NULL, 'cli_mig', '{}', 1)",
      );
      const gone = sql.exec<{ position: number }>("SELECT position FROM events WHERE id = 'evt_gone'").one().position;
      sql.exec("DELETE FROM events WHERE id = 'evt_gone'");

      migrateAuthority(sql);

      expect(sql.exec<{ version: number }>("SELECT version FROM schema_version").one().version).toBe(N);
      const next = sql
        .exec<{ position: number }>(
          "INSERT INTO events (id, type, object, created_at) VALUES ('evt_after', 'client.revoked', '{}', 2) RETURNING position",
        )
        .one().position;
      expect(next).toBeGreaterThan(gone);
      sql.exec("DELETE FROM events WHERE id = 'evt_after'");
      // Tables the last step creates anew; one it rebuilds (renames the old one, then creates it) existed before.
      const last = AUTHORITY_MIGRATIONS[N - 1]!;
      const rebuilt = [...last.matchAll(/ALTER TABLE (\w+) RENAME/g)].map((m) => m[1]!);
      const added = [...last.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!).filter((t) => !rebuilt.includes(t));
      const columns = [...last.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+)/g)].map((m) => [m[1]!, m[2]!] as const);
      const indexes = [...last.matchAll(/CREATE (?:UNIQUE )?INDEX (\w+)/g)].map((m) => m[1]!);
      expect(added.length + rebuilt.length + columns.length + indexes.length).toBeGreaterThan(0);
      const indexed = sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'")
        .toArray()
        .map((r) => r.name);
      expect(indexed).toEqual(expect.arrayContaining(indexes));
      for (const dropped of [...last.matchAll(/DROP INDEX (\w+)/g)].map((m) => m[1]!))
        if (!indexes.includes(dropped)) expect(indexed).not.toContain(dropped);
      for (const [table, column] of columns)
        expect(
          sql
            .exec<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
            .toArray()
            .map((c) => c.name),
        ).toContain(column);
      expect(
        before.filter((t) => added.includes(t)),
        "version N-1 lacked the last step's tables",
      ).toEqual([]);
      expect(tables(sql)).toEqual(expect.arrayContaining([...before, ...added]));
      expect(sql.exec("SELECT id, name, permissions, status FROM clients").toArray()).toEqual([
        { id: "cli_mig", name: "Shop", permissions: '["incoming:creator"]', status: "active" },
      ]);
      // Step 10 (signed requests): an existing client has no signing key and need not sign.
      expect(sql.exec("SELECT signing_key, signing_key_thumbprint, require_signed FROM clients").toArray()).toEqual([
        { signing_key: null, signing_key_thumbprint: null, require_signed: 0 },
      ]);
      // Step 12 (credentials in D1): an existing client was never projected; its first authentication projects it.
      expect(sql.exec("SELECT projected_version FROM clients").toArray()).toEqual([{ projected_version: 0 }]);
      expect(sql.exec("SELECT scope, key, record, reply FROM idempotency_keys").toArray()).toEqual([
        { scope: "client:cli_mig", key: "order-1042", record, reply: '{"url":"https://pay.example/p/tok"}' },
      ]);
      expect(sql.exec("SELECT id, subject, record, attempts FROM outbox").toArray()).toEqual([
        { id: "request:req_mig1", subject: "req_mig1", record, attempts: 0 },
      ]);

      // The old event reads in the one event shape, its actor derived from the request's creator.
      const old = requestTimeline(sql, "req_mig1");
      expect(old).toEqual([
        {
          id: "evt_mig",
          type: "request.created",
          createdAt: new Date(1_795_440_000_000).toISOString(),
          sequence: expect.any(Number),
          actor: { type: "client", clientId: "cli_mig" },
          data: { object: { id: "req_mig1", createdBy: { type: "client", clientId: "cli_mig", clientName: "Shop" } } },
        },
      ]);

      // Running it again (every start of an initialised object does) changes nothing.
      migrateAuthority(sql);
      expect(sql.exec("SELECT COUNT(*) AS n FROM schema_version").one().n).toBe(1);
      expect(sql.exec("SELECT COUNT(*) AS n FROM outbox").one().n).toBe(1);
    });
  });
});
