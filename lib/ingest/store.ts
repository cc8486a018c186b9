/**
 * Persists extracted articles: each one source and its incidents. Deduplication happens at two levels:
 * - the same text (content hash) or the same URL is one source: a second ingest returns the stored one;
 * - an incident already stored (same date, place and event type, reported by another source) gets the new
 *   source attached as more evidence, not a second row. Each source's own fatality claim is kept on the
 *   link, so disagreeing sources stay visible instead of being silently merged.
 *
 * Articles are written in batches (a feed, a CLI run) with a fixed number of SQL statements per batch,
 * whatever its size: round trips and the statement-level rollup triggers on incident are paid once per
 * batch instead of once per article. Items of one batch deduplicate against each other exactly as if they
 * had been stored one after the other. One article is a batch of one: there is a single write path.
 *
 * The statements run on a raw pg connection (lib/db/write-pool.ts), not through Prisma. With a constant
 * statement count the round trips no longer matter, but the parameters are large (texts, evidence, ~15 KB
 * an article) and Prisma's raw queries spent ~3.1 ms of node CPU per article on the same statements
 * against ~0.9 ms for pg (measured on 1,000 articles in batches of 100): CPU taken from extraction, which
 * runs on the same core and bounds the throughput.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { recordAudits } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import { inWriteTransaction, writePool } from "@/lib/db/write-pool";
import { isDatabaseUnavailable } from "@/lib/errors/app-error";
import { queueUnknownNames, withLearnedNames } from "@/lib/places/queue";
import { foldText } from "@/lib/text/fold";
import type { ExtractResult, ExtractedIncident } from "./pipeline";

export type StoredIncident = { id: number; attached: boolean; summary: string };
export type IngestResult = {
  created: boolean;
  source: { id: number; title: string | null; url: string | null; publishedAt: string | null; language: string | null; contentHash: string };
  incidents: StoredIncident[];
};

export type SourceMeta = { url?: string; title?: string; publisher?: string };

/** One article to store: its text (evidence offsets point into it), what was extracted, where it came from. */
export type ExtractionToStore = { text: string; extraction: ExtractResult; meta: SourceMeta };

/** What became of one item of a batch: stored or found (result), or refused with the error that stopped it. */
export type StoreOutcome = { ok: true; result: IngestResult } | { ok: false; error: unknown };

/** The identity of a text: whitespace and Unicode normalization do not make a new source. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC").replace(/\s+/g, " ").trim()).digest("hex");
}

/** What makes two reports the same incident: day, place and event type (as ACLED merges them). */
type KeyFields = { eventDate: string | null; datePrecision: string; eventType: string; country: string; admin1?: string | null; location?: string | null };

function incidentKey(incident: KeyFields): string {
  return JSON.stringify([incident.eventDate, incident.datePrecision, incident.eventType, incident.country, incident.admin1 ?? null, incident.location ?? null]);
}

/**
 * Advisory locks serialize concurrent ingests that report the same incident, so two sources arriving at
 * once attach to one incident instead of creating two. Keys are hashed into a fixed number of buckets,
 * locked in ascending order in one statement: no deadlock, and a batch of thousands of incidents holds at
 * most LOCK_BUCKETS locks (PostgreSQL's lock table is shared and small: 64 per connection by default).
 */
const LOCK_NAMESPACE = 7246002;
const LOCK_BUCKETS = 512;

function lockBucket(key: string): number {
  // FNV-1a: stable across processes and releases, which is all the buckets need.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % LOCK_BUCKETS;
}

async function lockIncidentKeys(db: pg.ClientBase, keys: Iterable<string>): Promise<void> {
  const buckets = [...new Set([...keys].map(lockBucket))].sort((a, b) => a - b);
  if (!buckets.length) return;
  // unnest yields the array in order, so the locks are taken in that order.
  await db.query(`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, b) FROM unnest($1::int[]) AS b`, [buckets]);
}

