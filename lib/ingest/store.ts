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

/** Actors by canonical name, created on first sight with the type the extractor gave. */
async function actorIds(tx: Tx, actors: ExtractedIncident["actors"]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const actor of actors) {
    if (ids.has(actor.name)) continue;
    const row = await tx.actor.upsert({
      where: { name: actor.name },
      update: {},
      create: {
        name: actor.name,
        type: actor.type,
        aliases: { create: [{ alias: actor.name, normalized: foldText(actor.name) }] },
      },
      select: { id: true },
    }).catch(async (error: unknown) => {
      // A different actor may already own this folded alias: create the actor without it.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        return tx.actor.upsert({ where: { name: actor.name }, update: {}, create: { name: actor.name, type: actor.type }, select: { id: true } });
      }
      throw error;
    });
    ids.set(actor.name, row.id);
  }
  return ids;
}

/** An incident already stored for the same day, place and event type (merged incidents excluded). */
async function findSameIncident(tx: Tx, incident: ExtractedIncident): Promise<number | null> {
  if (!incident.eventDate) return null;
  const match = await tx.incident.findFirst({
    where: {
      mergedIntoId: null,
      eventDate: toDate(incident.eventDate)!,
      datePrecision: incident.datePrecision,
      eventType: incident.eventType,
      country: incident.country,
      admin1: incident.admin1 ?? null,
      location: incident.location ?? null,
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return match?.id ?? null;
}

async function storeIncident(tx: Tx, sourceId: number, incident: ExtractedIncident): Promise<StoredIncident> {
  const existing = await findSameIncident(tx, incident);
  const evidence = incident.evidence.map((item) => ({ sourceId, field: item.field, text: item.text, start: item.start, end: item.end }));
  if (existing) {
    // Two incidents of one article can match the same stored one: one link per source and incident.
    await tx.incidentSource.upsert({
      where: { incidentId_sourceId: { incidentId: existing, sourceId } },
      update: {},
      create: { incidentId: existing, sourceId, fatalities: incident.fatalities },
    });
    await tx.evidence.createMany({ data: evidence.map((item) => ({ ...item, incidentId: existing })) });
    return { id: existing, attached: true, summary: incident.summary };
  }
  const ids = await actorIds(tx, incident.actors);
  const created = await tx.incident.create({
    data: {
      eventDate: toDate(incident.eventDate) ?? toDate(new Date().toISOString().slice(0, 10))!,
      endDate: toDate(incident.endDate),
      datePrecision: incident.datePrecision,
      eventType: incident.eventType,
      subEventType: incident.subEventType,
      summary: incident.summary,
      country: incident.country,
      admin1: incident.admin1 ?? null,
      admin1Reform: incident.admin1Reform ?? null,
      admin2: incident.admin2 ?? null,
      location: incident.location ?? null,
      latitude: incident.latitude ?? null,
      longitude: incident.longitude ?? null,
      geoPrecision: incident.geoPrecision,
      fatalities: incident.fatalities,
      actorNames: [...new Set(incident.actors.map((actor) => actor.name))].join("; "),
      sources: { create: [{ sourceId, fatalities: incident.fatalities }] },
      evidence: { create: evidence },
      actors: {
        create: dedupeRoles(incident.actors).map((actor) => ({ actorId: ids.get(actor.name)!, role: actor.role })),
      },
    },
    select: { id: true },
  });
  return { id: created.id, attached: false, summary: incident.summary };
}

function dedupeRoles(actors: ExtractedIncident["actors"]) {
  const seen = new Set<string>();
  return actors.filter((actor) => {
    const key = `${actor.name}\u0000${actor.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
      const incidents: StoredIncident[] = [];
      for (const incident of extraction.incidents) incidents.push(await storeIncident(tx, source.id, incident));
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
