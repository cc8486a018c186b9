/**
 * A batch's matching (one statement for every watch, watches of the same filter dimensions sharing one
 * arm) selects, for each watch, exactly the incidents the table shows for the watch's filter: every filter
 * dimension, watches of one shape with different values, identical watches, and the watch's own conditions.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluatePending } from "@/lib/alerts/evaluate";
import { createWatch } from "@/lib/alerts/queries";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { incidentWhere } from "@/lib/incidents/where";
import { loadReferenceData } from "@/lib/reference/load";
import { query, resetDatabase } from "../db";
import { signedInUser, type Caller } from "../session";
import { resetAlertsAndIncidents } from "./helpers";

let analyst: Caller;

beforeAll(async () => {
  await resetDatabase();
  await loadReferenceData();
  analyst = await signedInUser("analyst");
});

beforeEach(resetAlertsAndIncidents);

type Row = [day: string, type: string, subType: string, country: string, admin1: string | null, admin2: string | null, location: string | null, status: string, precision: number, fatalities: number | null, actors: string[], summary: string];

const INCIDENTS: Row[] = [
  ["2025-03-03", "Battles", "Armed clash", "Mali", "Kayes", "Nioro", "Nioro du Sahel", "verified", 1, 12, ["JNIM", "Military Forces of Mali"], "Attaque d'un poste militaire"],
  ["2025-03-04", "Violence against civilians", "Attack", "Mali", "Mopti", "Bandiagara", "Bandiagara", "unverified", 2, 3, ["Dan Na Ambassagou"], "Des civils tués près du marché"],
  ["2025-03-05", "Explosions/Remote violence", "Remote explosive/landmine/IED", "Burkina Faso", "Sahel", "Soum", "Djibo", "verified", 1, 0, ["Islamic State Sahel"], "Engin explosif sur la route"],
  ["2025-03-06", "Battles", "Armed clash", "Niger", "Tillaberi", "Ouallam", null, "rejected", 3, null, ["Islamic State Sahel", "Military Forces of Niger"], "Embuscade contre une patrouille"],
  ["2025-03-07", "Protests", "Peaceful protest", "Mali", "Bamako", null, "Bamako", "unverified", 1, null, [], "Manifestation pacifique au centre"],
  ["2025-03-08", "Battles", "Armed clash", "Mali", "Kayes", "Kita", "Kita", "unverified", 2, 25, ["JNIM"], "Combats violents autour de la ville"],
  ["2025-04-10", "Violence against civilians", "Abduction/forced disappearance", "Burkina Faso", "Est", "Gourma", "Fada N'Gourma", "verified", 2, 1, ["Koglweogo"], "Enlèvement de commerçants"],
  ["2025-04-12", "Strategic developments", "Looting/property destruction", "Niger", "Tillaberi", "Tera", "Tera", "unverified", 3, 0, ["JNIM"], "Pillage de bétail"],
];

async function insertIncidents(): Promise<number[]> {
  const ids: number[] = [];
  for (const [day, type, subType, country, admin1, admin2, location, status, precision, fatalities, actors, summary] of INCIDENTS) {
    const [{ id }] = await query<{ id: number }>(
      `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, admin2, location, status, geo_precision, fatalities, actor_names, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::"ReviewStatus", $10, $11, $12, now()) RETURNING id`,
      [day, type, subType, summary, country, admin1, admin2, location, status, precision, fatalities, [...actors].sort().join("; ")],
    );
    await query(
      `INSERT INTO incident_actor (incident_id, actor_id, role) SELECT $1, a.id, CASE WHEN a.name = $2 THEN 'actor1' ELSE 'actor2' END::"ActorRole" FROM actor a WHERE a.name = ANY($3::text[])`,
      [id, actors[0] ?? null, actors],
    );
    ids.push(id);
  }
  // A word found only in a source of the second incident.
  const [{ id: source }] = await query<{ id: number }>(`INSERT INTO source (text, content_hash) VALUES ('Reportage sur la transhumance', repeat('a', 64)) RETURNING id`);
  await query(`INSERT INTO incident_source (incident_id, source_id) VALUES ($1, $2)`, [ids[1], source]);
  return ids;
}

const WATCHES: { query: string; condition?: "every" | "fatalities"; minFatalities?: number; verifiedOnly?: boolean }[] = [
  { query: "country=Mali" },
  { query: "country=Niger" },
  { query: "country=Mali&country=Burkina+Faso" },
  { query: "admin1=Kayes" },
  { query: "admin1=Kayes" },
  { query: "admin1=Tillaberi&actor=JNIM" },
  { query: "admin1=Kayes&actor=GSIM" },
  { query: "admin2=Soum" },
  { query: "location=Kita" },
  { query: "eventType=Battles" },
  { query: "subEventType=Attack" },
  { query: "status=verified" },
  { query: "geoPrecision=2&geoPrecision=3" },
  { query: "from=2025-03-05&to=2025-04-10" },
  { query: "minFatalities=3" },
  { query: "actorType=4" },
  { query: "q=attaque" },
  { query: "q=transhumance" },
  { query: "country=Mali", condition: "fatalities", minFatalities: 10 },
  { query: "country=Burkina+Faso", verifiedOnly: true },
  { query: "actor=Islamic+State+Sahel&eventType=Battles" },
  { query: "actor=Unknown+group" },
];

describe("matching a batch against every watch at once", () => {
  it("gives each watch exactly the incidents the table shows for its filter and conditions", async () => {
    const watches = [];
    for (const [index, spec] of WATCHES.entries()) watches.push(await createWatch(analyst.user, { name: `watch ${index}`, maxAlertsPerHour: 60, ...spec }));
    await insertIncidents();
    for (let run = 0; run < 10 && (await evaluatePending()).incidents > 0; run++);

    const matched = await query<{ watch_id: number; ids: number[] }>(`SELECT watch_id, array_agg(incident_id ORDER BY incident_id) AS ids FROM watch_match GROUP BY watch_id`);
    const byWatch = new Map(matched.map((row) => [row.watch_id, row.ids]));
    let nonEmpty = 0;
    for (const [index, watch] of watches.entries()) {
      const spec = WATCHES[index]!;
      const where = incidentWhere(parseIncidentFilter(new URLSearchParams(spec.query)));
      const extra = [spec.verifiedOnly ? `AND i.status = 'verified'` : "", spec.condition === "fatalities" ? `AND i.fatalities >= ${spec.minFatalities}` : ""].join(" ");
      const expected = (await query<{ id: number }>(`SELECT i.id FROM incident i ${where.text} ${extra} ORDER BY i.id`, where.values)).map((row) => row.id);
      expect({ watch: spec, ids: byWatch.get(watch.id) ?? [] }).toEqual({ watch: spec, ids: expected });
      if (expected.length) nonEmpty++;
    }
    // The fixture exercises matches, not only their absence.
    expect(nonEmpty).toBeGreaterThan(WATCHES.length - 5);
  });
});
