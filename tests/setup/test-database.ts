/**
 * A fresh, migrated database for one test run: on the server of TEST_DATABASE_URL or DATABASE_URL when
 * set (CI uses the machine's PostgreSQL), otherwise on an embedded PostgreSQL started for the run.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export type TestDatabase = { url: string; adminUrl: string; drop: () => Promise<void> };

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(prefix = "vigie_test"): Promise<TestDatabase> {
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: ".data/test-postgres", database: "postgres" });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const adminUrl = withDatabase(serverUrl, "postgres");
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await migrate(url);
  return {
    url,
    adminUrl,
    drop: async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stopServer();
    },
  };
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
