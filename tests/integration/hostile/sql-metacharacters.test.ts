import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { incidentWhere, sql } from "@/lib/incidents/where";
import { query, resetDatabase } from "../db";

const PAYLOADS = [
  "'; DROP TABLE incident; --",
  "Kayes' OR '1'='1",
  'Kayes" OR "1"="1',
  "%",
  "_",
  "\\",
  "$1",
  "Kayes); DELETE FROM incident; --",
  "ARRAY['x']",
  "::text",
  "/* comment */",
  "Kayes\u0000",
];

async function ids(params: URLSearchParams): Promise<number[]> {
  const filter = parseIncidentFilter(params);
  const rows = await prisma.$queryRaw<{ id: number }[]>(sql`SELECT i.id FROM incident i ${incidentWhere(filter)} ORDER BY i.id`);
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  await resetDatabase();
  await query(`INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, location, updated_at)
    VALUES ('2025-05-17', 'Battles', 'Armed clash', 'Attack on the Sandaré post', 'Mali', 'Kayes', 'Sandaré', now()),
           ('2025-05-18', 'Battles', 'Armed clash', 'Literal quote region', 'Mali', $1, 'Nowhere', now())`, ["Kayes' OR '1'='1"]);
});

describe("SQL metacharacters in filter parameters", () => {
  for (const parameter of ["country", "admin1", "admin2", "location", "actor", "q"] as const) {
    it(`${parameter}: every payload only changes the result set`, async () => {
      for (const payload of PAYLOADS) {
        const params = new URLSearchParams({ [parameter]: payload });
        let result: number[] | Error;
        try {
          result = await ids(params);
        } catch (error) {
          // Only the parser may refuse (e.g. a NUL byte); the database never sees a broken query.
          expect((error as Error).name).toBe("FilterError");
          continue;
        }
        if (parameter === "admin1" && payload === "Kayes' OR '1'='1") expect(result).toEqual([2]);
        else if (parameter === "q") expect(Array.isArray(result)).toBe(true);
        else expect(result).toEqual([]);
      }
      const [{ count }] = await query<{ count: string }>(`SELECT count(*) FROM incident`);
      expect(Number(count)).toBe(2);
    });
  }
});
