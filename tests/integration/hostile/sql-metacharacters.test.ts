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

/**
 * What a full-text search for each payload finds when the payload is only text: its words (and the
 * websearch syntax's OR) match summaries and place names. Incident 3's summary holds the words of the
 * injections, so a payload treated as a search term finds it, and one run as SQL would not.
 */
const Q_MATCHES: Record<string, number[]> = {
  "'; DROP TABLE incident; --": [3],
  "Kayes' OR '1'='1": [1, 2],
  'Kayes" OR "1"="1': [2], // the quote makes "OR" a word to find, which only incident 2's admin1 holds
  "%": [],
  "_": [],
  "\\": [],
  "$1": [2],
  "Kayes); DELETE FROM incident; --": [],
  "ARRAY['x']": [],
  "::text": [],
  "/* comment */": [3],
};

async function ids(params: URLSearchParams): Promise<number[]> {
  const filter = parseIncidentFilter(params);
  const rows = await prisma.$queryRaw<{ id: number }[]>(sql`SELECT i.id FROM incident i ${incidentWhere(filter)} ORDER BY i.id`);
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  await resetDatabase();
  await query(`INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, location, updated_at)
    VALUES ('2025-05-17', 'Battles', 'Armed clash', 'Attack on the Sandaré post', 'Mali', 'Kayes', 'Sandaré', now()),
           ('2025-05-18', 'Battles', 'Armed clash', 'Literal quote region', 'Mali', $1, 'Nowhere', now()),
           ('2025-05-19', 'Riots', 'Mob violence', 'Comment on a drop table incident', 'Niger', 'Tillabéri', 'Ayorou', now())`, ["Kayes' OR '1'='1"]);
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
        else if (parameter === "q") expect(result, payload).toEqual(Q_MATCHES[payload]);
        else expect(result).toEqual([]);
      }
      // The table is intact: the same three rows, unchanged.
      const rows = await query<{ id: number; summary: string; admin1: string }>(`SELECT id, summary, admin1 FROM incident ORDER BY id`);
      expect(rows).toEqual([
        { id: 1, summary: "Attack on the Sandaré post", admin1: "Kayes" },
        { id: 2, summary: "Literal quote region", admin1: "Kayes' OR '1'='1" },
        { id: 3, summary: "Comment on a drop table incident", admin1: "Tillabéri" },
      ]);
    });
  }
});
