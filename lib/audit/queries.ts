/** Reading the audit trail for the admin page: filters by action, user and date, newest first, paged. */
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const AUDIT_PAGE_SIZE = 50;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .catch(undefined)
  .transform((value) => value || undefined);
const optionalDate = z.iso
  .date()
  .optional()
  .catch(undefined);

/** Tolerant, like every URL-driven page: a bad link shows the unfiltered list instead of an error. */
export const auditFilterSchema = z.object({
  action: optionalText,
  user: optionalText,
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return auditFilterSchema.parse({
    action: first(params.action),
    user: first(params.user),
    from: first(params.from),
    to: first(params.to),
    page: first(params.page),
  });
}

export type AuditRow = {
  id: string;
  createdAt: Date;
  userEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
};

function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  // Dates are whole UTC days, "to" included.
  const toExclusive = filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) : undefined;
  return {
    ...(filter.action ? { action: filter.action.endsWith(".") ? { startsWith: filter.action } : filter.action } : {}),
    ...(filter.user ? { userEmail: { contains: filter.user, mode: "insensitive" as const } } : {}),
    ...(filter.from || toExclusive
      ? { createdAt: { ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}), ...(toExclusive ? { lt: toExclusive } : {}) } }
      : {}),
  };
}

export async function listAuditEvents(filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<{ rows: AuditRow[]; total: number; page: number; pageCount: number }> {
  const where = auditWhere(filter);
  const total = await prisma.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pageCount);
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, createdAt: true, userEmail: true, action: true, targetType: true, targetId: true, details: true, ip: true },
  });
  return { rows: rows.map((row) => ({ ...row, id: row.id.toString() })), total, page, pageCount };
}

/** The actions present in the trail, for the filter's drop-down (other modules add their own). */
export async function listAuditActions(): Promise<string[]> {
  const rows = await prisma.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
