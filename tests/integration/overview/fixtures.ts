/**
 * A controlled set of incidents for the overview: a few hundred deterministic ones spread over regions,
 * types, actors and dates (with unknown fatalities, a merged incident, Mali's reform regions, Ménaka
 * and an incident outside the mapped countries; the locality is the admin2's name), plus hand-placed
 * ones around the new year for the bucket edges. Written with plain SQL, with actor_names kept equal to
 * the links as the app keeps it.
 */
import { foldText } from "@/lib/text/fold";
import { query, resetDatabase } from "../db";
import { seededRandom } from "@/scripts/data/seed-synthetic";

export const ACTORS = [
  { name: "JNIM", type: 2, aliases: ["GSIM", "Jama'at Nusrat al-Islam wal-Muslimin"] },
  { name: "Islamic State Sahel", type: 2, aliases: ["EIGS"] },
  { name: "Military Forces of Mali", type: 1, aliases: ["FAMa"] },
  { name: "Civilians", type: 7, aliases: [] },
  { name: "Dozo Communal Militia", type: 4, aliases: [] },
  { name: "Protesters", type: 6, aliases: [] },
] as const;

type Place = { country: string; admin1: string | null; admin1Reform?: string; admin2: string | null; lat: number; lon: number };
const PLACES: Place[] = [
  { country: "Mali", admin1: "Kayes", admin2: "Kayes", lat: 14.45, lon: -11.44 },
  { country: "Mali", admin1: "Kayes", admin1Reform: "Nioro", admin2: "Nioro du Sahel", lat: 15.23, lon: -9.59 },
  { country: "Mali", admin1: "Mopti", admin2: "Bandiagara", lat: 14.35, lon: -3.61 },
  { country: "Mali", admin1: "Mopti", admin2: "Djenne", lat: 13.9, lon: -4.55 },
  { country: "Mali", admin1: "Gao", admin2: "Ansongo", lat: 15.66, lon: 0.5 },
  { country: "Mali", admin1: "Menaka", admin2: "Menaka", lat: 15.92, lon: 2.4 },
  { country: "Mali", admin1: "Segou", admin2: "Niono", lat: 14.25, lon: -5.99 },
  { country: "Burkina Faso", admin1: "Sahel", admin2: "Soum", lat: 14.1, lon: -1.63 },
  { country: "Niger", admin1: "Tillaberi", admin2: "Tillaberi", lat: 14.21, lon: 1.45 },
  { country: "Chad", admin1: null, admin2: null, lat: 13.1, lon: 14.5 },
];
const TYPES: [string, string][] = [
  ["Battles", "Armed clash"],
  ["Violence against civilians", "Attack"],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["Protests", "Peaceful protest"],
  ["Strategic developments", "Looting/property destruction"],
];
const STATUSES = ["unverified", "verified", "rejected"];


export type SeedIncident = {
  eventDate: string;
  eventType: string;
  subEventType: string;
  place: Place;
  geoPrecision: number;
  fatalities: number | null;
  status: string;
  actors: string[];
  merged?: boolean;
};

/** The edge-of-year incidents, all in Senegal's Dakar so a filter isolates them. */
export const EDGE_DATES = ["2024-12-29", "2024-12-30", "2024-12-31", "2025-01-01", "2025-01-05", "2025-01-06"];
const DAKAR: Place = { country: "Senegal", admin1: "Dakar", admin2: "Dakar", lat: 14.69, lon: -17.45 };

export function buildIncidents(count = 400): SeedIncident[] {
  const rand = seededRandom(7); // deterministic, so a failure reproduces
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const incidents: SeedIncident[] = [];
  const start = Date.UTC(2023, 0, 1);
  for (let index = 0; index < count; index++) {
    const [eventType, subEventType] = pick(TYPES);
    const actors = eventType === "Protests" ? ["Protesters"] : [...new Set([pick(ACTORS.slice(0, 5)).name, ...(rand() < 0.5 ? [pick(ACTORS.slice(0, 5)).name] : [])])];
    incidents.push({
      eventDate: new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10),
      eventType,
      subEventType,
      place: pick(PLACES),
      geoPrecision: pick([1, 1, 2, 3]),
      fatalities: rand() < 0.2 ? null : Math.floor(rand() * 12),
      status: pick(STATUSES),
      actors: rand() < 0.08 ? [] : actors,
      merged: index % 97 === 5,
    });
  }
  EDGE_DATES.forEach((eventDate, index) =>
    incidents.push({
      eventDate,
      eventType: "Protests",
      subEventType: "Peaceful protest",
      place: DAKAR,
      geoPrecision: 1,
      // 0 is a known toll; null is unknown: they must not be confused.
      fatalities: index === 0 ? null : index === 1 ? 0 : index,
      status: "verified",
      actors: ["Protesters"],
    }),
  );
  return incidents;
}

export async function seedOverviewFixtures(incidents = buildIncidents()): Promise<void> {
  await resetDatabase();
  for (const actor of ACTORS) {
    const [{ id }] = await query<{ id: number }>(`INSERT INTO actor (name, type) VALUES ($1, $2) RETURNING id`, [actor.name, actor.type]);
    for (const alias of [actor.name, ...actor.aliases]) {
      await query(`INSERT INTO actor_alias (actor_id, alias, normalized) VALUES ($1, $2, $3)`, [id, alias, foldText(alias)]);
    }
  }
  const rows = incidents.map((incident) => [
    incident.eventDate, incident.eventType, incident.subEventType, `Synthetic overview incident on ${incident.eventDate}`,
    incident.place.country, incident.place.admin1, incident.place.admin1Reform ?? null, incident.place.admin2, incident.place.admin2,
    incident.geoPrecision === 3 ? null : incident.place.lat, incident.geoPrecision === 3 ? null : incident.place.lon,
    incident.geoPrecision, incident.fatalities, incident.status, incident.actors.join("; "),
  ]);
  const inserted = await query<{ id: number }>(
    `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, admin1_reform, admin2, location, latitude, longitude,
       geo_precision, fatalities, status, actor_names, updated_at)
     SELECT d::date, t, s, su, c, a1, a1r, a2, lo, lat, lon, gp, f, st::"ReviewStatus", an, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::float8[], $11::float8[],
       $12::int[], $13::int[], $14::text[], $15::text[]) AS x(d, t, s, su, c, a1, a1r, a2, lo, lat, lon, gp, f, st, an)
     RETURNING id`,
    rows[0]!.map((_, column) => rows.map((row) => row[column])),
  );
  const ids = inserted.map((row) => row.id).sort((a, b) => a - b);
  for (const [index, incident] of incidents.entries()) {
    for (const [position, name] of incident.actors.entries()) {
      await query(
        `INSERT INTO incident_actor (incident_id, actor_id, role) SELECT $1, id, $3::"ActorRole" FROM actor WHERE name = $2`,
        [ids[index], name, position === 0 ? "actor1" : "actor2"],
      );
    }
    if (incident.merged) await query(`UPDATE incident SET merged_into_id = $1 WHERE id = $2`, [ids[0], ids[index]]);
  }
}

