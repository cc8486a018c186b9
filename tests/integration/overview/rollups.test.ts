/**
 * The overview's rollups (incident_rollup, incident_time_rollup, incident_actor_time_rollup) stay exact
 * through every kind of write: after each one, every rollup equals its recomputation from incident, and
 * the overview computed from the rollups equals the one computed by scanning incident (`rollups: false`).
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { beforeAll, describe, expect, it } from "vitest";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { mergeIncidents, unmergeIncident } from "@/lib/incidents/merges";
import { setIncidentStatus, updateIncident } from "@/lib/incidents/edits";
import { getOverviewStats, splitRange } from "@/lib/incidents/stats";
import { databaseUrl, query } from "../db";
import { seedOverviewFixtures } from "./fixtures";

const ROLLUPS = {
  incident_rollup: `
    SELECT country, coalesce(admin1, '') AS admin1, coalesce(admin1_reform, '') AS admin1_reform, coalesce(admin2, '') AS admin2, event_type,
      sub_event_type, status::text AS status, geo_precision::int AS geo_precision, actor_names, count(*)::int AS incidents,
      coalesce(sum(fatalities), 0)::int AS fatalities, (count(*) FILTER (WHERE fatalities IS NULL))::int AS fatalities_unknown,
      (count(*) FILTER (WHERE geo_precision = 1 AND latitude IS NOT NULL AND longitude IS NOT NULL))::int AS precise
    FROM incident WHERE merged_into_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  incident_time_rollup: `
    SELECT to_char(greatest(date_trunc('week', event_date::timestamp), date_trunc('month', event_date::timestamp)), 'YYYY-MM-DD') AS period,
      country, coalesce(admin1, '') AS admin1, coalesce(admin1_reform, '') AS admin1_reform, event_type, count(*)::int AS incidents,
      coalesce(sum(fatalities), 0)::int AS fatalities, (count(*) FILTER (WHERE fatalities IS NULL))::int AS fatalities_unknown
    FROM incident WHERE merged_into_id IS NULL GROUP BY 1, 2, 3, 4, 5`,
  incident_actor_time_rollup: `
    SELECT x.actor, to_char(greatest(date_trunc('week', event_date::timestamp), date_trunc('month', event_date::timestamp)), 'YYYY-MM-DD') AS period,
      country, event_type, count(*)::int AS incidents, coalesce(sum(fatalities), 0)::int AS fatalities,
      (count(*) FILTER (WHERE fatalities IS NULL))::int AS fatalities_unknown
    FROM incident CROSS JOIN LATERAL unnest(string_to_array(actor_names, '; ')) AS x(actor)
    WHERE merged_into_id IS NULL GROUP BY 1, 2, 3, 4`,
} as const;

/** Each rollup, row for row, equals the same aggregate computed from incident now (no zero rows left). */
async function expectRollupsExact(): Promise<void> {
  for (const [table, recomputed] of Object.entries(ROLLUPS)) {
    const columns = (await query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table],
    )).map((row) => row.column_name);
    const select = columns
      .map((column) => (column === "period" ? `to_char(period, 'YYYY-MM-DD') AS period` : ["fatalities", "incidents", "fatalities_unknown", "precise", "geo_precision"].includes(column) ? `${column}::int AS ${column}` : `${column}::text AS ${column}`))
      .join(", ");
    const stored = await query(`SELECT ${select} FROM ${table} ORDER BY ${columns.map((_, index) => index + 1).join(", ")}`);
    const expected = await query(`SELECT ${columns.join(", ")} FROM (${recomputed}) x ORDER BY ${columns.map((_, index) => index + 1).join(", ")}`);
    expect(stored, table).toEqual(expected);
  }
}

/** Filters the rollups answer (or partly answer), with dates that cut slices in the middle and not. */
const FILTERS = [
  ["", "month"],
  ["", "week"],
  ["country=Mali", "month"],
  ["admin1=Kayes", "month"],
  ["admin1=Nioro", "week"],
  ["admin2=Gao", "month"],
  ["eventType=Battles&status=verified&geoPrecision=1", "month"],
  ["subEventType=Armed clash", "week"],
  ["actor=GSIM", "month"],
  ["actor=JNIM&country=Mali&eventType=Battles", "week"],
  ["actor=JNIM&actor=Islamic State Sahel", "month"],
  ["actor=nobody known", "month"],
  ["from=2023-06-15", "week"],
  ["from=2023-05-01&to=2023-05-31", "month"],
  ["from=2024-02-10&to=2024-08-20&admin1=Gao&admin1=Menaka", "month"],
  ["to=2024-03-13&actor=JNIM", "week"],
  ["from=2024-12-30&to=2025-01-05", "week"],
] as const;

async function expectRollupsMatchScan(): Promise<void> {
  for (const [search, bucket] of FILTERS) {
    const filter = parseIncidentFilter(new URLSearchParams(search));
    const fromRollups = await getOverviewStats(filter, bucket);
    const fromScan = await getOverviewStats(filter, bucket, { rollups: false });
    expect(fromRollups, `?${search} by ${bucket}`).toEqual(fromScan);
  }
}