/** A new source was stored by a concurrent ingest between the lookup and the insert: the batch is redone. */
class SourceRaceError extends Error {
  constructor() {
    super("a source of the batch was stored concurrently");
  }
}

type SourceRow = { id: number; title: string | null; url: string | null; published_at: string | null; language: string | null; content_hash: string };

/** What each item of the batch is: a source already stored, a repeat of an earlier item, or a new source. */
type Plan = { kind: "stored"; sourceId: number } | { kind: "repeat"; of: number } | { kind: "new" };

async function planSources(db: pg.ClientBase, items: ExtractionToStore[], hashes: string[]): Promise<Plan[]> {
  const urls = [...new Set(items.flatMap((item) => (item.meta.url ? [item.meta.url] : [])))];
  const { rows } = await db.query<{ id: number; content_hash: string; url: string | null }>(
    `SELECT id, content_hash, url FROM source WHERE content_hash = ANY($1::bpchar[]) OR url = ANY($2::text[]) ORDER BY id`,
    [hashes, urls],
  );
  const byHash = new Map(rows.map((row) => [row.content_hash, row.id]));
  const byUrl = new Map(rows.flatMap((row) => (row.url ? [[row.url, row.id] as const] : [])));
  const earlier = new Map<string, number>();
  return items.map((item, index) => {
    const url = item.meta.url;
    const stored = byHash.get(hashes[index]!) ?? (url ? byUrl.get(url) : undefined);
    if (stored !== undefined) return { kind: "stored", sourceId: stored };
    const repeat = earlier.get(`hash:${hashes[index]}`) ?? (url ? earlier.get(`url:${url}`) : undefined);
    if (repeat !== undefined) return { kind: "repeat", of: repeat };
    earlier.set(`hash:${hashes[index]}`, index);
    if (url) earlier.set(`url:${url}`, index);
    return { kind: "new" };
  });
}

/** Inserts the new sources; ON CONFLICT DO NOTHING so a concurrent duplicate shows as a missing row, not an abort. */
async function insertSources(db: pg.ClientBase, fresh: { item: ExtractionToStore; hash: string }[], user: SessionUser | null): Promise<Map<string, SourceRow>> {
  const { rows } = await db.query<SourceRow>(
    `INSERT INTO source (url, title, publisher, published_at, language, text, content_hash, ingested_by_id)
     SELECT url, title, publisher, published_at, language, text, content_hash, $8::int
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bpchar[]) WITH ORDINALITY
            AS t(url, title, publisher, published_at, language, text, content_hash, n)
      ORDER BY n
     ON CONFLICT DO NOTHING
     RETURNING id, title, url, published_at::text AS published_at, language, content_hash`,
    [
      fresh.map(({ item }) => item.meta.url ?? null),
      fresh.map(({ item }) => item.meta.title ?? item.extraction.source.title ?? null),
      fresh.map(({ item }) => item.meta.publisher ?? null),
      fresh.map(({ item }) => item.extraction.source.publishedAt ?? null),
      fresh.map(({ item }) => item.extraction.source.language ?? null),
      fresh.map(({ item }) => item.text),
      fresh.map(({ hash }) => hash),
      user?.id ?? null,
    ],
  );
  if (rows.length < fresh.length) throw new SourceRaceError();
  return new Map(rows.map((row) => [row.content_hash, row]));
}

