/**
 * Persists an extracted article: one source and its incidents, written in one transaction. Deduplication
 * happens at two levels:
 * - the same text (content hash) or the same URL is one source: a second ingest returns the stored one;
 * - an incident already stored (same date, place and event type, reported by another source) gets the new
 *   source attached as more evidence, not a second row. Each source's own fatality claim is kept on the
 *   link, so disagreeing sources stay visible instead of being silently merged.
 */
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import { foldText } from "@/lib/text/fold";
import type { ExtractResult, ExtractedIncident } from "./pipeline";

type Tx = Prisma.TransactionClient;

export type StoredIncident = { id: number; attached: boolean; summary: string };
export type IngestResult = {
  created: boolean;
  source: { id: number; title: string | null; url: string | null; publishedAt: string | null; language: string | null; contentHash: string };
  incidents: StoredIncident[];
};

export type SourceMeta = { url?: string; title?: string; publisher?: string };

/** The identity of a text: whitespace and Unicode normalization do not make a new source. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC").replace(/\s+/g, " ").trim()).digest("hex");
}

function toDate(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

function dayString(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function summarizeSource(source: { id: number; title: string | null; url: string | null; publishedAt: Date | null; language: string | null; contentHash: string }) {
  return { ...source, publishedAt: dayString(source.publishedAt) };
}

/**
 * Actors by canonical name, created on first sight with the type the extractor gave. INSERT ... ON
 * CONFLICT DO NOTHING, because inside a transaction a failed insert would abort everything; names are
 * sorted so concurrent ingests lock them in the same order and cannot deadlock.
 */
