/**
 * The ingest side of the learning queues, called by the batch store (lib/ingest/store.ts) on its raw pg
 * connection:
 * - before the incidents are written, what analysts already decided is applied: a name placed (or
 *   imported) in the learned gazetteer gets its coordinates, a name rejected as "not a place" loses it,
 *   and an actor name known as an alias becomes the actor it is an alias of;
 * - after, every name still unplaced and every unknown armed-group name is queued (place_name,
 *   actor_name) with its country, region hints, a few example sentences and the number of incidents.
 * Two statements at most on each side, whatever the size of the batch.
 */
import type pg from "pg";
import { actorByCanonicalName } from "@/lib/ingest/actors";
import { lookupPlace } from "@/lib/ingest/gazetteer";
import { nameKey } from "@/lib/ingest/normalize";
import type { ExtractedIncident } from "@/lib/ingest/pipeline";
import type { ExtractionToStore } from "@/lib/ingest/store";
import { foldText } from "@/lib/text/fold";

const MAX_EXAMPLES = 3;
const MAX_EXAMPLE_LENGTH = 300;
const MAX_SPELLINGS = 20;
/** ACLED inter codes of armed groups: rebels, political militias, identity militias. */
const ARMED_GROUP_TYPES = new Set([2, 3, 4]);

/**
 * A place the extractor could not locate: a name without coordinates (extraction's contract), or a name
 * no gazetteer knows that was pinned to the country or region around it.
 */
export function isUnplaced(incident: Pick<ExtractedIncident, "location" | "latitude" | "longitude">): boolean {
  if (!incident.location || PLACED_BY_ANALYSTS.has(incident)) return false;
  if (incident.latitude === null || incident.longitude === null) return true;
  return lookupPlace(incident.location, undefined, { geonames: true }).length === 0;
}

function isUnknownArmedGroup(actor: { name: string; type: number }): boolean {
  return ARMED_GROUP_TYPES.has(actor.type) && !actorByCanonicalName(actor.name);
}

/** Incidents applyLearnedNames placed from the learned gazetteer: placed, whatever the extractor's cache knew. */
const PLACED_BY_ANALYSTS = new WeakSet<object>();

type LearnedPlaceRow = { country: string; key: string; name: string | null; admin1: string | null; admin2: string | null; latitude: number | null; longitude: number | null; rejected: boolean };

/** Incidents rewritten with what analysts decided about their names; the others are returned as they are. */
export async function applyLearnedNames(db: pg.ClientBase | pg.Pool, incidents: ExtractedIncident[]): Promise<ExtractedIncident[]> {
  const unplaced = incidents.filter(isUnplaced);
  const actorNames = [...new Set(incidents.flatMap((incident) => incident.actors.filter((actor) => !actorByCanonicalName(actor.name)).map((actor) => actor.name)))];
  if (!unplaced.length && !actorNames.length) return incidents;

  const places = new Map<string, LearnedPlaceRow>();
  if (unplaced.length) {
    const { rows } = await db.query<LearnedPlaceRow>(
      `SELECT k.country, k.key, l.name, l.admin1, l.admin2, l.latitude, l.longitude, (l.id IS NULL) AS rejected
         FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[])) AS k(country, key)
         LEFT JOIN LATERAL (SELECT * FROM learned_place l WHERE l.country = k.country AND l.key = k.key ORDER BY l.id DESC LIMIT 1) l ON true
        WHERE l.id IS NOT NULL
           OR EXISTS (SELECT 1 FROM place_name n WHERE n.country = k.country AND n.key = k.key AND n.status = 'rejected')`,
      [unplaced.map((incident) => incident.country), unplaced.map((incident) => nameKey(incident.location!))],
    );
    for (const row of rows) places.set(`${row.country}\u0000${row.key}`, row);
  }
  const aliases = new Map<string, string>();
  if (actorNames.length) {
    const { rows } = await db.query<{ normalized: string; name: string }>(
      `SELECT aa.normalized, a.name FROM actor_alias aa JOIN actor a ON a.id = aa.actor_id WHERE aa.normalized = ANY($1::text[])`,
      [actorNames.map(foldText)],
    );
    for (const row of rows) aliases.set(row.normalized, row.name);
  }
  if (!places.size && !aliases.size) return incidents;

  return incidents.map((incident) => {
    let next = incident;
    const learned = isUnplaced(incident) ? places.get(`${incident.country}\u0000${nameKey(incident.location!)}`) : undefined;
    if (learned?.rejected) {
      next = { ...next, location: null, geoPrecision: next.admin2 ? 2 : 3 };
    } else if (learned) {
      next = { ...next, location: learned.name, admin1: learned.admin1 ?? next.admin1, admin2: learned.admin2 ?? next.admin2, latitude: learned.latitude, longitude: learned.longitude, geoPrecision: 1 };
      PLACED_BY_ANALYSTS.add(next);
    }
    if (next.actors.some((actor) => aliases.has(foldText(actor.name)) && aliases.get(foldText(actor.name)) !== actor.name)) {
      const seen = new Set<string>();
      const actors = next.actors
        .map((actor) => ({ ...actor, name: aliases.get(foldText(actor.name)) ?? actor.name }))
        .filter((actor) => !seen.has(`${actor.name}:${actor.role}`) && seen.add(`${actor.name}:${actor.role}`));
      const placed = PLACED_BY_ANALYSTS.has(next);
      next = { ...next, actors };
      if (placed) PLACED_BY_ANALYSTS.add(next);
    }
    return next;
  });
}