/** Incidents already stored under the given keys (merged ones excluded): the oldest per key. */
async function findSameIncidents(db: pg.ClientBase, incidents: ExtractedIncident[]): Promise<Map<string, number>> {
  if (!incidents.length) return new Map();
  const { rows } = await db.query<{ id: number; event_date: string; date_precision: string; event_type: string; country: string; admin1: string | null; location: string | null }>(
    `SELECT DISTINCT ON (i.event_date, i.date_precision, i.event_type, i.country, i.admin1, i.location)
            i.id, i.event_date::text AS event_date, i.date_precision::text AS date_precision, i.event_type, i.country, i.admin1, i.location
       FROM incident i
       JOIN unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS k(event_date, date_precision, event_type, country, admin1, location)
         ON i.event_date = k.event_date AND i.date_precision::text = k.date_precision AND i.event_type = k.event_type
        AND i.country = k.country AND i.admin1 IS NOT DISTINCT FROM k.admin1 AND i.location IS NOT DISTINCT FROM k.location
      WHERE i.merged_into_id IS NULL
      ORDER BY i.event_date, i.date_precision, i.event_type, i.country, i.admin1, i.location, i.id`,
    [
      incidents.map((i) => i.eventDate),
      incidents.map((i) => i.datePrecision),
      incidents.map((i) => i.eventType),
      incidents.map((i) => i.country),
      incidents.map((i) => i.admin1 ?? null),
      incidents.map((i) => i.location ?? null),
    ],
  );
  return new Map(
    rows.map((row) => [
      incidentKey({ eventDate: row.event_date, datePrecision: row.date_precision, eventType: row.event_type, country: row.country, admin1: row.admin1, location: row.location }),
      row.id,
    ]),
  );
}

/**
 * Actors by canonical name, created on first sight with the type the extractor gave. INSERT ... ON
 * CONFLICT DO NOTHING, because inside a transaction a failed insert would abort everything; names (and
 * aliases) are sorted so concurrent ingests lock them in the same order and cannot deadlock.
 */
