/** Helpers for integration tests: raw access to the run's database, outside the app's data layer. */
import pg from "pg";
import { inject } from "vitest";
import { createScratchDatabase, queryOnce } from "@/lib/db/scratch";

export const databaseUrl = () => inject("databaseUrl");

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = [], url = databaseUrl()) {
  return queryOnce<T>(url, text, values);
}

/**
 * The audit trail refuses TRUNCATE by trigger; tests run as a superuser, the one role that may switch
 * triggers off for its session (replica mode). That also silences incident's trigger that empties the
 * overview rollups, so they are listed with the tables they derive from.
 */
export const TRUNCATE_UNGUARDED = "SET session_replication_role = replica; TRUNCATE";
export const ROLLUP_TABLES = "incident_rollup, incident_time_rollup, incident_actor_time_rollup";

/** Empties every application table. */
export async function resetDatabase(url = databaseUrl()): Promise<void> {
  await query(
    `${TRUNCATE_UNGUARDED} "user", api_token, login_attempt, audit_event, source, incident, incident_source, evidence,
       actor, actor_alias, incident_actor, place, saved_view, incident_merge, ${ROLLUP_TABLES} RESTART IDENTITY CASCADE`,
    [],
    url,
  );
}

/** A scratch database on the same server, for tests that need an empty or broken schema. */
export function scratchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return createScratchDatabase(inject("adminDatabaseUrl"), name);
}
