/**
 * Loads the shipped reference data into the database: the gazetteer (lib/ingest/data/gazetteer.json, as
 * lib/ingest/gazetteer.ts reads it) into `place`, and the actor dictionary (lib/ingest/actors.ts) into
 * `actor` and `actor_alias`. The filter bar offers these places and actors, and the actor filter resolves
 * any alias ("GSIM" -> JNIM) through actor_alias.normalized.
 *
 * Idempotent: run at every start. Rows are matched on their natural keys (place: country, kind, name,
 * parent; actor: name; alias: folded text) and only inserted or updated when they differ, so a second run
 * writes nothing and ids stay stable (incident_actor rows point at them).
 */
import { prisma } from "@/lib/db/client";
import type { Prisma, PlaceKind } from "@/lib/db/generated/client";
import { PLACES, COUNTRIES } from "@/lib/ingest/gazetteer";
import { ACTORS } from "@/lib/ingest/actors";
import { foldText } from "@/lib/text/fold";

export type ReferenceLoadResult = { placesInserted: number; placesUpdated: number; actorsUpserted: number; aliasesUpserted: number };

type PlaceSpec = {
  kind: PlaceKind;
  name: string;
  countryCode: string;
  parentKey: string | null;
  latitude: number | null;
  longitude: number | null;
  aliases: string[];
  admin1Reform: string | null;
};

const keyOf = (countryCode: string, kind: string, name: string, parentKey: string | null) => `${parentKey ?? ""}/${countryCode}:${kind}:${name}`;

/** The gazetteer as a tree: countries, then admin1 (usual and 2023-reform regions), admin2, localities. */
export function placeSpecs(): PlaceSpec[] {
  const specs = new Map<string, PlaceSpec & { key: string }>();
  const add = (spec: PlaceSpec) => {
    const key = keyOf(spec.countryCode, spec.kind, spec.name, spec.parentKey);
    if (!specs.has(key)) specs.set(key, { ...spec, key, aliases: [...new Set(spec.aliases.filter((alias) => alias !== spec.name))] });
    return key;
  };
  const countryKeys = new Map<string, string>();
  for (const place of PLACES.filter((entry) => entry.kind === "country")) {
    countryKeys.set(place.countryCode, add({ kind: "country", name: place.name, countryCode: place.countryCode, parentKey: null, latitude: place.latitude, longitude: place.longitude, aliases: place.aliases, admin1Reform: null }));
  }
  const admin1Keys = new Map<string, string>();
  for (const place of PLACES.filter((entry) => entry.kind === "admin1")) {
    // A 2023-reform region is listed as an admin1 of its own (admin1_reform = its name), so the filter
    // can offer "Nioro" next to "Kayes".
    const key = add({
      kind: "admin1", name: place.name, countryCode: place.countryCode, parentKey: countryKeys.get(place.countryCode) ?? null,
      latitude: place.latitude || null, longitude: place.longitude || null, aliases: place.aliases, admin1Reform: place.admin1Reform,
    });
    if (!place.admin1Reform) admin1Keys.set(`${place.countryCode}:${place.name}`, key);
  }
  const admin2Keys = new Map<string, string>();
  for (const place of PLACES.filter((entry) => entry.kind === "admin2")) {
    const parentKey = admin1Keys.get(`${place.countryCode}:${place.admin1}`) ?? countryKeys.get(place.countryCode) ?? null;
    admin2Keys.set(
      `${place.countryCode}:${place.admin1}:${place.name}`,
      add({ kind: "admin2", name: place.name, countryCode: place.countryCode, parentKey, latitude: place.latitude, longitude: place.longitude, aliases: place.aliases, admin1Reform: place.admin1Reform }),
    );
  }
  for (const place of PLACES.filter((entry) => entry.kind === "locality")) {
    const parentKey = admin2Keys.get(`${place.countryCode}:${place.admin1}:${place.admin2}`) ?? admin1Keys.get(`${place.countryCode}:${place.admin1}`) ?? null;
    add({ kind: "locality", name: place.name, countryCode: place.countryCode, parentKey, latitude: place.latitude, longitude: place.longitude, aliases: place.aliases, admin1Reform: place.admin1Reform });
  }
  return [...specs.values()];
}

