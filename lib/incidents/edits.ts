/**
 * Analysts' corrections of an incident: field edits with optimistic locking and the review status. Each
 * write is one transaction with its audit row, then empties the overview's short-lived cache.
 */
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma, type ReviewStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { calendarDay } from "@/lib/validation/calendar-day";
import type { SessionUser } from "@/lib/auth/guard";
import { DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, REVIEW_STATUSES, isValidEventPair } from "./taxonomy";
import { invalidateOverviewCache } from "./stats-cache";
import { ACTOR_NAMES_OF_I, actorLinksSchema, replaceIncidentActors } from "./actor-links";
import { getRow, isoDay } from "./rows";
import type { IncidentRow } from "./types";

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

/** Who made the change; null for a script. */
export type Actor = SessionUser | null;

function conflict(id: number): AppError {
  return new AppError(
    "conflict",
    `Incident ${id} was changed by someone else since you opened it. Reload it to see their changes, then apply yours again.`,
  );
}

export async function lockIncident(tx: Prisma.TransactionClient, id: number) {
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
export function corrected<T>(done: Promise<T>): Promise<T> {
  return done.then((result) => {
    invalidateOverviewCache();
    return result;
  });
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
  }));}

/** actor_names kept on the row (table and export need no join): actor1 first, then actor2, associated. */
export async function refreshActorNames(tx: Prisma.TransactionClient, ids: number[]): Promise<void> {
  await tx.$executeRaw`UPDATE incident i SET actor_names = ${Prisma.raw(ACTOR_NAMES_OF_I)} WHERE i.id = ANY(${ids}::int[])`;
}
