/**
 * The audit trail: who did what, to what, from where. Rows are append-only (a database trigger refuses
 * UPDATE and DELETE), so the application can add history but never rewrite it. Pass the transaction of
 * the change being audited, so a change and its audit row are committed together or not at all.
 */
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditActor = { id: number; email: string };

export type AuditEventInput = {
  user?: AuditActor | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string | null;
};

export async function recordAudit(event: AuditEventInput, tx?: Prisma.TransactionClient): Promise<void> {
  const client = tx ?? prisma;
  await client.auditEvent.create({
    data: {
      userId: event.user?.id ?? null,
      userEmail: event.user?.email ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId === undefined ? null : String(event.targetId),
      // JSON round trip: drops undefined values and turns Dates into strings, as the jsonb column stores them.
      details: event.details ? (JSON.parse(JSON.stringify(event.details)) as Prisma.InputJsonValue) : undefined,
      ip: event.ip ?? null,
    },
  });
}