async function actorIds(tx: Tx, actors: ExtractedIncident["actors"]): Promise<Map<string, number>> {
  const types = new Map(actors.map((actor) => [actor.name, actor.type]));
  const names = [...types.keys()].sort();
  if (!names.length) return new Map();
  const typeList = names.map((name) => types.get(name)!);
  await tx.$executeRaw`INSERT INTO actor (name, type)
    SELECT name, type FROM unnest(${names}::text[], ${typeList}::smallint[]) AS t(name, type)
    ON CONFLICT (name) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM actor WHERE name = ANY(${names}::text[])`;
  const folded = rows.map((row) => foldText(row.name));
  await tx.$executeRaw`INSERT INTO actor_alias (actor_id, alias, normalized)
    SELECT * FROM unnest(${rows.map((row) => row.id)}::int[], ${rows.map((row) => row.name)}::text[], ${folded}::text[])
    ON CONFLICT (normalized) DO NOTHING`;
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** What makes two reports the same incident: day, place and event type (as ACLED merges them). */
type KeyFields = { eventDate: string | null; datePrecision: string; eventType: string; country: string; admin1?: string | null; location?: string | null };

function incidentKey(incident: KeyFields): string {
  return JSON.stringify([incident.eventDate, incident.datePrecision, incident.eventType, incident.country, incident.admin1 ?? null, incident.location ?? null]);
}

/**
 * Serializes concurrent ingests that report the same incident, so two sources arriving at once attach to
 * one incident instead of creating two. Keys are locked in sorted order, in one statement: no deadlock.
 */
async function lockIncidentKeys(tx: Tx, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${[...new Set(keys)].sort()}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`;
}

/** Incidents already stored under the given keys (merged ones excluded), oldest first. */
async function findSameIncidents(tx: Tx, incidents: ExtractedIncident[]): Promise<Map<string, number>> {
  const dated = incidents.filter((incident) => incident.eventDate);
  if (!dated.length) return new Map();
  const rows = await tx.$queryRaw<{ id: number; event_date: Date; date_precision: string; event_type: string; country: string; admin1: string | null; location: string | null }[]>`
    SELECT DISTINCT ON (i.event_date, i.date_precision, i.event_type, i.country, i.admin1, i.location)
           i.id, i.event_date, i.date_precision::text AS date_precision, i.event_type, i.country, i.admin1, i.location
      FROM incident i
      JOIN unnest(${dated.map((i) => i.eventDate!)}::date[], ${dated.map((i) => i.datePrecision)}::text[], ${dated.map((i) => i.eventType)}::text[],
                  ${dated.map((i) => i.country)}::text[], ${dated.map((i) => i.admin1 ?? null)}::text[], ${dated.map((i) => i.location ?? null)}::text[])
           AS k(event_date, date_precision, event_type, country, admin1, location)
        ON i.event_date = k.event_date AND i.date_precision::text = k.date_precision AND i.event_type = k.event_type
       AND i.country = k.country AND i.admin1 IS NOT DISTINCT FROM k.admin1 AND i.location IS NOT DISTINCT FROM k.location
     WHERE i.merged_into_id IS NULL
     ORDER BY i.event_date, i.date_precision, i.event_type, i.country, i.admin1, i.location, i.id`;
  return new Map(
    rows.map((row) => [
      incidentKey({ eventDate: dayString(row.event_date), datePrecision: row.date_precision, eventType: row.event_type, country: row.country, admin1: row.admin1, location: row.location }),
      row.id,
    ]),
  );
}

/**
 * Writes the incidents of one source with a fixed number of statements, whatever their count: each
 * incident is either attached to a stored one with the same key, or inserted.
 */
async function storeIncidents(tx: Tx, sourceId: number, incidents: ExtractedIncident[], fallbackDate: string): Promise<StoredIncident[]> {
  if (!incidents.length) return [];
  await lockIncidentKeys(tx, incidents.map(incidentKey));
  const existing = await findSameIncidents(tx, incidents);
  const ids = await actorIds(tx, incidents.flatMap((incident) => incident.actors));

  // Several incidents of one article may share a key: the first is inserted, the others attach to it.
  const fresh: ExtractedIncident[] = [];
  for (const incident of incidents) {
    const key = incidentKey(incident);
    if (!existing.has(key) && !fresh.some((other) => incidentKey(other) === key)) fresh.push(incident);
  }
  const col = <T>(pick: (incident: ExtractedIncident) => T) => fresh.map(pick);
  const inserted = fresh.length
    ? await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO incident (event_date, end_date, date_precision, event_type, sub_event_type, summary, country, admin1, admin1_reform,
                              admin2, location, latitude, longitude, geo_precision, fatalities, actor_names, updated_at)
        SELECT t.event_date, t.end_date, t.date_precision::"DatePrecision", t.event_type, t.sub_event_type, t.summary, t.country, t.admin1,
               t.admin1_reform, t.admin2, t.location, t.latitude, t.longitude, t.geo_precision, t.fatalities, t.actor_names, now()
          FROM unnest(${col((i) => i.eventDate ?? fallbackDate)}::date[], ${col((i) => i.endDate ?? null)}::date[], ${col((i) => i.datePrecision)}::text[],
                      ${col((i) => i.eventType)}::text[], ${col((i) => i.subEventType)}::text[], ${col((i) => i.summary)}::text[], ${col((i) => i.country)}::text[],
                      ${col((i) => i.admin1 ?? null)}::text[], ${col((i) => i.admin1Reform ?? null)}::text[], ${col((i) => i.admin2 ?? null)}::text[],
                      ${col((i) => i.location ?? null)}::text[], ${col((i) => i.latitude ?? null)}::float8[], ${col((i) => i.longitude ?? null)}::float8[],
                      ${col((i) => i.geoPrecision)}::smallint[], ${col((i) => i.fatalities)}::int[],
                      ${col((i) => [...new Set(i.actors.map((actor) => actor.name))].join("; "))}::text[])
               WITH ORDINALITY AS t(event_date, end_date, date_precision, event_type, sub_event_type, summary, country, admin1, admin1_reform,
                                    admin2, location, latitude, longitude, geo_precision, fatalities, actor_names, n)
         ORDER BY t.n
        RETURNING id`
    : [];
  const keyToId = new Map(existing);
  fresh.forEach((incident, index) => keyToId.set(incidentKey(incident), inserted[index]!.id));

  const stored = incidents.map((incident) => {
    const id = keyToId.get(incidentKey(incident))!;
    const created = fresh.includes(incident);
    return { id, attached: !created, summary: incident.summary, incident };
  });

  // One link per source and incident, carrying that source's own fatality claim.
  const links = new Map<number, number | null>();
  for (const item of stored) if (!links.has(item.id)) links.set(item.id, item.incident.fatalities);
  await tx.$executeRaw`INSERT INTO incident_source (incident_id, source_id, fatalities)
    SELECT id, ${sourceId}, fatalities FROM unnest(${[...links.keys()]}::int[], ${[...links.values()]}::int[]) AS t(id, fatalities)
    ON CONFLICT DO NOTHING`;

  const evidence = stored.flatMap((item) => item.incident.evidence.map((e) => ({ id: item.id, ...e })));
  if (evidence.length) {
    await tx.$executeRaw`INSERT INTO evidence (incident_id, source_id, field, text, start, "end")
      SELECT id, ${sourceId}, field, text, s, e
        FROM unnest(${evidence.map((e) => e.id)}::int[], ${evidence.map((e) => e.field)}::text[], ${evidence.map((e) => e.text)}::text[],
                    ${evidence.map((e) => e.start)}::int[], ${evidence.map((e) => e.end)}::int[]) AS t(id, field, text, s, e)`;
  }

  const roles = new Map<string, { incidentId: number; actorId: number; role: string }>();
  for (const item of stored.filter((entry) => !entry.attached)) {
    for (const actor of item.incident.actors) {
      const actorId = ids.get(actor.name)!;
      roles.set(`${item.id}:${actorId}:${actor.role}`, { incidentId: item.id, actorId, role: actor.role });
    }
  }
  if (roles.size) {
    const list = [...roles.values()];
    await tx.$executeRaw`INSERT INTO incident_actor (incident_id, actor_id, role)
      SELECT i, a, r::"ActorRole" FROM unnest(${list.map((x) => x.incidentId)}::int[], ${list.map((x) => x.actorId)}::int[], ${list.map((x) => x.role)}::text[]) AS t(i, a, r)
      ON CONFLICT DO NOTHING`;
  }
  return stored.map(({ id, attached, summary }) => ({ id, attached, summary }));
}

async function existingSource(tx: Tx | typeof prisma, hash: string, url: string | undefined) {
  const source = await tx.source.findFirst({
    where: { OR: [{ contentHash: hash }, ...(url ? [{ url }] : [])] },
    select: { id: true, title: true, url: true, publishedAt: true, language: true, contentHash: true, incidents: { select: { incidentId: true, incident: { select: { summary: true } } } } },
  });
  if (!source) return null;
  const { incidents, ...rest } = source;
  return {
    created: false,
    source: summarizeSource(rest),
    incidents: incidents.map((link) => ({ id: link.incidentId, attached: true, summary: link.incident.summary })),
  } satisfies IngestResult;
}

/**
 * Stores one extracted article. Returns the existing source (created: false) when the same text or URL
 * was ingested before, including when a concurrent request stored it a moment earlier.
 */
export async function storeExtraction(
  text: string,
  extraction: ExtractResult,
  meta: SourceMeta,
  user: SessionUser | null,
): Promise<IngestResult> {
  const hash = contentHash(text);
  const before = await existingSource(prisma, hash, meta.url);
  if (before) return before;
  try {
    return await prisma.$transaction(async (tx) => {
      const source = await tx.source.create({
        data: {
          url: meta.url ?? null,
          title: meta.title ?? extraction.source.title ?? null,
          publisher: meta.publisher ?? null,
          publishedAt: toDate(extraction.source.publishedAt),
          language: extraction.source.language ?? null,
          text,
          contentHash: hash,
          ingestedById: user?.id ?? null,
        },
        select: { id: true, title: true, url: true, publishedAt: true, language: true, contentHash: true },
      });
      const fallbackDate = extraction.source.publishedAt ?? new Date().toISOString().slice(0, 10);
      const incidents = await storeIncidents(tx, source.id, extraction.incidents, fallbackDate);
      await recordAudit(
        {
          user,
          action: "source.ingest",
          targetType: "source",
          targetId: source.id,
          details: {
            title: source.title,
            url: source.url,
            incidents: incidents.length,
            attached: incidents.filter((incident) => incident.attached).length,
          },
        },
        tx,
      );
      return { created: true, source: summarizeSource(source), incidents };
    }, { timeout: 30_000 });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const after = await existingSource(prisma, hash, meta.url);
      if (after) return after;
    }
    throw error;
  }
}