async function actorIds(db: pg.ClientBase, types: Map<string, number>): Promise<Map<string, number>> {
  const names = [...types.keys()].sort();
  if (!names.length) return new Map();
  await db.query(
    `INSERT INTO actor (name, type) SELECT name, type FROM unnest($1::text[], $2::smallint[]) AS t(name, type) ON CONFLICT (name) DO NOTHING`,
    [names, names.map((name) => types.get(name)!)],
  );
  const aliases = names.map((name) => ({ name, normalized: foldText(name) })).sort((a, b) => (a.normalized < b.normalized ? -1 : a.normalized > b.normalized ? 1 : 0));
  await db.query(
    `INSERT INTO actor_alias (actor_id, alias, normalized)
     SELECT a.id, a.name, t.normalized FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(name, normalized, n) JOIN actor a ON a.name = t.name
      ORDER BY t.n
     ON CONFLICT (normalized) DO NOTHING`,
    [aliases.map((alias) => alias.name), aliases.map((alias) => alias.normalized)],
  );
  const { rows } = await db.query<{ id: number; name: string }>(`SELECT id, name FROM actor WHERE name = ANY($1::text[])`, [names]);
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** An incident row to insert: the first report of its key in the batch, which the others attach to. */
type NewIncident = { incident: ExtractedIncident; eventDate: string; id?: number };
type Target = { existingId: number } | NewIncident;

function targetId(target: Target): number {
  return "existingId" in target ? target.existingId : target.id!;
}

/**
 * Decides, for every incident of the new sources, which row it is: a stored incident with the same key,
 * the row of an earlier report in the batch, or a new row. Mirrors storing the items one after the other:
 * a dated incident matches stored rows and the batch's earlier rows (dated, or undated ones stored under
 * their article's date); an undated one only matches another undated one of its own article.
 */
function resolveIncidents(items: { item: ExtractionToStore; fallbackDate: string }[], stored: Map<string, number>) {
  const known = new Map<string, Target>([...stored].map(([key, id]) => [key, { existingId: id }]));
  const inserts: NewIncident[] = [];
  const perItem = items.map(({ item, fallbackDate }) => {
    const undated = new Map<string, NewIncident>();
    const storedUnder: [string, NewIncident][] = [];
    const targets = item.extraction.incidents.map((incident): Target => {
      const key = incidentKey(incident);
      const found = incident.eventDate ? known.get(key) : undated.get(key);
      if (found) return found;
      const row: NewIncident = { incident, eventDate: incident.eventDate ?? fallbackDate };
      inserts.push(row);
      if (incident.eventDate) known.set(key, row);
      else {
        undated.set(key, row);
        storedUnder.push([incidentKey({ ...incident, eventDate: row.eventDate }), row]);
      }
      return row;
    });
    // Visible to later articles only, as it would be once this one was committed.
    for (const [key, row] of storedUnder) if (!known.has(key)) known.set(key, row);
    return targets;
  });
  return { inserts, perItem };
}

async function insertIncidents(db: pg.ClientBase, rows: NewIncident[]): Promise<void> {
  if (!rows.length) return;
  // Ids are taken first so each row's id is known without relying on the order RETURNING gives.
  const { rows: ids } = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('incident', 'id'))::int AS id FROM generate_series(1, $1::int)`, [rows.length]);
  rows.forEach((row, index) => (row.id = ids[index]!.id));
  const col = <T>(pick: (row: NewIncident) => T) => rows.map(pick);
  await db.query(
    `INSERT INTO incident (id, event_date, end_date, date_precision, event_type, sub_event_type, summary, country, admin1, admin1_reform,
                           admin2, location, latitude, longitude, geo_precision, fatalities, actor_names, updated_at)
     SELECT t.id, t.event_date, t.end_date, t.date_precision::"DatePrecision", t.event_type, t.sub_event_type, t.summary, t.country, t.admin1,
            t.admin1_reform, t.admin2, t.location, t.latitude, t.longitude, t.geo_precision, t.fatalities, t.actor_names, now()
       FROM unnest($1::int[], $2::date[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::float8[], $14::float8[], $15::smallint[], $16::int[], $17::text[])
            AS t(id, event_date, end_date, date_precision, event_type, sub_event_type, summary, country, admin1, admin1_reform,
                 admin2, location, latitude, longitude, geo_precision, fatalities, actor_names)`,
    [
      col((row) => row.id),
      col((row) => row.eventDate),
      col((row) => row.incident.endDate ?? null),
      col((row) => row.incident.datePrecision),
      col((row) => row.incident.eventType),
      col((row) => row.incident.subEventType),
      col((row) => row.incident.summary),
      col((row) => row.incident.country),
      col((row) => row.incident.admin1 ?? null),
      col((row) => row.incident.admin1Reform ?? null),
      col((row) => row.incident.admin2 ?? null),
      col((row) => row.incident.location ?? null),
      col((row) => row.incident.latitude ?? null),
      col((row) => row.incident.longitude ?? null),
      col((row) => row.incident.geoPrecision),
      col((row) => row.incident.fatalities),
      // Kept on the row at insert: the overview's rollup triggers count actors from it.
      col((row) => [...new Set(row.incident.actors.map((actor) => actor.name))].join("; ")),
    ],
  );
}

type LinkRows = {
  links: { incidentId: number; sourceId: number; fatalities: number | null }[];
  evidence: { incidentId: number; sourceId: number; field: string; text: string; start: number; end: number }[];
  roles: { incidentId: number; actorId: number; role: string }[];
  /** Each new source's result, by its item's index in the batch. */
  results: Map<number, IngestResult>;
};

/**
 * What ties the new sources to their incidents: one link per source and incident carrying that source's
 * own fatality claim, every piece of evidence, and the actors of the incidents each source created.
 */
function linkRows(fresh: { index: number; item: ExtractionToStore; hash: string }[], sources: Map<string, SourceRow>, perItem: Target[][], actors: Map<string, number>): LinkRows {
  const rows: LinkRows = { links: [], evidence: [], roles: [], results: new Map() };
  const roles = new Map<string, LinkRows["roles"][number]>();
  for (const [position, { index, item, hash }] of fresh.entries()) {
    const source = sources.get(hash)!;
    const linked = new Set<number>();
    const incidents = item.extraction.incidents.map((incident, which) => {
      const target = perItem[position]![which]!;
      const id = targetId(target);
      if (!linked.has(id)) {
        linked.add(id);
        rows.links.push({ incidentId: id, sourceId: source.id, fatalities: incident.fatalities });
      }
      for (const e of incident.evidence) rows.evidence.push({ incidentId: id, sourceId: source.id, field: e.field, text: e.text, start: e.start, end: e.end });
      const attached = !("incident" in target && target.incident === incident);
      if (!attached) {
        for (const actor of incident.actors) {
          const actorId = actors.get(actor.name)!;
          roles.set(`${id}:${actorId}:${actor.role}`, { incidentId: id, actorId, role: actor.role });
        }
      }
      return { id, attached, summary: incident.summary };
    });
    rows.results.set(index, { created: true, source: summarizeSource(source), incidents });
  }
  rows.roles = [...roles.values()];
  return rows;
}

async function insertLinks(db: pg.ClientBase, { links, evidence, roles }: LinkRows): Promise<void> {
  if (links.length) {
    await db.query(
      `INSERT INTO incident_source (incident_id, source_id, fatalities)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[]) ON CONFLICT DO NOTHING`,
      [links.map((link) => link.incidentId), links.map((link) => link.sourceId), links.map((link) => link.fatalities)],
    );
  }
  if (evidence.length) {
    await db.query(
      `INSERT INTO evidence (incident_id, source_id, field, text, start, "end")
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[])`,
      [evidence.map((e) => e.incidentId), evidence.map((e) => e.sourceId), evidence.map((e) => e.field), evidence.map((e) => e.text), evidence.map((e) => e.start), evidence.map((e) => e.end)],
    );
  }
  if (roles.length) {
    await db.query(
      `INSERT INTO incident_actor (incident_id, actor_id, role)
       SELECT i, a, r::"ActorRole" FROM unnest($1::int[], $2::int[], $3::text[]) AS t(i, a, r) ON CONFLICT DO NOTHING`,
      [roles.map((x) => x.incidentId), roles.map((x) => x.actorId), roles.map((x) => x.role)],
    );
  }
}

/** The stored sources asked for, each with the incidents it reports, as a repeated ingest returns them. */
async function findStoredSources(db: pg.Pool | pg.ClientBase, ids: number[]): Promise<Map<number, IngestResult>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<SourceRow & { incidents: { id: number; summary: string }[] }>(
    `SELECT s.id, s.title, s.url, s.published_at::text AS published_at, s.language, s.content_hash,
            coalesce(json_agg(json_build_object('id', i.id, 'summary', i.summary) ORDER BY i.id) FILTER (WHERE i.id IS NOT NULL), '[]') AS incidents
       FROM source s LEFT JOIN incident_source l ON l.source_id = s.id LEFT JOIN incident i ON i.id = l.incident_id
      WHERE s.id = ANY($1::int[])
      GROUP BY s.id`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { created: false, source: summarizeSource(row), incidents: row.incidents.map((incident) => ({ id: incident.id, attached: true, summary: incident.summary })) },
    ]),
  );
}

function summarizeSource(row: SourceRow): IngestResult["source"] {
  return { id: row.id, title: row.title, url: row.url, publishedAt: row.published_at, language: row.language, contentHash: row.content_hash };
}

/**
 * One batch in one transaction, all or nothing. Statements, whatever the number of items: look up the
 * sources, insert the new ones, lock the incident keys, look up the incidents, three for actors, two for
 * new incidents, then links, evidence, actor roles and audit rows; then one read for the sources found.
 */
async function storeBatch(extracted: ExtractionToStore[], user: SessionUser | null): Promise<IngestResult[]> {
  const hashes = extracted.map((item) => contentHash(item.text));
  const items = await withLearnedNames(writePool(), extracted);
  const today = new Date().toISOString().slice(0, 10);
  const { plans, created } = await inWriteTransaction(async (db) => {
    const plans = await planSources(db, items, hashes);
    const fresh = items.flatMap((item, index) =>
      plans[index]!.kind === "new" ? [{ index, item, hash: hashes[index]!, fallbackDate: item.extraction.source.publishedAt ?? today }] : [],
    );
    if (!fresh.length) return { plans, created: new Map<number, IngestResult>() };
    const sources = await insertSources(db, fresh, user);

    const all = fresh.flatMap(({ item, fallbackDate }) => item.extraction.incidents.map((incident) => ({ incident, fallbackDate })));
    await lockIncidentKeys(db, all.map(({ incident, fallbackDate }) => incidentKey({ ...incident, eventDate: incident.eventDate ?? fallbackDate })));
    const withDate = [...new Map(all.filter(({ incident }) => incident.eventDate).map(({ incident }) => [incidentKey(incident), incident])).values()];
    const { inserts, perItem } = resolveIncidents(fresh, await findSameIncidents(db, withDate));

    // The type an actor is created with: as if stored one by one, the first article naming it decides.
    const types = new Map<string, number>();
    for (const { item } of fresh) {
      const own = new Map(item.extraction.incidents.flatMap((incident) => incident.actors.map((actor) => [actor.name, actor.type] as const)));
      for (const [name, type] of own) if (!types.has(name)) types.set(name, type);
    }
    const actors = await actorIds(db, types);
    await insertIncidents(db, inserts);

    const rows = linkRows(fresh, sources, perItem, actors);
    await insertLinks(db, rows);
    await queueUnknownNames(db, inserts.map((row) => row.incident), actors);
    await recordAudits(
      [...rows.results.values()].map(({ source, incidents }) => ({
        user,
        action: "source.ingest",
        targetType: "source",
        targetId: source.id,
        details: { title: source.title, url: source.url, incidents: incidents.length, attached: incidents.filter((incident) => incident.attached).length },
      })),
      db,
    );
    return { plans, created: rows.results };
  });

  // Sources found (stored before, or earlier in this batch) are read back after the commit, as a repeated ingest sees them.
  const foundId = (index: number): number | undefined => {
    const plan = plans[index]!;
    return plan.kind === "stored" ? plan.sourceId : plan.kind === "repeat" ? created.get(plan.of)!.source.id : undefined;
  };
  const found = await findStoredSources(writePool(), items.flatMap((_, index) => foundId(index) ?? []));
  return items.map((_, index) => created.get(index) ?? found.get(foundId(index)!)!);
}

/** Worth redoing the whole batch: a concurrent ingest got there first, or PostgreSQL broke a lock cycle. */
function isTransient(error: unknown): boolean {
  if (error instanceof SourceRaceError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "40001";
}

/**
 * Stores many extracted articles, in one transaction. An article already stored (same text or URL, also
 * earlier in the same batch) comes back as created: false. When the batch fails for a reason that may
 * belong to one item (data the database refuses), the items are stored one by one, each in its own
 * transaction, so one bad article does not lose the others; its outcome carries the error. When the
 * database is unreachable every item fails at once: retrying them one by one would only wait longer.
 */
export async function storeExtractions(items: ExtractionToStore[], user: SessionUser | null): Promise<StoreOutcome[]> {
  if (!items.length) return [];
  let failure: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return (await storeBatch(items, user)).map((result) => ({ ok: true, result }));
    } catch (error) {
      failure = error;
      if (!isTransient(error)) break;
    }
  }
  if (items.length === 1 || isDatabaseUnavailable(failure)) return items.map(() => ({ ok: false, error: failure }));
  const outcomes: StoreOutcome[] = [];
  for (const item of items) outcomes.push(...(await storeExtractions([item], user)));
  return outcomes;
}

/**
 * Stores one extracted article. Returns the existing source (created: false) when the same text or URL
 * was ingested before, including when a concurrent request stored it a moment earlier.
 */
export async function storeExtraction(text: string, extraction: ExtractResult, meta: SourceMeta, user: SessionUser | null): Promise<IngestResult> {
  const [outcome] = await storeExtractions([{ text, extraction, meta }], user);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.result;
}