async function loadPlaces(tx: Prisma.TransactionClient): Promise<{ inserted: number; updated: number }> {
  const existing = await tx.place.findMany();
  const byId = new Map(existing.map((place) => [place.id, place]));
  const keyById = new Map<number, string>();
  const resolveKey = (id: number): string => {
    const cached = keyById.get(id);
    if (cached) return cached;
    const place = byId.get(id)!;
    const key = keyOf(place.countryCode, place.kind, place.name, place.parentId === null ? null : resolveKey(place.parentId));
    keyById.set(id, key);
    return key;
  };
  const idByKey = new Map(existing.map((place) => [resolveKey(place.id), place.id]));
  let inserted = 0;
  let updated = 0;
  // Specs come parents first, so a parent's id is known when its children are written.
  for (const spec of placeSpecs()) {
    const key = keyOf(spec.countryCode, spec.kind, spec.name, spec.parentKey);
    const parentId = spec.parentKey ? (idByKey.get(spec.parentKey) ?? null) : null;
    const data = { latitude: spec.latitude, longitude: spec.longitude, aliases: spec.aliases, admin1Reform: spec.admin1Reform };
    const id = idByKey.get(key);
    if (id === undefined) {
      const created = await tx.place.create({ data: { kind: spec.kind, name: spec.name, countryCode: spec.countryCode, parentId, ...data } });
      idByKey.set(key, created.id);
      inserted++;
      continue;
    }
    const current = byId.get(id)!;
    const same =
      current.latitude === data.latitude && current.longitude === data.longitude && current.admin1Reform === data.admin1Reform &&
      current.aliases.join("\u0000") === data.aliases.join("\u0000");
    if (!same) {
      await tx.place.update({ where: { id }, data });
      updated++;
    }
  }
  return { inserted, updated };
}

type AliasSpec = { actorName: string; alias: string; normalized: string; language: string | null };

/** Dictionary actors with a fixed name (placeholders such as "Military Forces of {country}" are resolved per incident, not stored). */
export function actorSpecs(): { actors: { name: string; type: number; country: string | null }[]; aliases: AliasSpec[] } {
  const actors = ACTORS.filter((actor) => !actor.name.includes("{"));
  const aliases = new Map<string, AliasSpec>();
  for (const actor of actors) {
    for (const spec of [actor.name, ...actor.aliases]) {
      const match = /^(en:|fr:|det:)?(.*)$/.exec(spec)!;
      const alias = match[2]!.trim();
      const normalized = foldText(alias);
      // One folded alias points at one actor (the column is unique): the first actor listing it keeps it.
      if (!normalized || aliases.has(normalized)) continue;
      aliases.set(normalized, { actorName: actor.name, alias, normalized, language: match[1] === "en:" ? "en" : match[1] === "fr:" ? "fr" : null });
    }
  }
  return { actors: actors.map((actor) => ({ name: actor.name, type: actor.type, country: actor.country })), aliases: [...aliases.values()] };
}

async function loadActors(tx: Prisma.TransactionClient): Promise<{ actors: number; aliases: number }> {
  const { actors, aliases } = actorSpecs();
  const actorCount = await tx.$executeRaw`
    INSERT INTO actor (name, type, country)
    SELECT * FROM unnest(${actors.map((a) => a.name)}::text[], ${actors.map((a) => a.type)}::smallint[], ${actors.map((a) => a.country)}::text[])
    ON CONFLICT (name) DO UPDATE SET type = EXCLUDED.type, country = EXCLUDED.country
    WHERE actor.type IS DISTINCT FROM EXCLUDED.type OR actor.country IS DISTINCT FROM EXCLUDED.country`;
  const aliasCount = await tx.$executeRaw`
    INSERT INTO actor_alias (actor_id, alias, normalized, language)
    SELECT a.id, x.alias, x.normalized, x.language
    FROM unnest(${aliases.map((x) => x.actorName)}::text[], ${aliases.map((x) => x.alias)}::text[],
                ${aliases.map((x) => x.normalized)}::text[], ${aliases.map((x) => x.language)}::text[]) AS x(actor_name, alias, normalized, language)
    JOIN actor a ON a.name = x.actor_name
    ON CONFLICT (normalized) DO UPDATE SET actor_id = EXCLUDED.actor_id, alias = EXCLUDED.alias, language = EXCLUDED.language
    WHERE actor_alias.actor_id IS DISTINCT FROM EXCLUDED.actor_id OR actor_alias.alias IS DISTINCT FROM EXCLUDED.alias
       OR actor_alias.language IS DISTINCT FROM EXCLUDED.language`;
  return { actors: actorCount, aliases: aliasCount };
}

export async function loadReferenceData(): Promise<ReferenceLoadResult> {
  return prisma.$transaction(
    async (tx) => {
      // One loader at a time (two app instances starting together must not both insert the same places).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7246001)`;
      const places = await loadPlaces(tx);
      const actors = await loadActors(tx);
      return { placesInserted: places.inserted, placesUpdated: places.updated, actorsUpserted: actors.actors, aliasesUpserted: actors.aliases };
    },
    { timeout: 60_000 },
  );
}

/** Country names of the gazetteer (for synthetic data and option lists). */
export const GAZETTEER_COUNTRIES = COUNTRIES.map((country) => country.name);
