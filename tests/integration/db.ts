/** Helpers for integration tests: raw access to the run's database, outside the app's data layer. */
import pg from "pg";
import { inject } from "vitest";
import { createScratchDatabase } from "@/lib/db/scratch";

export const databaseUrl = () => inject("databaseUrl");

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = [], url = databaseUrl()) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Empties every application table. The audit trail refuses TRUNCATE by trigger; the test runs as a
 * superuser, the one role that may switch triggers off for its session (replica mode).
 */
export async function resetDatabase(url = databaseUrl()): Promise<void> {
  await query(
    `SET session_replication_role = replica;
     TRUNCATE "user", api_token, login_attempt, audit_event, source, incident, incident_source, evidence,
       actor, actor_alias, incident_actor, place, saved_view, incident_merge RESTART IDENTITY CASCADE`,
    [],
    url,
  );
}

/** A scratch database on the same server, for tests that need an empty or broken schema. */
export function scratchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return createScratchDatabase(inject("adminDatabaseUrl"), name);
}