async function ids(where: string, limit: number): Promise<number[]> {
  return (await query<{ id: number }>(`SELECT id FROM incident WHERE ${where} ORDER BY id LIMIT ${limit}`)).map((row) => row.id);
}

/** The app's own rule for actor_names (lib/incidents/edits.ts refreshActorNames), applied after a link change. */
async function refreshActorNames(incidentIds: number[]): Promise<void> {
  await query(
    `UPDATE incident i SET actor_names = coalesce((
       SELECT string_agg(name, '; ' ORDER BY first_role, name) FROM (
         SELECT a.name, min(ia.role) AS first_role FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id
         WHERE ia.incident_id = i.id GROUP BY a.name) named), '')
     WHERE i.id = ANY($1::int[])`,
    [incidentIds],
  );
}

async function version(id: number): Promise<number> {
  return (await query<{ version: number }>(`SELECT version FROM incident WHERE id = $1`, [id]))[0]!.version;
}

describe("overview rollups", () => {
  beforeAll(() => seedOverviewFixtures());

  it("splits a date range into whole slices (week within month) and partial edges", () => {
    // 2024-05-01 is a Wednesday: its slice runs to Sunday 5 May; May's last slice starts Monday 27 May.
    expect(splitRange({ from: "2024-05-01", to: "2024-05-31" })).toEqual({ whole: { from: "2024-05-01", to: "2024-05-31" }, edges: [] });
    expect(splitRange({ from: "2024-05-02", to: "2024-05-29" })).toEqual({
      whole: { from: "2024-05-06", to: "2024-05-26" },
      edges: [{ from: "2024-05-02", to: "2024-05-05" }, { from: "2024-05-27", to: "2024-05-29" }],
    });
    expect(splitRange({ from: "2024-05-07", to: "2024-05-08" })).toEqual({ whole: null, edges: [{ from: "2024-05-07", to: "2024-05-08" }] });
    expect(splitRange({})).toEqual({ whole: {}, edges: [] });
  });

  it("are exact after the fixtures' inserts, link inserts and merges, and give the scan's figures", async () => {
    await expectRollupsExact();
    await expectRollupsMatchScan();
  });

  it("stay exact after a COPY-style bulk insert", async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      const lines = Array.from({ length: 600 }, (_, index) => {
        const day = new Date(Date.UTC(2023, 0, 1) + (index % 700) * 86_400_000).toISOString().slice(0, 10);
        const fatalities = index % 5 === 0 ? "" : String(index % 9);
        const actors = ["JNIM", "JNIM; Military Forces of Mali", "", "Islamic State Sahel; Civilians"][index % 4];
        return `${day},Battles,Armed clash,Bulk ${index},Mali,${index % 2 ? "Mopti" : "Kayes"},,${index % 3 ? "Bandiagara" : ""},${index % 3 ? "14.3" : ""},${index % 3 ? "-3.6" : ""},${(index % 3) + 1},${fatalities},verified,"${actors}",2025-01-01\n`;
      });
      await pipeline(
        Readable.from([lines.join("")]),
        client.query(copyFrom(`COPY incident (event_date, event_type, sub_event_type, summary, country, admin1, admin1_reform, admin2, latitude, longitude,
          geo_precision, fatalities, status, actor_names, updated_at) FROM STDIN WITH (FORMAT csv)`)),
      );
      // Links copied after the incidents, as scripts/data/seed-synthetic.ts does.
      await client.query(`INSERT INTO incident_actor (incident_id, actor_id, role)
        SELECT i.id, a.id, 'actor1' FROM incident i CROSS JOIN LATERAL unnest(string_to_array(i.actor_names, '; ')) AS x(name)
        JOIN actor a ON a.name = x.name WHERE i.summary LIKE 'Bulk %'`);
    } finally {
      await client.end();
    }
    await expectRollupsExact();
    await expectRollupsMatchScan();
  });

  it("move counts when each rolled-up attribute changes, and not when other fields do", async () => {
    const [a, b, c, d, e, f, g, h, k] = await ids("merged_into_id IS NULL", 9);
    const before = await query(`SELECT * FROM incident_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);
    await query(`UPDATE incident SET summary = summary || ' (edited)'`);
    expect(await query(`SELECT * FROM incident_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`)).toEqual(before);

    await query(`UPDATE incident SET event_date = event_date + 40 WHERE id = $1`, [a]);
    await query(`UPDATE incident SET country = 'Niger', admin1 = 'Tillaberi', admin1_reform = NULL, admin2 = NULL WHERE id = $1`, [b]);
    await query(`UPDATE incident SET admin1_reform = 'Nioro', admin2 = 'Nioro' WHERE id = $1`, [c]);
    await query(`UPDATE incident SET event_type = 'Riots', sub_event_type = 'Mob violence' WHERE id = $1`, [d]);
    await query(`UPDATE incident SET geo_precision = 3, latitude = NULL, longitude = NULL WHERE id = $1`, [e]);
    await query(`UPDATE incident SET fatalities = NULL WHERE id = $1`, [f]);
    await query(`UPDATE incident SET fatalities = 41 WHERE id = $1`, [g]);
    // Actor links change, and actor_names follows them as the app keeps it (refreshActorNames).
    await query(`INSERT INTO incident_actor (incident_id, actor_id, role) SELECT $1, id, 'associated' FROM actor WHERE name = 'JNIM' ON CONFLICT DO NOTHING`, [h]);
    await query(`DELETE FROM incident_actor WHERE incident_id = $1`, [k]);
    await refreshActorNames([h!, k!]);
    await expectRollupsExact();

    // Through the data layer: an edit (one transaction, optimistic version) and a status change.
    await updateIncident(a, await version(a), { eventDate: "2024-02-29", admin1: "Gao", fatalities: 7, geoPrecision: 2 }, null);
    await setIncidentStatus(b, "rejected", null);
    await setIncidentStatus(c, "verified", null);
    // One statement moving many rows across many keys at once.
    await query(`UPDATE incident SET status = 'verified', event_date = event_date - 3 WHERE id % 7 = 2`);
    await expectRollupsExact();
    await expectRollupsMatchScan();
  });

  it("count, in one UPDATE of many rows, only the rows whose rolled-up attributes changed, and delete the keys it empties", async () => {
    // Moving a point that stays a precise point touches no rollup row (not even rewritten).
    const snapshot = `SELECT 'r' AS t, xmin::text, r::text FROM incident_rollup r UNION ALL SELECT 't', xmin::text, r::text FROM incident_time_rollup r
                      UNION ALL SELECT 'a', xmin::text, r::text FROM incident_actor_time_rollup r ORDER BY 1, 3`;
    const before = await query(snapshot);
    await query(`UPDATE incident SET latitude = latitude + 0.01, longitude = longitude - 0.01, version = version + 1 WHERE latitude IS NOT NULL`);
    expect(await query(snapshot)).toEqual(before);

    // Every incident of one (country, admin2) moves away in the same statement as unchanged rows, rows that
    // only lose their coordinates, rows whose actors change and rows hidden or shown again by a merge.
    const [{ country, admin2 }] = await query<{ country: string; admin2: string }>(
      `SELECT country, admin2 FROM incident WHERE merged_into_id IS NULL AND admin2 IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`,
    );
    const [hidden] = await ids("merged_into_id IS NULL AND id % 11 = 3", 1);
    const [shown] = await ids("merged_into_id IS NOT NULL", 1);
    await query(
      `UPDATE incident SET
         admin2 = CASE WHEN country = $1 AND admin2 = $2 THEN 'Emptied ' || admin2 ELSE admin2 END,
         latitude = CASE WHEN id % 5 = 0 THEN NULL ELSE latitude END,
         actor_names = CASE WHEN id % 7 = 0 THEN 'Nobody Known' ELSE actor_names END,
         merged_into_id = CASE WHEN id = $3 THEN (SELECT min(id) FROM incident WHERE id <> $3) WHEN id = $4 THEN NULL ELSE merged_into_id END`,
      [country, admin2, hidden, shown ?? -1],
    );
    expect(await query(`SELECT 1 FROM incident_rollup WHERE country = $1 AND admin2 = $2`, [country, admin2])).toEqual([]);
    expect(await query(`SELECT 1 FROM incident_rollup WHERE incidents = 0 UNION ALL SELECT 1 FROM incident_time_rollup WHERE incidents = 0
                        UNION ALL SELECT 1 FROM incident_actor_time_rollup WHERE incidents = 0`)).toEqual([]);
    await expectRollupsExact();
    await expectRollupsMatchScan();
  });

  it("follow merges and un-merges (hidden incident out, moved actor links in) and actor link changes", async () => {
    const [target, merged] = await ids("merged_into_id IS NULL AND actor_names <> ''", 2);
    const { mergeId } = await mergeIncidents(target!, merged!, null);
    expect((await query(`SELECT merged_into_id FROM incident WHERE id = $1`, [merged]))[0]!.merged_into_id).toBe(target);
    await expectRollupsExact();
    await expectRollupsMatchScan();
    await unmergeIncident(mergeId, null);
    await expectRollupsExact();
    await expectRollupsMatchScan();
  });

  it("stay exact after deletes, and empty out with the table", async () => {
    await query(`DELETE FROM incident WHERE id IN (SELECT id FROM incident WHERE merged_into_id IS NULL ORDER BY id LIMIT 5)`);
    await query(`DELETE FROM incident WHERE id % 5 = 1`);
    await expectRollupsExact();
    await expectRollupsMatchScan();
    // No row left at zero: the regions and actors counted are those with incidents.
    expect(await query(`SELECT 1 FROM incident_rollup WHERE incidents = 0 UNION ALL SELECT 1 FROM incident_time_rollup WHERE incidents = 0`)).toEqual([]);

    await query(`DELETE FROM incident`);
    await expectRollupsExact();
    await seedOverviewFixtures(); // TRUNCATE incident empties the rollups, then the inserts fill them again
    await expectRollupsExact();
  });
});
