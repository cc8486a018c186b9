/**
 * The incidents data layer: the table page (rows + total), one incident with everything the detail page
 * shows, edits with optimistic locking, review status, reversible merges and saved views. Every list query
 * builds its WHERE from the one filter contract (incidentWhere), so table, API, export and charts agree.
 */
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { countPool } from "@/lib/db/count-pool";
import { Prisma, type ReviewStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { calendarDay } from "@/lib/validation/calendar-day";
import type { SessionUser } from "@/lib/auth/guard";
import { describeFilter, type IncidentFilter, type Sort } from "./filters";
import { incidentWhere, orderBySql, sql, type Sql } from "./where";
import { DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, REVIEW_STATUSES, isValidEventPair, type ActorRoleName } from "./taxonomy";
import { invalidateOverviewCache } from "./stats-cache";
import { ACTOR_NAMES_OF_I, actorLinksSchema, replaceIncidentActors } from "./actor-links";

type Db = Prisma.TransactionClient | typeof prisma;

export type IncidentRow = {
  id: number;
  eventDate: string;
  endDate: string | null;
  datePrecision: string;
  eventType: string;
  subEventType: string;
  country: string;
  admin1: string | null;
  admin1Reform: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: number;
  fatalities: number | null;
  actors: string;
  status: ReviewStatus;
  summary: string;
  updatedAt: string;
  version: number;
};

export type IncidentPage = {
  rows: IncidentRow[];
  /** Exact, or the planner's estimate when counting exactly would cost more than the page itself. */
  total: number;
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
};

const ROW_COLUMNS = sql`
  i.id, to_char(i.event_date, 'YYYY-MM-DD') AS "eventDate", to_char(i.end_date, 'YYYY-MM-DD') AS "endDate",
  i.date_precision::text AS "datePrecision", i.event_type AS "eventType", i.sub_event_type AS "subEventType",
  i.country, i.admin1, i.admin1_reform AS "admin1Reform", i.admin2, i.location, i.latitude, i.longitude,
  i.geo_precision::int AS "geoPrecision", i.fatalities, i.actor_names AS actors, i.status::text AS status,
  i.summary, to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", i.version`;

/**
 * How the total is counted. PERFORMANCE.md measured exact counts at 57-203 ms for sets of 185,000-550,000
 * rows, and on our 1M-row bench an exact count of ~20,000 rows spread over the table took 200-600 ms (every
 * row must be read from the heap: `merged_into_id IS NULL` rules out index-only scans), while EXPLAIN's
 * estimate costs under 1 ms. So:
 *  - above ESTIMATE_ONLY_ABOVE estimated rows we show the planner's estimate ("about 186,000"), flagged;
 *  - below it we count exactly, but within COUNT_BUDGET_MS (statement_timeout): a cheap count (small or
 *    index-friendly sets) is exact, an expensive one falls back to the estimate instead of slowing the page;
 *  - on the last page the total is simply offset + rows, exact and free.
 * JIT is off for the count: its compile time (10-50 ms) is pure overhead on a query this short.
 */
export const ESTIMATE_ONLY_ABOVE = 10_000;
export const COUNT_BUDGET_MS = 40;

/**
 * The planner's estimate, on the count pool (one round trip). Planning takes well under its budget, but a
 * busy server can take longer, which must slow the page a little, not fail it: then it is asked again
 * without the budget.
 */
async function estimateCount(where: Sql): Promise<number> {
  const statement = sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM incident i ${where}`;
  let raw: unknown;
  try {
    raw = (await countPool(COUNT_BUDGET_MS).query<{ "QUERY PLAN": unknown }>(statement.text, statement.values)).rows[0]?.["QUERY PLAN"];
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    raw = (await prisma.$queryRaw<{ "QUERY PLAN": unknown }[]>(statement))[0]?.["QUERY PLAN"];
  }
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: { "Plan Rows": number } }[];
  return Math.round(parsed[0]?.Plan["Plan Rows"] ?? 0);
}

function isStatementTimeout(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  return /57014|statement timeout|canceling statement/i.test(text);
}

/** The exact count, or null when it would take longer than the budget. */
async function countWithinBudget(where: Sql): Promise<number | null> {
  try {
    const statement = sql`SELECT count(*)::int AS count FROM incident i ${where}`;
    const result = await countPool(COUNT_BUDGET_MS).query<{ count: number }>(statement.text, statement.values);
    return result.rows[0]?.count ?? 0;
  } catch (error) {
    if (isStatementTimeout(error)) return null;
    throw error;
  }
}

async function resolveTotal(where: Sql, estimate: number): Promise<{ total: number; totalIsEstimate: boolean }> {
  if (estimate > ESTIMATE_ONLY_ABOVE) return { total: estimate, totalIsEstimate: true };
  const counted = await countWithinBudget(where);
  return counted === null ? { total: estimate, totalIsEstimate: true } : { total: counted, totalIsEstimate: false };
}

/** Total for a filter: exact when cheap, otherwise the planner's estimate flagged as such. */
export async function countIncidents(filter: IncidentFilter): Promise<{ total: number; totalIsEstimate: boolean }> {
  const where = incidentWhere(filter);
  return resolveTotal(where, await estimateCount(where));
}

function getPageRows(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  if (sort.key === "fatalities") return getFatalitiesPageRows(where, sort, limit, offset);
  return prisma.$queryRaw<IncidentRow[]>`SELECT ${ROW_COLUMNS} FROM incident i ${where} ${orderBySql(sort)} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * A page sorted by fatalities, unknown tolls last (as orderBySql sorts them), in two reads: the known
 * tolls in the order of the (fatalities DESC, event_date DESC, id DESC) index, then, once a page reaches
 * past them, the unknown ones by date. One ORDER BY ... NULLS LAST cannot be read from that index (Prisma
 * cannot declare a NULLS LAST index), so it sorted every matching incident: 0.6 s at 1,000,000.
 * tests/integration/incidents/filters.test.ts pages through it against that one ORDER BY.
 */
async function getFatalitiesPageRows(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  const dir = Prisma.raw(sort.dir === "asc" ? "ASC" : "DESC");
  const known = await prisma.$queryRaw<IncidentRow[]>`
    SELECT ${ROW_COLUMNS} FROM incident i ${where} AND i.fatalities IS NOT NULL
    ORDER BY i.fatalities ${dir}, i.event_date DESC, i.id DESC LIMIT ${limit} OFFSET ${offset}`;
  if (known.length === limit) return known;
  // The page reaches the unknown tolls: where they start is the number of known ones.
  const knownTotal = known.length
    ? offset + known.length
    : (await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM incident i ${where} AND i.fatalities IS NOT NULL`)[0]!.count;
  const unknown = await prisma.$queryRaw<IncidentRow[]>`
    SELECT ${ROW_COLUMNS} FROM incident i ${where} AND i.fatalities IS NULL
    ORDER BY i.event_date DESC, i.id DESC LIMIT ${limit - known.length} OFFSET ${Math.max(0, offset - knownTotal)}`;
  return [...known, ...unknown];
}

/**
 * A page for a full-text filter. The planner cannot tell a rare word from a common one (it assumes every
 * word matches ~0.3% of incidents), so it walks the sort's index and tests each row, which finds a page of
 * a common word at once but reads the whole table for a rare one: 1-2 s at 1,000,000 incidents for a word
 * found nowhere. So the walk gets the count budget; past it, the same query runs without index walks, so
 * the matches come from the search index (a rare word: milliseconds) or one parallel scan (a common word
 * under another sort: ~0.7 s, as before) and only they are sorted.
 */
async function getTextPageRows(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  const walk = sql`SELECT ${ROW_COLUMNS} FROM incident i ${where} ${orderBySql(sort)} LIMIT ${limit} OFFSET ${offset}`;
  try {
    return (await countPool(COUNT_BUDGET_MS).query<IncidentRow>(walk.text, walk.values)).rows;
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
  }
  return getTextPageRowsWithoutWalk(where, sort, limit, offset);
}

/** The page without walking an index in sort order (see getTextPageRows). Exported for its test. */
export function getTextPageRowsWithoutWalk(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('enable_indexscan', 'off', true)`;
    return tx.$queryRaw<IncidentRow[]>`SELECT ${ROW_COLUMNS} FROM incident i ${where} ${orderBySql(sort)} LIMIT ${limit} OFFSET ${offset}`;
  });
}

/**
 * One page of the table. The page and the planner estimate run concurrently (two pooled connections:
 * both are sub-millisecond index work, so latency is the slower of the two). The total is exact for small
 * sets and on the last page (where it is simply offset + rows), estimated for large ones.
 */
export async function getIncidentPage(filter: IncidentFilter): Promise<IncidentPage> {
  const where = incidentWhere(filter);
  const offset = (filter.page - 1) * filter.pageSize;
  const [rows, estimate] = await Promise.all([
    filter.q ? getTextPageRows(where, filter.sort, filter.pageSize, offset) : getPageRows(where, filter.sort, filter.pageSize, offset),
    estimateCount(where),
  ]);
  const lastPage = rows.length > 0 && rows.length < filter.pageSize;
  const firstAndEmpty = rows.length === 0 && filter.page === 1;
  const { total, totalIsEstimate } =
    lastPage || firstAndEmpty ? { total: offset + rows.length, totalIsEstimate: false } : await resolveTotal(where, estimate);
  // An estimate smaller than what we have already seen would be visibly wrong.
  const floor = rows.length ? offset + rows.length + (rows.length === filter.pageSize && totalIsEstimate ? 1 : 0) : 0;
  return { rows, total: Math.max(total, floor), totalIsEstimate, page: filter.page, pageSize: filter.pageSize };
}

// ---------------------------------------------------------------------------------------------------------
// One incident

export type IncidentDetail = IncidentRow & {
  createdAt: string;
  mergedIntoId: number | null;
  actorLinks: { id: number; name: string; type: number; role: ActorRoleName }[];
  sources: {
    id: number;
    url: string | null;
    title: string | null;
    publisher: string | null;
    publishedAt: string | null;
    language: string | null;
    text: string;
    fatalities: number | null;
    evidence: { id: number; field: string; text: string; start: number; end: number }[];
  }[];
  merges: { id: number; mergedId: number; mergedSummary: string; createdAt: string; undoneAt: string | null }[];
  history: { id: string; action: string; userEmail: string | null; details: unknown; createdAt: string }[];
};

const isoDay = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

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

// ---------------------------------------------------------------------------------------------------------
// Edits

const optionalText = z
  .string()
  .trim()
  .max(200)
  .nullable()
  .transform((value) => (value ? value : null));
const day = calendarDay;

/** The fields an analyst may edit. Every field is optional: only what is sent changes. */
export const incidentPatchSchema = z
  .object({
    eventDate: day,
    endDate: day.nullable(),
    datePrecision: z.enum(DATE_PRECISIONS),
    eventType: z.enum(EVENT_TYPES as [string, ...string[]]),
    subEventType: z.string(),
    summary: z.string().trim().min(1, "must not be empty").max(10_000),
    country: z.string().trim().min(1, "must not be empty").max(100),
    admin1: optionalText,
    admin1Reform: optionalText,
    admin2: optionalText,
    location: optionalText,
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
    geoPrecision: z.number().int().refine((value) => (GEO_PRECISIONS as readonly number[]).includes(value), "must be 1, 2 or 3"),
    fatalities: z.number().int().min(0).max(1_000_000).nullable(),
    /** The incident's actor links as a whole (each actor with its role); omitted: the links stay. */
    actors: actorLinksSchema,
  })
  .partial()
  .strict();

export type IncidentPatch = z.infer<typeof incidentPatchSchema>;

type Actor = SessionUser | null;

function conflict(id: number): AppError {
  return new AppError(
    "conflict",
    `Incident ${id} was changed by someone else since you opened it. Reload it to see their changes, then apply yours again.`,
  );
}

async function lockIncident(tx: Prisma.TransactionClient, id: number) {
  const rows = await tx.$queryRaw<{ id: number; version: number; merged_into_id: number | null }[]>`
    SELECT id, version, merged_into_id FROM incident WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw new AppError("not_found", `Incident ${id} does not exist`);
  return rows[0];
}

/**
 * Saves an analyst's edit only if nobody saved in between: the UPDATE matches on the version the analyst
 * loaded, so of two concurrent saves with the same version exactly one succeeds and the other gets a
 * conflict (409) instead of silently overwriting. The audit row records the before and after of each field.
 */
export async function updateIncident(id: number, expectedVersion: number, patch: IncidentPatch, user: Actor): Promise<IncidentRow> {
  const changes = incidentPatchSchema.parse(patch);
  return corrected(prisma.$transaction(async (tx) => {
    const current = await tx.incident.findUnique({ where: { id } });
    if (!current) throw new AppError("not_found", `Incident ${id} does not exist`);
    if (current.version !== expectedVersion) throw conflict(id);
    const eventType = changes.eventType ?? current.eventType;
    const subEventType = changes.subEventType ?? current.subEventType;
    if (!isValidEventPair(eventType, subEventType)) {
      throw new AppError("bad_request", `subEventType: "${subEventType}" is not a sub-event type of "${eventType}"`);
    }
    const eventDate = changes.eventDate ?? isoDay(current.eventDate)!;
    const endDate = changes.endDate === undefined ? isoDay(current.endDate) : changes.endDate;
    if (endDate && endDate < eventDate) throw new AppError("bad_request", "endDate: must not be before eventDate");

    const data: Prisma.IncidentUpdateManyMutationInput = { version: { increment: 1 } };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    const { actors, ...fields } = changes;
    for (const [key, value] of Object.entries(fields) as [Exclude<keyof IncidentPatch, "actors">, unknown][]) {
      const before = key === "eventDate" || key === "endDate" ? isoDay(current[key]) : current[key];
      if (before === value) continue;
      diff[key] = { from: before, to: value };
      (data as Record<string, unknown>)[key] =
        (key === "eventDate" || key === "endDate") && typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
    }
    if (actors) {
      // The row is locked first, so the links and actor_names change under the same lock as the fields.
      await lockIncident(tx, id);
      const linked = await replaceIncidentActors(tx, id, actors);
      if (linked) {
        diff.actors = linked;
        await refreshActorNames(tx, [id]);
      }
    }
    if (!Object.keys(diff).length) return (await getRow(tx, id))!;
    const updated = await tx.incident.updateMany({ where: { id, version: expectedVersion }, data });
    if (updated.count !== 1) throw conflict(id);
    await recordAudit({ user, action: "incident.update", targetType: "incident", targetId: id, details: { changes: diff, version: expectedVersion + 1 } }, tx);
    return (await getRow(tx, id))!;
  }));
}

/**
 * After a correction commits, the overview's short-lived cache (lib/incidents/stats-cache.ts) is emptied:
 * an analyst's own change is never hidden behind figures computed before it.
 */
function corrected<T>(done: Promise<T>): Promise<T> {
  return done.then((result) => {
    invalidateOverviewCache();
    return result;
  });
}

async function getRow(db: Db, id: number): Promise<IncidentRow | undefined> {
  const rows = await db.$queryRaw<IncidentRow[]>`SELECT ${ROW_COLUMNS} FROM incident i WHERE i.id = ${id}`;
  return rows[0];
}

/** Verify or reject (or send back to unverified). With a version, it is refused when the incident changed. */
export async function setIncidentStatus(id: number, status: ReviewStatus, user: Actor, expectedVersion?: number): Promise<IncidentRow> {
  if (!(REVIEW_STATUSES as readonly string[]).includes(status)) throw new AppError("bad_request", `status: must be one of ${REVIEW_STATUSES.join(", ")}`);
  return corrected(prisma.$transaction(async (tx) => {
    const current = await lockIncident(tx, id);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw conflict(id);
    const before = await tx.incident.findUniqueOrThrow({ where: { id }, select: { status: true } });
    if (before.status !== status) {
      await tx.incident.update({ where: { id }, data: { status, version: { increment: 1 } } });
      await recordAudit({ user, action: "incident.status", targetType: "incident", targetId: id, details: { from: before.status, to: status } }, tx);
    }
    return (await getRow(tx, id))!;
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Merges

type MovedLinks = {
  sources: number[];
  actors: { actorId: number; role: ActorRoleName }[];
  evidence: number[];
};

/** actor_names kept on the row (table and export need no join): actor1 first, then actor2, associated. */
export async function refreshActorNames(tx: Prisma.TransactionClient, ids: number[]): Promise<void> {
  await tx.$executeRaw`UPDATE incident i SET actor_names = ${Prisma.raw(ACTOR_NAMES_OF_I)} WHERE i.id = ANY(${ids}::int[])`;
}

/**
 * Merges `mergedId` into `targetId`: the sources, actors and evidence of the merged incident that the
 * target lacks move to the target, and the merged incident is hidden (merged_into_id). What moved is
 * written to incident_merge, so un-merging moves exactly those links back. One transaction; both rows are
 * locked in id order so two concurrent merges cannot deadlock or interleave.
 */
export async function mergeIncidents(targetId: number, mergedId: number, user: Actor): Promise<{ mergeId: number }> {
  if (targetId === mergedId) throw new AppError("bad_request", "An incident cannot be merged into itself");
  return corrected(prisma.$transaction(async (tx) => {
    const [first, second] = targetId < mergedId ? [targetId, mergedId] : [mergedId, targetId];
    const locked = new Map([[first, await lockIncident(tx, first)], [second, await lockIncident(tx, second)]]);
    if (locked.get(targetId)!.merged_into_id !== null) throw new AppError("conflict", `Incident ${targetId} is itself merged into incident ${locked.get(targetId)!.merged_into_id}`);
    if (locked.get(mergedId)!.merged_into_id !== null) throw new AppError("conflict", `Incident ${mergedId} is already merged into incident ${locked.get(mergedId)!.merged_into_id}`);

    const sources = await tx.$queryRaw<{ source_id: number }[]>`
      UPDATE incident_source SET incident_id = ${targetId}
      WHERE incident_id = ${mergedId}
        AND source_id NOT IN (SELECT source_id FROM incident_source WHERE incident_id = ${targetId})
      RETURNING source_id`;
    const actors = await tx.$queryRaw<{ actor_id: number; role: ActorRoleName }[]>`
      UPDATE incident_actor SET incident_id = ${targetId}
      WHERE incident_id = ${mergedId}
        AND (actor_id, role) NOT IN (SELECT actor_id, role FROM incident_actor WHERE incident_id = ${targetId})
      RETURNING actor_id, role::text AS role`;
    const evidence = await tx.$queryRaw<{ id: number }[]>`
      UPDATE evidence SET incident_id = ${targetId} WHERE incident_id = ${mergedId} RETURNING id`;
    const moved: MovedLinks = {
      sources: sources.map((row) => row.source_id).sort((a, b) => a - b),
      actors: actors.map((row) => ({ actorId: row.actor_id, role: row.role })),
      evidence: evidence.map((row) => row.id).sort((a, b) => a - b),
    };
    await tx.incident.update({ where: { id: mergedId }, data: { mergedIntoId: targetId, version: { increment: 1 } } });
    await tx.incident.update({ where: { id: targetId }, data: { version: { increment: 1 } } });
    await refreshActorNames(tx, [targetId, mergedId]);
    const merge = await tx.incidentMerge.create({
      data: { targetId, mergedId, movedLinks: moved, createdById: user?.id ?? null },
    });
    const details = { mergeId: merge.id, targetId, mergedId, moved };
    await recordAudit({ user, action: "incident.merge", targetType: "incident", targetId, details }, tx);
    await recordAudit({ user, action: "incident.merged_into", targetType: "incident", targetId: mergedId, details }, tx);
    return { mergeId: merge.id };
  }));
}

/** Undoes a merge: the recorded links go back to the merged incident, which is listed again. */
export async function unmergeIncident(mergeId: number, user: Actor): Promise<{ targetId: number; mergedId: number }> {
  return corrected(prisma.$transaction(async (tx) => {
    const merge = await tx.incidentMerge.findUnique({ where: { id: mergeId } });
    if (!merge) throw new AppError("not_found", `Merge ${mergeId} does not exist`);
    const { targetId, mergedId } = merge;
    const [first, second] = targetId < mergedId ? [targetId, mergedId] : [mergedId, targetId];
    const locked = new Map([[first, await lockIncident(tx, first)], [second, await lockIncident(tx, second)]]);
    // Re-read under the locks: a concurrent un-merge of the same merge must find it already undone.
    const current = await tx.incidentMerge.findUniqueOrThrow({ where: { id: mergeId } });
    if (current.undoneAt) throw new AppError("conflict", `Merge ${mergeId} was already undone`);
    // The target merged into a third incident since: the links to move back are on that one now, so
    // undoing this merge first would bring the merged incident back without them. Undo in reverse order.
    const targetMergedInto = locked.get(targetId)!.merged_into_id;
    if (targetMergedInto !== null) {
      const later = await tx.incidentMerge.findFirst({ where: { mergedId: targetId, undoneAt: null }, orderBy: { id: "desc" }, select: { id: true } });
      throw new AppError(
        "conflict",
        `Incident ${targetId} was merged into incident ${targetMergedInto} since: undo merge ${later?.id ?? "of that incident"} first`,
      );
    }
    const moved = current.movedLinks as unknown as MovedLinks;
    if (moved.sources.length) {
      await tx.$executeRaw`UPDATE incident_source SET incident_id = ${mergedId} WHERE incident_id = ${targetId} AND source_id = ANY(${moved.sources}::int[])`;
    }
    for (const link of moved.actors) {
      await tx.$executeRaw`UPDATE incident_actor SET incident_id = ${mergedId}
        WHERE incident_id = ${targetId} AND actor_id = ${link.actorId} AND role = ${link.role}::"ActorRole"`;
    }
    if (moved.evidence.length) {
      await tx.$executeRaw`UPDATE evidence SET incident_id = ${mergedId} WHERE incident_id = ${targetId} AND id = ANY(${moved.evidence}::int[])`;
    }
    await tx.incident.update({ where: { id: mergedId }, data: { mergedIntoId: null, version: { increment: 1 } } });
    await tx.incident.update({ where: { id: targetId }, data: { version: { increment: 1 } } });
    await refreshActorNames(tx, [targetId, mergedId]);
    await tx.incidentMerge.update({ where: { id: mergeId }, data: { undoneAt: new Date() } });
    const details = { mergeId, targetId, mergedId, moved };
    await recordAudit({ user, action: "incident.unmerge", targetType: "incident", targetId, details }, tx);
    await recordAudit({ user, action: "incident.unmerged_from", targetType: "incident", targetId: mergedId, details }, tx);
    return { targetId, mergedId };
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Filter options (the choices of the filter bar)

export type PlaceOption = { name: string; country: string; admin1?: string | null; admin2?: string | null; reform?: boolean };
export type FilterOptions = {
  countries: string[];
  admin1: PlaceOption[];
  admin2: PlaceOption[];
  locations: PlaceOption[];
  actors: { name: string; type: number; aliases: string[] }[];
};

/**
 * Choices for the filter bar, from the place table (the loaded gazetteer) and the actor dictionary. Each
 * place carries its parents, so the bar can narrow admin1 to the chosen countries and so on.
 */
export async function getFilterOptions(): Promise<FilterOptions> {
  const [places, actors] = await Promise.all([
    prisma.$queryRaw<{ kind: string; name: string; country: string; admin1: string | null; admin2: string | null; reform: string | null }[]>`
      SELECT p.kind::text AS kind, p.name, coalesce(c.name, p.name) AS country,
             CASE p.kind WHEN 'admin1' THEN p.name
                         WHEN 'admin2' THEN CASE WHEN up.kind = 'admin1' THEN up.name END
                         WHEN 'locality' THEN CASE up.kind WHEN 'admin1' THEN up.name WHEN 'admin2' THEN up2.name END END AS admin1,
             CASE p.kind WHEN 'admin2' THEN p.name WHEN 'locality' THEN CASE WHEN up.kind = 'admin2' THEN up.name END END AS admin2,
             p.admin1_reform AS reform
      FROM place p
      -- A locality hangs under its district, or straight under its region when the district is unknown.
      LEFT JOIN place up ON up.id = p.parent_id AND p.kind IN ('admin2', 'locality')
      LEFT JOIN place up2 ON up2.id = up.parent_id AND up2.kind = 'admin1'
      LEFT JOIN place c ON c.kind = 'country' AND c.country_code = p.country_code
      ORDER BY p.name`,
    prisma.actor.findMany({ select: { name: true, type: true, aliases: { select: { alias: true } } }, orderBy: { name: "asc" } }),
  ]);
  const of = (kind: string) => places.filter((place) => place.kind === kind);
  return {
    countries: of("country").map((place) => place.name),
    admin1: of("admin1").map((place) => ({ name: place.name, country: place.country, reform: place.reform === place.name })),
    admin2: of("admin2").map((place) => ({ name: place.name, country: place.country, admin1: place.admin1 })),
    locations: of("locality").map((place) => ({ name: place.name, country: place.country, admin1: place.admin1, admin2: place.admin2 })),
    actors: actors.map((actor) => ({ name: actor.name, type: actor.type, aliases: actor.aliases.map((alias) => alias.alias).filter((alias) => alias !== actor.name) })),
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

// ---------------------------------------------------------------------------------------------------------
// Saved views

export type SavedViewRow = { id: number; name: string; query: string; shared: boolean; ownerId: number; ownerName: string | null; createdAt: string; mine: boolean };

export const savedViewInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "is too long (100 characters at most)"),
  query: z
    .string()
    .trim()
    .max(4000, "is too long")
    .transform((value) => value.replace(/^\?/, "")),
  shared: z.boolean().default(false),
}).strict(); // a misspelt field ("shard") is a 400, not a view silently saved private

/** The user's own views and the ones the team shared, own first. */
export async function listSavedViews(user: SessionUser): Promise<SavedViewRow[]> {
  const views = await prisma.savedView.findMany({
    where: { OR: [{ ownerId: user.id }, { shared: true }] },
    include: { owner: { select: { name: true, email: true } } },
    orderBy: [{ name: "asc" }],
  });
  return views
    .map((view) => ({
      id: view.id,
      name: view.name,
      query: view.query,
      shared: view.shared,
      ownerId: view.ownerId,
      ownerName: view.owner.name ?? view.owner.email,
      createdAt: view.createdAt.toISOString(),
      mine: view.ownerId === user.id,
    }))
    .sort((a, b) => Number(b.mine) - Number(a.mine));
}

/** A saved view keeps the filter part of the URL (no page number): reopening starts at the first page. */
export function normalizeViewQuery(query: string): string {
  const params = new URLSearchParams(query);
  params.delete("page");
  return params.toString();
}

export async function createSavedView(user: SessionUser, input: z.input<typeof savedViewInputSchema>): Promise<SavedViewRow> {
  const data = savedViewInputSchema.parse(input);
  const view = await prisma.$transaction(async (tx) => {
    const created = await tx.savedView.create({ data: { ownerId: user.id, name: data.name, query: normalizeViewQuery(data.query), shared: data.shared } });
    await recordAudit({ user, action: "view.create", targetType: "saved_view", targetId: created.id, details: { name: created.name, shared: created.shared } }, tx);
    return created;
  });
  return { id: view.id, name: view.name, query: view.query, shared: view.shared, ownerId: view.ownerId, ownerName: user.name ?? user.email, createdAt: view.createdAt.toISOString(), mine: true };
}

async function ownView(tx: Prisma.TransactionClient, user: SessionUser, id: number) {
  const view = await tx.savedView.findUnique({ where: { id } });
  if (!view || (view.ownerId !== user.id && !view.shared)) throw new AppError("not_found", `Saved view ${id} does not exist`);
  if (view.ownerId !== user.id && user.role !== "admin") throw new AppError("forbidden", "Only the owner of a view (or an admin) can change or delete it");
  return view;
}

export async function updateSavedView(user: SessionUser, id: number, input: Partial<z.input<typeof savedViewInputSchema>>): Promise<void> {
  const data = savedViewInputSchema.partial().parse(input);
  await prisma.$transaction(async (tx) => {
    await ownView(tx, user, id);
    await tx.savedView.update({
      where: { id },
      data: { ...(data.name !== undefined && { name: data.name }), ...(data.query !== undefined && { query: normalizeViewQuery(data.query) }), ...(data.shared !== undefined && { shared: data.shared }) },
    });
    await recordAudit({ user, action: "view.update", targetType: "saved_view", targetId: id, details: data }, tx);
  });
}

export async function deleteSavedView(user: SessionUser, id: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const view = await ownView(tx, user, id);
    await tx.savedView.delete({ where: { id } });
    await recordAudit({ user, action: "view.delete", targetType: "saved_view", targetId: id, details: { name: view.name } }, tx);
  });
}

/** For audit details: the filter as it appears in the URL, without paging. */
export function auditFilter(filter: IncidentFilter): Record<string, string | string[]> {
  return describeFilter(filter);
}
