/**
 * A small, hand-made set of incidents covering every filter: places with Mali's 2023 regions, actors found
 * by alias, every review status, unknown fatalities, accents, quotes and line breaks, formula-like text, a
 * source with evidence, and a merged (hidden) incident.
 */
import { loadReferenceData } from "@/lib/reference/load";
import { query, resetDatabase, ROLLUP_TABLES, TRUNCATE_UNGUARDED } from "../db";

type Role = "actor1" | "actor2" | "associated";
export type Seed = {
  eventDate: string;
  eventType: string;
  subEventType: string;
  summary: string;
  country: string;
  admin1?: string | null;
  admin1Reform?: string | null;
  admin2?: string | null;
  location?: string | null;
  geoPrecision?: number;
  fatalities?: number | null;
  status?: "unverified" | "verified" | "rejected";
  latitude?: number | null;
  longitude?: number | null;
  actors?: [string, Role][];
};

export async function insertIncident(seed: Seed): Promise<number> {
  const names = [...new Set((seed.actors ?? []).map(([name]) => name))].join("; ");
  const [row] = await query<{ id: number }>(
    `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, admin1_reform, admin2, location,
       geo_precision, fatalities, status, latitude, longitude, actor_names, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::"ReviewStatus", $13, $14, $15, now()) RETURNING id`,
    [
      seed.eventDate, seed.eventType, seed.subEventType, seed.summary, seed.country, seed.admin1 ?? null, seed.admin1Reform ?? null,
      seed.admin2 ?? null, seed.location ?? null, seed.geoPrecision ?? 1, seed.fatalities === undefined ? 0 : seed.fatalities,
      seed.status ?? "unverified", seed.latitude ?? null, seed.longitude ?? null, names,
    ],
  );
  for (const [name, role] of seed.actors ?? []) {
    await query(`INSERT INTO incident_actor (incident_id, actor_id, role) SELECT $1, id, $3::"ActorRole" FROM actor WHERE name = $2`, [row!.id, name, role]);
  }
  return row!.id;
}

export const ids: Record<string, number> = {};

/** Resets the database and loads the reference data and the fixture incidents; fills `ids`. */
export async function seedFixtures(): Promise<void> {
  await resetDatabase();
  await loadReferenceData();
  await insertFixtureIncidents();
}

/**
 * Empties everything but the reference data (places, actors) and inserts the fixture incidents again:
 * what seedFixtures gives, without reloading the gazetteer, for tests that start afresh each time.
 */
export async function reseedFixtureIncidents(): Promise<void> {
  await query(
    `${TRUNCATE_UNGUARDED} "user", api_token, login_attempt, audit_event, source, incident, incident_source, evidence, incident_actor, saved_view, incident_merge,
       ${ROLLUP_TABLES} RESTART IDENTITY CASCADE`,
  );
  await insertFixtureIncidents();
}

async function insertFixtureIncidents(): Promise<void> {
  ids.sandare = await insertIncident({
    eventDate: "2024-05-10", eventType: "Battles", subEventType: "Armed clash", country: "Mali", admin1: "Kayes", admin1Reform: "Nioro",
    admin2: "Nioro du Sahel", location: "Sandaré", fatalities: 12, status: "verified", latitude: 14.7, longitude: -10.3,
    summary: "Des hommes armés ont attaqué le poste de Sandaré ; douze militaires tués.",
    actors: [["JNIM", "actor1"], ["Military Forces of Mali", "actor2"]],
  });
  ids.diboli = await insertIncident({
    eventDate: "2024-06-01", eventType: "Violence against civilians", subEventType: "Abduction/forced disappearance", country: "Mali",
    admin1: "Kayes", admin2: "Kayes", location: "Diboli", geoPrecision: 2, fatalities: null, status: "unverified",
    summary: "Enlèvement à Diboli : des éleveurs ciblés, bilan inconnu. Ça continue, « naïf » disent-ils.",
    actors: [["Islamic State Sahel", "actor1"], ["Civilians", "actor2"]],
  });
  ids.boni = await insertIncident({
    eventDate: "2023-03-15", eventType: "Explosions/Remote violence", subEventType: "Remote explosive/landmine/IED", country: "Mali",
    admin1: "Mopti", admin1Reform: "Douentza", admin2: "Douentza", location: "Boni", fatalities: 3, status: "rejected",
    summary: "An IED exploded under a truck near Boni.",
    actors: [["JNIM", "actor1"]],
  });
  ids.djibo = await insertIncident({
    eventDate: "2025-01-20", eventType: "Battles", subEventType: "Armed clash", country: "Burkina Faso", admin1: "Sahel", location: "Djibo",
    geoPrecision: 3, fatalities: 0, status: "unverified",
    summary: '=HYPERLINK("http://evil.example","click") clash reported',
    actors: [["Ansaroul Islam", "actor1"], ["VDP: Volunteers for the Defense of the Homeland", "actor2"]],
  });
  ids.kidira = await insertIncident({
    eventDate: "2022-08-01", eventType: "Protests", subEventType: "Peaceful protest", country: "Senegal", admin1: "Tambacounda",
    location: "Kidira", fatalities: 0, status: "verified", latitude: 14.46, longitude: -12.22,
    summary: '+33 manifestants ont dit "assez", à Kidira,\nsur deux lignes',
    actors: [["Protesters", "actor1"]],
  });
  ids.tillaberi = await insertIncident({
    eventDate: "2024-05-10", eventType: "Battles", subEventType: "Armed clash", country: "Niger", admin1: "Tillaberi", location: null,
    geoPrecision: 3, fatalities: 25, status: "unverified", summary: "@everyone Heavy fighting in Tillabéri region.",
    actors: [["Islamic State Sahel", "actor1"], ["Military Forces of Niger", "actor2"]],
  });
  ids.merged = await insertIncident({
    eventDate: "2024-05-10", eventType: "Battles", subEventType: "Armed clash", country: "Mali", admin1: "Kayes", location: "Sandaré",
    fatalities: 10, summary: "Doublon : attaque à Sandaré.", actors: [["JNIM", "actor1"]],
  });
  await query(`UPDATE incident SET merged_into_id = $1 WHERE id = $2`, [ids.sandare, ids.merged]);
  const [source] = await query<{ id: number }>(
    `INSERT INTO source (title, publisher, text, content_hash, language) VALUES ($1, $2, $3, $4, 'fr') RETURNING id`,
    ["Attaque près de Boni", "Studio Tamani", "Un convoi a sauté sur une mine près de Boni. Trois passagers sont morts.", "a".repeat(64)],
  );
  ids.source = source!.id;
  await query(`INSERT INTO incident_source (incident_id, source_id, fatalities) VALUES ($1, $2, 3)`, [ids.boni, ids.source]);
  await query(`INSERT INTO evidence (incident_id, source_id, field, text, start, "end") VALUES ($1, $2, 'fatalities', 'Trois passagers sont morts.', 45, 72)`, [ids.boni, ids.source]);
}

export const ALL_LISTED = () => [ids.sandare, ids.diboli, ids.boni, ids.djibo, ids.kidira, ids.tillaberi];