/** applyLearnedNames over the incidents of a batch of articles; an article nothing applies to is returned as it is. */
export async function withLearnedNames(db: pg.Pool, items: ExtractionToStore[]): Promise<ExtractionToStore[]> {
  const all = items.flatMap((item) => item.extraction.incidents);
  if (!all.length) return items;
  const learned = await applyLearnedNames(db, all);
  let next = 0;
  return items.map((item) => {
    const incidents = learned.slice(next, (next += item.extraction.incidents.length));
    return incidents.every((incident, index) => incident === item.extraction.incidents[index]) ? item : { ...item, extraction: { ...item.extraction, incidents } };
  });
}

function example(incident: ExtractedIncident, field: string): string | null {
  const text = incident.evidence.find((evidence) => evidence.field === field)?.text ?? incident.summary;
  return text ? text.slice(0, MAX_EXAMPLE_LENGTH) : null;
}

type PlaceQueueRow = { name: string; key: string; country: string; admin1: string | null; admin2: string | null; spellings: string[]; examples: string[]; n: number };
type ActorQueueRow = { name: string; key: string; actor_id: number; country: string; examples: string[]; n: number };

/** Queues the unplaced and unknown names of newly created incidents (attached reports add no incident). */
export async function queueUnknownNames(db: pg.ClientBase, created: ExtractedIncident[], actorIds: Map<string, number>): Promise<void> {
  const places = new Map<string, PlaceQueueRow>();
  const actors = new Map<string, ActorQueueRow>();
  for (const incident of created) {
    if (isUnplaced(incident)) {
      const key = nameKey(incident.location!);
      const id = `${incident.country}\u0000${key}`;
      const row = places.get(id) ?? { name: incident.location!, key, country: incident.country, admin1: null, admin2: null, spellings: [], examples: [], n: 0 };
      row.n++;
      row.admin1 = incident.admin1 ?? row.admin1;
      row.admin2 = incident.admin2 ?? row.admin2;
      if (!row.spellings.includes(incident.location!) && row.spellings.length < MAX_SPELLINGS) row.spellings.push(incident.location!);
      const sentence = example(incident, "location");
      if (sentence && row.examples.length < MAX_EXAMPLES && !row.examples.includes(sentence)) row.examples.push(sentence);
      places.set(id, row);
    }
    for (const actor of new Map(incident.actors.map((a) => [a.name, a])).values()) {
      const actorId = actorIds.get(actor.name);
      if (!isUnknownArmedGroup(actor) || actorId === undefined) continue;
      const key = foldText(actor.name);
      const row = actors.get(key) ?? { name: actor.name, key, actor_id: actorId, country: incident.country, examples: [], n: 0 };
      row.n++;
      const sentence = example(incident, "actors");
      if (sentence && row.examples.length < MAX_EXAMPLES && !row.examples.includes(sentence)) row.examples.push(sentence);
      actors.set(key, row);
    }
  }
  if (places.size) {
    // Sorted, so concurrent ingests lock the queue rows in the same order.
    const rows = [...places.values()].sort((a, b) => (a.country + a.key < b.country + b.key ? -1 : 1));
    await db.query(
      `INSERT INTO place_name AS q (name, key, country, admin1, admin2, spellings, examples, incident_count, updated_at)
       SELECT name, key, country, admin1, admin2, spellings, examples, n, now()
         FROM jsonb_to_recordset($1::jsonb) AS t(name text, key text, country text, admin1 text, admin2 text, spellings text[], examples text[], n int)
       ON CONFLICT (country, key) DO UPDATE SET
         incident_count = q.incident_count + EXCLUDED.incident_count,
         admin1 = coalesce(EXCLUDED.admin1, q.admin1),
         admin2 = coalesce(EXCLUDED.admin2, q.admin2),
         spellings = (SELECT array_agg(s ORDER BY o) FROM (SELECT DISTINCT ON (s) s, o FROM unnest(q.spellings || EXCLUDED.spellings) WITH ORDINALITY AS u(s, o) ORDER BY s, o) d
                       WHERE o <= ${MAX_SPELLINGS}),
         examples = (q.examples || EXCLUDED.examples)[1:${MAX_EXAMPLES}],
         updated_at = now()`,
      [JSON.stringify(rows)],
    );
  }
  if (actors.size) {
    const rows = [...actors.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    // A name an analyst already decided about (its actor is the one the decision made) is not queued again.
    await db.query(
      `INSERT INTO actor_name AS q (name, key, actor_id, country, examples, incident_count, updated_at)
       SELECT name, key, actor_id, country, examples, n, now()
         FROM jsonb_to_recordset($1::jsonb) AS t(name text, key text, actor_id int, country text, examples text[], n int)
        WHERE NOT EXISTS (SELECT 1 FROM actor_name d WHERE d.actor_id = t.actor_id AND d.status <> 'pending')
       ON CONFLICT (key) DO UPDATE SET
         incident_count = q.incident_count + EXCLUDED.incident_count,
         examples = (q.examples || EXCLUDED.examples)[1:${MAX_EXAMPLES}],
         updated_at = now()
       WHERE q.status = 'pending'`,
      [JSON.stringify(rows)],
    );
  }
}
