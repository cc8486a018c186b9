/**
 * How incidents are read as rows (the table, the API, the merge candidates, an edit's answer): the one
 * column list. Their order is orderBySql, beside the WHERE builder.
 */
import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { sql } from "./where";
import type { IncidentRow } from "./types";

type Db = Prisma.TransactionClient | typeof prisma;

export const ROW_COLUMNS = sql`
  i.id, to_char(i.event_date, 'YYYY-MM-DD') AS "eventDate", to_char(i.end_date, 'YYYY-MM-DD') AS "endDate",
  i.date_precision::text AS "datePrecision", i.event_type AS "eventType", i.sub_event_type AS "subEventType",
  i.country, i.admin1, i.admin1_reform AS "admin1Reform", i.admin2, i.location, i.latitude, i.longitude,
  i.geo_precision::int AS "geoPrecision", i.fatalities, i.actor_names AS actors, i.status::text AS status,
  i.summary, to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", i.version`;

/** A date column as the calendar day it holds (PostgreSQL `date` arrives as UTC midnight). */
export const isoDay = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export async function getRow(db: Db, id: number): Promise<IncidentRow | undefined> {
  const rows = await db.$queryRaw<IncidentRow[]>`SELECT ${ROW_COLUMNS} FROM incident i WHERE i.id = ${id}`;
  return rows[0];
}
