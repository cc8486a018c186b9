/** One incident with everything its detail page shows: sources, evidence, actors, merges and history. */
import "server-only";
import { prisma } from "@/lib/db/client";
import { ROW_COLUMNS, isoDay } from "./rows";
import type { IncidentDetail, IncidentRow } from "./types";

export async function findIncident(id: number): Promise<IncidentDetail | null> {
  const incident = await prisma.incident.findUnique({
    where: { id },
    include: {
      actors: { include: { actor: true }, orderBy: [{ role: "asc" }, { actor: { name: "asc" } }] },
      sources: { include: { source: true }, orderBy: { createdAt: "asc" } },
      evidence: { orderBy: [{ sourceId: "asc" }, { start: "asc" }] },
    },
  });
  if (!incident) return null;
  const [merges, history] = await Promise.all([
    prisma.incidentMerge.findMany({ where: { targetId: id }, orderBy: { createdAt: "desc" } }),
    prisma.auditEvent.findMany({
      where: { targetType: "incident", targetId: String(id) },
      orderBy: { id: "desc" },
      take: 200,
    }),
  ]);
  // Most incidents were never merged into: no query then (Prisma would still send one for an empty list).
  const mergedRows = merges.length
    ? await prisma.incident.findMany({ where: { id: { in: merges.map((merge) => merge.mergedId) } }, select: { id: true, summary: true } })
    : [];
  const mergedSummaries = new Map(mergedRows.map((row) => [row.id, row.summary]));
  return {
    id: incident.id,
    eventDate: isoDay(incident.eventDate)!,
    endDate: isoDay(incident.endDate),
    datePrecision: incident.datePrecision,
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    country: incident.country,
    admin1: incident.admin1,
    admin1Reform: incident.admin1Reform,
    admin2: incident.admin2,
    location: incident.location,
    latitude: incident.latitude,
    longitude: incident.longitude,
    geoPrecision: incident.geoPrecision,
    fatalities: incident.fatalities,
    actors: incident.actorNames,
    status: incident.status,
    summary: incident.summary,
    updatedAt: incident.updatedAt.toISOString(),
    createdAt: incident.createdAt.toISOString(),
    version: incident.version,
    mergedIntoId: incident.mergedIntoId,
    actorLinks: incident.actors.map((link) => ({ id: link.actor.id, name: link.actor.name, type: link.actor.type, role: link.role })),
    sources: incident.sources.map((link) => ({
      id: link.source.id,
      url: link.source.url,
      title: link.source.title,
      publisher: link.source.publisher,
      publishedAt: isoDay(link.source.publishedAt),
      language: link.source.language,
      text: link.source.text,
      fatalities: link.fatalities,
      evidence: incident.evidence
        .filter((evidence) => evidence.sourceId === link.sourceId)
        .map(({ id: evidenceId, field, text, start, end }) => ({ id: evidenceId, field, text, start, end })),
    })),
    merges: merges.map((merge) => ({
      id: merge.id,
      mergedId: merge.mergedId,
      mergedSummary: mergedSummaries.get(merge.mergedId) ?? "",
      createdAt: merge.createdAt.toISOString(),
      undoneAt: merge.undoneAt?.toISOString() ?? null,
    })),
    history: history.map((event) => ({
      id: String(event.id),
      action: event.action,
      userEmail: event.userEmail,
      details: event.details,
      createdAt: event.createdAt.toISOString(),
    })),
  };
}

/** Incidents to offer as merge targets: same day, same country, listed (not merged), nearest first. */
export async function findMergeCandidates(id: number, limit = 10): Promise<IncidentRow[]> {
  return prisma.$queryRaw<IncidentRow[]>`
    SELECT ${ROW_COLUMNS} FROM incident i, incident me
    WHERE me.id = ${id} AND i.id <> me.id AND i.merged_into_id IS NULL
      AND i.country = me.country AND i.event_date BETWEEN me.event_date - 3 AND me.event_date + 3
    ORDER BY (i.admin1 IS NOT DISTINCT FROM me.admin1) DESC, abs(i.event_date - me.event_date), i.id
    LIMIT ${limit}`;
}
