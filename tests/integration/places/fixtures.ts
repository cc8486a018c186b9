/** Extracted incidents built by hand, stored through the real batch store, as extraction hands them over. */
import type { ExtractedIncident, ExtractResult } from "@/lib/ingest/pipeline";
import { storeExtraction } from "@/lib/ingest/store";
import { query } from "../db";

let serial = 0;

/** An incident extraction could not place: its name as written, no coordinates, the region the text gives. */
export function unplacedIncident(location: string, overrides: Partial<ExtractedIncident> = {}): ExtractedIncident {
  serial++;
  const sentence = `Des hommes armés ont attaqué le village de ${location} (${serial}).`;
  return {
    eventDate: `2025-0${1 + (serial % 9)}-${String(1 + (serial % 27)).padStart(2, "0")}`,
    endDate: null,
    datePrecision: "day",
    eventType: "Battles",
    subEventType: "Armed clash",
    summary: sentence,
    country: "Mali",
    admin1: "Mopti",
    admin1Reform: null,
    admin2: "Bandiagara",
    location,
    latitude: null,
    longitude: null,
    geoPrecision: 2,
    actors: [],
    fatalities: 2,
    evidence: [{ field: "location", text: sentence, start: 0, end: sentence.length }],
    ...overrides,
  };
}

/** A placed battle at Boni between an armed group the actors table may not know and Mali's forces. */
export function battleWithGroup(group: string, day: string, type: number): ExtractedIncident {
  return unplacedIncident("Boni", {
    eventDate: day,
    latitude: 15.03,
    longitude: -1.98,
    geoPrecision: 1,
    actors: [
      { name: group, role: "actor1", type },
      { name: "Military Forces of Mali", role: "actor2", type: 1 },
    ],
  });
}

/** Stores one article carrying these incidents; returns the ids of its incidents. */
export async function storeIncidents(incidents: ExtractedIncident[]): Promise<number[]> {
  serial++;
  const text = `Article ${serial}: ${incidents.map((incident) => incident.summary).join(" ")}`;
  const extraction: ExtractResult = { source: { title: `Article ${serial}`, publishedAt: "2025-05-19", language: "fr" }, incidents };
  const result = await storeExtraction(text, extraction, {}, null);
  return result.incidents.map((incident) => incident.id);
}

export async function placeNameId(name: string, country = "Mali"): Promise<number> {
  const [row] = await query<{ id: number }>(`SELECT id FROM place_name WHERE name = $1 AND country = $2`, [name, country]);
  if (!row) throw new Error(`no queued place name ${name}`);
  return row.id;
}

/** incident_rollup equals its recomputation from incident (the overview's triggers kept it exact). */
export async function rollupDifferences(): Promise<unknown[]> {
  return query(`
    (SELECT country, admin1, admin1_reform, admin2, event_type, sub_event_type, status::text, geo_precision::int, actor_names, incidents, fatalities::int, fatalities_unknown, precise FROM incident_rollup
     EXCEPT
     SELECT country, coalesce(admin1, ''), coalesce(admin1_reform, ''), coalesce(admin2, ''), event_type, sub_event_type, status::text, geo_precision::int, actor_names,
            count(*)::int, coalesce(sum(fatalities), 0)::int, (count(*) FILTER (WHERE fatalities IS NULL))::int,
            (count(*) FILTER (WHERE geo_precision = 1 AND latitude IS NOT NULL AND longitude IS NOT NULL))::int
       FROM incident WHERE merged_into_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9)
    UNION ALL
    (SELECT country, coalesce(admin1, ''), coalesce(admin1_reform, ''), coalesce(admin2, ''), event_type, sub_event_type, status::text, geo_precision::int, actor_names,
            count(*)::int, coalesce(sum(fatalities), 0)::int, (count(*) FILTER (WHERE fatalities IS NULL))::int,
            (count(*) FILTER (WHERE geo_precision = 1 AND latitude IS NOT NULL AND longitude IS NOT NULL))::int
       FROM incident WHERE merged_into_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
     EXCEPT
     SELECT country, admin1, admin1_reform, admin2, event_type, sub_event_type, status::text, geo_precision::int, actor_names, incidents, fatalities::int, fatalities_unknown, precise FROM incident_rollup WHERE incidents > 0)`);
}

/**
 * The part of the reference data these tests use, from the shipped gazetteer and dictionary, written in a
 * few statements (the full loader inserts thousands of places one by one: a minute on a loaded machine).
 */
export async function seedReference(): Promise<void> {
  const { PLACES } = await import("@/lib/ingest/gazetteer");
  const { actorSpecs } = await import("@/lib/reference/load");
  const pick = (kind: string, names: string[]) => PLACES.filter((place) => place.kind === kind && place.origin === "curated" && ["ML", "BF"].includes(place.countryCode) && names.includes(place.name));
  const ids = new Map<string, number>();
  const insert = async (kind: string, name: string, countryCode: string, parent: string | null, latitude: number, longitude: number, reform: string | null = null) => {
    const [row] = await query<{ id: number }>(
      `INSERT INTO place (kind, name, country_code, parent_id, latitude, longitude, admin1_reform) VALUES ($1::"PlaceKind", $2, $3, $4, $5, $6, $7) RETURNING id`,
      [kind, name, countryCode, parent === null ? null : ids.get(parent), latitude, longitude, reform],
    );
    ids.set(`${kind}:${countryCode}:${name}`, row!.id);
  };
  for (const place of pick("country", ["Mali", "Burkina Faso"])) await insert("country", place.name, place.countryCode, null, place.latitude, place.longitude);
  for (const place of PLACES.filter((p) => p.kind === "admin1" && !p.admin1Reform && ["ML", "BF"].includes(p.countryCode))) {
    await insert("admin1", place.name, place.countryCode, `country:${place.countryCode}:${place.country}`, place.latitude, place.longitude);
  }
  for (const place of pick("admin2", ["Bandiagara", "Douentza", "Bankass", "Koro"])) {
    await insert("admin2", place.name, place.countryCode, `admin1:${place.countryCode}:${place.admin1}`, place.latitude, place.longitude, place.admin1Reform);
  }
  for (const place of pick("locality", ["Boni", "Bandiagara", "Douentza", "Hombori", "Kouri"])) {
    await insert("locality", place.name, place.countryCode, `admin2:${place.countryCode}:${place.admin2}`, place.latitude, place.longitude, place.admin1Reform);
  }
  const { actors, aliases } = actorSpecs();
  await query(
    `INSERT INTO actor (name, type, country) SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[])`,
    [actors.map((a) => a.name), actors.map((a) => a.type), actors.map((a) => a.country)],
  );
  await query(
    `INSERT INTO actor_alias (actor_id, alias, normalized, language)
     SELECT a.id, x.alias, x.normalized, x.language FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(actor_name, alias, normalized, language)
       JOIN actor a ON a.name = x.actor_name`,
    [aliases.map((x) => x.actorName), aliases.map((x) => x.alias), aliases.map((x) => x.normalized), aliases.map((x) => x.language)],
  );
}
