/**
 * Throw-away databases on a PostgreSQL server, for test runs and benchmarks: each gets a fresh database
 * of its own and drops it afterwards, so runs never share or pollute data.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { appRoleName } from "./app-role";

export type ScratchDatabase = { url: string; adminUrl: string; drop: () => Promise<void> };

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** One statement on a connection of its own, outside any pool; its rows. */
export async function queryOnce<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  await queryOnce(adminUrl, statement);
}

/** A new, empty database named `<prefix>_<time>_<random>` on the server of `serverUrl`. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const adminUrl = withDatabase(serverUrl, "postgres");
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    adminUrl,
    drop: async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      // Roles are server-wide: the database's app role (lib/db/app-role.ts) would outlive it.
      await adminQuery(adminUrl, `DROP ROLE IF EXISTS "${appRoleName(name)}"`);
    },
  };
}
